package lineplanet

import (
	"encoding/base64"
	"net/http"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// authenticate is the Router's Auth: "Authorization: Basic {your credential}",
// checked against the configured API key and secret. The principal is empty:
// one key pair serves every room service, and the rate limit goes by the path's
// service, not by who signed in.
func (a *API) authenticate(r *http.Request) (string, platform.Reply, bool) {
	if a.authorized(r) {
		return "", platform.Reply{}, true
	}
	rep := a.failure(codeUnauthorized, "invalid credentials: send Authorization: Basic base64(api_key:api_secret)")
	return "", rep.WithHeader("WWW-Authenticate", `Basic realm="LINE Planet"`), false
}

func (a *API) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	scheme, cred, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Basic") {
		return false
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(cred))
	if err != nil {
		return false
	}
	key, secret, ok := strings.Cut(string(raw), ":")
	return ok && key == a.opts.APIKey && secret == a.opts.APISecret
}
