package whereby_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/openapitest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

// neverAnswered are declared responses the emulator has no reason to give:
// POST /meetings 403 "Not allowed to perform action" depends on the plan's
// features, which the emulated organization has all of.
var neverAnswered = []string{"POST /meetings 403"}

// TestResponsesMatchOpenAPISpec answers every declared response of every
// meetings operation, success and error, and checks each against the
// document (the harness validates every answer of every test this way; this
// test makes sure nothing is left out). It also checks that a meeting carries
// every property of the document's Meeting, and nothing else.
func TestResponsesMatchOpenAPISpec(t *testing.T) {
	spec := openapitest.Require(t, specFile, "/v1", "every answer of the meetings operations against its schema")
	h := newHarness(t, func(o *whereby.Options) { o.PointsPerMinute = 20 })
	end := t0.Add(time.Hour).Format(time.RFC3339)

	full := h.ok(201, "POST", "/v1/meetings", map[string]any{
		"endDate": end, "templateType": "viewerMode", "roomNamePrefix": "demo-", "roomNamePattern": "human-short",
		"recording":         map[string]any{"type": "cloud", "destination": map[string]any{"provider": "whereby"}, "startTrigger": "prompt"},
		"liveTranscription": map[string]any{"destination": nil, "startTrigger": "manual", "language": "en"},
		"streaming":         map[string]any{"destination": map[string]any{"url": "rtmp://a.rtmp.youtube.com/live2/k"}, "startTrigger": "none"},
	}, nil)
	var created map[string]any
	mustJSON(t, full.Body, &created)
	id, ok := created["meetingId"].(string)
	if !ok {
		t.Fatalf("meetingId is %#v, not a string", created["meetingId"])
	}
	h.create(meetingEnding(t0.Add(time.Hour)))
	h.ok(200, "GET", "/v1/meetings/"+id+"?fields=hostRoomUrl,viewerRoomUrl", nil, nil)
	h.ok(200, "GET", "/v1/meetings?limit=1&fields=hostRoomUrl", nil, nil) // with a cursor
	h.ok(200, "GET", "/v1/meetings", nil, nil)                            // cursor null
	h.ok(204, "DELETE", "/v1/meetings/"+id, nil, nil)
	h.fails(404, "GET", "/v1/meetings/"+id, nil)
	h.fails(404, "GET", "/v1/meetings?cursor=nope", nil)
	h.fails(400, "POST", "/v1/meetings", map[string]any{})
	for _, op := range [][2]string{{"POST", "/v1/meetings"}, {"GET", "/v1/meetings"}, {"GET", "/v1/meetings/x"}, {"DELETE", "/v1/meetings/x"}} {
		expectError(t, h.doWith(op[0], op[1], "Bearer nope", meetingEnding(t0.Add(time.Hour))), 401)
	}
	// 3+3+1+1+1+2+1+1+3 = 16 points spent; spend the rest and get throttled.
	h.ok(200, "GET", "/v1/meetings", nil, nil)
	h.ok(200, "GET", "/v1/meetings", nil, nil)
	h.ok(200, "GET", "/v1/meetings", nil, nil)
	h.ok(200, "GET", "/v1/meetings", nil, nil)
	for _, op := range [][2]string{{"POST", "/v1/meetings"}, {"GET", "/v1/meetings"}, {"GET", "/v1/meetings/x"}, {"DELETE", "/v1/meetings/x"}} {
		expectError(t, h.do(op[0], op[1], meetingEnding(t0.Add(time.Hour))), 429)
	}

	// Every declared response of the meetings operations was answered and
	// validated.
	var missing []string
	for _, route := range spec.Routes() {
		if !strings.HasPrefix(route.Template, "/meetings") {
			continue // recordings, transcriptions, ...: not emulated
		}
		for method, op := range route.Operations {
			responses, _ := op["responses"].(map[string]any)
			for status := range responses {
				key := fmt.Sprintf("%s %s %s", strings.ToUpper(method), route.Template, status)
				if !h.spec.Covered(key) && !slices.Contains(neverAnswered, key) {
					missing = append(missing, key)
				}
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("declared responses never answered:\n  %s", strings.Join(missing, "\n  "))
	}

	// A meeting with both optional URLs carries exactly the document's
	// Meeting properties.
	want := spec.Properties(map[string]any{"$ref": "#/components/schemas/Meeting"})
	var got []string
	for k := range created {
		got = append(got, k)
	}
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("a meeting has properties\n  %v\nthe document lists\n  %v", got, want)
	}
}
