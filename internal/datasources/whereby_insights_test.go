package datasources_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// seedWherebyInsights makes room sessions appear as finished meetings leave
// them (the admin API's seed):
//   - /big: 105 sessions "big-000".. in 2030, an hour each, each with a
//     participant of external ID "regular"; big-000 also with 119 guests
//     ("Guest 1".., the first rating 4 with samples);
//   - /room-000 ../room-099: a session each in 2031.
//
// So 101 rooms, 105 sessions of /big, 120 participants of big-000 and 105 of
// "regular": each more than one page of 100.
func seedWherebyInsights(t *testing.T, emu *acctest.Emulator) {
	t.Helper()
	var sessions []map[string]any
	big := time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range 105 {
		start := big.Add(time.Duration(i) * 24 * time.Hour)
		ps := []map[string]any{{"displayName": "Regular", "externalId": "regular", "userId": "user-regular",
			"joinedAt": start.Add(time.Minute), "leftAt": start.Add(31 * time.Minute)}}
		if i == 0 {
			for j := 1; j < 120; j++ {
				p := map[string]any{"displayName": fmt.Sprintf("Guest %d", j), "externalId": fmt.Sprintf("guest-%d", j),
					"joinedAt": start.Add(time.Duration(j) * time.Second)}
				if j == 1 {
					p["rating"], p["tags"], p["comment"] = 4, []string{"audio-quality"}, "Some echo"
					p["samples"] = map[string]any{"bitrateSend": []float64{1200, 1350}}
					p["userAgent"] = "Firefox/140"
				}
				ps = append(ps, p)
			}
		}
		sessions = append(sessions, map[string]any{"roomName": "/big", "roomSessionId": fmt.Sprintf("big-%03d", i),
			"startedAt": start, "endedAt": start.Add(time.Hour), "participants": ps})
	}
	small := time.Date(2031, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range 100 {
		start := small.Add(time.Duration(i) * time.Hour)
		sessions = append(sessions, map[string]any{"roomName": fmt.Sprintf("/room-%03d", i), "startedAt": start, "endedAt": start.Add(time.Hour),
			"participants": []map[string]any{{"displayName": "Solo", "externalId": "solo"}}})
	}
	emu.Admin(t, http.MethodPost, "seed", map[string]any{"whereby": map[string]any{"roomSessions": sessions}})
}

// wherebyInsightsPlanErrors are the plan-time errors: every documented
// constraint of the four data sources' arguments.
var wherebyInsightsPlanErrors = []struct{ config, want string }{
	{`data "conference_whereby_room_insights" "x" { room_name = "big" }`, "must be a room name starting with /"},
	{`data "conference_whereby_room_insights" "x" { room_name_prefix = "room" }`, "must be the start of a room name, itself starting with /"},
	{`data "conference_whereby_room_insights" "x" { room_name_contains = "" }`, "room_name_contains string length must be at least 1"},
	{`data "conference_whereby_room_insights" "x" { created_from = "yesterday" }`, "created_from must be an RFC 3339 time"},
	{`data "conference_whereby_room_insights" "x" {
  created_from = "2031-01-01T00:00:00Z"
  created_to   = "2030-01-01T00:00:00Z"
}`, "created_to (2030-01-01T00:00:00Z) is before created_from"},
	{`data "conference_whereby_room_insights" "x" { sort_by = "sessions:desc" }`, "totalSessions:desc"},
	{`data "conference_whereby_room_session_insights" "x" {}`, `"room_name" is required`},
	{`data "conference_whereby_room_session_insights" "x" {
  room_name = "/big"
  sort_by   = "roomName:asc"
}`, "startedAt:asc"},
	{`data "conference_whereby_participant_insights" "x" {}`, "room_session_id,external_id"},
	{`data "conference_whereby_participant_insights" "x" {
  external_id = "regular"
  sort_by     = "displayName:asc"
}`, "joinedAt:asc"},
	{`data "conference_whereby_participant_insight" "x" {
  room_session_id = "big-000"
  participant_id  = ""
}`, "participant_id string length must be at least 1"},
}

// The four insights data sources: every page of each (rooms, sessions and
// participants past 100), their filters and orders, one participant's
// details, and the plan-time errors.
func TestAccWherebyInsights(t *testing.T) {
	emu := acctest.NewEmulator(t)
	seedWherebyInsights(t, emu)
	var steps []resource.TestStep
	for _, e := range wherebyInsightsPlanErrors {
		steps = append(steps, resource.TestStep{Config: emu.Config(e.config), ExpectError: acctest.ErrorMatching(e.want)})
	}
	steps = append(steps, resource.TestStep{
		PreConfig: func() { emu.Admin(t, http.MethodDelete, "journal", nil) },
		Config: emu.Config(`
data "conference_whereby_room_insights" "all" {}

data "conference_whereby_room_insights" "numbered" {
  room_name_prefix = "/room-0"
  sort_by          = "createdAt:desc"
}

data "conference_whereby_room_insights" "big" {
  room_name_contains = "bi"
  created_from       = "2030-01-01T09:00:00Z"
  created_to         = "2030-12-31T00:00:00+02:00"
}

data "conference_whereby_room_insights" "exact" {
  room_name = "/room-007"
}

data "conference_whereby_room_session_insights" "big" {
  room_name = "/big"
  sort_by   = "totalUniqueParticipants:desc"
}

data "conference_whereby_room_session_insights" "one" {
  room_name       = "/big"
  room_session_id = "big-104"
}

data "conference_whereby_participant_insights" "first" {
  room_session_id = "big-000"
  sort_by         = "joinedAt:asc"
}

data "conference_whereby_participant_insights" "regular" {
  external_id = "regular"
}

data "conference_whereby_participant_insights" "both" {
  room_session_id = "big-000"
  external_id     = "guest-1"
}

data "conference_whereby_participant_insight" "guest" {
  room_session_id = "big-000"
  participant_id  = data.conference_whereby_participant_insights.both.participants[0].participant_id
}

data "conference_whereby_participant_insight" "nobody" {
  room_session_id = "big-000"
  participant_id  = "nobody"
}

output "guest_bitrate" {
  value = jsondecode(data.conference_whereby_participant_insight.guest.connections[0].samples_json).bitrateSend
}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.Attr("data.conference_whereby_room_insights.all", "rooms", knownvalue.ListSizeExact(101)),
			acctest.Attr("data.conference_whereby_room_insights.numbered", "rooms", knownvalue.ListSizeExact(100)),
			acctest.Attr("data.conference_whereby_room_insights.numbered", "rooms.0.room_name", knownvalue.StringExact("/room-099")),
			acctest.Attr("data.conference_whereby_room_insights.big", "rooms", knownvalue.ListSizeExact(1)),
			acctest.Attr("data.conference_whereby_room_insights.big", "rooms.0.room_name", knownvalue.StringExact("/big")),
			acctest.Attr("data.conference_whereby_room_insights.big", "rooms.0.total_sessions", knownvalue.Int64Exact(105)),
			// 105 of the regular's 30 minutes; guests 1-59 stay 59 minutes
			// and some seconds (rounded up to 60), guests 60-119 58 and
			// some, or 59 (59).
			acctest.Attr("data.conference_whereby_room_insights.big", "rooms.0.total_participant_minutes", knownvalue.Int64Exact(105*30+59*60+60*59)),
			acctest.Attr("data.conference_whereby_room_insights.big", "rooms.0.total_unique_participants", knownvalue.Int64Exact(120)),
			acctest.Attr("data.conference_whereby_room_insights.big", "rooms.0.created_at", knownvalue.StringExact("2030-01-01T09:00:00Z")),
			acctest.Attr("data.conference_whereby_room_insights.big", "rooms.0.last_session_started_at", knownvalue.StringExact("2030-04-15T09:00:00Z")),
			acctest.Attr("data.conference_whereby_room_insights.big", "rooms.0.rating", knownvalue.Null()),
			acctest.Attr("data.conference_whereby_room_insights.exact", "rooms.0.total_sessions", knownvalue.Int64Exact(1)),
			acctest.Attr("data.conference_whereby_room_session_insights.big", "sessions", knownvalue.ListSizeExact(105)),
			acctest.Attr("data.conference_whereby_room_session_insights.big", "sessions.0.room_session_id", knownvalue.StringExact("big-000")),
			acctest.Attr("data.conference_whereby_room_session_insights.big", "sessions.0.total_unique_participants", knownvalue.Int64Exact(120)),
			acctest.Attr("data.conference_whereby_room_session_insights.big", "sessions.0.rating", knownvalue.Float64Exact(4)),
			acctest.Attr("data.conference_whereby_room_session_insights.big", "sessions.0.total_ratings", knownvalue.Float64Exact(1)),
			acctest.Attr("data.conference_whereby_room_session_insights.big", "sessions.0.ended_at", knownvalue.StringExact("2030-01-01T10:00:00Z")),
			acctest.Attr("data.conference_whereby_room_session_insights.one", "sessions", knownvalue.ListSizeExact(1)),
			acctest.Attr("data.conference_whereby_room_session_insights.one", "sessions.0.started_at", knownvalue.StringExact("2030-04-15T09:00:00Z")),
			acctest.Attr("data.conference_whereby_participant_insights.first", "participants", knownvalue.ListSizeExact(120)),
			acctest.Attr("data.conference_whereby_participant_insights.first", "participants.0.display_name", knownvalue.StringExact("Guest 1")),
			acctest.Attr("data.conference_whereby_participant_insights.first", "participants.59.display_name", knownvalue.StringExact("Regular")),
			acctest.Attr("data.conference_whereby_participant_insights.first", "participants.119.display_name", knownvalue.StringExact("Guest 119")),
			acctest.Attr("data.conference_whereby_participant_insights.regular", "participants", knownvalue.ListSizeExact(105)),
			acctest.Attr("data.conference_whereby_participant_insights.regular", "participants.104.room_session_id", knownvalue.StringExact("big-104")),
			acctest.Attr("data.conference_whereby_participant_insights.both", "participants", knownvalue.ListSizeExact(1)),
			acctest.Attr("data.conference_whereby_participant_insights.both", "participants.0.tags", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("audio-quality")})),
			acctest.Attr("data.conference_whereby_participant_insights.both", "participants.0.comment", knownvalue.StringExact("Some echo")),
			acctest.Attr("data.conference_whereby_participant_insights.both", "participants.0.rating", knownvalue.Float64Exact(4)),
			acctest.Attr("data.conference_whereby_participant_insights.regular", "participants.0.tags", knownvalue.Null()),
			acctest.Attr("data.conference_whereby_participant_insight.guest", "connections", knownvalue.ListSizeExact(1)),
			acctest.Attr("data.conference_whereby_participant_insight.guest", "connections.0.display_name", knownvalue.StringExact("Guest 1")),
			acctest.Attr("data.conference_whereby_participant_insight.guest", "connections.0.user_agent", knownvalue.StringExact("Firefox/140")),
			acctest.Attr("data.conference_whereby_participant_insight.guest", "connections.0.time_stamp", knownvalue.StringExact("2030-01-01T09:00:01Z")),
			acctest.Attr("data.conference_whereby_participant_insight.nobody", "connections", knownvalue.ListSizeExact(0)),
			statecheck.ExpectKnownOutputValue("guest_bitrate", knownvalue.ListExact([]knownvalue.Check{knownvalue.Float64Exact(1200), knownvalue.Float64Exact(1350)})),
		},
		Check: func(*terraform.State) error {
			// Every page, a page of 100 at a time: per read, two for all the
			// rooms and one for each of the three other room lists (5); two for
			// /big's sessions and one for big-104 (3); two for big-000's
			// participants, two for "regular", one for both (5); one call
			// per participant detail (2).
			for path, perRead := range map[string]int{
				"/v1/insights/rooms": 5, "/v1/insights/room-sessions": 3, "/v1/insights/participants": 5, "/v1/insights/participant": 2,
			} {
				if n := wherebyListRequests(emu, path); n == 0 || n%perRead != 0 {
					return fmt.Errorf("%d GET %s, want %d per read", n, path, perRead)
				}
			}
			return nil
		},
	})
	// A failed page (an injected 503) is read again: the list is whole.
	steps = append(steps, resource.TestStep{
		PreConfig: func() {
			emu.Admin(t, http.MethodDelete, "journal", nil)
			emu.Admin(t, http.MethodPost, "faults", map[string]any{
				"path_prefix": "/v1/insights/rooms", "method": "GET", "status": 503, "count": 1,
			})
		},
		Config: emu.Config(`
data "conference_whereby_room_insights" "all" {}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.Attr("data.conference_whereby_room_insights.all", "rooms", knownvalue.ListSizeExact(101)),
		},
		Check: func(*terraform.State) error {
			var statuses []int
			for _, e := range emu.JournalEntries() {
				if e.Path == "/v1/insights/rooms" {
					statuses = append(statuses, e.Status)
				}
			}
			if len(statuses) < 3 || statuses[0] != http.StatusServiceUnavailable || statuses[1] != http.StatusOK {
				return fmt.Errorf("GET /v1/insights/rooms answered %v, want a 503 then pages of 200", statuses)
			}
			return nil
		},
	})
	acctest.Test(t, steps...)
}
