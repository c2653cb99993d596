package sqmeeting_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/fuzztest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

// envelopeError checks a 4xx body: {"error": "...", "errorCode": "0x..."}
// and nothing else.
func envelopeError(_ int, body []byte) error {
	var env sqmeeting.ErrorEnvelope
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&env); err != nil {
		return err
	}
	if env.Error == "" || !codePattern.MatchString(env.ErrorCode) {
		return errors.New("no message or a code that is not 0x and eight hex digits")
	}
	return nil
}

// newFuzzServer is a server with a reservation and a series of the
// administrator's, signed in as the administrator.
func newFuzzServer() (fuzztest.Instance, error) {
	clock := platform.NewClock()
	clock.Freeze(start)
	api := sqmeeting.New(clock, sqmeeting.Options{})
	mux := http.NewServeMux()
	api.Register(mux)
	inst := fuzztest.Instance{Handler: mux, Vars: map[string]string{}}
	signIn := fmt.Sprintf(`{"username":%q,"secret":%q}`, sqmeeting.DefaultUsername, sqmeeting.Secret(sqmeeting.DefaultPassword))
	answer, err := fuzztest.Create(inst, http.MethodPost, "/api/v1/user/sign_in?client_id="+clientID, signIn)
	if err != nil {
		return inst, err
	}
	var info sqmeeting.UserInfo
	if err := json.Unmarshal(answer, &info); err != nil {
		return inst, err
	}
	// The credentials come first, so that a fuzzed query cannot shadow them.
	auth := "client_id=" + clientID + "&token=" + info.UserToken
	inst.Sign = func(r *http.Request) {
		q := auth
		if r.URL.RawQuery != "" {
			q += "&" + r.URL.RawQuery
		}
		r.URL.RawQuery = q
	}
	reservation, _ := json.Marshal(reservation("Fixture", 24*3600e9))
	series := fmt.Sprintf(`{"meeting_type":"recurrence","meeting_name":"Series","recurrence_type":"DAILY","recurrenceInterval":1,`+
		`"recurrenceStartTime":%d,"recurrenceEndTime":%d,"recurrenceEndDay":%d}`,
		ms(start.Add(48*3600e9)), ms(start.Add(49*3600e9)), ms(start.Add(10*24*3600e9)))
	for _, fx := range []struct{ name, path, body string }{
		{"meeting", "/api/v1/meeting_schedule", string(reservation)},
		{"series", "/api/v1/meeting_schedule/recurrence", series},
	} {
		answer, err := fuzztest.Create(inst, http.MethodPost, fx.path, fx.body)
		if err != nil {
			return inst, err
		}
		var m sqmeeting.MeetingView
		if err := json.Unmarshal(answer, &m); err != nil {
			return inst, err
		}
		inst.Vars[fx.name] = m.ReservationID
		if fx.name == "series" {
			inst.Vars[fx.name] = m.RecurrenceGID
		}
	}
	return inst, nil
}

// requests is every route that reads a body or a query.
var requests = &fuzztest.Surface{
	New:      newFuzzServer,
	Envelope: envelopeError,
	Routes: []string{
		"POST /api/v1/user/sign_in",
		"GET /api/v1/user/info",
		"GET /api/v1/user/public/users",
		"POST /api/v1/meeting_room",
		"POST /api/v1/meeting_schedule",
		"GET /api/v1/meeting_schedule",
		"GET /api/v1/meeting_schedule/{meeting}",
		"POST /api/v1/meeting_schedule/{meeting}",
		"POST /api/v1/meeting_schedule/recurrence",
		"GET /api/v1/meeting_schedule/recurrence/{series}",
		"POST /api/v1/meeting_schedule/recurrence/{series}",
	},
}

func TestFuzzRoutesAreReachable(t *testing.T) { requests.Reachable(t) }

// FuzzRequests sends fuzzed bodies and queries to every SQMeeting route that
// decodes one.
func FuzzRequests(f *testing.F) {
	f.Add(uint8(4), "", []byte(`{"meeting_type":"reservation","meeting_name":"m","schedule_start_time":1740906000000,"schedule_end_time":"1740909600000"}`))
	f.Add(uint8(7), "", []byte(`{"meeting_name":"renamed","mute_upon_entry":"true","invited_users":["x"]}`))
	f.Add(uint8(8), "", []byte(`{"recurrence_type":"WEEKLY","recurrenceDaysOfWeek":[1,3],"recurrenceInterval":2,"recurrenceStartTime":1740906000000,"recurrenceEndTime":1740909600000,"recurrenceEndDay":1743375599000}`))
	f.Add(uint8(5), "page_num=2&page_size=5&filter=F", []byte(nil))
	f.Add(uint8(0), "", []byte(`{"username":"admin","secret":"00"}`))
	f.Fuzz(requests.Run)
}
