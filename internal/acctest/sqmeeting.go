package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// sqmeetingQuery is the client_id the harness's own SQMeeting calls carry:
// the emulator accepts any well-formed UUID, and the provider makes its own.
const sqmeetingQuery = "client_id=6f1c2e0a-4b5d-4c3e-8f7a-9b0c1d2e3f40"

// SQMeeting calls the emulated SQMeeting API (path under /api/v1, with or
// without a query) as the default administrator, the user the provider signs
// in as, so that a test can change objects behind Terraform's back. It signs
// in on every call, because tests that move the emulator's clock expire
// tokens. It fails t unless the status is one of want.
func (e *Emulator) SQMeeting(t testing.TB, method, path string, body any, want ...int) []byte {
	t.Helper()
	user, pass := emulator.DefaultCredential(&platforms.SQMeeting, "username"), emulator.DefaultCredential(&platforms.SQMeeting, "password")
	return e.SQMeetingAs(t, user, pass, method, path, body, want...)
}

// SQMeetingAs is SQMeeting signed in as username (alice, bob and carol exist
// by default: sqmeeting.DefaultUsers).
func (e *Emulator) SQMeetingAs(t testing.TB, username, password, method, path string, body any, want ...int) []byte {
	t.Helper()
	raw := e.Call(t, http.MethodPost, "/api/v1/user/sign_in?"+sqmeetingQuery, nil,
		map[string]string{"username": username, "secret": sqmeeting.Secret(password)}, http.StatusOK)
	var info sqmeeting.UserInfo
	if err := json.Unmarshal(raw, &info); err != nil || info.UserToken == "" {
		t.Fatalf("signing in to the emulated SQMeeting as %s: %v %s", username, err, raw)
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return e.Call(t, method, "/api/v1"+path+sep+sqmeetingQuery+"&token="+info.UserToken, nil, body, want...)
}

// SQMeetingLockOut signs in as username with a wrong password until the
// emulator locks the account (error 0x00003001), as repeated failures do.
func (e *Emulator) SQMeetingLockOut(t testing.TB, username string) {
	t.Helper()
	body := map[string]string{"username": username, "secret": sqmeeting.Secret("not-the-password")}
	for range 100 {
		raw := e.Call(t, http.MethodPost, "/api/v1/user/sign_in?"+sqmeetingQuery, nil, body, http.StatusUnauthorized)
		var env sqmeeting.ErrorEnvelope
		if err := json.Unmarshal(raw, &env); err != nil {
			t.Fatalf("sign-in answer %s: %v", raw, err)
		}
		if env.ErrorCode == sqmeeting.CodeLocked {
			return
		}
	}
	t.Fatalf("the emulated SQMeeting never locked %s", username)
}

// Occurrences checks a series' occurrences at addr, in order: each pair of
// times is one occurrence's start and end, compared as instants. Tests give
// the times written out, worked out apart from the provider's and the
// emulator's expansion of the rule.
func Occurrences(addr string, startEnd ...string) statecheck.StateCheck {
	if len(startEnd)%2 != 0 {
		panic("acctest.Occurrences: times come in start and end pairs")
	}
	items := make([]knownvalue.Check, 0, len(startEnd)/2)
	for i := 0; i < len(startEnd); i += 2 {
		items = append(items, knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"reservation_id": knownvalue.NotNull(),
			"start_time":     Instant(startEnd[i]),
			"end_time":       Instant(startEnd[i+1]),
		}))
	}
	return Attr(addr, "occurrences", knownvalue.ListExact(items))
}

// SQMeetingUserID is the ID of the emulated SQMeeting's user username, found
// with the public user search.
func (e *Emulator) SQMeetingUserID(t testing.TB, username string) string {
	t.Helper()
	raw := e.SQMeeting(t, http.MethodGet, "/user/public/users?filter="+username, nil, http.StatusOK)
	var page sqmeeting.PublicUsers
	if err := json.Unmarshal(raw, &page); err != nil {
		t.Fatalf("user search: %v %s", err, raw)
	}
	for _, u := range page.Users {
		if u.Username == username {
			return u.UserID
		}
	}
	t.Fatalf("the emulated SQMeeting has no user %s", username)
	return ""
}

