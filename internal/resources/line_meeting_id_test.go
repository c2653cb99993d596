package resources_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/mapping/linemap"
)

const lineAddr = "conference_line_meeting_id.test"

// lineHCL renders the resource in room ex-service/ex-room with the given
// arguments (HCL lines).
func lineHCL(args ...string) string {
	return fmt.Sprintf(`
resource "conference_line_meeting_id" "test" {
  room_service_id = "ex-service"
  room_id         = "ex-room"
  %s
}
`, strings.Join(args, "\n  "))
}

// lineIDs follows meeting_id across steps: the same ID means an update in place,
// a new one a new meeting.
type lineIDs struct{ last string }

func (l *lineIDs) current(s *terraform.State) (string, error) {
	rs, ok := s.RootModule().Resources[lineAddr]
	if !ok {
		return "", fmt.Errorf("%s not in state", lineAddr)
	}
	return rs.Primary.Attributes["meeting_id"], nil
}

func (l *lineIDs) check(wantSame bool) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := l.current(s)
		if err != nil {
			return err
		}
		prev := l.last
		l.last = id
		switch {
		case prev == "":
			return nil
		case wantSame && id != prev:
			return fmt.Errorf("meeting_id changed from %s to %s; want an update in place", prev, id)
		case !wantSame && id == prev:
			return fmt.Errorf("meeting_id stayed %s; want a new meeting ID", id)
		}
		return nil
	}
}

func (l *lineIDs) first() resource.TestCheckFunc   { return l.check(false) }
func (l *lineIDs) same() resource.TestCheckFunc    { return l.check(true) }
func (l *lineIDs) changed() resource.TestCheckFunc { return l.check(false) }

func lineImportID(s *terraform.State) (string, error) {
	rs, ok := s.RootModule().Resources[lineAddr]
	if !ok {
		return "", fmt.Errorf("%s not in state", lineAddr)
	}
	a := rs.Primary.Attributes
	id, err := linemap.ParseMeetingNumber(a["meeting_id"])
	if err != nil {
		return "", err
	}
	return linemap.MeetingRef{Service: a["room_service_id"], Room: a["room_id"], Meeting: id}.String(), nil
}

// lineCheckCompositeID checks id = room_service_id/room_id/meeting_id.
func lineCheckCompositeID(s *terraform.State) error {
	want, err := lineImportID(s)
	if err != nil {
		return err
	}
	if got := s.RootModule().Resources[lineAddr].Primary.ID; got != want {
		return fmt.Errorf("id is %q, want %q", got, want)
	}
	return nil
}

// lineCheckAPI checks the meeting as LINE Planet (the emulator) has it.
func lineCheckAPI(emu *acctest.Emulator, f func(lineplanet.Meeting) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		m, ok := emu.LinePlanetAPI().Meeting("ex-service", "ex-room")
		if !ok {
			return fmt.Errorf("room ex-service/ex-room has no meeting in LINE Planet")
		}
		return f(m)
	}
}

var (
	lineMeetingIDRe = regexp.MustCompile(`^[0-9]{11,}$`)
	linePasscodeRe  = regexp.MustCompile(`^[0-9]{6}$`)
)

