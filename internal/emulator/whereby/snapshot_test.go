package whereby_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

func TestSnapshotRestore(t *testing.T) {
	h := newHarness(t)
	var want []whereby.Meeting
	for range 3 {
		want = append(want, h.create(map[string]any{"endDate": t0.Add(time.Hour).Format(time.RFC3339), "templateType": "viewerMode"}))
	}
	first := h.page("?limit=1")
	snap, err := h.api.Snapshot()
	if err != nil {
		t.Fatal(err)
	}

	// A new emulator restored from the snapshot answers the same meetings,
	// and a cursor handed out before the restart.
	h2 := newHarness(t)
	if err := h2.api.Restore(snap); err != nil {
		t.Fatal(err)
	}
	for _, m := range want {
		if got := h2.get(m.MeetingID, "?fields=hostRoomUrl,viewerRoomUrl"); got != m {
			t.Errorf("restored %+v, want %+v", got, m)
		}
	}
	rest := h2.page("?limit=5&cursor=" + *first.Cursor)
	if len(rest.Results) != 2 || rest.Results[0].MeetingID != want[1].MeetingID {
		t.Errorf("cursor after restore: %+v", rest.Results)
	}
	// New meetings come after the restored ones.
	m := h2.create(meetingEnding(t0.Add(time.Hour)))
	if rest := h2.page("?cursor=" + *first.Cursor); len(rest.Results) != 3 || rest.Results[2].MeetingID != m.MeetingID {
		t.Errorf("after a create: %+v", rest.Results)
	}

	// Empty snapshots are a fresh organization; broken ones change nothing.
	for _, empty := range []string{"", "null", "{}"} {
		if err := h2.api.Restore(json.RawMessage(empty)); err != nil {
			t.Errorf("%q: %v", empty, err)
		}
		if l := h2.page(""); len(l.Results) != 0 {
			t.Errorf("%q: %d meetings", empty, len(l.Results))
		}
	}
	if err := h2.api.Restore(snap); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{`[`, `{"meetings":[null]}`, `{"meetings":[{"meetingId":"a","seq":2},{"meetingId":"a","seq":3}]}`,
		`{"meetings":[{"meetingId":"a","seq":2},{"meetingId":"b","seq":1}]}`} {
		if err := h2.api.Restore(json.RawMessage(bad)); err == nil {
			t.Errorf("%s restored", bad)
		}
	}
	if l := h2.page(""); len(l.Results) != 3 {
		t.Errorf("a failed restore changed the state: %d meetings", len(l.Results))
	}
}
