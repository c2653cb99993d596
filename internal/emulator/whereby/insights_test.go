package whereby_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/openapitest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

// seedSessions makes n sessions of room appear, an hour apart, the i-th
// with i+1 participants of i+1 minutes and a half each (external IDs
// "ext-<i>-<j>"), the first participant rating 4 and the second 5.
func seedSessions(t *testing.T, h *harness, room string, n int) {
	t.Helper()
	var sessions []map[string]any
	for i := range n {
		start := t0.Add(time.Duration(i) * time.Hour)
		var ps []map[string]any
		for j := range i + 1 {
			p := map[string]any{"displayName": fmt.Sprintf("P%d", j), "externalId": fmt.Sprintf("ext-%d-%d", i, j),
				"joinedAt": start.Add(time.Duration(j) * time.Second), "leftAt": start.Add(time.Duration(i+1)*time.Minute + 30*time.Second)}
			if j < 2 {
				p["rating"] = float64(4 + j)
			}
			ps = append(ps, p)
		}
		sessions = append(sessions, map[string]any{"roomName": room, "startedAt": start, "endedAt": start.Add(time.Hour), "participants": ps})
	}
	raw, _ := json.Marshal(map[string]any{"roomSessions": sessions})
	if err := h.api.Seed(raw); err != nil {
		t.Fatal(err)
	}
}

// pageAll reads every page of path (which has a query), limit at a time,
// and returns the rows and the number of pages.
func pageAll[T any](t *testing.T, h *harness, path string, limit int) ([]T, int) {
	t.Helper()
	var all []T
	next := fmt.Sprintf("%s&limit=%d", path, limit)
	for pages := 1; ; pages++ {
		var p whereby.Page[T]
		h.ok(200, "GET", next, nil, &p)
		all = append(all, p.Results...)
		if p.Cursor == nil {
			return all, pages
		}
		next = fmt.Sprintf("%s&limit=%d&cursor=%s", path, limit, *p.Cursor)
	}
}

