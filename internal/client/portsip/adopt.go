package portsip

import (
	"context"
	"fmt"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// The creates below never repeat a create blindly: when the answer to one is
// lost, they look for what it may have made by a natural key and adopt it
// (client.Adopt). Each key is what the create sends and the PBX keeps as it
// is, and the time the PBX stamps (created_at) must fall in the create's
// window where the objects carry one.

// CreateServer creates a conference server and returns its ID. Its natural
// key is its name with its addresses: the documents do not make names
// unique, so two servers with the same name and addresses, made around the
// same time, are ambiguous.
func (c *Client) CreateServer(ctx context.Context, in ServerCreate) (string, error) {
	key := fmt.Sprintf("name %q", in.Name)
	for _, a := range [][2]string{{"ipv4", in.IPv4}, {"ipv6", in.IPv6}} {
		if a[1] != "" {
			key += fmt.Sprintf(", %s %s", a[0], a[1])
		}
	}
	return client.Adopt(ctx, c.http, client.Adoption[string]{
		Object: "conference server", Key: key,
		Create: func(ctx context.Context) (string, error) { return c.createServer(ctx, in) },
		Find: func(ctx context.Context, _ client.Window) ([]string, error) {
			servers, err := c.ListServers(ctx, ListOptions{Filter: "name eq " + ODataString(in.Name)})
			if err != nil {
				return nil, err
			}
			var ids []string
			for _, s := range servers {
				// Compared here too: a lax filter must not hand over another.
				if s.Name == in.Name && SameAddress(s.IPv4, in.IPv4) && SameAddress(s.IPv6, in.IPv6) {
					ids = append(ids, s.ID)
				}
			}
			return ids, nil
		},
		ID: func(id string) string { return id },
	})
}

// CreateRoom creates a conference room and returns its ID. Its natural key is
// its extension number, which is unique in the PBX; the room found must have
// the mode and subject sent too, and be made in the create's window, or it is
// another room (and the next try fails on the taken extension).
func (c *Client) CreateRoom(ctx context.Context, in RoomInput) (string, error) {
	ext := deref(in.ExtensionNumber)
	return client.Adopt(ctx, c.http, client.Adoption[string]{
		Object: "conference room", Key: fmt.Sprintf("extension_number %q", ext),
		Create: func(ctx context.Context) (string, error) { return c.createRoom(ctx, in) },
		Find: func(ctx context.Context, w client.Window) ([]string, error) {
			rooms, err := c.ListRooms(ctx, ListOptions{Filter: "extension_number eq " + ODataString(ext)})
			if err != nil {
				return nil, err
			}
			var ids []string
			for _, r := range rooms {
				if r.ExtensionNumber == ext && r.sameAs(in.Mode, in.Subject, in.ScheduledStartAt, w) {
					ids = append(ids, r.ID)
				}
			}
			return ids, nil
		},
		ID: func(id string) string { return id },
	})
}

// CreateMeeting creates a meeting for the signed-in user. The PBX gives the
// extension number, so the natural key is what the create sends that tells a
// meeting apart — subject, mode and scheduled start — among the user's
// meetings made in the create's window (created_at). Two meetings alike in
// all of these, made within minutes of each other, are ambiguous.
func (c *Client) CreateMeeting(ctx context.Context, in MeetingInput) (MeetingCreated, error) {
	subject, mode := deref(in.Subject), deref(in.Mode)
	key := fmt.Sprintf("subject %q and mode %s", subject, mode)
	if start := deref(in.ScheduledStartAt); start != "" {
		key += ", scheduled_start_at " + start
	}
	return client.Adopt(ctx, c.http, client.Adoption[MeetingCreated]{
		Object: "meeting", Key: key + ", created during this create",
		Create: func(ctx context.Context) (MeetingCreated, error) { return c.createMeeting(ctx, in) },
		Find: func(ctx context.Context, w client.Window) ([]MeetingCreated, error) {
			ms, err := c.ListMeetings(ctx, ListOptions{Filter: "subject eq " + ODataString(subject) + " and mode eq " + ODataString(mode)})
			if err != nil {
				return nil, err
			}
			var out []MeetingCreated
			for _, m := range ms {
				if m.sameAs(in.Mode, in.Subject, in.ScheduledStartAt, w) {
					out = append(out, MeetingCreated{ID: m.ID, ExtensionNumber: m.ExtensionNumber})
				}
			}
			return out, nil
		},
		ID: func(m MeetingCreated) string { return m.ID },
	})
}

// sameAs reports whether the room or meeting has the mode, subject and
// scheduled start a create sent (nil: not sent, anything goes), and was made
// in w. A PBX that does not say when it made it gets the benefit of the doubt.
func (cf *Conference) sameAs(mode, subject, start *string, w client.Window) bool {
	if (mode != nil && cf.Mode != *mode) || (subject != nil && cf.Subject != *subject) {
		return false
	}
	if start != nil && !sameInstant(cf.ScheduledStartAt, *start) {
		return false
	}
	created, err := time.Parse(time.RFC3339, cf.CreatedAt)
	return err != nil || w.Contains(created)
}

// sameInstant compares RFC 3339 times as instants: the PBX may write a time
// in another offset than it was sent in.
func sameInstant(a, b string) bool {
	ta, errA := time.Parse(time.RFC3339, a)
	tb, errB := time.Parse(time.RFC3339, b)
	if errA != nil || errB != nil {
		return a == b
	}
	return ta.Equal(tb)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
