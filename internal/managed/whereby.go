package managed

import (
	"context"
	"regexp"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/resources"
)

var wherebyPlatform = platform(&platforms.Whereby, whereby.FromSettings, &WherebyMeeting, &WherebyRoomTheme)

// generatedUUID is the generated part of a room name in the uuid pattern,
// after the room_name_prefix: what tells rooms apart, but reads poorly in an
// address.
var generatedUUID = regexp.MustCompile(`-?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// WherebyMeeting is conference_whereby_meeting.
var WherebyMeeting = Type{
	Kind: resources.Kind{
		Name: Prefix + "whereby_meeting", Platform: &platforms.Whereby, Noun: "meeting",
		ImportID: mapping.PlainID("a Whereby meeting ID (meetingId)", "9cf691bf-f2d5-4420-bda9-ee8607bb558b", wherebymap.ValidMeetingID),
		Key:      "its `end_date`, its room name's `room_name_prefix`, and a start (which Whereby sets to the time of the create) while the create ran",
	},
	Section: Section{Title: "Whereby meetings",
		Note: "Whereby does not return what a meeting was created with (is_locked, room_mode, room_name_prefix, room_name_pattern, " +
			"template_type, fields, recording, live_transcription, streaming, and the secrets in them): generated.tf leaves them null, " +
			"which changes nothing. Set those you know: the first plan records them without replacing the meeting. " +
			"A destination's secret can be set as access_key_secret_wo with access_key_secret_wo_version (Terraform or OpenTofu >= 1.11), which keeps it out of the state."},
	New: resources.NewWherebyMeeting,
	// A meeting has no name but its room's: "/town-hall-d24e179e-..." is
	// named town_hall (the prefix), "/h848av" (human-short, no prefix)
	// h848av.
	List: lister(func(ctx context.Context, c *whereby.Client, l *Listing) ([]*Object, error) {
		return each(ctx, l, "meetings", WherebyMeetings(c, l), func(m *whereby.Meeting) *Object {
			room := strings.TrimPrefix(m.RoomName, "/")
			return &Object{ID: m.MeetingID, Title: m.RoomName, NameFrom: []string{generatedUUID.ReplaceAllString(room, ""), room}, Kind: "meeting"}
		})
	}),
}

// WherebyRoomTheme is conference_whereby_room_theme. It has no listing:
// Whereby has no call that reads a theme, so nothing can tell which rooms
// have one other than the default, or what it is.
var WherebyRoomTheme = Type{
	Kind: resources.Kind{
		Name: Prefix + "whereby_room_theme", Platform: &platforms.Whereby, Noun: "room theme",
		ImportID: wherebymap.ThemeImportID,
		Key: "its `room_name`: a theme is set with PUTs, which are sent again after a lost answer (setting the same theme twice " +
			"changes nothing), so nothing is looked up",
	},
	Section: Section{Title: "Whereby room themes"},
	New:     resources.NewWherebyRoomTheme,
	Unlisted: "Whereby's REST API has no call that reads a room's theme, so it cannot tell which rooms have a theme other than " +
		"the default, nor what it is: listing every room as a theme would write configuration that says nothing, and whose " +
		"destroy would reset branding set in Whereby's dashboard. Import a theme by its room's name.",
}
