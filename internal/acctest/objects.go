package acctest

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
)

// Objects is every object the emulator holds that a resource manages, by
// resource type, as the IDs that the resource's id attribute holds (a LINE
// Planet meeting ID as room_service_id/room_id/meeting_id), sorted. It reads
// the platforms' snapshots, so it sends no request: no fault fires on it and
// no rate budget pays for it. Whereby meetings past their end are there until
// a write purges them.
func (e *Emulator) Objects(t testing.TB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	add := func(typ, id string) { out[typ] = append(out[typ], id) }

	var ps struct {
		Servers []struct {
			ID string `json:"id"`
		} `json:"servers"`
		Rooms []struct {
			Room struct {
				ID string `json:"id"`
			} `json:"room"`
		} `json:"rooms"`
		Meetings []struct {
			Meeting struct {
				ID string `json:"id"`
			} `json:"meeting"`
		} `json:"meetings"`
	}
	e.snapshot(t, "portsip", &ps)
	for _, s := range ps.Servers {
		add("conference_portsip_server", s.ID)
	}
	for _, r := range ps.Rooms {
		add("conference_portsip_room", r.Room.ID)
	}
	for _, m := range ps.Meetings {
		add("conference_portsip_meeting", m.Meeting.ID)
	}

	var lp struct {
		Meetings []struct {
			ID        int64  `json:"id"`
			ChatSvcID string `json:"chatSvcId"`
			ChatID    string `json:"chatId"`
		} `json:"meetings"`
	}
	e.snapshot(t, "lineplanet", &lp)
	for _, m := range lp.Meetings {
		add("conference_line_meeting_id", fmt.Sprintf("%s/%s/%d", m.ChatSvcID, m.ChatID, m.ID))
	}

	var sq struct {
		Meetings []struct {
			ID    string `json:"reservation_id"`
			Group string `json:"recurrence_gid"`
		} `json:"meetings"`
		Series []struct {
			GID string `json:"recurrence_gid"`
		} `json:"series"`
	}
	e.snapshot(t, "sqmeeting", &sq)
	for _, m := range sq.Meetings {
		if m.Group == "" {
			add("conference_sqmeeting_meeting", m.ID)
		}
	}
	for _, s := range sq.Series {
		add("conference_sqmeeting_recurring_meeting", s.GID)
	}

	var wb struct {
		Meetings []struct {
			ID string `json:"meetingId"`
		} `json:"meetings"`
	}
	e.snapshot(t, "whereby", &wb)
	for _, m := range wb.Meetings {
		add("conference_whereby_meeting", m.ID)
	}

	for _, ids := range out {
		slices.Sort(ids)
	}
	return out
}

// snapshot reads the named platform's snapshot into v.
func (e *Emulator) snapshot(t testing.TB, name string, v any) {
	t.Helper()
	p := e.Platform(name)
	if p == nil {
		t.Fatalf("the emulator has no platform %q", name)
	}
	raw, err := p.Snapshot()
	if err != nil {
		t.Fatalf("reading the emulated %s: %v", name, err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("reading the emulated %s: %v", name, err)
	}
}