// The type rules of line-planet-meeting-id.txt: I -> S replaces, S -> R updates in
// place and moves expire_at to update time + 365 days, R -> S replaces; passcode
// and title update in place; import.
func TestAccLineMeetingID_typeTransitions(t *testing.T) {
	emu := acctest.NewEmulator(t)
	ids := &lineIDs{}
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig:        func() { emu.FreezeClock(t, "2030-01-01T00:00:00Z") },
			Config:           emu.Config(lineHCL(`title = "Stand-up"`)),
			ConfigPlanChecks: acctest.ExpectAction(lineAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(lineAddr, "type", knownvalue.StringExact("I")), // the default
				acctest.Attr(lineAddr, "meeting_id", knownvalue.StringRegexp(lineMeetingIDRe)),
				acctest.Attr(lineAddr, "passcode", knownvalue.StringRegexp(linePasscodeRe)),
				acctest.Attr(lineAddr, "title", knownvalue.StringExact("Stand-up")),
				acctest.Attr(lineAddr, "data", knownvalue.Null()),
				acctest.Attr(lineAddr, "created_at", knownvalue.StringExact("2030-01-01T00:00:00Z")),
				acctest.Attr(lineAddr, "expire_at", knownvalue.StringExact("2030-01-02T00:00:00Z")), // I: 1 day
				acctest.Attr(lineAddr, "sip_proxy", knownvalue.StringExact(lineplanet.DefaultSIPProxy)),
				acctest.Attr(lineAddr, "sip_proxy_port", knownvalue.Int64Exact(lineplanet.DefaultSIPProxyPort)),
			},
			Check: resource.ComposeAggregateTestCheckFunc(ids.first(), lineCheckCompositeID),
		},
		{
			// I -> S: a new meeting ID.
			Config: emu.Config(lineHCL(`type = "S"`, `title = "Stand-up"`)),
			ConfigPlanChecks: acctest.ExpectAction(lineAddr, plancheck.ResourceActionDestroyBeforeCreate,
				plancheck.ExpectUnknownValue(lineAddr, tfjsonpath.New("meeting_id"))),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(lineAddr, "type", knownvalue.StringExact("S")),
				acctest.Attr(lineAddr, "expire_at", knownvalue.StringExact("2030-01-31T00:00:00Z")), // S: 30 days
			},
			Check: ids.changed(),
		},
		{
			// S -> R: in place, and expire_at becomes update time + 365 days.
			PreConfig: func() { emu.AdvanceClock(t, 48*time.Hour) },
			Config:    emu.Config(lineHCL(`type = "R"`, `title = "Stand-up"`)),
			ConfigPlanChecks: acctest.ExpectAction(lineAddr, plancheck.ResourceActionUpdate,
				plancheck.ExpectUnknownValue(lineAddr, tfjsonpath.New("expire_at")),
				plancheck.ExpectKnownValue(lineAddr, tfjsonpath.New("created_at"), knownvalue.StringExact("2030-01-01T00:00:00Z"))),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(lineAddr, "type", knownvalue.StringExact("R")),
				acctest.Attr(lineAddr, "created_at", knownvalue.StringExact("2030-01-01T00:00:00Z")),
				acctest.Attr(lineAddr, "expire_at", knownvalue.StringExact("2031-01-03T00:00:00Z")),
			},
			Check: ids.same(),
		},
		{
			// R -> S: LINE Planet refuses it (code 435), so a new meeting ID.
			Config:           emu.Config(lineHCL(`type = "S"`, `title = "Stand-up"`)),
			ConfigPlanChecks: acctest.ExpectAction(lineAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(lineAddr, "type", knownvalue.StringExact("S")),
				acctest.Attr(lineAddr, "created_at", knownvalue.StringExact("2030-01-03T00:00:00Z")),
				acctest.Attr(lineAddr, "expire_at", knownvalue.StringExact("2030-02-02T00:00:00Z")),
			},
			Check: ids.changed(),
		},
		{
			// Passcode and title change in place; expire_at does not move.
			Config: emu.Config(lineHCL(`type = "S"`, `passcode = "246810"`, `title = "Board 😀"`, `data = "{\"floor\":3}"`)),
			ConfigPlanChecks: acctest.ExpectAction(lineAddr, plancheck.ResourceActionUpdate,
				plancheck.ExpectKnownValue(lineAddr, tfjsonpath.New("expire_at"), knownvalue.StringExact("2030-02-02T00:00:00Z"))),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(lineAddr, "passcode", knownvalue.StringExact("246810")),
				acctest.Attr(lineAddr, "title", knownvalue.StringExact("Board 😀")),
				acctest.Attr(lineAddr, "data", knownvalue.StringExact(`{"floor":3}`)),
				acctest.Attr(lineAddr, "expire_at", knownvalue.StringExact("2030-02-02T00:00:00Z")),
			},
			Check: resource.ComposeAggregateTestCheckFunc(ids.same(), lineCheckAPI(emu, func(m lineplanet.Meeting) error {
				if m.Passcode != "246810" || m.Title == nil || *m.Title != "Board 😀" {
					return fmt.Errorf("LINE Planet has %+v", m)
				}
				return nil
			})),
		},
		{
			// Removing passcode from the configuration keeps the current one.
			Config: emu.Config(lineHCL(`type = "S"`, `title = "Board 😀"`, `data = "{\"floor\":3}"`)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{acctest.Attr(lineAddr, "passcode", knownvalue.StringExact("246810"))},
		},
		{
			// Removing title and data clears them.
			Config:           emu.Config(lineHCL(`type = "S"`)),
			ConfigPlanChecks: acctest.ExpectAction(lineAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(lineAddr, "title", knownvalue.Null()),
				acctest.Attr(lineAddr, "data", knownvalue.Null()),
				acctest.Attr(lineAddr, "passcode", knownvalue.StringExact("246810")),
			},
			Check: resource.ComposeAggregateTestCheckFunc(ids.same(), lineCheckAPI(emu, func(m lineplanet.Meeting) error {
				if m.Title != nil || m.Data != nil {
					return fmt.Errorf("LINE Planet kept title %v data %v", m.Title, m.Data)
				}
				return nil
			})),
		},
		{
			ResourceName:      lineAddr,
			ImportState:       true,
			ImportStateIdFunc: lineImportID,
			ImportStateVerify: true,
			// LINE Planet returns the SIP proxy only in the create response; an
			// imported meeting ID has none (documented on the attributes).
			ImportStateVerifyIgnore: []string{"sip_proxy", "sip_proxy_port"},
		},
		{
			ResourceName:  lineAddr,
			ImportState:   true,
			ImportStateId: "ex-service/ex-room",
			ExpectError:   regexp.MustCompile(`Expected\s+room_service_id/room_id/meeting_id`),
		},
		{
			ResourceName:  lineAddr,
			ImportState:   true,
			ImportStateId: "ex-service/ex-room/not-a-number",
			ExpectError:   regexp.MustCompile(`such\s+as\s+ex-service/ex-room/73051667563`),
		},
	}...)
}

