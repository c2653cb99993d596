package lineplanet

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/fuzztest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// envelopeError checks an error body: {"status": "error", "message": "...",
// "code": "NNN", "data": {}, "timestamp": ms} and nothing else, its code the
// HTTP status where that is a standard one.
func envelopeError(status int, body []byte) error {
	var e envelope
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return err
	}
	code, err := strconv.Atoi(e.Code)
	switch {
	case e.Status != "error" || e.Message == "" || string(e.Data) != "{}" || e.Timestamp == 0:
		return errors.New("not the error envelope")
	case err != nil || httpStatus(code) != status:
		return errors.New("a code that does not go with the HTTP status")
	}
	return nil
}

// newFuzzService is a service with a meeting in room svc/fixture, and no rate
// limit, so that the fuzzer reaches past it.
func newFuzzService() (fuzztest.Instance, error) {
	api := New(platform.NewClock(), Options{RequestsPerSecond: -1})
	mux := http.NewServeMux()
	api.Register(mux)
	inst := fuzztest.Instance{
		Handler: mux,
		Sign:    func(r *http.Request) { r.SetBasicAuth(DefaultAPIKey, DefaultAPISecret) },
	}
	answer, err := fuzztest.Create(inst, http.MethodPost, "/tas/v2/gcall/svc/fixture/mtg", `{"type":"R"}`)
	if err != nil {
		return inst, err
	}
	var created struct {
		Data createResponse `json:"data"`
	}
	if err := json.Unmarshal(answer, &created); err != nil {
		return inst, err
	}
	inst.Vars = map[string]string{"id": strconv.FormatInt(created.Data.Mtg.ID, 10)}
	return inst, nil
}

// fuzzRequests is every route that reads a body: a create (in a room without
// a meeting until one succeeds; the body is read before the room, so the
// decoder runs either way), updates on both paths, and the list.
var fuzzRequests = &fuzztest.Surface{
	New:      newFuzzService,
	Envelope: envelopeError,
	Routes: []string{
		"POST /tas/v2/gcall/svc/empty/mtg",
		"GET /tas/v2/gcall/svc/fixture/mtgs",
		"PUT /tas/v2/gcall/svc/fixture/mtg/{id}",
		"PUT /tas/v2/gcall/svc/fixture/mtgs/{id}",
	},
	// A create fills the empty room for good: renew often.
	Renew: 50,
}

func TestFuzzRoutesAreReachable(t *testing.T) { fuzzRequests.Reachable(t) }

// FuzzRequests sends fuzzed bodies to every LINE Planet route that decodes
// one.
func FuzzRequests(f *testing.F) {
	f.Add(uint8(0), "", []byte(`{"type":"S","passcode":"123456","title":"t","data":"d"}`))
	f.Add(uint8(2), "", []byte(`{"type":"S","title":null,"data":"\ud83d\ude00"}`))
	f.Add(uint8(3), "", []byte(`{"passcode":"12345a"}`))
	f.Add(uint8(0), "", []byte(``))
	f.Fuzz(fuzzRequests.Run)
}
