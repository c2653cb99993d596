package managed

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/mapping/linemap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/resources"
)

var linePlatform = platform(&platforms.LinePlanet, lineplanet.FromSettings, &LineMeetingID)

// LineMeetingID is conference_line_meeting_id.
var LineMeetingID = Type{
	Kind: resources.Kind{
		Name: Prefix + "line_meeting_id", Platform: &platforms.LinePlanet, Noun: "meeting ID",
		ImportID: linemap.MeetingImportID,
		Key: "the room's one meeting ID, if it has the configured `type`, `title`, `data` and `passcode` and was made while the create ran; " +
			"code 405 (meeting already exists) right after a lost answer is settled the same way, while on a first try it fails as above. " +
			"An adopted meeting ID has no `sip_proxy`, which LINE Planet returns with a create only",
	},
	Section: Section{Title: "LINE Planet meeting IDs",
		Note: "LINE Planet has no call that lists rooms: these are the meeting IDs of the rooms given with -line-room."},
	New: resources.NewLineMeetingID,
	// line-planet-meeting-id.txt has a list of a room's meetings (GET
	// .../gcall/{roomServiceId}/{roomId}/mtgs) but no list of rooms: which
	// rooms a service has is the application's own knowledge.
	List: lister(func(ctx context.Context, c *lineplanet.Client, l *Listing) ([]*Object, error) {
		if len(l.LineRooms) == 0 {
			l.Note("skipped: LINE Planet has no call that lists rooms; name the rooms to export with -line-room ROOM_SERVICE_ID/ROOM_ID.")
			return nil, nil
		}
		var out []*Object
		for _, room := range l.LineRooms {
			if l.enough(len(out)) {
				break
			}
			svc, id, err := linemap.ParseRoomRef(room)
			if err != nil {
				return nil, fmt.Errorf("-line-room: %w", err)
			}
			l.Reading("room " + room)
			mtgs, err := Every(ctx, LineMeetings(c, svc, id))
			if err != nil {
				return nil, fmt.Errorf("room %s: %w", room, err)
			}
			for _, m := range mtgs {
				ref := linemap.MeetingRef{Service: svc, Room: id, Meeting: m.ID}
				title := ""
				if m.Title != nil {
					title = *m.Title
				}
				out = append(out, &Object{
					ID:    ref.String(),
					Title: title, NameFrom: []string{title, id, fmt.Sprint(m.ID)}, Kind: "meeting",
				})
			}
			if len(mtgs) == 0 {
				l.Note("room %s has no meeting ID.", room)
			}
			l.Found(len(mtgs))
		}
		return out, nil
	}),
	ListArgs: &ListArgs{
		Attributes: map[string]listschema.Attribute{
			"rooms": listschema.ListAttribute{
				ElementType: types.StringType, Required: true,
				Description: "The rooms whose meeting IDs to list, each as `room_service_id/room_id`: LINE Planet has no call that lists rooms.",
			},
		},
		Fill: func(ctx context.Context, config tfsdk.Config, l *Listing, diags *diag.Diagnostics) {
			diags.Append(config.GetAttribute(ctx, path.Root("rooms"), &l.LineRooms)...)
		},
	},
}