// Past expire_at the meeting ID is gone from LINE Planet: the refresh drops it
// from state and the plan creates a new one.
func TestAccLineMeetingID_expiry(t *testing.T) {
	emu := acctest.NewEmulator(t)
	ids := &lineIDs{}
	config := emu.Config(lineHCL(`type = "S"`, `passcode = "135790"`))
	acctest.Test(t, []resource.TestStep{
		{
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(lineAddr, plancheck.ResourceActionCreate),
			Check:            ids.first(),
		},
		{
			// S lives 30 days.
			PreConfig:        func() { emu.AdvanceClock(t, 31*24*time.Hour) },
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(lineAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(lineAddr, "passcode", knownvalue.StringExact("135790")),
			},
			Check: ids.changed(),
		},
		{
			// A refresh-only plan shows the same: the meeting ID is gone.
			PreConfig:          func() { emu.AdvanceClock(t, 31*24*time.Hour) },
			Config:             config,
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		},
	}...)
}

// Changes behind Terraform's back: an edited meeting is put back, a deleted one is
// created again, and a type changed to one that cannot go back replaces it.
func TestAccLineMeetingID_drift(t *testing.T) {
	emu := acctest.NewEmulator(t)
	ids := &lineIDs{}
	config := emu.Config(lineHCL(`type = "S"`, `passcode = "111111"`, `title = "Ops"`))
	acctest.Test(t, []resource.TestStep{
		{
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(lineAddr, plancheck.ResourceActionCreate),
			Check:            ids.first(),
		},
		{
			PreConfig: func() {
				if !emu.LinePlanetAPI().MutateMeeting("ex-service", "ex-room", func(m *lineplanet.Meeting) {
					title, data := "Changed elsewhere", "x"
					m.Title, m.Data, m.Passcode = &title, &data, "999999"
				}) {
					t.Fatal("no meeting to change")
				}
			},
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(lineAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(lineAddr, "title", knownvalue.StringExact("Ops")),
				acctest.Attr(lineAddr, "passcode", knownvalue.StringExact("111111")),
				acctest.Attr(lineAddr, "data", knownvalue.Null()),
			},
			Check: resource.ComposeAggregateTestCheckFunc(ids.same(), lineCheckAPI(emu, func(m lineplanet.Meeting) error {
				if m.Passcode != "111111" || m.Title == nil || *m.Title != "Ops" || m.Data != nil {
					return fmt.Errorf("drift not corrected in LINE Planet: %+v", m)
				}
				return nil
			})),
		},
		{
			PreConfig: func() {
				if !emu.LinePlanetAPI().DeleteMeeting("ex-service", "ex-room") {
					t.Fatal("no meeting to delete")
				}
			},
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(lineAddr, plancheck.ResourceActionCreate),
			Check:            ids.changed(),
		},
		{
			// Someone made it R; the configuration says S, and R -> S needs a new
			// meeting ID.
			PreConfig: func() {
				emu.LinePlanetAPI().MutateMeeting("ex-service", "ex-room", func(m *lineplanet.Meeting) { m.Type = "R" })
			},
			Config:           config,
			ConfigPlanChecks: acctest.ExpectAction(lineAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(lineAddr, "type", knownvalue.StringExact("S")),
			},
			Check: ids.changed(),
		},
	}...)
}

