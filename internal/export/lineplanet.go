package export

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// listLinePlanet lists the meeting IDs of the rooms given with -line-room.
// line-planet-meeting-id.txt has a list of a room's meetings (GET
// .../gcall/{roomServiceId}/{roomId}/mtgs) but no list of rooms: which rooms
// a service has is the application's own knowledge.
func listLinePlanet(ctx context.Context, c *lineplanet.Client, l *lister) ([]*Object, error) {
	if len(l.opts.LineRooms) == 0 {
		l.note("skipped: LINE Planet has no call that lists rooms; name the rooms to export with -line-room ROOM_SERVICE_ID/ROOM_ID.")
		return nil, nil
	}
	var out []*Object
	for _, room := range l.opts.LineRooms {
		svc, id, err := LineRoom(room)
		if err != nil {
			return nil, err
		}
		l.reading("room " + room)
		mtgs, err := c.ListMeetings(ctx, svc, id)
		if err != nil {
			return nil, fmt.Errorf("room %s: %w", room, err)
		}
		for _, m := range mtgs {
			num := strconv.FormatInt(m.ID, 10)
			title := ""
			if m.Title != nil {
				title = *m.Title
			}
			out = append(out, &Object{
				Platform: &platforms.LinePlanet, Type: typeLineMeetingID,
				// conference_line_meeting_id's import ID.
				ID:    svc + "/" + id + "/" + num,
				Title: title, NameFrom: []string{title, id, num}, Kind: "meeting",
			})
		}
		if len(mtgs) == 0 {
			l.note("room %s has no meeting ID.", room)
		}
		l.found(len(mtgs))
	}
	return out, nil
}

// LineRoom reads a -line-room value, ROOM_SERVICE_ID/ROOM_ID.
func LineRoom(s string) (svc, room string, err error) {
	svc, room, ok := strings.Cut(s, "/")
	if !ok || svc == "" || room == "" || strings.Contains(room, "/") {
		return "", "", fmt.Errorf("-line-room %q: want ROOM_SERVICE_ID/ROOM_ID, such as ex-service/ex-room", s)
	}
	return svc, room, nil
}
