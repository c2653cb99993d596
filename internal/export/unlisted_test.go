package export

import (
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// A type that cannot list its objects (Whereby room themes) is left out,
// and asking for it by -type says why.
func TestRunLeavesOutUnlistedTypes(t *testing.T) {
	emu := acctest.NewEmulator(t)
	emu.SeedEstate(t)
	emu.SetEnvironment(t)
	res := runOn(t, Options{Types: []string{"whereby_room_theme", "whereby_meeting"}})
	for _, o := range res.Objects {
		if o.Type != "conference_whereby_meeting" {
			t.Errorf("exported %s", o.Address())
		}
	}
	if len(res.Objects) == 0 {
		t.Error("the Whereby meetings asked for beside the themes are not exported")
	}
	notes := strings.Join(res.Notes, "\n")
	if !strings.Contains(notes, "conference_whereby_room_theme: not exported: Whereby's REST API has no call that reads a room's theme") {
		t.Errorf("the notes do not say why themes are left out:\n%s", notes)
	}
	if all := runOn(t, Options{}); strings.Contains(strings.Join(all.Notes, "\n"), "room_theme") {
		t.Errorf("an export of everything mentions themes: %v", all.Notes)
	}
}