// The four insights calls, derived from the sessions that seeds (and
// recordings) leave: counts, filters, sortBy, cursors, the default page of
// 10, the errors, every answer validated against the document.
func TestInsights(t *testing.T) {
	h := newHarness(t, func(o *whereby.Options) { o.PointsPerMinute = 0 })
	seedSessions(t, h, "/alpha-1", 12)
	seedSessions(t, h, "/beta-2", 1)
	seedRecordings(t, h, "/beta-2", 1) // a session with its recorder

	// Rooms: two, with their totals.
	var rooms whereby.Page[whereby.RoomInsight]
	h.ok(200, "GET", "/v1/insights/rooms?sortBy=totalSessions:desc", nil, &rooms)
	if len(rooms.Results) != 2 || rooms.Cursor != nil {
		t.Fatalf("rooms: %+v", rooms)
	}
	alpha, beta := rooms.Results[0], rooms.Results[1]
	// Session i has i+1 participants of ceil(i+1.5) = i+2 minutes (less a
	// few seconds for the later ones, still rounded up to i+2).
	wantMinutes := 0
	for i := range 12 {
		wantMinutes += (i + 1) * (i + 2)
	}
	if alpha.RoomName != "/alpha-1" || alpha.TotalSessions != 12 || alpha.TotalParticipantMinutes != wantMinutes ||
		alpha.TotalUniqueParticipants != 12*13/2 || alpha.TotalRecorderMinutes != 0 ||
		!alpha.FirstSessionStartedAt.Equal(t0) || !alpha.LastSessionStartedAt.Equal(t0.Add(11*time.Hour)) ||
		alpha.Rating == nil || *alpha.Rating != 4.5 || *alpha.TotalRatings != 2 {
		t.Errorf("/alpha-1: %+v", alpha)
	}
	if beta.TotalSessions != 2 || beta.TotalUniqueRecorders != 1 || beta.TotalRecorderMinutes != 1 || beta.TotalUniqueParticipants != 1 ||
		beta.Rating != nil {
		t.Errorf("/beta-2 (the last session is the recording's, unrated): %+v", beta)
	}
	// A room created before its first session, long before.
	if err := h.api.Seed([]byte(`{"roomSessions": [{"roomName": "/gamma-3", "roomCreatedAt": "2025-01-01T00:00:00Z",
	  "startedAt": "2025-06-01T00:00:00Z", "endedAt": "2025-06-01T01:00:00Z"}]}`)); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{
		"roomName[exact]=/alpha-1":  1,
		"roomName[exact]=/alpha":    0,
		"roomName[startsWith]=/alp": 1,
		"roomName[contains]=-":      3,
		"roomName[contains]=beta":   1,
		"createdAt[from]=2025-05-12T16:42:49Z&createdAt[to]=2025-05-12T16:42:49Z": 2,
		"createdAt[to]=2025-02-01T00:00:00.000Z":                                  1,
		"createdAt[from]=2025-05-12T16:42:49.001Z":                                0,
	} {
		h.ok(200, "GET", "/v1/insights/rooms?"+q, nil, &rooms)
		if len(rooms.Results) != want {
			t.Errorf("rooms?%s: %d rooms, want %d", q, len(rooms.Results), want)
		}
	}
	for _, q := range []string{"roomName=/alpha-1", "roomName[like]=x", "createdAt[from]=yesterday", "sortBy=size:asc", "limit=0", "cursor=nope"} {
		h.fails(400, "GET", "/v1/insights/rooms?"+q, nil)
	}

	// Room sessions: 12, the default page 10, then every page.
	var sessions whereby.Page[whereby.RoomSessionInsight]
	h.ok(200, "GET", "/v1/insights/room-sessions?roomName=/alpha-1", nil, &sessions)
	if len(sessions.Results) != 10 || sessions.Cursor == nil {
		t.Errorf("default page: %d sessions, cursor %v", len(sessions.Results), sessions.Cursor)
	}
	all, pages := pageAll[whereby.RoomSessionInsight](t, h, "/v1/insights/room-sessions?roomName=/alpha-1&sortBy=totalUniqueParticipants:desc", 5)
	if len(all) != 12 || pages != 3 || all[0].TotalUniqueParticipants != 12 || all[11].TotalUniqueParticipants != 1 {
		t.Fatalf("%d sessions in %d pages: %+v", len(all), pages, all)
	}
	last := all[0]
	if !last.StartedAt.Equal(t0.Add(11*time.Hour)) || !last.EndedAt.Equal(t0.Add(12*time.Hour)) || last.TotalParticipantMinutes != 12*13 {
		t.Errorf("the largest session: %+v", last)
	}
	h.ok(200, "GET", "/v1/insights/room-sessions?roomName=/alpha-1&roomSessionId="+last.RoomSessionID, nil, &sessions)
	if len(sessions.Results) != 1 || sessions.Results[0].RoomSessionID != last.RoomSessionID {
		t.Errorf("one session: %+v", sessions.Results)
	}
	if msg := h.fails(400, "GET", "/v1/insights/room-sessions", nil); !strings.Contains(msg, `"roomName" is required`) {
		t.Errorf("no roomName: %q", msg)
	}

	// Participants of a session, and by external ID.
	ps, pages := pageAll[whereby.ParticipantInsight](t, h, "/v1/insights/participants?roomSessionId="+last.RoomSessionID+"&sortBy=joinedAt:desc", 5)
	if len(ps) != 12 || pages != 3 || ps[0].DisplayName != "P11" || ps[11].Rating == nil || *ps[11].Rating != 4 || !strings.HasPrefix(ps[0].ParticipantID, "/") {
		t.Fatalf("%d participants in %d pages: %+v", len(ps), pages, ps)
	}
	var byExt whereby.Page[whereby.ParticipantInsight]
	h.ok(200, "GET", "/v1/insights/participants?externalId=ext-11-3", nil, &byExt)
	if len(byExt.Results) != 1 || byExt.Results[0].DisplayName != "P3" {
		t.Errorf("by external ID: %+v", byExt.Results)
	}
	h.fails(400, "GET", "/v1/insights/participants", nil)
	h.fails(400, "GET", "/v1/insights/participants?roomSessionId=x&sortBy=displayName:asc", nil)

	// One participant's details, by participant or user ID.
	var details []whereby.ParticipantDetail
	h.ok(200, "GET", "/v1/insights/participant?roomSessionId="+last.RoomSessionID+"&participantId="+ps[0].ParticipantID, nil, &details)
	if len(details) != 1 || details[0].DisplayName != "P11" || details[0].SampleRateMs != 2000 || len(details[0].Events) != 2 ||
		!details[0].TimeStamp.Equal(ps[0].JoinedAt) {
		t.Errorf("details: %+v", details)
	}
	h.ok(200, "GET", "/v1/insights/participant?roomSessionId="+last.RoomSessionID+"&participantId="+ps[0].UserID, nil, &details)
	if len(details) != 1 {
		t.Errorf("details by user ID: %+v", details)
	}
	h.ok(200, "GET", "/v1/insights/participant?roomSessionId=nope&participantId=nope", nil, &details)
	if len(details) != 0 {
		t.Errorf("details of nobody: %+v", details)
	}
	h.fails(400, "GET", "/v1/insights/participant?roomSessionId="+last.RoomSessionID, nil)

	// They survive a restart.
	snap, err := h.api.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	r := newHarness(t)
	if err := r.api.Restore(snap); err != nil {
		t.Fatal(err)
	}
	r.ok(200, "GET", "/v1/insights/room-sessions?roomName=/alpha-1&roomSessionId="+last.RoomSessionID, nil, &sessions)
	if len(sessions.Results) != 1 || sessions.Results[0].TotalParticipantMinutes != last.TotalParticipantMinutes {
		t.Errorf("after a restart: %+v", sessions.Results)
	}

	for _, bad := range []string{
		`{"roomSessions": [{"roomName": "no-slash", "startedAt": "2025-01-01T00:00:00Z", "endedAt": "2025-01-01T01:00:00Z"}]}`,
		`{"roomSessions": [{"roomName": "/r", "startedAt": "2025-01-01T00:00:00Z", "endedAt": "2025-01-01T01:00:00Z",
		  "participants": [{"displayName": "late", "joinedAt": "2025-01-01T02:00:00Z"}]}]}`,
		`{"roomSessions": [{"roomName": "/r", "startedAt": "2025-01-01T00:00:00Z", "endedAt": "2025-01-01T01:00:00Z", "participants": [{}]}]}`,
	} {
		if err := h.api.Seed([]byte(bad)); err == nil {
			t.Errorf("seed taken: %s", bad)
		}
	}
}

