package resources_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/png"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

const themeAddr = "conference_whereby_room_theme.test"

// themePNG is a PNG image width pixels wide; seed makes images of the same
// width differ.
func themePNG(t *testing.T, width int, seed uint8) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, width, 2))
	for i := range img.Pix {
		img.Pix[i] = seed + uint8(i)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// writeFile writes content to name in dir and returns its path.
func writeFile(t *testing.T, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func sha(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}

// themeHCL is the theme resource with args (HCL lines).
func themeHCL(args ...string) string {
	return fmt.Sprintf("resource \"conference_whereby_room_theme\" \"test\" {\n  %s\n}\n", strings.Join(args, "\n  "))
}

// themeOf checks the theme the emulator keeps for room.
func themeOf(emu *acctest.Emulator, room string, check func(th whereby.Theme, ok bool) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		th, ok := emu.WherebyAPI().Themes()[room]
		if err := check(th, ok); err != nil {
			return fmt.Errorf("the theme of %s: %w", room, err)
		}
		return nil
	}
}

// themePuts checks the theme PUTs served since the step's PreConfig
// cleared the journal: exactly want, by "room part".
func themePuts(emu *acctest.Emulator, want map[string]int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := emu.WherebyThemePuts(); !maps.Equal(got, want) {
			return fmt.Errorf("theme PUTs served %v, want %v", got, want)
		}
		return nil
	}
}

func clearJournal(t *testing.T, emu *acctest.Emulator) func() {
	return func() { emu.Admin(t, http.MethodDelete, "journal", nil) }
}

