package sqmeeting

import (
	"context"
	"fmt"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// SQMeeting stamps no creation time on a meeting, so the natural keys are
// what a create sends that tells meetings apart: the name and the start,
// among the signed-in user's own meetings (the list holds those the user is
// invited to as well). An instant meeting starts when it is made, so its
// start must fall in the create's window. A meeting with the same name and
// start made before the create is indistinguishable from the create's own.

// meetingAdoption finds an instant or reservation meeting by name, type and
// start (client.Adopt).
func (c *Client) meetingAdoption(in MeetingInput, create func(context.Context) (*Meeting, error)) client.Adoption[*Meeting] {
	key := fmt.Sprintf("meeting_name %q", in.MeetingName)
	if !in.ScheduleStartTime.IsZero() {
		key += ", start " + in.ScheduleStartTime.UTC().Format(time.RFC3339)
	} else {
		key += ", started during this create"
	}
	return client.Adoption[*Meeting]{
		Object: "meeting", Key: key, Create: create,
		Find: func(ctx context.Context, w client.Window) ([]*Meeting, error) {
			return c.findOwn(ctx, in.MeetingName, func(m *Meeting) bool {
				if m.RecurrenceGID != "" || (in.MeetingType != "" && m.MeetingType != in.MeetingType) {
					return false
				}
				if in.ScheduleStartTime.IsZero() {
					return w.Contains(m.ScheduleStartTime.Time)
				}
				return m.ScheduleStartTime.Equal(in.ScheduleStartTime.Time)
			})
		},
		ID: func(m *Meeting) string { return m.ReservationID },
		// List items may be summaries: the create answers the whole meeting.
		Read: func(ctx context.Context, m *Meeting) (*Meeting, error) { return c.GetMeeting(ctx, m.ReservationID) },
	}
}

// recurrenceAdoption finds a series by name and the start of its first
// occurrence (the list shows a series as its first occurrence).
func (c *Client) recurrenceAdoption(in RecurrenceInput, create func(context.Context) (*Meeting, error)) client.Adoption[*Meeting] {
	start := in.RecurrenceStartTime
	return client.Adoption[*Meeting]{
		Object: "recurring meeting",
		Key:    fmt.Sprintf("meeting_name %q, first occurrence %s", in.MeetingName, start.UTC().Format(time.RFC3339)),
		Create: create,
		Find: func(ctx context.Context, _ client.Window) ([]*Meeting, error) {
			return c.findOwn(ctx, in.MeetingName, func(m *Meeting) bool {
				return m.RecurrenceGID != "" && (m.RecurrenceStartTime.Equal(start.Time) || m.ScheduleStartTime.Equal(start.Time))
			})
		},
		ID: func(m *Meeting) string { return m.RecurrenceGID },
	}
}

// findOwn lists the signed-in user's meetings named name that match.
func (c *Client) findOwn(ctx context.Context, name string, match func(*Meeting) bool) ([]*Meeting, error) {
	all, err := c.ListMeetings(ctx, name)
	if err != nil {
		return nil, err
	}
	user := c.auth.user()
	var out []*Meeting
	for i := range all {
		m := &all[i]
		if m.MeetingName == name && (user == "" || m.OwnerID == user) && match(m) {
			out = append(out, m)
		}
	}
	return out, nil
}
