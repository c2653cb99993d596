package emulator_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
)

func (h *harness) addFault(f map[string]any) emulator.Fault {
	h.t.Helper()
	status, _, body := h.do(http.MethodPost, "/_emulator/faults", "", f)
	var out emulator.Fault
	if status != http.StatusCreated || json.Unmarshal(body, &out) != nil {
		h.t.Fatalf("add fault %v: %d %s", f, status, body)
	}
	return out
}

// journalEntry is the one request to method and path. The journal is written
// after the answer, so a dropped request's entry may come after the next
// request's: wait for it.
func (h *harness) journalEntry(method, path string) emulator.JournalEntry {
	h.t.Helper()
	for range 100 {
		for _, e := range h.emu.JournalEntries() {
			if e.Method == method && e.Path == path {
				return e
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	h.t.Fatalf("no journal entry for %s %s", method, path)
	return emulator.JournalEntry{}
}

func (h *harness) serverCount(tok string) int {
	h.t.Helper()
	status, _, body := h.do(http.MethodGet, "/api/conference_servers", tok, nil)
	var list struct {
		Count int `json:"count"`
	}
	if status != http.StatusOK || json.Unmarshal(body, &list) != nil {
		h.t.Fatalf("list servers: %d %s", status, body)
	}
	return list.Count
}

// A rule with a rate fires on that share of requests, and the same seed
// fires on the same requests: a chaos run can be repeated.
func TestFaultRateIsSeededAndRepeats(t *testing.T) {
	pattern := func(rule map[string]any, opts emulator.Options) string {
		h := start(t, opts)
		f := h.addFault(rule)
		var b strings.Builder
		for range 200 {
			mark := byte('x') // the fault fired
			if status, _, _ := h.do(http.MethodGet, "/v1/meetings", "", nil); status == http.StatusUnauthorized {
				mark = '.' // the request went through, without credentials
			}
			b.WriteByte(mark)
		}
		if got := h.faultByID(f.ID); got.Matched != 200 || got.Hits != strings.Count(b.String(), "x") {
			t.Fatalf("rule counts %+v for pattern %s", got, b.String())
		}
		return b.String()
	}
	rule := map[string]any{"platform": "whereby", "status": 503, "rate": 0.25, "seed": 7}
	first := pattern(rule, emulator.Options{})
	if again := pattern(rule, emulator.Options{}); again != first {
		t.Fatalf("same seed, different faults:\n%s\n%s", first, again)
	}
	if n := strings.Count(first, "x"); n < 25 || n > 75 {
		t.Fatalf("rate 0.25 fired %d times in 200", n)
	}
	// Without a seed in the rule, -fault-seed decides, and repeats too.
	seed := int64(42)
	noSeed := map[string]any{"platform": "whereby", "status": 503, "rate": 0.5}
	a := pattern(noSeed, emulator.Options{FaultSeed: &seed})
	if b := pattern(noSeed, emulator.Options{FaultSeed: &seed}); a != b {
		t.Fatalf("same -fault-seed, different faults:\n%s\n%s", a, b)
	}
	// A run that starts by clearing the rules derives the same seeds.
	h := start(t, emulator.Options{FaultSeed: &seed})
	added := h.addFault(noSeed)
	h.do(http.MethodDelete, "/_emulator/faults", "", nil)
	if again := h.addFault(noSeed); *again.Seed != *added.Seed {
		t.Fatalf("seed %d after clearing the rules, %d before", *again.Seed, *added.Seed)
	}
}

func (h *harness) faultByID(id int) emulator.Fault {
	h.t.Helper()
	_, _, body := h.do(http.MethodGet, "/_emulator/faults", "", nil)
	var list struct {
		Faults []emulator.Fault `json:"faults"`
	}
	if err := json.Unmarshal(body, &list); err != nil {
		h.t.Fatal(err)
	}
	for _, f := range list.Faults {
		if f.ID == id {
			if f.Seed == nil {
				h.t.Fatalf("fault %d shows no seed", id)
			}
			return f
		}
	}
	h.t.Fatalf("fault %d is gone", id)
	return emulator.Fault{}
}

// A dropped request never reaches the platform and gets no answer.
func TestDropClosesTheConnection(t *testing.T) {
	h := start(t, emulator.Options{})
	tok := h.token()
	h.addFault(map[string]any{"method": "POST", "path_prefix": "/api/conference_servers", "drop": true, "count": 1})
	req, _ := http.NewRequest(http.MethodPost, h.url+"/api/conference_servers",
		strings.NewReader(`{"name":"lost","ipv4":"192.0.2.1","max_rooms":1,"max_participants":1}`))
	req.Header.Set("Authorization", "Bearer "+tok)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("a dropped request got an answer: %d", resp.StatusCode)
	}
	if n := h.serverCount(tok); n != 1 {
		t.Fatalf("servers = %d, want the built-in one only", n)
	}
	e := h.journalEntry(http.MethodPost, "/api/conference_servers")
	if !e.Fault || !e.Dropped || e.Status != 0 || e.Served != 0 {
		t.Fatalf("journal entry = %+v, want a dropped fault the platform never saw", e)
	}
}

// after_write: the create happens, the client hears otherwise.
func TestAfterWriteChangesStateThenFails(t *testing.T) {
	for _, fault := range []map[string]any{
		{"method": "POST", "path_prefix": "/api/conference_servers", "status": 502, "after_write": true, "count": 1},
		{"method": "POST", "platform": "portsip", "drop": true, "after_write": true, "count": 1},
	} {
		h := start(t, emulator.Options{})
		tok := h.token()
		h.addFault(fault)
		req, _ := http.NewRequest(http.MethodPost, h.url+"/api/conference_servers",
			strings.NewReader(`{"name":"ghost","ipv4":"192.0.2.1","max_rooms":1,"max_participants":1}`))
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		switch {
		case fault["drop"] == true && err == nil:
			resp.Body.Close()
			t.Fatalf("dropped after write, yet answered %d", resp.StatusCode)
		case fault["drop"] == nil && err != nil:
			t.Fatal(err)
		case fault["drop"] == nil:
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusBadGateway || !strings.Contains(string(body), `"errors"`) {
				t.Fatalf("after_write answer: %d %s", resp.StatusCode, body)
			}
		}
		if n := h.serverCount(tok); n != 2 {
			t.Fatalf("%v: servers = %d, want the create to have happened", fault, n)
		}
		e := h.journalEntry(http.MethodPost, "/api/conference_servers")
		if !e.Fault || e.Served != http.StatusOK {
			t.Fatalf("%v: journal entry = %+v, want the platform's 200 under the fault", fault, e)
		}
	}
}

// after_write with latency alone: the change is made at once and the answer
// comes late, so a client with a short timeout gives up on a create that
// happened.
func TestAfterWriteLatency(t *testing.T) {
	h := start(t, emulator.Options{})
	tok := h.token()
	h.addFault(map[string]any{"method": "POST", "path_prefix": "/api/conference_servers", "after_write": true, "latency_ms": 2000})
	req, _ := http.NewRequest(http.MethodPost, h.url+"/api/conference_servers",
		strings.NewReader(`{"name":"late","ipv4":"192.0.2.1","max_rooms":1,"max_participants":1}`))
	req.Header.Set("Authorization", "Bearer "+tok)
	c := &http.Client{Timeout: 200 * time.Millisecond}
	if resp, err := c.Do(req); err == nil {
		resp.Body.Close()
		t.Fatal("the answer came before the latency")
	}
	if n := h.serverCount(tok); n != 2 {
		t.Fatalf("servers = %d, want the create to have happened", n)
	}
}

func TestLatencyJitterStaysInItsRange(t *testing.T) {
	h := start(t, emulator.Options{})
	h.addFault(map[string]any{"path_prefix": "/v1/", "latency_ms": 20, "latency_jitter_ms": 60, "seed": 1})
	for range 5 {
		begin := time.Now()
		h.do(http.MethodGet, "/v1/meetings", "", nil)
		if d := time.Since(begin); d < 20*time.Millisecond || d > 2*time.Second {
			t.Fatalf("latency %v outside 20ms..80ms (plus scheduling)", d)
		}
	}
}

// path_prefix "/" hits every platform and never the admin API.
func TestRootPrefixSparesTheAdminAPI(t *testing.T) {
	h := start(t, emulator.Options{})
	h.addFault(map[string]any{"path_prefix": "/", "status": 500})
	for _, p := range []string{"/api/conference_servers", "/api/v1/meeting_schedule", "/tas/v2/gcall/s/r/mtgs", "/v1/meetings"} {
		if status, _, _ := h.do(http.MethodGet, p, "", nil); status != http.StatusInternalServerError {
			t.Errorf("%s: %d, want the fault's 500", p, status)
		}
	}
	if status, _, _ := h.do(http.MethodGet, "/_emulator/health", "", nil); status != http.StatusOK {
		t.Fatalf("the admin API was hit: %d", status)
	}
}

// A platform rule uses the platform's prefixes: SQMeeting's /api/v1/ is not
// PortSIP's /api/ although one is a prefix of the other.
func TestPlatformRuleMatchesOnlyItsPlatform(t *testing.T) {
	h := start(t, emulator.Options{})
	h.addFault(map[string]any{"platform": "portsip", "status": 503})
	if status, _, _ := h.do(http.MethodGet, "/api/conference_servers", "", nil); status != http.StatusServiceUnavailable {
		t.Errorf("PortSIP: %d, want 503", status)
	}
	if status, _, _ := h.do(http.MethodGet, "/api/v1/meeting_schedule", "", nil); status == http.StatusServiceUnavailable {
		t.Error("SQMeeting was hit by a PortSIP rule")
	}
}

func TestNewFaultFieldsAreValidated(t *testing.T) {
	h := start(t, emulator.Options{})
	for _, bad := range []map[string]any{
		{"status": 500},
		{"platform": "teams", "status": 500},
		{"path_prefix": "/", "status": 500, "drop": true},
		{"path_prefix": "/", "status": 500, "rate": 0},
		{"path_prefix": "/", "status": 500, "rate": 1.5},
		{"path_prefix": "/", "latency_jitter_ms": -1},
		{"path_prefix": "/", "retry_after": 3, "drop": true},
		{"path_prefix": "/", "after_write": true},
	} {
		if status, _, body := h.do(http.MethodPost, "/_emulator/faults", "", bad); status != http.StatusBadRequest {
			t.Errorf("%v accepted: %d %s", bad, status, body)
		}
	}
}

// Over HTTP/2, where a connection cannot be taken over, a drop resets the
// stream: still no answer.
func TestDropOverHTTP2(t *testing.T) {
	e, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(e)
	srv.EnableHTTP2 = true
	srv.StartTLS()
	t.Cleanup(srv.Close)
	c := srv.Client()
	resp, err := c.Post(srv.URL+"/_emulator/faults", "application/json", strings.NewReader(`{"platform":"whereby","drop":true}`))
	if err != nil || resp.StatusCode != http.StatusCreated || resp.ProtoMajor != 2 {
		t.Fatalf("add fault over HTTP/2: %v %v", err, resp)
	}
	resp.Body.Close()
	if resp, err = c.Get(srv.URL + "/v1/meetings"); err == nil {
		resp.Body.Close()
		t.Fatalf("a dropped request got an answer: %d", resp.StatusCode)
	}
}
