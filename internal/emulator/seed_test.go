package emulator_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

func seedFile(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "seed.json"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// signIn signs a PortSIP user in.
func (h *harness) signIn(user, password string) (string, int) {
	h.t.Helper()
	status, _, body := h.do(http.MethodPost, "/api/auth/sign_in", "", map[string]string{"username": user, "password": password})
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	_ = json.Unmarshal(body, &tok)
	return tok.AccessToken, status
}

func (h *harness) count(path, token, field string) int {
	h.t.Helper()
	status, _, body := h.do(http.MethodGet, path, token, nil)
	var out map[string]json.RawMessage
	if status != http.StatusOK || json.Unmarshal(body, &out) != nil {
		h.t.Fatalf("GET %s: %d %s", path, status, body)
	}
	var n int
	if err := json.Unmarshal(out[field], &n); err == nil {
		return n
	}
	var items []json.RawMessage
	if err := json.Unmarshal(out[field], &items); err != nil {
		h.t.Fatalf("GET %s: no %s in %s", path, field, body)
	}
	return len(items)
}

func (h *harness) lineMeetings(room string) int {
	h.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, h.url+"/tas/v2/gcall/planet-svc/"+room+"/mtgs", nil)
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(lineplanet.DefaultAPIKey+":"+lineplanet.DefaultAPISecret)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Mtgs []json.RawMessage `json:"mtgs"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		h.t.Fatal(err)
	}
	return len(out.Data.Mtgs)
}

// checkSeeded checks what testdata/seed.json puts in each platform.
func (h *harness) checkSeeded() {
	h.t.Helper()
	admin := h.token()
	if n := h.count("/api/conference_servers", admin, "count"); n != 2 {
		h.t.Errorf("PortSIP servers = %d, want the built-in one and media-1", n)
	}
	if n := h.count("/api/conference_rooms", admin, "count"); n != 2 {
		h.t.Errorf("PortSIP rooms = %d, want 2", n)
	}
	carol, status := h.signIn("carol", "carol-password")
	if status != http.StatusOK {
		h.t.Fatalf("seeded PortSIP user carol cannot sign in: %d", status)
	}
	if n := h.count("/api/user/meetings", carol, "count"); n != 1 {
		h.t.Errorf("carol's meetings = %d, want 1", n)
	}
	if n := h.lineMeetings("sales"); n != 1 {
		h.t.Errorf("LINE Planet meetings in sales = %d, want 1", n)
	}
	if n := h.count("/v1/meetings", whereby.DefaultAPIKey, "results"); n != 1 {
		h.t.Errorf("Whereby meetings = %d, want 1", n)
	}
	const cid = "?client_id=0b8f3c2e-2f5c-4a53-9d3e-6c1d8f1e2a4b"
	_, _, body := h.do(http.MethodGet, "/api/v1/user/public/users"+cid+"&filter=dave", "", nil)
	if !strings.Contains(string(body), `"username":"dave"`) {
		h.t.Errorf("seeded SQMeeting user dave is missing: %s", body)
	}
}

func TestSeedLoadsEveryPlatform(t *testing.T) {
	h := start(t, emulator.Options{Seed: seedFile(t)})
	h.checkSeeded()

	// The admin API loads the same document into a fresh emulator.
	h2 := start(t, emulator.Options{})
	if status, _, body := h2.do(http.MethodPost, "/_emulator/seed", "", json.RawMessage(seedFile(t))); status != http.StatusNoContent {
		t.Fatalf("POST /_emulator/seed: %d %s", status, body)
	}
	h2.checkSeeded()
}

// A seed goes through the API's rules, and a refused object leaves nothing
// of the document behind, on any platform.
func TestSeedIsCheckedAndAllOrNothing(t *testing.T) {
	for name, doc := range map[string]string{
		"PortSIP room":       `{"whereby": {"meetings": [{"endDate": "2035-01-01T00:00:00Z"}]}, "portsip": {"rooms": [{"extension_number": "12", "mode": "AUDIO", "subject": "x", "capacity": 1}]}}`,
		"duplicate user":     `{"whereby": {"meetings": [{"endDate": "2035-01-01T00:00:00Z"}]}, "portsip": {"users": [{"username": "alice", "password": "x"}]}}`,
		"meeting of nobody":  `{"whereby": {"meetings": [{"endDate": "2035-01-01T00:00:00Z"}]}, "sqmeeting": {"meetings": {"zed": [{}]}}}`,
		"LINE passcode":      `{"whereby": {"meetings": [{"endDate": "2035-01-01T00:00:00Z"}]}, "lineplanet": {"meetings": [{"room_service_id": "s", "room_id": "r", "meeting": {"passcode": "12"}}]}}`,
		"Whereby end date":   `{"portsip": {"servers": [{"name": "m", "ipv4": "192.0.2.1", "max_rooms": 1, "max_participants": 1}]}, "whereby": {"meetings": [{"endDate": "2000-01-01T00:00:00Z"}]}}`,
		"unknown section":    `{"teams": {}}`,
		"misspelled key":     `{"whereby": {"meeting": []}}`,
		"SQMeeting bad role": `{"whereby": {"meetings": [{"endDate": "2035-01-01T00:00:00Z"}]}, "sqmeeting": {"users": [{"username": "eve", "password": "x", "role": "Boss"}]}}`,
	} {
		h := start(t, emulator.Options{})
		status, _, body := h.do(http.MethodPost, "/_emulator/seed", "", json.RawMessage(doc))
		if status != http.StatusBadRequest {
			t.Errorf("%s: %d %s, want 400", name, status, body)
			continue
		}
		if n := h.count("/v1/meetings", whereby.DefaultAPIKey, "results"); n != 0 {
			t.Errorf("%s: a Whereby meeting of a refused seed stayed", name)
		}
		if n := h.count("/api/conference_servers", h.token(), "count"); n != 1 {
			t.Errorf("%s: a PortSIP server of a refused seed stayed", name)
		}
	}
}

// A reset, of everything or of one platform, goes back to the seed.
func TestResetReloadsTheSeed(t *testing.T) {
	h := start(t, emulator.Options{Seed: seedFile(t)})
	tok := h.token()
	h.createServer(tok, "extra")
	h.do(http.MethodPost, "/v1/meetings", whereby.DefaultAPIKey, map[string]any{"endDate": "2035-01-01T00:00:00Z"})

	if status, _, body := h.do(http.MethodPost, "/_emulator/reset", "", map[string]string{"platform": "whereby"}); status != http.StatusNoContent {
		t.Fatalf("reset whereby: %d %s", status, body)
	}
	if n := h.count("/v1/meetings", whereby.DefaultAPIKey, "results"); n != 1 {
		t.Errorf("Whereby meetings after its reset = %d, want the seeded one", n)
	}
	if n := h.count("/api/conference_servers", tok, "count"); n != 3 {
		t.Errorf("PortSIP servers after a Whereby reset = %d, want 3 (untouched, token too)", n)
	}
	if status, _, _ := h.do(http.MethodPost, "/_emulator/reset", "", map[string]string{"platform": "teams"}); status != http.StatusBadRequest {
		t.Errorf("reset of an unknown platform: %d", status)
	}

	h.do(http.MethodPost, "/_emulator/reset", "", nil)
	h.checkSeeded()
}

// With a state file, the seed fills the first start only: a restart finds
// the seeded objects (and users) in the file, not twice.
func TestSeedAndStateFile(t *testing.T) {
	opts := emulator.Options{Seed: seedFile(t), StateFile: filepath.Join(t.TempDir(), "state.json")}
	h := start(t, opts)
	h.checkSeeded()
	h2 := start(t, opts)
	h2.checkSeeded()
}
