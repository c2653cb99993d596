package export

import (
	"context"
	"regexp"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// generatedUUID is the generated part of a room name in the uuid pattern,
// after the room_name_prefix: what tells rooms apart, but reads poorly in an
// address.
var generatedUUID = regexp.MustCompile(`-?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// listWhereby lists the organization's meetings. A meeting has no name but
// its room's: "/town-hall-d24e179e-..." is named town_hall (the prefix),
// "/h848av" (human-short, no prefix) h848av.
func listWhereby(ctx context.Context, c *whereby.Client, l *lister) ([]*Object, error) {
	l.reading("meetings")
	meetings, err := c.ListMeetings(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*Object, 0, len(meetings))
	for _, m := range meetings {
		room := strings.TrimPrefix(m.RoomName, "/")
		out = append(out, &Object{
			Platform: &platforms.Whereby, Type: typeWherebyMeeting, ID: m.MeetingID,
			Title: m.RoomName, NameFrom: []string{generatedUUID.ReplaceAllString(room, ""), room}, Kind: "meeting",
		})
	}
	l.found(len(meetings))
	return out, nil
}