// A theme is created, read back, updated in place (a color; a file's
// content, which uploads that image only), imported, moved to another room
// (a replacement that resets the old room's theme), and removed from the
// state when its room is deleted.
func TestAccWherebyRoomTheme(t *testing.T) {
	emu := acctest.NewEmulator(t)
	room1, meeting1 := emu.WherebyRoom(t, "brand-one-")
	room2, meeting2 := emu.WherebyRoom(t, "brand-two-")
	dir := t.TempDir()
	logo1, logo2, bg := themePNG(t, 400, 1), themePNG(t, 400, 2), themePNG(t, 1400, 3)
	logoFile := writeFile(t, dir, "logo.png", logo1)
	bgFile := writeFile(t, dir, "background.png", bg)
	args := func(room, primary string) []string {
		return []string{
			fmt.Sprintf("room_name = %q", room), fmt.Sprintf("primary_color = %q", primary), `focus_color = "#00FF7f"`,
			fmt.Sprintf("logo_file = %q", logoFile), fmt.Sprintf("room_background_file = %q", bgFile),
		}
	}
	acctest.Run(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			if th := emu.WherebyAPI().Themes(); len(th) > 0 {
				return fmt.Errorf("after the destroy the emulator keeps themes %v", th)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				PreConfig:        clearJournal(t, emu),
				Config:           emu.Config(themeHCL(args(room1, "#1a73e8")...)),
				ConfigPlanChecks: acctest.ExpectAction(themeAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Attr(themeAddr, "id", knownvalue.StringExact(room1)),
					acctest.Attr(themeAddr, "meeting_id", knownvalue.StringExact(meeting1)),
					acctest.Attr(themeAddr, "logo_sha256", knownvalue.StringExact(sha(logo1))),
					acctest.Attr(themeAddr, "room_background_sha256", knownvalue.StringExact(sha(bg))),
					acctest.Attr(themeAddr, "room_knock_page_background_sha256", knownvalue.Null()),
					acctest.Attr(themeAddr, "secondary_color", knownvalue.Null()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					themeOf(emu, room1, func(th whereby.Theme, ok bool) error {
						switch {
						case !ok:
							return fmt.Errorf("none")
						case fmt.Sprint(th.Colors) != "map[focus:#00ff7f primary:#1a73e8]":
							return fmt.Errorf("colors %v", th.Colors)
						case th.Logo == nil || th.Logo.SHA256 != sha(logo1) || th.Logo.Filename != "logo.png":
							return fmt.Errorf("logo %+v", th.Logo)
						case th.RoomBackground.Image == nil || th.RoomBackground.Image.SHA256 != sha(bg):
							return fmt.Errorf("background %+v", th.RoomBackground)
						case th.KnockPageBackground.Image != nil:
							return fmt.Errorf("knock page background %+v", th.KnockPageBackground)
						}
						return nil
					}),
					// Every part set once: the knock page background to
					// Whereby's default.
					themePuts(emu, map[string]int{room1 + " tokens": 1, room1 + " logo": 1, room1 + " room-background": 1,
						room1 + " room-knock-page-background": 1}),
				),
			},
			{
				// A color changes: only the colors are sent again.
				PreConfig:        clearJournal(t, emu),
				Config:           emu.Config(themeHCL(args(room1, "#202124")...)),
				ConfigPlanChecks: acctest.ExpectAction(themeAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					themeOf(emu, room1, func(th whereby.Theme, _ bool) error {
						if th.Colors["primary"] != "#202124" || th.Colors["focus"] != "#00ff7f" {
							return fmt.Errorf("colors %v", th.Colors)
						}
						return nil
					}),
					themePuts(emu, map[string]int{room1 + " tokens": 1}),
				),
			},
			{
				// The logo file's content changes at the same path: only
				// the logo is uploaded again.
				PreConfig: func() {
					clearJournal(t, emu)()
					writeFile(t, dir, "logo.png", logo2)
				},
				Config: emu.Config(themeHCL(args(room1, "#202124")...)),
				ConfigPlanChecks: acctest.ExpectAction(themeAddr, plancheck.ResourceActionUpdate,
					plancheck.ExpectKnownValue(themeAddr, acctest.Path("logo_sha256"), knownvalue.StringExact(sha(logo2)))),
				ConfigStateChecks: []statecheck.StateCheck{acctest.Attr(themeAddr, "logo_sha256", knownvalue.StringExact(sha(logo2)))},
				Check: resource.ComposeAggregateTestCheckFunc(
					themeOf(emu, room1, func(th whereby.Theme, _ bool) error {
						if th.Logo == nil || th.Logo.SHA256 != sha(logo2) {
							return fmt.Errorf("logo %+v", th.Logo)
						}
						return nil
					}),
					themePuts(emu, map[string]int{room1 + " logo": 1}),
				),
			},
			{
				// Whereby returns no theme: the import reads the room and
				// its meeting only.
				ResourceName:      themeAddr,
				ImportState:       true,
				ImportStateId:     room1,
				ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"primary_color", "focus_color", "logo_file", "logo_sha256",
					"room_background_file", "room_background_sha256"},
			},
			{
				// Another room: the old room's theme is reset, the new
				// room's set.
				PreConfig:        clearJournal(t, emu),
				Config:           emu.Config(themeHCL(args(room2, "#202124")...)),
				ConfigPlanChecks: acctest.ExpectAction(themeAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Attr(themeAddr, "id", knownvalue.StringExact(room2)),
					acctest.Attr(themeAddr, "meeting_id", knownvalue.StringExact(meeting2)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					themeOf(emu, room1, func(th whereby.Theme, ok bool) error {
						if ok {
							return fmt.Errorf("not reset: %+v", th)
						}
						return nil
					}),
					themeOf(emu, room2, func(th whereby.Theme, ok bool) error {
						if !ok || th.Logo == nil || th.Logo.SHA256 != sha(logo2) || th.Colors["primary"] != "#202124" {
							return fmt.Errorf("%+v", th)
						}
						return nil
					}),
					themePuts(emu, map[string]int{
						room1 + " tokens": 1, room1 + " logo": 1, room1 + " room-background": 1, room1 + " room-knock-page-background": 1,
						room2 + " tokens": 1, room2 + " logo": 1, room2 + " room-background": 1, room2 + " room-knock-page-background": 1,
					}),
				),
			},
			{
				// The room is deleted behind Terraform's back: the refresh
				// removes the theme, which the plan creates again.
				PreConfig: func() {
					emu.Whereby(t, http.MethodDelete, "/meetings/"+meeting2, nil, http.StatusNoContent)
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: func(s *terraform.State) error {
					if _, ok := s.RootModule().Resources[themeAddr]; ok {
						return fmt.Errorf("%s is still in the state", themeAddr)
					}
					return nil
				},
			},
		},
	})
}

