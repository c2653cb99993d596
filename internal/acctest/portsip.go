package acctest

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
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

// PortSIPUser renders a provider block with alias that signs in to the
// emulated PBX as username (alice and bob exist by default): the documented
// way to manage a user's meetings, a provider alias per user. One test run
// can use one such alias only (see TestAsUsers).
func (e *Emulator) PortSIPUser(alias, username, password string) string {
	return ProviderBlock(alias, e.URL, portsipSignIn(username, password))
}

// PortSIPUserProvider renders the block of UserProvider(username), signed in
// to the emulated PBX as username, for TestAsUsers.
func (e *Emulator) PortSIPUserProvider(username, password string) string {
	return providerBlock(UserProvider(username), "", e.URL, portsipSignIn(username, password))
}

func portsipSignIn(username, password string) map[string]platforms.Values {
	return map[string]platforms.Values{platforms.PortSIP.Key: {"username": username, "password": password}}
}