// PlannedOccurrences checks the occurrences a plan gives the series at addr
// against its prior ones: the list is known, holds every prior occurrence
// but those starting at removed, each unchanged, and the added ones (start
// and end pairs, compared as instants) with their reservation_id known
// after apply, first to last. Nothing else differs.
func PlannedOccurrences(addr string, removed []string, added ...string) plancheck.PlanCheck {
	if len(added)%2 != 0 {
		panic("acctest.PlannedOccurrences: added times come in start and end pairs")
	}
	return plannedOccurrences{addr, removed, added}
}

type plannedOccurrences struct {
	addr           string
	removed, added []string
}

func (c plannedOccurrences) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	found := -1
	for i, rc := range req.Plan.ResourceChanges {
		if rc.Address == c.addr {
			found = i
		}
	}
	if found < 0 {
		resp.Error = fmt.Errorf("%s is not in the plan", c.addr)
		return
	}
	rc := req.Plan.ResourceChanges[found]
	before, _ := rc.Change.Before.(map[string]any)
	after, _ := rc.Change.After.(map[string]any)
	unknown, _ := rc.Change.AfterUnknown.(map[string]any)
	prior, _ := before["occurrences"].([]any)
	planned, ok := after["occurrences"].([]any)
	if !ok {
		resp.Error = fmt.Errorf("%s: the planned occurrences are not known (%v)", c.addr, unknown["occurrences"])
		return
	}
	unknownItems, _ := unknown["occurrences"].([]any)
	var want []map[string]any
	for _, o := range prior {
		o, _ := o.(map[string]any)
		if !slices.ContainsFunc(c.removed, func(s string) bool { return sameInstant(s, o["start_time"]) }) {
			want = append(want, o)
		}
	}
	for i := 0; i < len(c.added); i += 2 {
		want = append(want, map[string]any{"start_time": c.added[i], "end_time": c.added[i+1]})
	}
	slices.SortStableFunc(want, func(a, b map[string]any) int {
		return strings.Compare(instant(a["start_time"]), instant(b["start_time"]))
	})
	if len(planned) != len(want) {
		resp.Error = fmt.Errorf("%s: %d occurrences planned, want %d", c.addr, len(planned), len(want))
		return
	}
	for i, w := range want {
		got, _ := planned[i].(map[string]any)
		var idUnknown bool
		if i < len(unknownItems) {
			u, _ := unknownItems[i].(map[string]any)
			idUnknown, _ = u["reservation_id"].(bool)
		}
		_, isNew := w["reservation_id"]
		isNew = !isNew
		switch {
		case !sameInstant(instant(w["start_time"]), got["start_time"]) || !sameInstant(instant(w["end_time"]), got["end_time"]):
			resp.Error = fmt.Errorf("%s: occurrence %d planned %v to %v, want %v to %v", c.addr, i, got["start_time"], got["end_time"], w["start_time"], w["end_time"])
		case isNew && !idUnknown:
			resp.Error = fmt.Errorf("%s: new occurrence %d at %v has reservation_id %v planned, want known after apply", c.addr, i, got["start_time"], got["reservation_id"])
		case !isNew && (idUnknown || got["reservation_id"] != w["reservation_id"] || got["start_time"] != w["start_time"] || got["end_time"] != w["end_time"]):
			resp.Error = fmt.Errorf("%s: occurrence %d planned %v, want it as it was: %v", c.addr, i, got, w)
		}
		if resp.Error != nil {
			return
		}
	}
}

// instant is an RFC 3339 value in UTC, for sorting; the value as it is when
// it is not one.
func instant(v any) string {
	s, _ := v.(string)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Format(time.RFC3339Nano)
	}
	return s
}

func sameInstant(want string, got any) bool { return instant(want) == instant(got) }

// SQMeetingPassword is the password the emulated SQMeeting keeps for a user
// the API created or changed ("" for another), read from its snapshot: no
// request is sent. It shows what a write-only argument sent.
func (e *Emulator) SQMeetingPassword(t testing.TB, username string) string {
	t.Helper()
	var snap struct {
		Users []sqmeeting.User `json:"users"`
	}
	if err := json.Unmarshal(e.snapshot(t, platforms.SQMeeting.Key), &snap); err != nil {
		t.Fatalf("reading the emulated SQMeeting: %v", err)
	}
	for _, u := range snap.Users {
		if u.Username == username {
			return u.Password
		}
	}
	return ""
}
