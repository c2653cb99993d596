package export

import (
	"context"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/managed"
)

// runOn exports from emu with opts, failing t on an error.
func runOn(t *testing.T, opts Options) *Result {
	t.Helper()
	res, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res
}

func addresses(res *Result) []string {
	var out []string
	for _, o := range res.Objects {
		out = append(out, o.Address())
	}
	return out
}

// The exporter finds exactly what the default credentials can manage, with
// the import IDs the resources read, names from subjects, and the PINs to
// fill in; it leaves out the PBX's own server, another user's meetings and a
// series' occurrences, and says so.
func TestRunExportsTheEstate(t *testing.T) {
	emu := acctest.NewEmulator(t)
	est := emu.SeedEstate(t)
	emu.SetEnvironment(t)
	res := runOn(t, Options{LineRooms: est.LineRooms})

	want := map[string]map[string]string{} // type -> import ID -> fill
	for _, o := range est.Objects {
		if want[o.Type] == nil {
			want[o.Type] = map[string]string{}
		}
		id := o.ID
		if o.Type == managed.SQMeetingRecurringMeeting.Name {
			id += ",UTC"
		}
		want[o.Type][id] = strings.Join(slices.Sorted(maps.Keys(o.Secrets)), " and ")
	}
	got := map[string]map[string]string{}
	for _, o := range res.Objects {
		if got[o.Type] == nil {
			got[o.Type] = map[string]string{}
		}
		got[o.Type][o.ID] = strings.Join(o.Fill, " and ")
	}
	if !maps.EqualFunc(got, want, maps.Equal) {
		t.Errorf("exported %v\nwant %v", got, want)
	}

	wantAddrs := []string{
		"conference_portsip_server.conf_east_1",
		"conference_portsip_room.daily_stand_up", "conference_portsip_room.town_hall", "conference_portsip_room.town_hall_2",
		"conference_portsip_meeting.design_review",
		"conference_line_meeting_id.board_meeting", "conference_line_meeting_id.huddle",
		"conference_sqmeeting_meeting.project_kick_off", "conference_sqmeeting_meeting.quick_sync",
		"conference_sqmeeting_recurring_meeting.team_stand_up",
		"conference_sqmeeting_user.admin", "conference_sqmeeting_user.alice", "conference_sqmeeting_user.bob",
		"conference_sqmeeting_user.carol", "conference_sqmeeting_user.dave",
	}
	gotAddrs := addresses(res)
	if !slices.Equal(gotAddrs[:len(wantAddrs)], wantAddrs) || len(gotAddrs) != len(wantAddrs)+2 {
		t.Errorf("addresses %v, want %v and two Whereby meetings", gotAddrs, wantAddrs)
	}
	if wb := gotAddrs[len(gotAddrs)-2:]; !slices.Contains(wb, "conference_whereby_meeting.town_hall") {
		t.Errorf("the Whereby room town-hall-<uuid> is not named town_hall: %v", wb)
	}
	notes := strings.Join(res.Notes, "\n")
	for _, want := range []string{
		`PortSIP: left out the built-in INTERNAL conference server`,
		`PortSIP: the meetings are those of admin (PORTSIP_USERNAME)`,
		`SQMeeting: the meetings are those admin (SQMEETING_USERNAME) owns`,
		`SQMeeting: left out 1 meetings that other users own`,
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("the notes lack %q:\n%s", want, notes)
		}
	}

	// The same estate gets the same file on every run.
	again := runOn(t, Options{LineRooms: est.LineRooms})
	if !slices.Equal(addresses(again), gotAddrs) {
		t.Errorf("a second run names the objects %v, the first %v", addresses(again), gotAddrs)
	}
}

// Filters by platform, type and name keep the names the whole estate gives:
// a filtered export's addresses are the same as the full export's.
func TestRunFilters(t *testing.T) {
	emu := acctest.NewEmulator(t)
	est := emu.SeedEstate(t)
	emu.SetEnvironment(t)
	for _, c := range []struct {
		name string
		opts Options
		want []string
	}{
		{"platform", Options{Platforms: []string{"line_planet"}, LineRooms: est.LineRooms},
			[]string{"conference_line_meeting_id.board_meeting", "conference_line_meeting_id.huddle"}},
		{"type", Options{Types: []string{"portsip_room", "conference_sqmeeting_recurring_meeting"}},
			[]string{"conference_portsip_room.daily_stand_up", "conference_portsip_room.town_hall", "conference_portsip_room.town_hall_2",
				"conference_sqmeeting_recurring_meeting.team_stand_up"}},
		{"name", Options{Platforms: []string{"portsip"}, Name: regexp.MustCompile(`^town_hall_2$`)},
			[]string{"conference_portsip_room.town_hall_2"}},
		{"title", Options{Types: []string{"conference_sqmeeting_meeting"}, Name: regexp.MustCompile(`(?i)quick`)},
			[]string{"conference_sqmeeting_meeting.quick_sync"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := addresses(runOn(t, c.opts)); !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestRunSkipsOrRefusesUnconfiguredPlatforms(t *testing.T) {
	emu := acctest.NewEmulator(t)
	emu.SetEnvironment(t)
	t.Setenv("WHEREBY_API_KEY", "")
	t.Setenv("WHEREBY_ENDPOINT", "")
	t.Setenv("WHEREBY_POINTS_PER_MINUTE", "")
	res := runOn(t, Options{})
	notes := strings.Join(res.Notes, "\n")
	for _, want := range []string{
		"Whereby: skipped, none of its environment variables is set.",
		"LINE Planet: skipped: LINE Planet has no call that lists rooms; name the rooms to export with -line-room",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("the notes lack %q:\n%s", want, notes)
		}
	}
	if _, err := Run(context.Background(), Options{Platforms: []string{"whereby"}}); err == nil ||
		!strings.Contains(err.Error(), "Whereby was chosen with -platform, but none of its environment variables is set: set WHEREBY_ENDPOINT and WHEREBY_API_KEY") {
		t.Errorf("a chosen platform that is not configured: %v", err)
	}
	t.Setenv("PORTSIP_PASSWORD", "")
	if _, err := Run(context.Background(), Options{}); err == nil || !strings.Contains(err.Error(), "PortSIP: Missing PortSIP token, or username and password") {
		t.Errorf("a platform configured halfway: %v", err)
	}
}
