package acctest

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

// PortSIP calls the emulated PBX's API as a signed-in admin, so a test can make
// changes behind Terraform's back or seed objects. It fails t unless the status
// is one of want.
func (e *Emulator) PortSIP(t testing.TB, method, path string, body any, want ...int) []byte {
	t.Helper()
	raw := e.Call(t, http.MethodPost, "/api/auth/sign_in", nil,
		map[string]string{"username": portsip.DefaultUsername, "password": portsip.DefaultPassword}, http.StatusOK)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal(raw, &tok); err != nil || tok.AccessToken == "" {
		t.Fatalf("signing in to the emulated PBX: %v %s", err, raw)
	}
	h := http.Header{"Authorization": {"Bearer " + tok.AccessToken}}
	return e.Call(t, method, "/api"+path, h, body, want...)
}

// PortSIPAPI reaches behind the emulated PBX's API, for assertions on its state.
func (e *Emulator) PortSIPAPI() *portsip.API {
	return e.Platform("portsip").(*portsip.API)
}
