package acctest

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// LinePlanet calls the emulated LINE Planet API (path under /tas/v2) with the
// emulator's default key, as another LINE Planet user would. It fails t
// unless the status is one of want.
func (e *Emulator) LinePlanet(t testing.TB, method, path string, body any, want ...int) []byte {
	t.Helper()
	creds := emulator.DefaultCredential(&platforms.LinePlanet, "api_key") + ":" + emulator.DefaultCredential(&platforms.LinePlanet, "api_secret")
	h := http.Header{"Authorization": {"Basic " + base64.StdEncoding.EncodeToString([]byte(creds))}}
	return e.Call(t, method, "/tas/v2"+path, h, body, want...)
}

// LinePlanetAPI reaches behind the emulated LINE Planet API, for assertions on
// its state.
func (e *Emulator) LinePlanetAPI() *lineplanet.API {
	api, _ := e.Platform("lineplanet").(*lineplanet.API)
	return api
}

// LinePlanetCreate requests a meeting ID in the room svc/room through the API,
// as another LINE Planet user would, and returns it. body is the create's.
func (e *Emulator) LinePlanetCreate(t testing.TB, svc, room string, body map[string]any) lineplanet.Meeting {
	t.Helper()
	out := e.LinePlanet(t, http.MethodPost, "/gcall/"+svc+"/"+room+"/mtg", body, http.StatusOK)
	var resp struct {
		Data struct {
			Mtg lineplanet.Meeting `json:"mtg"`
		} `json:"data"`
	}
	if err := json.Unmarshal(out, &resp); err != nil || resp.Data.Mtg.ID == 0 {
		t.Fatalf("creating a LINE Planet meeting ID in %s/%s: %v %s", svc, room, err, out)
	}
	return resp.Data.Mtg
}