// A room holds one meeting ID: creating in a room that has one fails with the
// import command, and the import then brings it under management.
func TestAccLineMeetingID_existingMeetingImport(t *testing.T) {
	emu := acctest.NewEmulator(t)
	var existing string
	config := emu.Config(lineHCL(`type = "S"`, `title = "Legacy"`))
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig: func() {
				existing = fmt.Sprint(emu.LinePlanetCreate(t, "ex-service", "ex-room",
					map[string]any{"type": "S", "title": "Legacy", "passcode": "424242"}).ID)
			},
			Config:      config,
			ExpectError: regexp.MustCompile(`(?s)already\s+has\s+a\s+meeting\s+ID.*terraform\s+import\s+conference_line_meeting_id.<name>\s+ex-service/ex-room/[0-9]{11}`),
		},
		{
			Config:             config,
			ResourceName:       lineAddr,
			ImportState:        true,
			ImportStatePersist: true,
			ImportStateIdFunc:  func(*terraform.State) (string, error) { return "ex-service/ex-room/" + existing, nil },
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				if len(states) != 1 {
					return fmt.Errorf("imported %d objects", len(states))
				}
				a := states[0].Attributes
				if a["meeting_id"] != existing || a["type"] != "S" || a["title"] != "Legacy" || a["passcode"] != "424242" ||
					a["id"] != "ex-service/ex-room/"+existing {
					return fmt.Errorf("imported %v", a)
				}
				return nil
			},
		},
		{
			// The configuration matches the imported meeting: nothing to do.
			Config:   config,
			PlanOnly: true,
		},
	}...)
}

