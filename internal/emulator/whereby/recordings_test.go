package whereby_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

// seedRecordings makes n recordings appear in room, a minute apart, of
// growing sizes, each with a live transcription, as finished meetings leave
// them (the admin API's seed).
func seedRecordings(t *testing.T, h *harness, room string, n int) {
	t.Helper()
	var recs []map[string]any
	for i := range n {
		start := t0.Add(time.Duration(i) * time.Minute)
		recs = append(recs, map[string]any{"roomName": room, "startDate": start, "endDate": start.Add(time.Duration(i+1) * time.Second),
			"sizeInMegaBytes": float64(10 * (n - i)), "transcribed": true})
	}
	raw, _ := json.Marshal(map[string]any{"recordings": recs})
	if err := h.api.Seed(raw); err != nil {
		t.Fatal(err)
	}
}

// Recordings and transcriptions: pages through cursors, the room filter,
// sortBy, get, the access links, transcription of a recording, deletes
// (idempotent), every answer validated against the document.
func TestRecordingsAndTranscriptions(t *testing.T) {
	h := newHarness(t, func(o *whereby.Options) { o.PointsPerMinute = 0 })
	seedRecordings(t, h, "/alpha", 5)
	seedRecordings(t, h, "/beta", 2)

	// Every page, 2 at a time.
	var ids []string
	path := "/v1/recordings?roomName=/alpha&limit=2"
	for pages := 0; ; pages++ {
		var p whereby.Page[whereby.Recording]
		h.ok(200, "GET", path, nil, &p)
		for _, r := range p.Results {
			ids = append(ids, r.RecordingID)
		}
		if p.Cursor == nil {
			if pages != 2 {
				t.Errorf("%d pages, want 3", pages+1)
			}
			break
		}
		path = "/v1/recordings?roomName=/alpha&limit=2&cursor=" + *p.Cursor
	}
	if len(ids) != 5 {
		t.Fatalf("paged through %d recordings of /alpha, want 5", len(ids))
	}
	var sorted whereby.Page[whereby.Recording]
	h.ok(200, "GET", "/v1/recordings?sortBy=sizeInMegaBytes:asc", nil, &sorted)
	if len(sorted.Results) != 7 || sorted.Results[0].SizeInMegaBytes != 10 || sorted.Results[6].SizeInMegaBytes != 50 {
		t.Errorf("sorted by size: %+v", sorted.Results)
	}
	h.ok(200, "GET", "/v1/recordings?sortBy=duration:desc&roomName=/alpha", nil, &sorted)
	if sorted.Results[0].RecordingID != ids[4] {
		t.Errorf("the longest /alpha recording is %s, want %s", sorted.Results[0].RecordingID, ids[4])
	}
	if msg := h.fails(400, "GET", "/v1/recordings?sortBy=size:asc", nil); !strings.Contains(msg, "`sizeInMegaBytes`") {
		t.Errorf("bad sortBy: %q", msg)
	}
	h.fails(404, "GET", "/v1/recordings?cursor=nope", nil)
	h.fails(400, "GET", "/v1/recordings?limit=101", nil)

	var one whereby.Recording
	h.ok(200, "GET", "/v1/recordings/"+ids[0], nil, &one)
	if !one.StartDate.Equal(t0) || one.Filename == "" || one.RoomSessionID == "" {
		t.Errorf("recording %+v", one)
	}
	var link whereby.AccessLink
	h.ok(200, "GET", "/v1/recordings/"+ids[0]+"/access-link?validForSeconds=60", nil, &link)
	if link.Expires != t0.Add(time.Minute).UnixMilli() || !strings.Contains(link.AccessLink, ids[0]) {
		t.Errorf("access link %+v", link)
	}
	h.fails(400, "GET", "/v1/recordings/"+ids[0]+"/access-link?validForSeconds=43201", nil)
	h.fails(404, "GET", "/v1/recordings/nope/access-link", nil)

	// Transcriptions: the live ones, and one made from a recording.
	var ts whereby.Page[whereby.Transcription]
	h.ok(200, "GET", "/v1/transcriptions?roomName=/beta", nil, &ts)
	if len(ts.Results) != 2 || ts.Results[0].Type != "LIVE_TRANSCRIPTION" || ts.Results[0].State != "ready" {
		t.Errorf("transcriptions of /beta: %+v", ts.Results)
	}
	var made map[string]string
	h.ok(201, "POST", "/v1/transcriptions", map[string]any{"recordingId": ids[1]}, &made)
	var tr whereby.Transcription
	h.ok(200, "GET", "/v1/transcriptions/"+made["transcriptionId"], nil, &tr)
	if tr.Type != "RECORDING_TRANSCRIPTION" || tr.RoomName != "/alpha" || tr.DurationInSeconds != 2 {
		t.Errorf("transcription %+v", tr)
	}
	h.ok(200, "GET", "/v1/transcriptions/"+tr.TranscriptionID+"/access-link", nil, &link)
	if link.Expires != t0.Add(time.Hour).UnixMilli() {
		t.Errorf("default validity: %+v", link)
	}
	h.fails(404, "POST", "/v1/transcriptions", map[string]any{"recordingId": "nope"})

	// Summaries of a transcription.
	var sum map[string]string
	h.ok(201, "POST", "/v1/summaries", map[string]any{"transcriptionId": tr.TranscriptionID, "template": "SOAP"}, &sum)
	h.ok(201, "POST", "/v1/summaries", map[string]any{"transcriptionId": ts.Results[0].TranscriptionID}, nil)
	var s1 whereby.Summary
	h.ok(200, "GET", "/v1/summaries/"+sum["summaryId"], nil, &s1)
	if s1.Template != "SOAP" || s1.State != "completed" || s1.RoomName != "/alpha" || s1.Summary["summary"] == "" {
		t.Errorf("summary %+v", s1)
	}
	var sums whereby.Page[whereby.Summary]
	h.ok(200, "GET", "/v1/summaries?sortBy=roomName:desc&limit=1", nil, &sums)
	if len(sums.Results) != 1 || sums.Results[0].RoomName != "/beta" || sums.Cursor == nil || sums.Results[0].Template != "General Narrative" {
		t.Errorf("summaries by room: %+v", sums)
	}
	h.ok(200, "GET", "/v1/summaries?limit=1&cursor="+*sums.Cursor, nil, &sums)
	if len(sums.Results) != 1 || sums.Cursor != nil {
		t.Errorf("the last page of summaries: %+v", sums)
	}
	h.fails(400, "POST", "/v1/summaries", map[string]any{"transcriptionId": tr.TranscriptionID, "template": "Haiku"})
	h.fails(404, "POST", "/v1/summaries", map[string]any{"transcriptionId": "nope"})
	h.ok(204, "DELETE", "/v1/summaries/"+sum["summaryId"], nil, nil)
	h.fails(404, "GET", "/v1/summaries/"+sum["summaryId"], nil)
	h.ok(200, "GET", "/v1/transcriptions?sortBy=durationInSeconds:desc&limit=1", nil, &ts)
	if ts.Cursor == nil || ts.Results[0].DurationInSeconds != 5 {
		t.Errorf("longest transcription: %+v", ts)
	}

	// Deletes are idempotent.
	h.ok(204, "DELETE", "/v1/recordings/"+ids[0], nil, nil)
	h.ok(204, "DELETE", "/v1/recordings/"+ids[0], nil, nil)
	h.fails(404, "GET", "/v1/recordings/"+ids[0], nil)
	h.ok(204, "POST", "/v1/recordings/bulk-delete", map[string]any{"recordingIds": []string{ids[1], ids[2], "nope"}}, nil)
	h.ok(204, "DELETE", "/v1/transcriptions/"+tr.TranscriptionID, nil, nil)
	h.fails(404, "GET", "/v1/transcriptions/"+tr.TranscriptionID, nil)
	h.ok(204, "POST", "/v1/transcriptions/bulk-delete", map[string]any{"transcriptionIds": []string{"nope"}}, nil)
	var left whereby.Page[whereby.Recording]
	h.ok(200, "GET", "/v1/recordings", nil, &left)
	if len(left.Results) != 4 {
		t.Errorf("%d recordings left, want 4", len(left.Results))
	}

	// They survive a restart.
	snap, err := h.api.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	r := newHarness(t)
	if err := r.api.Restore(snap); err != nil {
		t.Fatal(err)
	}
	r.ok(200, "GET", "/v1/recordings/"+ids[3], nil, nil)
	if err := h.api.Seed([]byte(`{"recordings": [{"roomName": "no-slash", "startDate": "2025-01-01T00:00:00Z", "endDate": "2025-01-01T00:01:00Z"}]}`)); err == nil {
		t.Error("a seed recording without a room name starting with / was taken")
	}
}

// The budget's points: a GET costs 1, a DELETE 2, a POST 3.
func TestRecordingsSpendTheBudget(t *testing.T) {
	h := newHarness(t, func(o *whereby.Options) { o.PointsPerMinute = 6 })
	h.ok(204, "POST", "/v1/recordings/bulk-delete", map[string]any{"recordingIds": []string{}}, nil) // 3
	h.ok(204, "DELETE", "/v1/transcriptions/x", nil, nil)                                            // 5
	h.ok(200, "GET", "/v1/transcriptions", nil, nil)                                                 // 6
	expectError(t, h.do("GET", "/v1/recordings", nil), 429)
}
