package portsip

import (
	"context"
	"fmt"
)

// createRoom sends one create of a conference room and returns its ID
// (CreateRoom adopts what a lost one made).
func (c *Client) createRoom(ctx context.Context, in RoomInput) (string, error) {
	var out struct {
		ID string `json:"id"`
	}
	if err := c.post(ctx, "/conference_rooms", in, false, &out); err != nil {
		return "", err
	}
	if out.ID == "" {
		return "", fmt.Errorf("PortSIP created a conference room but returned no id")
	}
	return out.ID, nil
}

// GetRoom reads one conference room with every field (list items are summaries).
func (c *Client) GetRoom(ctx context.Context, id string) (*Room, error) {
	var r Room
	if err := c.get(ctx, objPath("conference_rooms", id), nil, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// UpdateRoom changes a room; mode and extension_number cannot change.
func (c *Client) UpdateRoom(ctx context.Context, id string, in RoomInput) error {
	return c.post(ctx, objPath("conference_rooms", id), in, true, nil)
}

// DeleteRoom destroys a conference room.
func (c *Client) DeleteRoom(ctx context.Context, id string) error {
	return c.post(ctx, objPath("conference_rooms", id, "destroy"), nil, true, nil)
}

// ListRooms returns every room that matches opts, across all pages.
func (c *Client) ListRooms(ctx context.Context, opts ListOptions) ([]Room, error) {
	return listAll[Room](ctx, c, "/conference_rooms", opts)
}

// ListRoomPages hands the rooms that match opts to page a page at a time,
// until page returns false or the last page.
func (c *Client) ListRoomPages(ctx context.Context, opts ListOptions, page func([]Room) bool) error {
	return eachPage(ctx, c, "/conference_rooms", opts, page)
}

// GetRoomStatus reads a room's live status.
func (c *Client) GetRoomStatus(ctx context.Context, id string) (*ConferenceStatus, error) {
	return c.status(ctx, objPath("conference_rooms", id, "status"))
}

// ListRoomParticipants returns the members of a room's live conference.
func (c *Client) ListRoomParticipants(ctx context.Context, id string) ([]Participant, error) {
	return c.participants(ctx, objPath("conference_rooms", id, "participants"))
}

// ListRoomRecordings returns every recording of a room, across all pages.
func (c *Client) ListRoomRecordings(ctx context.Context, id string) ([]Recording, error) {
	return listAll[Recording](ctx, c, objPath("conference_rooms", id, "recordings"), ListOptions{})
}
