package whereby_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/openapitest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

var (
	uuidRE      = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	humanShort  = regexp.MustCompile(`^[a-hjkmnp-z2-9]{6}$`)
	hostKeyRE   = regexp.MustCompile(`\?roomKey=[0-9a-f]{32}$`)
	viewerKeyRE = regexp.MustCompile(`\?viewerKey=[0-9a-f]{32}$`)
)

func TestCreateMeetingDefaults(t *testing.T) {
	h := newHarness(t)
	m := h.create(meetingEnding(t0.Add(time.Hour)))
	if !uuidRE.MatchString(m.MeetingID) {
		t.Errorf("meetingId %q is not a UUID", m.MeetingID)
	}
	// roomName starts with "/" and, with the default pattern, is a UUID.
	if !strings.HasPrefix(m.RoomName, "/") || !uuidRE.MatchString(m.RoomName[1:]) {
		t.Errorf("roomName %q", m.RoomName)
	}
	if m.RoomURL != whereby.DefaultPublicURL+m.RoomName {
		t.Errorf("roomUrl %q, want the public URL + roomName", m.RoomURL)
	}
	// "Start time now defaults to time of request"; dates in UTC.
	if !m.StartDate.Equal(t0) || !m.EndDate.Equal(t0.Add(time.Hour)) {
		t.Errorf("dates %v .. %v", m.StartDate, m.EndDate)
	}
	// hostRoomUrl and viewerRoomUrl "will only be returned if requested".
	if m.HostRoomURL != "" || m.ViewerRoomURL != "" {
		t.Errorf("unrequested URLs in the answer: %+v", m)
	}
}