// Destroying a theme resets every part of it to Whereby's default, in a
// room that stays.
func TestAccWherebyRoomTheme_destroyResets(t *testing.T) {
	emu := acctest.NewEmulator(t)
	room, _ := emu.WherebyRoom(t, "reset-")
	dir := t.TempDir()
	config := emu.Config(themeHCL(
		fmt.Sprintf("room_name = %q", room),
		`primary_color = "#111111"`, `secondary_color = "#222222"`, `focus_color = "#333333"`,
		fmt.Sprintf("logo_file = %q", writeFile(t, dir, "logo.png", themePNG(t, 500, 1))),
		fmt.Sprintf("room_background_file = %q", writeFile(t, dir, "bg.png", themePNG(t, 1500, 2))),
		fmt.Sprintf("room_knock_page_background_file = %q", writeFile(t, dir, "knock.png", themePNG(t, 1500, 3))),
	))
	acctest.Run(t, resource.TestCase{
		CheckDestroy: func(*terraform.State) error {
			if th, ok := emu.WherebyAPI().Themes()[room]; ok {
				return fmt.Errorf("after the destroy %s keeps %+v", room, th)
			}
			// Each part PUT twice: set by the create, reset by the destroy.
			return themePuts(emu, map[string]int{room + " tokens": 2, room + " logo": 2, room + " room-background": 2,
				room + " room-knock-page-background": 2})(nil)
		},
		Steps: []resource.TestStep{{
			PreConfig:        clearJournal(t, emu),
			Config:           config,
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			Check: themeOf(emu, room, func(th whereby.Theme, ok bool) error {
				if !ok || len(th.Colors) != 3 || th.Logo == nil || th.RoomBackground.Image == nil || th.KnockPageBackground.Image == nil {
					return fmt.Errorf("%+v", th)
				}
				return nil
			}),
		}},
	})
}

// A theme and its meeting in one configuration; removing a file resets
// that image only.
func TestAccWherebyRoomTheme_withMeeting(t *testing.T) {
	emu := acctest.NewEmulator(t)
	dir := t.TempDir()
	knockContent := themePNG(t, 1400, 9)
	knock := writeFile(t, dir, "knock.png", knockContent)
	meeting := `
resource "conference_whereby_meeting" "room" {
  end_date         = "` + newWBClock().at(72*time.Hour) + `"
  room_name_prefix = "branded-"
}
`
	var room string
	acctest.Test(t,
		resource.TestStep{
			// The file's path is known only at apply (it depends on the
			// meeting's ID): its SHA-256 is computed then.
			Config: emu.Config(meeting + themeHCL("room_name = conference_whereby_meeting.room.room_name", `secondary_color = "#abcdef"`,
				fmt.Sprintf("room_knock_page_background_file = conference_whereby_meeting.room.id == \"\" ? \"\" : %q", knock))),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectUnknownValue(themeAddr, acctest.Path("room_knock_page_background_sha256")),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(themeAddr, "room_knock_page_background_sha256", knownvalue.StringExact(sha(knockContent))),
			},
			Check: func(s *terraform.State) (err error) {
				room, err = acctest.StateAttr(s, themeAddr, "room_name")
				if err != nil {
					return err
				}
				return themeOf(emu, room, func(th whereby.Theme, ok bool) error {
					if !ok || th.KnockPageBackground.Image == nil || th.Colors["secondary"] != "#abcdef" {
						return fmt.Errorf("%+v", th)
					}
					return nil
				})(s)
			},
		},
		resource.TestStep{
			PreConfig:        clearJournal(t, emu),
			Config:           emu.Config(meeting + themeHCL("room_name = conference_whereby_meeting.room.room_name", `secondary_color = "#abcdef"`)),
			ConfigPlanChecks: acctest.ExpectAction(themeAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(themeAddr, "room_knock_page_background_sha256", knownvalue.Null()),
			},
			Check: func(s *terraform.State) error {
				if err := themePuts(emu, map[string]int{room + " room-knock-page-background": 1})(s); err != nil {
					return err
				}
				return themeOf(emu, room, func(th whereby.Theme, _ bool) error {
					if th.KnockPageBackground.Image != nil || th.Colors["secondary"] != "#abcdef" {
						return fmt.Errorf("%+v", th)
					}
					return nil
				})(s)
			},
		},
	)
}