// Every documented constraint fails at plan time, before any request.
func TestAccLineMeetingID_planTimeErrors(t *testing.T) {
	emu := acctest.NewEmulator(t)
	// 64 emoji are 128 UTF-16 code units (256 bytes, 64 runes); one more letter is 129.
	title128 := strings.Repeat("😀", 64)
	step := func(arg, re string) resource.TestStep {
		return resource.TestStep{
			Config:   emu.Config(lineHCL(arg)),
			PlanOnly: true,
			// The CLI wraps long messages: any space may be a line break.
			ExpectError: regexp.MustCompile(strings.ReplaceAll(re, " ", `\s+`)),
		}
	}
	acctest.Run(t, resource.TestCase{
		Steps: []resource.TestStep{
			step(`passcode = "12345"`, `(?s)passcode.*must be exactly 6 digits`),
			step(`passcode = "12345a"`, `(?s)passcode.*not a digit`),
			step(fmt.Sprintf(`title = %q`, title128+"a"), `(?s)title.*must be at most 128 UTF-16 code units long; it has 129`),
			step(fmt.Sprintf(`data = %q`, strings.Repeat("😀", 512)+"a"), `(?s)data.*at most 1024 UTF-16 code units`),
			step(`type = "X"`, `type must be one of "I", "S" or "R"; got "X".`),
			step(`type = "s"`, `type must be written "S", not "s": the values are case-sensitive. The allowed values are "I", "S" or "R".`),
			{
				Config: emu.Config(`
resource "conference_line_meeting_id" "test" {
  room_service_id = "ex-service"
  room_id         = "ex/room"
}`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)room_id.*must\s+not\s+contain\s+a\s+slash`),
			},
			{
				// The limit itself is fine: counted in UTF-16 code units, not bytes.
				Config:             emu.Config(lineHCL(fmt.Sprintf(`title = %q`, title128))),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
		CheckDestroy: func(*terraform.State) error {
			// Bad input never reaches the API.
			var j struct {
				Entries []struct {
					Method string `json:"method"`
					Path   string `json:"path"`
				} `json:"entries"`
			}
			if err := json.Unmarshal(emu.Admin(t, http.MethodGet, "journal", nil), &j); err != nil {
				return err
			}
			for _, e := range j.Entries {
				if e.Method != http.MethodGet {
					return fmt.Errorf("a plan-time error still sent %s %s", e.Method, e.Path)
				}
			}
			return nil
		},
	})
}

// The documentation's example works as written, and imports with the ID form
// that import.sh shows.
func TestAccLineMeetingID_example(t *testing.T) {
	dir := "../../examples/resources/conference_line_meeting_id/"
	hcl, err := os.ReadFile(dir + "resource.tf")
	if err != nil {
		t.Fatal(err)
	}
	imp, err := os.ReadFile(dir + "import.sh")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^terraform import conference_line_meeting_id\.example ex-service/ex-room/73051667563$`).Match(imp) {
		t.Fatalf("import.sh does not show the svc/room/meeting_id form:\n%s", imp)
	}
	const addr = "conference_line_meeting_id.example"
	emu := acctest.NewEmulator(t)
	acctest.Test(t, []resource.TestStep{
		{
			Config: emu.Config(string(hcl)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: func(s *terraform.State) error {
				a := s.RootModule().Resources[addr].Primary.Attributes
				want := fmt.Sprintf("sip:%s@%s:%d", a["meeting_id"], lineplanet.DefaultSIPProxy, lineplanet.DefaultSIPProxyPort)
				if got := s.RootModule().Outputs["board_sip_uri"].Value; got != want {
					return fmt.Errorf("board_sip_uri = %v, want %s", got, want)
				}
				if got := s.RootModule().Outputs["board_passcode"].Value; got != a["passcode"] || !linePasscodeRe.MatchString(a["passcode"]) {
					return fmt.Errorf("board_passcode = %v, passcode %s", got, a["passcode"])
				}
				return nil
			},
		},
		{
			ResourceName: addr,
			ImportState:  true,
			ImportStateIdFunc: func(s *terraform.State) (string, error) {
				return "ex-service/ex-room/" + s.RootModule().Resources[addr].Primary.Attributes["meeting_id"], nil
			},
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"sip_proxy", "sip_proxy_port"},
		},
	}...)
}
