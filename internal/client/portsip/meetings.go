package portsip

import (
	"context"
	"fmt"
)

// The signed-in user's meetings, /user/meetings: every call acts for the user
// the client signs in as (Config.Username or the token's), and another
// user's meeting answers 404 as an unknown one does.

const meetingsCollection = "user/meetings"

// createMeeting sends one create of a meeting for the signed-in user; the
// PBX gives its ID and extension number (201 {id, extension_number},
// NOTES.md). CreateMeeting adopts what a lost one made.
func (c *Client) createMeeting(ctx context.Context, in MeetingInput) (MeetingCreated, error) {
	var out MeetingCreated
	if err := c.post(ctx, "/"+meetingsCollection, in, false, &out); err != nil {
		return MeetingCreated{}, err
	}
	if out.ID == "" {
		return MeetingCreated{}, fmt.Errorf("PortSIP created a meeting but returned no id")
	}
	return out, nil
}

// GetMeeting reads one meeting with every field (list items are summaries).
func (c *Client) GetMeeting(ctx context.Context, id string) (*Meeting, error) {
	var m Meeting
	if err := c.get(ctx, objPath(meetingsCollection, id), nil, &m); err != nil {
		return nil, err
	}
	return &m, nil
}

// UpdateMeeting changes a meeting; its mode cannot change.
func (c *Client) UpdateMeeting(ctx context.Context, id string, in MeetingInput) error {
	return c.post(ctx, objPath(meetingsCollection, id), in, true, nil)
}

// DeleteMeeting destroys a meeting.
func (c *Client) DeleteMeeting(ctx context.Context, id string) error {
	return c.post(ctx, objPath(meetingsCollection, id, "destroy"), nil, true, nil)
}

// ListMeetings returns every meeting of the signed-in user that matches opts,
// across all pages.
func (c *Client) ListMeetings(ctx context.Context, opts ListOptions) ([]Meeting, error) {
	return listAll[Meeting](ctx, c, "/"+meetingsCollection, opts)
}

// ListMeetingPages hands the signed-in user's meetings that match opts to
// page a page at a time, until page returns false or the last page.
func (c *Client) ListMeetingPages(ctx context.Context, opts ListOptions, page func([]Meeting) bool) error {
	return eachPage(ctx, c, "/"+meetingsCollection, opts, page)
}

// GetMeetingStatus reads a meeting's live status.
func (c *Client) GetMeetingStatus(ctx context.Context, id string) (*ConferenceStatus, error) {
	return c.status(ctx, objPath(meetingsCollection, id, "status"))
}

// ListMeetingParticipants returns the members of a meeting's live conference.
func (c *Client) ListMeetingParticipants(ctx context.Context, id string) ([]Participant, error) {
	return c.participants(ctx, objPath(meetingsCollection, id, "participants"))
}
