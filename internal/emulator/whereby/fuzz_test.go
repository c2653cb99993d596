package whereby_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/fuzztest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

// envelopeError checks an error body: {"error": "..."}, with data on a 429
// only.
func envelopeError(status int, body []byte) error {
	var env whereby.Error
	if err := strictUnmarshal(body, &env); err != nil {
		return err
	}
	if env.Error == "" {
		return errors.New("no message")
	}
	if (env.Data != nil) != (status == http.StatusTooManyRequests) {
		return errors.New("data on an answer other than 429, or a 429 without it")
	}
	return nil
}

// newFuzzOrganization is an organization with one meeting and a session of
// its room, with two participants, for the insights.
func newFuzzOrganization() (fuzztest.Instance, error) {
	api := whereby.New(platform.NewClock(), whereby.Options{})
	mux := http.NewServeMux()
	api.Register(mux)
	inst := fuzztest.Instance{
		Handler: mux,
		Sign:    func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+whereby.DefaultAPIKey) },
	}
	answer, err := fuzztest.Create(inst, http.MethodPost, "/v1/meetings", `{"endDate":"2035-01-01T00:00:00Z"}`)
	if err != nil {
		return inst, err
	}
	var m whereby.Meeting
	if err := json.Unmarshal(answer, &m); err != nil {
		return inst, err
	}
	// The room's name without its "/", which the theme paths take too.
	inst.Vars = map[string]string{"meeting": m.MeetingID, "room": m.RoomName[1:]}
	session, _ := json.Marshal(map[string]any{"roomSessions": []any{map[string]any{
		"roomName": m.RoomName, "roomSessionId": "s1", "startedAt": "2030-01-01T00:00:00Z", "endedAt": "2030-01-01T01:00:00Z",
		"participants": []any{
			map[string]any{"displayName": "A", "externalId": "x", "participantId": "/p1", "rating": 3},
			map[string]any{"displayName": "R", "roleName": "recorder"},
		},
	}}})
	return inst, api.Seed(session)
}

// requests is every route that reads a body or a query.
var requests = &fuzztest.Surface{
	New:      newFuzzOrganization,
	Envelope: envelopeError,
	Routes: []string{"POST /v1/meetings", "GET /v1/meetings", "GET /v1/meetings/{meeting}",
		"GET /v1/insights/rooms", "GET /v1/insights/room-sessions", "GET /v1/insights/participants", "GET /v1/insights/participant",
		"PUT /v1/rooms/{room}/theme/tokens", "PUT /v1/rooms/{room}/theme/logo", "PUT /v1/rooms/{room}/theme/room-background"},
}

func TestFuzzRoutesAreReachable(t *testing.T) { requests.Reachable(t) }

// FuzzRequests sends fuzzed bodies and queries to every Whereby route that
// decodes one.
func FuzzRequests(f *testing.F) {
	f.Add(uint8(0), "", []byte(`{"endDate":"2035-01-01T00:00:00Z","roomMode":"group","roomNamePrefix":"fuzz","fields":["hostRoomUrl"]}`))
	f.Add(uint8(0), "", []byte(`{"endDate":"2035-01-01T00:00:00+02:00","recording":{"type":"cloud","startTrigger":"prompt"},"streaming":{"destination":{"url":"rtmp://x"},"startTrigger":"automatic"}}`))
	f.Add(uint8(1), "limit=2&cursor=1&fields=hostRoomUrl", []byte(nil))
	f.Add(uint8(2), "fields=viewerRoomUrl,hostRoomUrl", []byte(nil))
	f.Add(uint8(3), "roomName[startsWith]=/&createdAt[from]=2030-01-01T00:00:00Z&sortBy=totalSessions:desc&limit=1", []byte(nil))
	f.Add(uint8(4), "roomName=/x&roomSessionId=s1&sortBy=totalUniqueRecorders:asc", []byte(nil))
	f.Add(uint8(5), "roomSessionId=s1&externalId=x&sortBy=leftAt:desc&cursor=00000000000000000000000000000001", []byte(nil))
	f.Add(uint8(6), "roomSessionId=s1&participantId=/p1", []byte(nil))
	f.Add(uint8(7), "", []byte(`{"tokensPreset":"custom","tokens":{"colors":{"primary":"#1a73e8","focus":"#000000"}}}`))
	f.Add(uint8(8), "", []byte(`{"theme":"default"}`))
	f.Add(uint8(9), "", []byte(`{"palette":"grey","theme":"rocks"}`))
	f.Fuzz(requests.Run)
}
