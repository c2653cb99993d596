package emulator_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

type harness struct {
	t   testing.TB
	url string
	emu *emulator.Emulator
}

func start(t *testing.T, opts emulator.Options) *harness {
	t.Helper()
	e, err := emulator.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	return &harness{t: t, url: srv.URL, emu: e}
}

func (h *harness) do(method, path, token string, body any) (int, http.Header, []byte) {
	h.t.Helper()
	var rdr io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rdr = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, h.url+path, rdr)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, out
}

func (h *harness) token() string {
	h.t.Helper()
	status, _, body := h.do(http.MethodPost, "/api/auth/sign_in", "",
		map[string]string{"username": portsip.DefaultUsername, "password": portsip.DefaultPassword})
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if status != http.StatusOK || json.Unmarshal(body, &tok) != nil || tok.AccessToken == "" {
		h.t.Fatalf("sign in: %d %s", status, body)
	}
	return tok.AccessToken
}

func (h *harness) createServer(tok, name string) string {
	h.t.Helper()
	status, _, body := h.do(http.MethodPost, "/api/conference_servers", tok,
		map[string]any{"name": name, "ipv4": "192.0.2.1", "max_rooms": 1, "max_participants": 1})
	var out struct{ ID string }
	if status != http.StatusOK || json.Unmarshal(body, &out) != nil || out.ID == "" {
		h.t.Fatalf("create server: %d %s", status, body)
	}
	return out.ID
}

func TestHealth(t *testing.T) {
	h := start(t, emulator.Options{})
	status, _, body := h.do(http.MethodGet, "/_emulator/health", "", nil)
	if status != http.StatusOK || !strings.Contains(string(body), `"portsip"`) || !strings.Contains(string(body), `"lineplanet"`) {
		t.Fatalf("health: %d %s", status, body)
	}
}

func TestFaultsUseThePlatformEnvelopeAndRunOut(t *testing.T) {
	h := start(t, emulator.Options{})
	tok := h.token()
	status, _, body := h.do(http.MethodPost, "/_emulator/faults", "", map[string]any{
		"method": "GET", "path_prefix": "/api/conference_servers", "status": 429, "retry_after": 3, "count": 2,
	})
	if status != http.StatusCreated {
		t.Fatalf("add fault: %d %s", status, body)
	}
	for i := 0; i < 2; i++ {
		status, hdr, body := h.do(http.MethodGet, "/api/conference_servers", tok, nil)
		if status != http.StatusTooManyRequests || hdr.Get("Retry-After") != "3" {
			t.Fatalf("call %d: %d Retry-After=%q", i, status, hdr.Get("Retry-After"))
		}
		var env struct {
			Errors []struct{ Code, Message string } `json:"errors"`
		}
		if err := json.Unmarshal(body, &env); err != nil || len(env.Errors) != 1 {
			t.Fatalf("fault body is not PortSIP's envelope: %s", body)
		}
	}
	if status, _, body := h.do(http.MethodGet, "/api/conference_servers", tok, nil); status != http.StatusOK {
		t.Fatalf("the fault should be used up: %d %s", status, body)
	}
	// A POST to the same route was never affected.
	h.createServer(tok, "unaffected")
}

func TestFaultValidation(t *testing.T) {
	h := start(t, emulator.Options{})
	for _, bad := range []map[string]any{
		{"path_prefix": "api", "status": 500},
		{"path_prefix": "/api", "status": 200},
		{"path_prefix": "/api"},
		{"path_prefix": "/api", "latency_ms": -1},
	} {
		if status, _, body := h.do(http.MethodPost, "/_emulator/faults", "", bad); status != http.StatusBadRequest {
			t.Errorf("%v accepted: %d %s", bad, status, body)
		}
	}
}

func TestLatencyFault(t *testing.T) {
	h := start(t, emulator.Options{})
	h.do(http.MethodPost, "/_emulator/faults", "", map[string]any{"path_prefix": "/api/auth", "latency_ms": 150, "count": 1})
	begin := time.Now()
	h.token()
	if d := time.Since(begin); d < 150*time.Millisecond {
		t.Fatalf("latency fault not applied: request took %v", d)
	}
}

