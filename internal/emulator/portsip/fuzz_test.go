package portsip_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/fuzztest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

// envelopeError checks a 4xx body: {"errors": [{"code": "UPPER_CASE",
// "message": "..."}]} and nothing else.
func envelopeError(_ int, body []byte) error {
	var env portsip.ErrorEnvelope
	if err := strictUnmarshal(body, &env); err != nil {
		return err
	}
	if len(env.Errors) == 0 {
		return errors.New("no errors")
	}
	for _, e := range env.Errors {
		if e.Code == "" || e.Code != strings.ToUpper(e.Code) || e.Message == "" {
			return errors.New("an entry without an upper-case code or a message")
		}
	}
	return nil
}

// newFuzzPBX is a PBX with a server, a room with a participant and a meeting
// of the administrator's, signed in as the administrator.
func newFuzzPBX() (fuzztest.Instance, error) {
	api := portsip.New(platform.NewClock(), portsip.Options{})
	mux := http.NewServeMux()
	api.Register(mux)
	tok := api.IssueToken()
	inst := fuzztest.Instance{
		Handler: mux,
		Sign:    func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+tok) },
		Vars:    map[string]string{},
	}
	for _, fx := range []struct{ name, path, body string }{
		{"server", "/api/conference_servers", `{"name":"fixture","ipv4":"192.0.2.1","max_rooms":10,"max_participants":10}`},
		{"room", "/api/conference_rooms", `{"extension_number":"700","mode":"VIDEO","subject":"Fixture","capacity":10}`},
		{"meeting", "/api/user/meetings", `{"mode":"AUDIO","subject":"Fixture","timezone":"UTC"}`},
	} {
		answer, err := fuzztest.Create(inst, http.MethodPost, fx.path, fx.body)
		if err != nil {
			return inst, err
		}
		var created portsip.IDResponse
		if err := json.Unmarshal(answer, &created); err != nil {
			return inst, err
		}
		inst.Vars[fx.name] = created.ID
	}
	room := "/api/conference_rooms/" + inst.Vars["room"]
	if _, err := fuzztest.Create(inst, http.MethodPost, room+"/participants/invite", `{"number":"101"}`); err != nil {
		return inst, err
	}
	answer, err := fuzztest.Create(inst, http.MethodGet, room+"/participants", "")
	if err != nil {
		return inst, err
	}
	var list struct{ Items []portsip.Participant }
	if err := json.Unmarshal(answer, &list); err != nil || len(list.Items) != 1 {
		return inst, errors.New("fixture participant: " + string(answer))
	}
	inst.Vars["participant"] = list.Items[0].ID
	return inst, nil
}

// requests is every route that reads a body or a query.
var requests = &fuzztest.Surface{
	New:      newFuzzPBX,
	Envelope: envelopeError,
	Routes: []string{
		"POST /api/auth/sign_in",
		"POST /api/auth/refresh_token",
		"GET /api/conference_servers",
		"POST /api/conference_servers",
		"POST /api/conference_servers/{server}",
		"GET /api/conference_rooms",
		"POST /api/conference_rooms",
		"POST /api/conference_rooms/{room}",
		"GET /api/conference_rooms/{room}/participants",
		"POST /api/conference_rooms/{room}/participants/layout",
		"POST /api/conference_rooms/{room}/participants/invite",
		"POST /api/conference_rooms/{room}/participants/{participant}/position",
		"POST /api/conference_rooms/{room}/start_recording",
		"GET /api/conference_rooms/{room}/recordings",
		"GET /api/user/meetings",
		"POST /api/user/meetings",
		"POST /api/user/meetings/{meeting}",
	},
}

func TestFuzzRoutesAreReachable(t *testing.T) { requests.Reachable(t) }

// FuzzRequests sends fuzzed bodies and queries to every PortSIP route that
// decodes one.
func FuzzRequests(f *testing.F) {
	f.Add(uint8(3), "", []byte(`{"name":"m","ipv4":"192.0.2.1","max_rooms":1,"max_participants":1}`))
	f.Add(uint8(6), "", []byte(`{"extension_number":"701","mode":"AUDIO","subject":"s","capacity":5,"invitees":["101"]}`))
	f.Add(uint8(15), "", []byte(`{"mode":"VIDEO","subject":"s","timezone":"Europe/Paris","start_time":"2030-01-01T09:00:00Z"}`))
	f.Add(uint8(2), "top=5&skip=1&count=true", []byte(nil))
	f.Add(uint8(0), "", []byte(`{"username":"admin","password":"emulator-password"}`))
	f.Fuzz(requests.Run)
}

// lists is the list routes, for FuzzODataQuery.
var lists = &fuzztest.Surface{
	New:      newFuzzPBX,
	Envelope: envelopeError,
	Routes:   []string{"GET /api/conference_servers", "GET /api/conference_rooms", "GET /api/user/meetings", "GET /api/conference_rooms/{room}/participants"},
}

// FuzzODataQuery sends fuzzed filter and orderby expressions to every list.
func FuzzODataQuery(f *testing.F) {
	f.Add("startswith(name,'fix') and enabled eq true", "name desc")
	f.Add("capacity ge 5 or not (mode eq 'AUDIO')", "extension_number asc,subject")
	f.Add("contains(subject,'F') and created_at lt 2030-01-01T00:00:00Z", "created_at")
	f.Fuzz(func(t *testing.T, filter, orderby string) {
		q := url.Values{"filter": {filter}, "orderby": {orderby}}.Encode()
		for route := range lists.Routes {
			lists.Run(t, uint8(route), q, nil)
		}
	})
}
