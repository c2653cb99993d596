package acctest

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// PortSIPSignIn signs a user in to the emulated PBX and returns the header
// that carries the access token.
func (e *Emulator) PortSIPSignIn(t testing.TB, username, password string) http.Header {
	t.Helper()
	raw := e.Call(t, http.MethodPost, "/api/auth/sign_in", nil,
		map[string]string{"username": username, "password": password}, http.StatusOK)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal(raw, &tok); err != nil || tok.AccessToken == "" {
		t.Fatalf("signing in to the emulated PBX as %s: %v %s", username, err, raw)
	}
	return http.Header{"Authorization": {"Bearer " + tok.AccessToken}}
}

// PortSIP calls the emulated PBX's API (path under /api) as the default admin,
// so a test can make changes behind Terraform's back or seed objects. It signs
// in on every call, because tests that move the emulator's clock expire
// tokens. It fails t unless the status is one of want.
func (e *Emulator) PortSIP(t testing.TB, method, path string, body any, want ...int) []byte {
	t.Helper()
	auth := e.PortSIPSignIn(t, emulator.DefaultCredential(&platforms.PortSIP, "username"), emulator.DefaultCredential(&platforms.PortSIP, "password"))
	return e.Call(t, method, "/api"+path, auth, body, want...)
}

// PortSIPAPI reaches behind the emulated PBX's API, for assertions on its state.
func (e *Emulator) PortSIPAPI() *portsip.API {
	api, _ := e.Platform("portsip").(*portsip.API)
	return api
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
	return providerBlock(UserProvider(username), "", e.URL, portsipSignIn(username, password), defaultRetries)
}

func portsipSignIn(username, password string) map[string]platforms.Values {
	return map[string]platforms.Values{platforms.PortSIP.Key: {"username": username, "password": password}}
}
