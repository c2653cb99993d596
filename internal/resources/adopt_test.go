package resources_test

import (
	"cmp"
	"fmt"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// lostCreates are one resource of each type, and the path its create is
// POSTed to.
var lostCreates = []struct {
	typ, path, hcl string
}{
	{"conference_portsip_server", "/api/conference_servers", `
  name             = "adopted"
  ipv4             = "192.0.2.70"
  max_rooms        = 5
  max_participants = 50`},
	{"conference_portsip_room", "/api/conference_rooms", `
  extension_number = "8900"
  mode             = "AUDIO"
  subject          = "Adopted"
  capacity         = 10`},
	{"conference_portsip_meeting", "/api/user/meetings", `
  mode     = "VIDEO"
  subject  = "Adopted"
  timezone = "UTC"
  capacity = 20`},
	{"conference_line_meeting_id", "/tas/v2/gcall/ex-service/ex-room/mtg", `
  room_service_id = "ex-service"
  room_id         = "ex-room"
  type            = "S"
  title           = "Adopted"`},
	{"conference_sqmeeting_meeting", "/api/v1/meeting_schedule", `
  name       = "Adopted"
  start_time = "2030-03-04T10:00:00Z"
  end_time   = "2030-03-04T11:00:00Z"`},
	{"conference_sqmeeting_meeting", "/api/v1/meeting_schedule", `
  name = "Adopted now"
  type = "instant"`},
	{"conference_sqmeeting_recurring_meeting", "/api/v1/meeting_schedule/recurrence", "\n  " + strings.Join(sqDaily, "\n  ")},
	{"conference_whereby_meeting", "/v1/meetings", `
  end_date         = "` + time.Now().Add(48*time.Hour).UTC().Format(time.RFC3339) + `"
  room_name_prefix = "adopted-"
  fields           = ["hostRoomUrl"]`},
	{"conference_sqmeeting_user", "/api/v1/user/users", `
  username            = "adopted-user"
  real_name           = "Adopted User"
  password_wo         = "adopted-password"
  password_wo_version = 1`},
	{"conference_whereby_room_theme", "/v1/rooms/", `
  room_name     = conference_whereby_meeting.room.room_name
  primary_color = "#1a73e8"
  logo_file     = "` + testdataFile("logo.png") + `"`},
}

// setsWriteOnly matches a configuration that sets a write-only argument,
// which only the CLIs of writeOnlyCLIs take.
var setsWriteOnly = regexp.MustCompile(`(?m)^\s*\w+_wo\s*=`)

// cliChecks are the version checks a test case of hcl needs.
func cliChecks(hcl string) []tfversion.TerraformVersionCheck {
	if setsWriteOnly.MatchString(hcl) {
		return writeOnlyCLIs
	}
	return nil
}

// lostCreateOther are the lostCreates whose create is not one POST: its
// method, the configuration it needs beside it, and how many requests the
// platform serves under the path.
var lostCreateOther = map[string]struct {
	method, beside string
	served         int
}{
	// A theme is four PUTs: the first one's answer is lost, and it is sent
	// again (a PUT sets the same theme twice harmlessly), then the three
	// images: five served, one theme.
	"conference_whereby_room_theme": {method: http.MethodPut, served: 5, beside: `
resource "conference_whereby_meeting" "room" {
  end_date = "` + time.Now().Add(48*time.Hour).UTC().Format(time.RFC3339) + `"
}
`},
}

// testdataFile is the absolute path of a file in testdata: the provider
// runs in the test's process, whose directory is not the CLI's.
func testdataFile(name string) string {
	p, err := filepath.Abs(filepath.Join("testdata", name))
	if err != nil {
		panic(err)
	}
	return p
}

// lostAnswers are the ways a create's answer is lost after the platform made
// the object: a 500, a 503 (as a proxy that lost its upstream answers), a
// dropped connection.
var lostAnswers = []map[string]any{{"status": 500}, {"status": 503}, {"drop": true}}

// A create whose answer is lost, for every resource: the provider looks for
// what it made, adopts it, and never creates a second one; the next plan is
// empty and a destroy leaves nothing but what the type's destroy keeps
// (acctest.DestroyLeaves: a user, which SQMeeting cannot delete, stays once).
func TestAccAdoptLostCreate(t *testing.T) {
	for i, c := range lostCreates {
		lost := lostAnswers[i%len(lostAnswers)]
		t.Run(fmt.Sprintf("%s_%d", c.typ, i), func(t *testing.T) {
			emu := acctest.NewEmulator(t)
			before := emu.Objects(t)[c.typ]
			other := lostCreateOther[c.typ]
			method := cmp.Or(other.method, http.MethodPost)
			fault := map[string]any{"method": method, "path_prefix": c.path, "after_write": true, "count": 1}
			for k, v := range lost {
				fault[k] = v
			}
			emu.Admin(t, http.MethodPost, "faults", fault)
			addr := c.typ + ".test"
			acctest.Run(t, resource.TestCase{
				TerraformVersionChecks: cliChecks(c.hcl),
				CheckDestroy: func(s *terraform.State) error {
					want := slices.Sorted(slices.Values(append(slices.Clone(before), acctest.DestroyLeaves(s)[c.typ]...)))
					if now := emu.Objects(t)[c.typ]; !slices.Equal(now, want) {
						return fmt.Errorf("after the destroy the emulator holds %v, want %v", now, want)
					}
					return nil
				},
				Steps: []resource.TestStep{{
					Config:           emu.Config(fmt.Sprintf("resource %q \"test\" {%s\n}\n", c.typ, c.hcl) + other.beside),
					ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
					Check: func(s *terraform.State) error {
						id, err := acctest.StateAttr(s, addr, "id")
						if err != nil {
							return err
						}
						made := slices.DeleteFunc(emu.Objects(t)[c.typ], func(o string) bool { return slices.Contains(before, o) })
						if len(made) != 1 || made[0] != id {
							return fmt.Errorf("the emulator made %v, want only %s, the one in state", made, id)
						}
						return createsServedBy(emu, method, c.path, max(other.served, 1))
					},
				}},
			})
		})
	}
}

// createsServed checks that the platform served want creates on path: a
// lost create was not repeated.
func createsServed(emu *acctest.Emulator, path string, want int) error {
	return createsServedBy(emu, http.MethodPost, path, want)
}

// createsServedBy is createsServed for creates sent with method, on path or
// under it when it ends in "/".
func createsServedBy(emu *acctest.Emulator, method, path string, want int) error {
	n, faulted := 0, 0
	for _, e := range emu.JournalEntries() {
		under := strings.HasSuffix(path, "/") && strings.HasPrefix(e.Path, path)
		if e.Method != method || (e.Path != path && !under) {
			continue
		}
		if e.Fault {
			faulted++
		}
		served := e.Status
		if e.Served != 0 {
			served = e.Served
		}
		if served >= 200 && served < 300 {
			n++
		}
	}
	if n != want || faulted == 0 {
		return fmt.Errorf("%d creates served on %s (%d faulted), want %d after a fault", n, path, faulted, want)
	}
	return nil
}

// Two servers alike in name and addresses, and the answer to the create of
// a third is lost: the provider cannot tell which is its own, and says so.
func TestAccAdoptAmbiguousServer(t *testing.T) {
	emu := acctest.NewEmulator(t)
	body := map[string]any{"name": "twin", "ipv4": "192.0.2.80", "max_rooms": 1, "max_participants": 1}
	emu.PortSIP(t, http.MethodPost, "/conference_servers", body, http.StatusOK)
	emu.Admin(t, http.MethodPost, "faults", map[string]any{
		"method": "POST", "path_prefix": "/api/conference_servers", "after_write": true, "status": 502, "count": 1,
	})
	acctest.Test(t, []resource.TestStep{{
		Config: emu.Config(serverConfig("twin", `ipv4 = "192.0.2.80"`, 1)),
		ExpectError: regexp.MustCompile(`(?s)Cannot tell which PortSIP conference server was created.*` +
			`the\s+answer\s+to\s+the\s+create\s+was\s+lost\s+\(.*HTTP\s+502\)\);\s+2\s+conference\s+servers\s+match\s+name\s+"twin",\s+ipv4\s+192\.0\.2\.80`),
	}}...)
}
