package acctest

import (
	"encoding/base64"
	"net/http"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// LinePlanet calls the emulated LINE Planet API (path under /tas/v2) with the
// emulator's default key, as another LINE Planet user would. It fails t
// unless the status is one of want.
func (e *Emulator) LinePlanet(t testing.TB, method, path string, body any, want ...int) []byte {
	t.Helper()
	creds := platforms.LinePlanet.EmulatorDefault("api_key") + ":" + platforms.LinePlanet.EmulatorDefault("api_secret")
	h := http.Header{"Authorization": {"Basic " + base64.StdEncoding.EncodeToString([]byte(creds))}}
	return e.Call(t, method, "/tas/v2"+path, h, body, want...)
}

// LinePlanetAPI reaches behind the emulated LINE Planet API, for assertions on
// its state.
func (e *Emulator) LinePlanetAPI() *lineplanet.API {
	api, _ := e.Platform("lineplanet").(*lineplanet.API)
	return api
}
