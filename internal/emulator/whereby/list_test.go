package whereby_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

// page reads one page of the list.
func (h *harness) page(query string) whereby.MeetingList {
	h.t.Helper()
	var l whereby.MeetingList
	h.ok(200, "GET", "/v1/meetings"+query, nil, &l)
	return l
}

// all follows the cursor through every page of size limit.
func (h *harness) all(limit int, fields string) (ids []string, pages int) {
	h.t.Helper()
	q := fmt.Sprintf("?limit=%d%s", limit, fields)
	for {
		l := h.page(q)
		pages++
		for _, m := range l.Results {
			ids = append(ids, m.MeetingID)
		}
		if l.Cursor == nil {
			return ids, pages
		}
		q = fmt.Sprintf("?limit=%d&cursor=%s%s", limit, *l.Cursor, fields)
	}
}

func TestListPagesInCreationOrder(t *testing.T) {
	h := newHarness(t)
	if l := h.page(""); len(l.Results) != 0 || l.Cursor != nil {
		t.Fatalf("empty list: %+v", l)
	}
	var want []string
	for range 7 {
		want = append(want, h.create(meetingEnding(t0.Add(time.Hour))).MeetingID)
	}
	for _, c := range []struct{ limit, pages int }{{1, 7}, {3, 3}, {7, 1}, {100, 1}} {
		got, pages := h.all(c.limit, "")
		if strings.Join(got, ",") != strings.Join(want, ",") || pages != c.pages {
			t.Errorf("limit %d: %d pages of %v, want %d pages of %v", c.limit, pages, got, c.pages, want)
		}
	}
	// The default page is 50.
	for range 50 {
		h.create(meetingEnding(t0.Add(time.Hour)))
	}
	l := h.page("")
	if len(l.Results) != 50 || l.Cursor == nil || len(*l.Cursor) != 32 {
		t.Errorf("default page: %d results, cursor %v", len(l.Results), l.Cursor)
	}
	if rest := h.page("?cursor=" + *l.Cursor); len(rest.Results) != 7 || rest.Cursor != nil {
		t.Errorf("second page: %d results, cursor %v", len(rest.Results), rest.Cursor)
	}
}

func TestListFieldsAndChangesBetweenPages(t *testing.T) {
	h := newHarness(t)
	var ids []string
	for range 4 {
		ids = append(ids, h.create(meetingEnding(t0.Add(time.Hour))).MeetingID)
	}
	first := h.page("?limit=2&fields=hostRoomUrl")
	for _, m := range first.Results {
		if m.HostRoomURL == "" || m.ViewerRoomURL != "" {
			t.Errorf("fields=hostRoomUrl: %+v", m)
		}
	}
	if h.page("").Results[0].HostRoomURL != "" {
		t.Error("hostRoomUrl without fields")
	}
	// Deleting a meeting already listed, and one not yet listed, neither
	// repeats nor skips the others.
	h.ok(204, "DELETE", "/v1/meetings/"+ids[0], nil, nil)
	h.ok(204, "DELETE", "/v1/meetings/"+ids[2], nil, nil)
	rest := h.page("?limit=2&cursor=" + *first.Cursor)
	if len(rest.Results) != 1 || rest.Results[0].MeetingID != ids[3] || rest.Cursor != nil {
		t.Errorf("after deletes: %+v", rest)
	}
}

func TestListRejectsBadQueries(t *testing.T) {
	h := newHarness(t)
	h.create(meetingEnding(t0.Add(time.Hour)))
	for _, q := range []string{"limit=0", "limit=101", "limit=ten", "limit=1.5", "fields=roomUrl"} {
		h.fails(400, "GET", "/v1/meetings?"+q, nil)
	}
	for _, c := range []string{"x", strings.Repeat("0", 32), fmt.Sprintf("%032x", 99), strings.Repeat("g", 32)} {
		h.fails(404, "GET", "/v1/meetings?cursor="+c, nil)
	}
	h.page("?limit=1&limit=100")
}