// Every declared response of the insights operations (200, 401, 429) is
// answered and validated; each costs a GET's point.
func TestInsightsAnswersMatchOpenAPISpec(t *testing.T) {
	openapitest.Require(t, specFile, "/v1", "every answer of the insights operations against its schema")
	h := newHarness(t, func(o *whereby.Options) { o.PointsPerMinute = 8 })
	seedSessions(t, h, "/gamma", 1)
	var ps whereby.Page[whereby.ParticipantInsight]
	h.ok(200, "GET", "/v1/insights/participants?externalId=ext-0-0", nil, &ps) // 1
	paths := []string{
		"/v1/insights/rooms?limit=1",
		"/v1/insights/room-sessions?roomName=/gamma",
		"/v1/insights/participants?externalId=ext-0-0",
		"/v1/insights/participant?roomSessionId=" + ps.Results[0].RoomSessionID + "&participantId=" + ps.Results[0].ParticipantID,
	}
	for _, p := range paths[:3] { // 4
		h.ok(200, "GET", p, nil, nil)
	}
	h.ok(200, "GET", paths[3], nil, nil) // 5
	for _, p := range paths {
		expectError(t, h.doWith("GET", p, "Bearer nope", nil), 401)
	}
	h.ok(200, "GET", paths[0], nil, nil) // 6
	h.ok(200, "GET", paths[0], nil, nil) // 7
	h.ok(200, "GET", paths[0], nil, nil) // 8
	for _, p := range paths {
		expectError(t, h.do("GET", p, nil), 429)
	}
	for _, op := range []string{"/insights/rooms", "/insights/room-sessions", "/insights/participants", "/insights/participant"} {
		for _, status := range []string{"200", "401", "429"} {
			if key := "GET " + op + " " + status; !h.spec.Covered(key) {
				t.Errorf("%s was not answered", key)
			}
		}
	}
}