func TestClock(t *testing.T) {
	h := start(t, emulator.Options{})
	status, _, body := h.do(http.MethodPost, "/_emulator/clock", "", map[string]any{"now": "2030-01-01T00:00:00Z", "freeze": true})
	if status != http.StatusOK || !strings.Contains(string(body), `"now":"2030-01-01T00:00:00Z"`) {
		t.Fatalf("set clock: %d %s", status, body)
	}
	_, _, body = h.do(http.MethodPost, "/_emulator/clock", "", map[string]any{"advance": "25h"})
	if !strings.Contains(string(body), `"now":"2030-01-02T01:00:00Z"`) {
		t.Fatalf("advance: %s", body)
	}
	if status, _, _ := h.do(http.MethodPost, "/_emulator/clock", "", map[string]any{"advance": "a while"}); status != http.StatusBadRequest {
		t.Fatalf("bad duration accepted: %d", status)
	}
	h.do(http.MethodPost, "/_emulator/clock", "", map[string]any{"reset": true})
	if d := time.Since(h.emu.Clock.Now()); d < -time.Minute || d > time.Minute {
		t.Fatalf("clock not back to now: off by %v", d)
	}
}

func TestJournalMasksQueryTokensAndResetClearsEverything(t *testing.T) {
	h := start(t, emulator.Options{})
	tok := h.token()
	h.createServer(tok, "one")
	h.do(http.MethodGet, "/api/conference_servers?token=supersecret&top=5", tok, nil)
	_, _, body := h.do(http.MethodGet, "/_emulator/journal", "", nil)
	if strings.Contains(string(body), "supersecret") {
		t.Fatalf("journal leaks a query token: %s", body)
	}
	var j struct {
		Entries []emulator.JournalEntry `json:"entries"`
	}
	if err := json.Unmarshal(body, &j); err != nil || len(j.Entries) != 3 {
		t.Fatalf("want 3 journal entries (sign-in, create, list), got %s", body)
	}
	if j.Entries[1].Method != http.MethodPost || j.Entries[1].Path != "/api/conference_servers" || j.Entries[1].Status != http.StatusOK {
		t.Fatalf("create entry = %+v", j.Entries[1])
	}

	h.do(http.MethodPost, "/_emulator/reset", "", nil)
	// Tokens are gone too: sign in again, and find only the PBX's built-in server.
	if status, _, _ := h.do(http.MethodGet, "/api/conference_servers", tok, nil); status != http.StatusUnauthorized {
		t.Fatalf("a token survived reset: %d", status)
	}
	tok = h.token()
	_, _, body = h.do(http.MethodGet, "/api/conference_servers", tok, nil)
	if !strings.Contains(string(body), `"count":1`) || strings.Contains(string(body), `"one"`) {
		t.Fatalf("reset left objects behind: %s", body)
	}
}

func TestStateFileSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	h := start(t, emulator.Options{StateFile: path})
	tok := h.token()
	id := h.createServer(tok, "persistent")

	h2 := start(t, emulator.Options{StateFile: path})
	status, _, body := h2.do(http.MethodGet, "/api/conference_servers/"+id, h2.token(), nil)
	if status != http.StatusOK || !strings.Contains(string(body), `"persistent"`) {
		t.Fatalf("after restart: %d %s", status, body)
	}
}

func TestCorruptStateFileIsAnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := writeFile(path, "{not json"); err != nil {
		t.Fatal(err)
	}
	if _, err := emulator.New(emulator.Options{StateFile: path}); err == nil {
		t.Fatal("a corrupt state file was accepted")
	}
}

func BenchmarkListServersFiltered(b *testing.B) {
	e, err := emulator.New(emulator.Options{})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(e)
	defer srv.Close()
	h := &harness{t: b, url: srv.URL, emu: e}
	tok := h.token()
	for i := 0; i < 1000; i++ {
		h.createServer(tok, fmt.Sprintf("srv-%04d", i))
	}
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/conference_servers?filter="+
		"startswith(name,'srv-09')%20and%20enabled%20eq%20true&orderby=name%20desc&top=50", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != http.StatusOK {
			b.Fatalf("%v %v", err, resp)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func TestPlatformHandlerServesOnePlatform(t *testing.T) {
	e, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h, err := e.PlatformHandler("lineplanet")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/api/auth/sign_in", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("PortSIP on the LINE Planet port: %d", resp.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/tas/v2/gcall/svc/room/mtgs", nil)
	req.SetBasicAuth("emulator-key", "emulator-secret")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("LINE Planet on its own port: %d", resp.StatusCode)
	}
	if _, err := e.PlatformHandler("teams"); err == nil {
		t.Fatal("an unknown platform was accepted")
	}
}
