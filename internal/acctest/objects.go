package acctest

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/linemap"
)

// Objects is every object the emulator holds that a resource manages, by
// resource type (every one of managed.All), as the IDs that the resource's
// id attribute holds (a LINE Planet meeting ID as linemap.MeetingRef writes
// it), sorted. It reads the platforms' snapshots, so it sends no request:
// no fault fires on it, no rate budget pays for it and the journal does not
// show it. Whereby meetings past their end are there until a write purges
// them.
func (e *Emulator) Objects(t testing.TB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	snapshots := map[string]json.RawMessage{}
	for _, typ := range managed.All() {
		read, ok := census[typ]
		if !ok {
			t.Fatalf("acctest.Objects cannot count %s: add its census (objects.go)", typ.Name)
		}
		key := typ.Platform.Key
		if _, ok := snapshots[key]; !ok {
			snapshots[key] = e.snapshot(t, key)
		}
		ids, err := read(snapshots[key])
		if err != nil {
			t.Fatalf("reading the emulated %s: %v", key, err)
		}
		if len(ids) > 0 {
			slices.Sort(ids)
			out[typ.Name] = ids
		}
	}
	return out
}

// census reads the IDs of a type's objects from its platform's snapshot
// (the emulator's state file section).
var census = map[*managed.Type]func(json.RawMessage) ([]string, error){
	&managed.PortSIPServer: ids(func(s *struct {
		Servers []struct {
			ID string `json:"id"`
		} `json:"servers"`
	}, add func(string)) {
		for _, o := range s.Servers {
			add(o.ID)
		}
	}),
	&managed.PortSIPRoom: ids(func(s *struct {
		Rooms []struct {
			Room struct {
				ID string `json:"id"`
			} `json:"room"`
		} `json:"rooms"`
	}, add func(string)) {
		for _, o := range s.Rooms {
			add(o.Room.ID)
		}
	}),
	&managed.PortSIPMeeting: ids(func(s *struct {
		Meetings []struct {
			Meeting struct {
				ID string `json:"id"`
			} `json:"meeting"`
		} `json:"meetings"`
	}, add func(string)) {
		for _, o := range s.Meetings {
			add(o.Meeting.ID)
		}
	}),
	&managed.LineMeetingID: ids(func(s *struct {
		Meetings []struct {
			ID        int64  `json:"id"`
			ChatSvcID string `json:"chatSvcId"`
			ChatID    string `json:"chatId"`
		} `json:"meetings"`
	}, add func(string)) {
		for _, m := range s.Meetings {
			add(linemap.MeetingRef{Service: m.ChatSvcID, Room: m.ChatID, Meeting: m.ID}.String())
		}
	}),
	&managed.SQMeetingMeeting: ids(func(s *struct {
		Meetings []struct {
			ID    string `json:"reservation_id"`
			Group string `json:"recurrence_gid"`
		} `json:"meetings"`
	}, add func(string)) {
		for _, m := range s.Meetings {
			if m.Group == "" {
				add(m.ID)
			}
		}
	}),
	&managed.SQMeetingRecurringMeeting: ids(func(s *struct {
		Series []struct {
			GID string `json:"recurrence_gid"`
		} `json:"series"`
	}, add func(string)) {
		for _, o := range s.Series {
			add(o.GID)
		}
	}),
	// The users the API or a seed added or the API changed (the configured
	// ones are in no snapshot until the API changes them).
	&managed.SQMeetingUser: ids(func(s *struct {
		Users []struct {
			ID string `json:"user_id"`
		} `json:"users"`
	}, add func(string)) {
		for _, u := range s.Users {
			add(u.ID)
		}
	}),
	&managed.WherebyMeeting: ids(func(s *struct {
		Meetings []struct {
			ID string `json:"meetingId"`
		} `json:"meetings"`
	}, add func(string)) {
		for _, m := range s.Meetings {
			add(m.ID)
		}
	}),
	// The rooms whose theme is not Whereby's default.
	&managed.WherebyRoomTheme: ids(func(s *struct {
		Themes []struct {
			RoomName string `json:"roomName"`
		} `json:"themes"`
	}, add func(string)) {
		for _, t := range s.Themes {
			add(t.RoomName)
		}
	}),
}

// ids decodes a snapshot into S and collects what each adds.
func ids[S any](each func(*S, func(string))) func(json.RawMessage) ([]string, error) {
	return func(raw json.RawMessage) ([]string, error) {
		var s S
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		var out []string
		each(&s, func(id string) { out = append(out, id) })
		return out, nil
	}
}

// snapshot is the named platform's snapshot.
func (e *Emulator) snapshot(t testing.TB, name string) json.RawMessage {
	t.Helper()
	p := e.Platform(name)
	if p == nil {
		t.Fatalf("the emulator has no platform %q", name)
	}
	raw, err := p.Snapshot()
	if err != nil {
		t.Fatalf("reading the emulated %s: %v", name, err)
	}
	return raw
}

// DestroyLeaves is what a destroy of the resources in s leaves on their
// platforms, by resource type, as Objects gives it: the objects of the
// types whose destroy keeps them (managed.Type.DestroyKeeps), each once,
// and nothing of the others.
func DestroyLeaves(s *terraform.State) map[string][]string {
	out := map[string][]string{}
	for _, rs := range s.RootModule().Resources {
		if typ := managed.ByName(rs.Type); typ != nil && typ.DestroyKeeps {
			out[rs.Type] = append(out[rs.Type], rs.Primary.ID)
		}
	}
	for _, ids := range out {
		slices.Sort(ids)
	}
	return out
}