// Every documented constraint fails the plan, naming the attribute, what is
// allowed and the fix; nothing reaches Whereby.
func TestAccWherebyRoomTheme_planErrors(t *testing.T) {
	emu := acctest.NewEmulator(t)
	room, _ := emu.WherebyRoom(t, "errors-")
	dir := t.TempDir()
	big := append(themePNG(t, 1400, 1), make([]byte, whereby.MaxBackgroundBytes)...)
	bigFile := writeFile(t, dir, "big.png", big)
	text := writeFile(t, dir, "notes.txt", []byte("not an image at all"))
	empty := writeFile(t, dir, "empty.png", nil)
	missing := filepath.Join(dir, "missing.png")
	roomArg := fmt.Sprintf("room_name = %q", room)
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{roomArg, `primary_color = "#12345"`}, []string{`primary_color must be a HEX color code matching the pattern #[a-fA-F0-9]{6}`, `got "#12345"`}},
		{[]string{roomArg, `secondary_color = "red"`}, []string{`secondary_color must be a HEX color code`, `no name like "red"`}},
		{[]string{roomArg, `focus_color = "#1234567"`}, []string{`focus_color must be a HEX color code`, `got "#1234567"`}},
		{[]string{`room_name = "no-slash"`}, []string{`room_name must start with "/" and hold no other "/"`}},
		{[]string{roomArg, fmt.Sprintf("logo_file = %q", missing)}, []string{`Cannot read logo_file`, `Point logo_file at an image file that exists`}},
		{[]string{roomArg, fmt.Sprintf("logo_file = %q", text)}, []string{`logo_file is not an image`, `point logo_file at a PNG, JPEG`}},
		{[]string{roomArg, fmt.Sprintf("logo_file = %q", empty)}, []string{`logo_file is empty`}},
		{[]string{roomArg, fmt.Sprintf("room_background_file = %q", bigFile)}, []string{`room_background_file is larger than 600 kB`, fmt.Sprint(len(big)) + ` bytes`, `Make the image smaller`}},
		{[]string{roomArg, fmt.Sprintf("room_knock_page_background_file = %q", bigFile)}, []string{`room_knock_page_background_file is larger than 600 kB`}},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      emu.Config(themeHCL(c.args...)),
			PlanOnly:    true,
			ExpectError: fragments(c.want...),
		})
	}
	// A logo has no documented size limit: the background's is no error.
	steps = append(steps, resource.TestStep{
		Config:             emu.Config(themeHCL(roomArg, fmt.Sprintf("logo_file = %q", bigFile))),
		PlanOnly:           true,
		ExpectNonEmptyPlan: true,
	})
	emu.Admin(t, http.MethodDelete, "journal", nil)
	acctest.Test(t, steps...)
	if puts := emu.WherebyThemePuts(); len(puts) > 0 {
		t.Errorf("refused plans sent %v", puts)
	}
}

// fragments is a pattern for an error message holding each fragment, in
// order, however the CLI wrapped it.
func fragments(parts ...string) *regexp.Regexp {
	res := make([]string, len(parts))
	for i, p := range parts {
		res[i] = acctest.ErrorMatching(p).String()
	}
	return regexp.MustCompile("(?s)" + strings.Join(res, ".*"))
}

// A create for a room that does not exist fails and leaves nothing; one
// that fails after its first call leaves the theme in the state, tainted:
// the next apply replaces it, setting every part again.
func TestAccWherebyRoomTheme_failedCreate(t *testing.T) {
	emu := acctest.NewEmulator(t)
	room, _ := emu.WherebyRoom(t, "half-")
	config := emu.Config(themeHCL(fmt.Sprintf("room_name = %q", room), `primary_color = "#123456"`,
		fmt.Sprintf("logo_file = %q", writeFile(t, t.TempDir(), "logo.png", themePNG(t, 400, 4)))))
	acctest.Test(t,
		resource.TestStep{
			// A room that does not exist: nothing is in the state.
			Config:      emu.Config(themeHCL(`room_name = "/no-such-room"`, `primary_color = "#123456"`)),
			ExpectError: fragments(`Whereby has no room "/no-such-room": check room_name`),
		},
		resource.TestStep{
			PreConfig: func() {
				emu.Admin(t, http.MethodPost, "faults", map[string]any{
					"method": "PUT", "path_prefix": "/v1/rooms/" + room + "/theme/logo", "status": 400, "count": 1,
				})
			},
			Config:      config,
			ExpectError: fragments(`Whereby rejected room theme`, `injected fault: Bad Request (HTTP 400)`),
		},
		resource.TestStep{
			PreConfig:        clearJournal(t, emu),
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(themeAddr, plancheck.ResourceActionDestroyBeforeCreate),
			Check: resource.ComposeAggregateTestCheckFunc(
				themeOf(emu, room, func(th whereby.Theme, ok bool) error {
					if !ok || th.Logo == nil || th.Colors["primary"] != "#123456" {
						return fmt.Errorf("%+v", th)
					}
					return nil
				}),
				// Reset by the destroy, set by the create.
				themePuts(emu, map[string]int{room + " tokens": 2, room + " logo": 2, room + " room-background": 2,
					room + " room-knock-page-background": 2}),
			),
		},
	)
}