func TestCreateMeetingDatesComeBackInUTC(t *testing.T) {
	h := newHarness(t)
	r := h.ok(http.StatusCreated, "POST", "/v1/meetings", map[string]any{
		"endDate": "2025-05-12T17:42:49.5-05:00", "startDate": "2020-01-01T00:00:00Z",
	}, nil)
	body := string(r.Body)
	// The deprecated startDate is ignored; the offset is folded into UTC.
	for _, want := range []string{`"startDate":"2025-05-12T16:42:49Z"`, `"endDate":"2025-05-12T22:42:49.5Z"`} {
		if !strings.Contains(body, want) {
			t.Errorf("answer %s lacks %s", body, want)
		}
	}
	// A date-time without a zone is UTC: "By default in UTC".
	m := h.create(map[string]any{"endDate": "2025-05-13T08:00:00"})
	if !m.EndDate.Equal(time.Date(2025, 5, 13, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("endDate %v", m.EndDate)
	}
	// "The same or after the current date": now itself is fine.
	h.create(map[string]any{"endDate": t0.Format(time.RFC3339)})
}

func TestRoomNamesFollowPatternAndPrefix(t *testing.T) {
	h := newHarness(t, func(o *whereby.Options) { o.PublicURL = "https://acme.whereby.test/" })
	end := t0.Add(time.Hour).Format(time.RFC3339)
	for _, c := range []struct {
		prefix, pattern string
		want            *regexp.Regexp
	}{
		{"", "uuid", regexp.MustCompile(`^/[0-9a-f-]{36}$`)},
		{"example-prefix", "uuid", regexp.MustCompile(`^/example-prefix[0-9a-f]{8}-[0-9a-f-]{27}$`)},
		{"room-prefix-", "", regexp.MustCompile(`^/room-prefix-[0-9a-f]{8}-[0-9a-f-]{27}$`)},
		{"team 42", "human-short", regexp.MustCompile(`^/team42[a-hjkmnp-z2-9]{6}$`)},
		{"", "human-short", regexp.MustCompile(`^/[a-hjkmnp-z2-9]{6}$`)},
	} {
		body := map[string]any{"endDate": end, "roomNamePrefix": c.prefix, "fields": []string{"hostRoomUrl"}}
		if c.pattern != "" {
			body["roomNamePattern"] = c.pattern
		}
		m := h.create(body)
		if !c.want.MatchString(m.RoomName) {
			t.Errorf("prefix %q pattern %q: roomName %q", c.prefix, c.pattern, m.RoomName)
		}
		if m.RoomURL != "https://acme.whereby.test"+m.RoomName {
			t.Errorf("roomUrl %q", m.RoomURL)
		}
		if !strings.HasPrefix(m.HostRoomURL, m.RoomURL+"?") || !hostKeyRE.MatchString(m.HostRoomURL) {
			t.Errorf("hostRoomUrl %q: want the room URL with a host key", m.HostRoomURL)
		}
	}
	if !humanShort.MatchString("abc234") {
		t.Fatal("test regexp broken")
	}
}

func TestViewerModeTemplate(t *testing.T) {
	h := newHarness(t)
	// "fields like hostRoomUrl and viewerRoomUrl will be added to the
	// response" of a viewer mode room, asked for or not.
	m := h.create(map[string]any{"endDate": t0.Add(time.Hour).Format(time.RFC3339), "templateType": "viewerMode", "isLocked": false, "roomMode": "normal"})
	if !hostKeyRE.MatchString(m.HostRoomURL) || !viewerKeyRE.MatchString(m.ViewerRoomURL) || !strings.HasPrefix(m.ViewerRoomURL, m.RoomURL) {
		t.Errorf("viewer mode answer: %+v", m)
	}
	// Reads show them only when asked for.
	got := h.get(m.MeetingID, "")
	if got.HostRoomURL != "" || got.ViewerRoomURL != "" {
		t.Errorf("unrequested URLs: %+v", got)
	}
	got = h.get(m.MeetingID, "?fields=viewerRoomUrl")
	if got.ViewerRoomURL != m.ViewerRoomURL || got.HostRoomURL != "" {
		t.Errorf("fields=viewerRoomUrl: %+v", got)
	}
	got = h.get(m.MeetingID, "?fields=hostRoomUrl,viewerRoomUrl")
	if got.ViewerRoomURL != m.ViewerRoomURL || got.HostRoomURL != m.HostRoomURL {
		t.Errorf("both fields: %+v", got)
	}

	// Any other room has no viewer URL, even when asked for.
	plain := h.create(map[string]any{"endDate": t0.Add(time.Hour).Format(time.RFC3339), "fields": []string{"viewerRoomUrl", "hostRoomUrl"}})
	if plain.ViewerRoomURL != "" || plain.HostRoomURL == "" {
		t.Errorf("plain room: %+v", plain)
	}
	got = h.get(plain.MeetingID, "?fields=viewerRoomUrl&fields=hostRoomUrl")
	if got.ViewerRoomURL != "" || got.HostRoomURL != plain.HostRoomURL {
		t.Errorf("plain room read: %+v", got)
	}
}

func TestGetMeetingFieldsAndErrors(t *testing.T) {
	h := newHarness(t)
	m := h.create(map[string]any{"endDate": t0.Add(time.Hour).Format(time.RFC3339), "fields": []string{"hostRoomUrl"}})
	if got := h.get(m.MeetingID, "?fields=hostRoomUrl"); got != m {
		t.Errorf("read %+v, created %+v", got, m)
	}
	msg := h.fails(404, "GET", "/v1/meetings/nope", nil)
	if !strings.Contains(msg, "The requested resource doesn't exist") {
		t.Errorf("404 message %q", msg)
	}
	h.fails(400, "GET", "/v1/meetings/"+m.MeetingID+"?fields=roomKey", nil)
}

func TestDeleteIsIdempotent(t *testing.T) {
	h := newHarness(t)
	m := h.create(meetingEnding(t0.Add(time.Hour)))
	for range 2 {
		r := h.ok(204, "DELETE", "/v1/meetings/"+m.MeetingID, nil, nil)
		if len(r.Body) != 0 {
			t.Errorf("204 with a body: %s", r.Body)
		}
	}
	h.ok(204, "DELETE", "/v1/meetings/never-existed", nil, nil)
	h.fails(404, "GET", "/v1/meetings/"+m.MeetingID, nil)
}

func TestRoomIsGoneAnHourAfterEndDate(t *testing.T) {
	h := newHarness(t)
	m := h.create(meetingEnding(t0.Add(30 * time.Minute)))
	other := h.create(meetingEnding(t0.Add(5 * time.Hour)))
	h.clock.Advance(90*time.Minute - time.Millisecond)
	h.ok(200, "GET", "/v1/meetings/"+m.MeetingID, nil, nil)
	h.clock.Advance(time.Millisecond)
	h.fails(404, "GET", "/v1/meetings/"+m.MeetingID, nil)
	var list whereby.MeetingList
	h.ok(200, "GET", "/v1/meetings", nil, &list)
	if len(list.Results) != 1 || list.Results[0].MeetingID != other.MeetingID {
		t.Errorf("list after expiry: %+v", list.Results)
	}
	// A write purges it; deleting it is still 204.
	h.ok(204, "DELETE", "/v1/meetings/"+m.MeetingID, nil, nil)
	h.fails(404, "GET", "/v1/meetings/"+m.MeetingID, nil)
}

func TestCreateValidation(t *testing.T) {
	h := newHarness(t)
	end := t0.Add(time.Hour).Format(time.RFC3339)
	// key is a name in the name, value, ... arguments of with and s3.
	key := func(k any) string {
		t.Helper()
		s, ok := k.(string)
		if !ok {
			t.Fatalf("%#v is not a field name", k)
		}
		return s
	}
	with := func(kv ...any) map[string]any {
		b := map[string]any{"endDate": end}
		for i := 0; i < len(kv); i += 2 {
			b[key(kv[i])] = kv[i+1]
		}
		return b
	}
	s3 := func(kv ...any) map[string]any {
		d := map[string]any{"provider": "s3", "bucket": "b", "region": "eu-west-1", "accessKeyId": "id", "accessKeySecret": "secret"}
		for i := 0; i < len(kv); i += 2 {
			if kv[i+1] == nil {
				delete(d, key(kv[i]))
				continue
			}
			d[key(kv[i])] = kv[i+1]
		}
		return d
	}
	rec := func(dest any) map[string]any {
		return map[string]any{"type": "cloud", "destination": dest, "startTrigger": "automatic"}
	}
	for _, c := range []struct {
		name string
		body any
		want string // "" means valid
	}{
		{"empty body", "", `"endDate" is required`},
		{"not an object", `[1]`, "must be a JSON object"},
		{"not JSON", `{`, "not valid JSON"},
		{"endDate null", map[string]any{"endDate": nil}, `"endDate" must be a string`},
		{"endDate not a date", with("endDate", "tomorrow"), `"endDate" must be a valid date-time`},
		{"endDate in the past", with("endDate", t0.Add(-time.Second).Format(time.RFC3339)), "same or after the current date"},
		{"startDate not a date", with("startDate", "yesterday"), `"startDate" must be a valid date-time`},
		{"startDate null", with("startDate", nil), ""},
		{"unknown field", with("roomname", "x"), `"roomname" is not allowed`},
		{"isLocked", with("isLocked", "yes"), `"isLocked" must be a boolean`},
		{"roomMode", with("roomMode", "huge"), `"roomMode" must be one of [group, normal]`},
		{"roomMode group", with("roomMode", "group", "isLocked", true), ""},
		{"prefix upper case", with("roomNamePrefix", "Team"), "lowercase letters, digits and dashes"},
		{"prefix underscore", with("roomNamePrefix", "a_b"), "lowercase letters, digits and dashes"},
		{"prefix 39", with("roomNamePrefix", strings.Repeat("a", 39)), ""},
		{"prefix 40", with("roomNamePrefix", strings.Repeat("a", 40)), "at most 39 characters"},
		{"pattern", with("roomNamePattern", "short"), `"roomNamePattern" must be one of [uuid, human-short]`},
		{"template", with("templateType", "webinar"), `"templateType" must be one of [viewerMode]`},
		{"fields not array", with("fields", "hostRoomUrl"), `"fields" must be an array`},
		{"fields unknown", with("fields", []string{"hostRoomUrl", "roomKey"}), `"fields[1]" must be one of [hostRoomUrl, viewerRoomUrl]`},
		{"recording ok", with("recording", rec(s3())), ""},
		{"recording whereby", with("recording", rec(map[string]any{"provider": "whereby", "fileFormat": "mp4"})), ""},
		{"recording inherits destination", with("recording", map[string]any{"type": "local", "destination": nil, "startTrigger": nil}), ""},
		{"recording missing fields", with("recording", map[string]any{}), `"recording.type" is required; "recording.destination" is required; "recording.startTrigger" is required`},
		{"recording type", with("recording", map[string]any{"type": "tape", "destination": nil, "startTrigger": "none"}), `"recording.type" must be one of [none, local, cloud]`},
		{"recording trigger", with("recording", map[string]any{"type": "cloud", "destination": nil, "startTrigger": "manual"}), `"recording.startTrigger" must be one of`},
		{"recording not an object", with("recording", "cloud"), `"recording" must be an object`},
		{"s3 needs keys", with("recording", rec(s3("accessKeySecret", nil, "region", nil))), `"recording.destination.region" is required; "recording.destination.accessKeySecret" is required`},
		{"s3 empty bucket", with("recording", rec(s3("bucket", ""))), `"recording.destination.bucket" is not allowed to be empty`},
		{"s3 role based", with("recording", rec(map[string]any{"provider": "s3", "authenticationType": "roleBased", "bucket": "b", "oidcRoleArn": "arn:aws:iam::1:role/r"})), ""},
		{"s3 role based needs arn", with("recording", rec(map[string]any{"provider": "s3", "authenticationType": "roleBased", "bucket": "b"})), `"recording.destination.oidcRoleArn" is required`},
		{"arn needs role based", with("recording", rec(s3("oidcRoleArn", "arn"))), `"recording.destination.oidcRoleArn" is only available when "recording.destination.authenticationType" is roleBased`},
		{"provider", with("recording", rec(map[string]any{"provider": "gcs"})), `"recording.destination.provider" must be one of [s3, whereby]`},
		{"provider missing", with("recording", rec(map[string]any{"bucket": "b"})), `"recording.destination.provider" is required`},
		{"file format", with("recording", rec(s3("fileFormat", "avi"))), `"recording.destination.fileFormat" must be one of [mkv, mp4]`},
		{"transcription ok", with("liveTranscription", map[string]any{"destination": map[string]any{"provider": "whereby"}, "startTrigger": "manual", "language": "en-GB", "liveCaptions": true}), ""},
		{"transcription spec's language spelling", with("liveTranscription", map[string]any{"destination": nil, "startTrigger": nil, "language": "de-CH,"}), ""},
		{"transcription language", with("liveTranscription", map[string]any{"destination": nil, "startTrigger": nil, "language": "klingon"}), `"liveTranscription.language" must be one of`},
		{"transcription trigger", with("liveTranscription", map[string]any{"destination": nil, "startTrigger": "prompt"}), `"liveTranscription.startTrigger" must be one of [none, manual, automatic, automatic-2nd-participant]`},
		{"transcription no file format", with("liveTranscription", map[string]any{"destination": s3("fileFormat", "mp4"), "startTrigger": nil}), `"liveTranscription.destination.fileFormat" is not allowed`},
		{"transcription captions", with("liveTranscription", map[string]any{"destination": nil, "startTrigger": nil, "liveCaptions": "on"}), `"liveTranscription.liveCaptions" must be a boolean`},
		{"streaming ok", with("streaming", map[string]any{"destination": map[string]any{"url": "rtmp://a.rtmp.youtube.com/live2/key"}, "startTrigger": "prompt"}), ""},
		{"streaming url", with("streaming", map[string]any{"destination": map[string]any{"url": "https://youtube.com"}, "startTrigger": "none"}), `"streaming.destination.url" must be an rtmp:// or rtmps:// URI`},
		{"streaming destination", with("streaming", map[string]any{"destination": nil, "startTrigger": "none"}), `"streaming.destination" must be an object`},
		{"streaming no url", with("streaming", map[string]any{"destination": map[string]any{}, "startTrigger": "none"}), `"streaming.destination.url" is required`},
		{"streaming trigger", with("streaming", map[string]any{"destination": map[string]any{"url": "rtmps://x/y"}, "startTrigger": "manual"}), `"streaming.startTrigger" must be one of [none, prompt, automatic]`},
		{"every problem at once", map[string]any{"roomMode": 1, "isLocked": nil}, `"endDate" is required; "isLocked" must be a boolean; "roomMode" must be a string`},
	} {
		r := h.do("POST", "/v1/meetings", c.body)
		if c.want == "" {
			if r.Status != http.StatusCreated {
				t.Errorf("%s: got %d %s, want 201", c.name, r.Status, r.Body)
			}
			continue
		}
		if r.Status != http.StatusBadRequest {
			t.Errorf("%s: got %d %s, want 400", c.name, r.Status, r.Body)
			continue
		}
		var env whereby.Error
		mustJSON(t, r.Body, &env)
		if !strings.Contains(env.Error, c.want) {
			t.Errorf("%s: message %q, want it to contain %q", c.name, env.Error, c.want)
		}
	}
}

func TestCreateNeedsJSON(t *testing.T) {
	h := newHarness(t)
	r := h.doWithContentType("text/plain", `{"endDate":"2030-01-01T00:00:00Z"}`)
	if msg := expectError(t, r, 400); !strings.Contains(msg, "Content-Type must be application/json") {
		t.Errorf("message %q", msg)
	}
	r = h.doWithContentType("application/json; charset=utf-8", `{"endDate":"2030-01-01T00:00:00Z"}`)
	if r.Status != http.StatusCreated {
		t.Errorf("JSON with a charset: %d %s", r.Status, r.Body)
	}
}

func (h *harness) doWithContentType(contentType, body string) openapitest.Answer {
	h.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/v1/meetings", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+h.key)
	req.Header.Set("Content-Type", contentType)
	return h.send(req)
}

func TestAuthentication(t *testing.T) {
	h := newHarness(t, func(o *whereby.Options) { o.APIKey = "k-123" })
	for _, auth := range []string{"", "Bearer", "Bearer wrong", "Basic k-123", "k-123"} {
		r := h.doWith("GET", "/v1/meetings", auth, nil)
		if msg := expectError(t, r, 401); msg != "Access token is missing or invalid" {
			t.Errorf("%q: message %q", auth, msg)
		}
		if r.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("%q: 401 without WWW-Authenticate", auth)
		}
	}
	for _, auth := range []string{"Bearer k-123", "bearer k-123"} {
		if r := h.doWith("GET", "/v1/meetings", auth, nil); r.Status != 200 {
			t.Errorf("%q: %d", auth, r.Status)
		}
	}
	// Every route needs the key, DELETE of an unknown ID too.
	expectError(t, h.doWith("DELETE", "/v1/meetings/x", "", nil), 401)
	expectError(t, h.doWith("POST", "/v1/meetings", "", meetingEnding(t0.Add(time.Hour))), 401)
	expectError(t, h.doWith("GET", "/v1/meetings/x", "", nil), 401)
}

func TestOtherPathsAndMethods(t *testing.T) {
	h := newHarness(t)
	expectError(t, h.do("PUT", "/v1/meetings/x", meetingEnding(t0)), 405)
	expectError(t, h.do("PATCH", "/v1/meetings", nil), 405)
	expectError(t, h.do("GET", "/v1/no-such-api", nil), 404)
	expectError(t, h.do("GET", "/v1/meetings/", nil), 404)
	big := `{"endDate":"2030-01-01T00:00:00Z","roomNamePrefix":"` + strings.Repeat("a", 70<<10) + `"}`
	if msg := expectError(t, h.do("POST", "/v1/meetings", big), 400); !strings.Contains(msg, "at most 65536 bytes") {
		t.Errorf("oversized body: %q", msg)
	}
}
