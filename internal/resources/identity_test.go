package resources_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/managed"
)

// identityCase is how the identity and list tests make one object of a
// type, what its list resource names it, and how it is deleted behind
// Terraform's back.
type identityCase struct {
	// args are the resource's arguments (HCL lines).
	args []string
	// listConfig is the list block's config block, when the type needs one.
	listConfig string
	// importUpdates: the import plans an update, since the state cannot
	// hold what the platform never returns (a write-only secret's version).
	importUpdates bool
	// listed is how many objects the list resource returns, the one made
	// among them; 0 means that one only.
	listed int
	// displayName is what the list resource names the object.
	displayName knownvalue.Check
	// remove deletes the object through the emulator, given its state.
	remove func(t *testing.T, emu *acctest.Emulator, attrs map[string]string)
	// beside is configuration the object needs beside it (a theme's room).
	beside string
}

// identityCases has a case for every managed type: TestAccIdentity fails
// for a type without one.
var identityCases = map[string]identityCase{
	managed.PortSIPServer.Name: {
		args:        []string{`name = "conf-west"`, `ipv4 = "192.0.2.20"`, `max_rooms = 5`, `max_participants = 50`},
		displayName: knownvalue.StringExact("conf_west"),
		remove: func(t *testing.T, emu *acctest.Emulator, a map[string]string) {
			if !emu.PortSIPAPI().DeleteServer(a["id"]) {
				t.Fatalf("server %s is not in the PBX", a["id"])
			}
		},
	},
	managed.PortSIPRoom.Name: {
		args:        []string{`extension_number = "8100"`, `mode = "AUDIO"`, `subject = "Stand-up"`},
		displayName: knownvalue.StringExact("stand_up"),
		remove: func(t *testing.T, emu *acctest.Emulator, a map[string]string) {
			if !emu.PortSIPAPI().DeleteRoom(a["id"]) {
				t.Fatalf("room %s is not in the PBX", a["id"])
			}
		},
	},
	managed.PortSIPMeeting.Name: {
		args:        []string{`mode = "AUDIO"`, `subject = "Design review"`, `timezone = "UTC"`},
		displayName: knownvalue.StringExact("design_review"),
		remove: func(t *testing.T, emu *acctest.Emulator, a map[string]string) {
			if !emu.PortSIPAPI().DeleteMeeting(a["id"]) {
				t.Fatalf("meeting %s is not in the PBX", a["id"])
			}
		},
	},
	managed.LineMeetingID.Name: {
		args:        []string{`room_service_id = "ex-service"`, `room_id = "ex-room"`, `type = "S"`, `title = "Board meeting"`},
		listConfig:  `rooms = ["ex-service/ex-room", "ex-service/empty-room"]`,
		displayName: knownvalue.StringExact("board_meeting"),
		remove: func(t *testing.T, emu *acctest.Emulator, a map[string]string) {
			if !emu.LinePlanetAPI().DeleteMeeting(a["room_service_id"], a["room_id"]) {
				t.Fatal("no meeting to delete")
			}
		},
	},
	managed.SQMeetingMeeting.Name: {
		args: []string{`name = "Project kick-off"`, `start_time = "2030-03-22T13:00:00Z"`, `end_time = "2030-03-22T14:00:00Z"`},
		// the reservation type is the default
		displayName: knownvalue.StringExact("project_kick_off"),
		remove: func(t *testing.T, emu *acctest.Emulator, a map[string]string) {
			emu.SQMeeting(t, http.MethodDelete, "/meeting_schedule/"+a["id"], nil, http.StatusOK, http.StatusNoContent)
		},
	},
	managed.SQMeetingRecurringMeeting.Name: {
		args:        append([]string{`timezone = "Europe/Berlin"`}, sqDaily...),
		listConfig:  `timezone = "Europe/Berlin"`,
		displayName: knownvalue.StringExact("every_other_day"),
		remove: func(t *testing.T, emu *acctest.Emulator, a map[string]string) {
			emu.SQMeeting(t, http.MethodDelete, "/meeting_schedule/"+a["occurrences.0.reservation_id"]+"?deleteGroup=true", nil,
				http.StatusOK, http.StatusNoContent)
		},
	},
	managed.SQMeetingUser.Name: {
		args: []string{`username = "quentin"`, `real_name = "Quentin Ames"`, `password_wo = "quentin-password"`, `password_wo_version = 1`},
		// password_wo_version cannot be read back: the imported user plans to
		// send the password once (TestAccSQMeetingUser tests the import).
		importUpdates: true,
		// every account of the server: the seeded ones and quentin
		listed:      sqmeetingSeededUsers + 1,
		displayName: knownvalue.StringExact("quentin"),
		// SQMeeting's API cannot delete a user: resetting the emulated
		// server drops the users the API made.
		remove: func(t *testing.T, emu *acctest.Emulator, _ map[string]string) {
			emu.Admin(t, http.MethodPost, "reset", map[string]string{"platform": "sqmeeting"})
		},
	},
	managed.WherebyMeeting.Name: {
		// No room_name_prefix: Whereby does not return it, and an import
		// plans to record a configured one (TestAccWherebyMeeting_import).
		// The room is named by its generated UUID.
		args:        []string{`end_date = "` + time.Now().UTC().Add(7*24*time.Hour).Truncate(time.Minute).Format(time.RFC3339) + `"`},
		displayName: knownvalue.StringRegexp(regexp.MustCompile(`^(meeting_)?[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{12}$`)),
		remove: func(t *testing.T, emu *acctest.Emulator, a map[string]string) {
			emu.Whereby(t, http.MethodDelete, "/meetings/"+a["id"], nil, http.StatusNoContent)
		},
	},
	managed.WherebyRoomTheme.Name: {
		args: []string{`room_name = conference_whereby_meeting.room.room_name`, `primary_color = "#1a73e8"`},
		beside: `
resource "conference_whereby_meeting" "room" {
  end_date = "` + time.Now().UTC().Add(7*24*time.Hour).Truncate(time.Minute).Format(time.RFC3339) + `"
}
`,
		// Whereby returns no theme: the imported one plans to set the
		// configured color.
		importUpdates: true,
		// The room goes, and its theme with it: the plan makes both anew.
		remove: func(t *testing.T, emu *acctest.Emulator, a map[string]string) {
			emu.Whereby(t, http.MethodDelete, "/meetings/"+a["meeting_id"], nil, http.StatusNoContent)
		},
	},
}

// sqmeetingSeededUsers is how many accounts the emulated SQMeeting has
// before a test adds one: the administrator and the seeded invitees.
var sqmeetingSeededUsers = 1 + len(sqmeeting.DefaultUsers())

// typeHCL is a resource of type typ named "test" with args.
func typeHCL(typ string, args []string) string {
	return fmt.Sprintf("resource %q \"test\" {\n  %s\n}\n", typ, strings.Join(args, "\n  "))
}

// identityOf is the identity every type's object has: each of its import
// ID's identity attributes, the value the resource's attribute holds.
func identityOf(typ *managed.Type, addr string) []statecheck.StateCheck {
	checks := make([]statecheck.StateCheck, 0, len(typ.ImportID.Identity)+1)
	want := map[string]knownvalue.Check{}
	for _, a := range typ.ImportID.Identity {
		want[a.Name] = knownvalue.NotNull()
		checks = append(checks, statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New(a.Name)))
	}
	return append(checks, statecheck.ExpectIdentity(addr, want))
}

// TestAccIdentity proves every type's identity on CLIs that store one
// (Terraform 1.12, OpenTofu 1.12 and later): set by the create, the same
// after an update-free refresh, imported by an import block with identity
// (which then plans no change), and kept by the refresh that finds the
// object gone, which plans it anew.
func TestAccIdentity(t *testing.T) {
	for _, typ := range managed.All() {
		c, ok := identityCases[typ.Name]
		if !ok {
			t.Errorf("no identity case for %s: add it to identityCases", typ.Name)
			continue
		}
		t.Run(typ.Name, func(t *testing.T) {
			emu := acctest.NewEmulator(t)
			addr := typ.Name + ".test"
			config := emu.Config(typeHCL(typ.Name, c.args) + c.beside)
			var attrs map[string]string
			keep := func(s *terraform.State) error {
				rs, ok := s.RootModule().Resources[addr]
				if !ok {
					return fmt.Errorf("%s not in state", addr)
				}
				attrs = rs.Primary.Attributes
				return nil
			}
			acctest.Run(t, resource.TestCase{
				TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
				Steps: []resource.TestStep{
					{
						Config:            config,
						ConfigPlanChecks:  acctest.ExpectAction(addr, plancheck.ResourceActionCreate),
						ConfigStateChecks: identityOf(typ, addr),
						Check:             keep,
					},
					{
						// An import block with the identity the state holds.
						ResourceName:       addr,
						ImportState:        true,
						ImportStateKind:    resource.ImportBlockWithResourceIdentity,
						Config:             config,
						ExpectNonEmptyPlan: c.importUpdates,
					},
					{
						// Deleted behind Terraform's back: the refresh keeps
						// the identity and the plan makes the object anew.
						PreConfig:         func() { c.remove(t, emu, attrs) },
						Config:            config,
						ConfigPlanChecks:  acctest.ExpectAction(addr, plancheck.ResourceActionCreate),
						ConfigStateChecks: identityOf(typ, addr),
					},
				},
			})
		})
	}
}

// TestAccListResource lists every type with its list resource (terraform
// query, Terraform 1.14 and later): the object the configuration made, by
// its identity and the name conference-export gives it, and in full with
// include_resource.
func TestAccListResource(t *testing.T) {
	for _, typ := range managed.All() {
		if !typ.Listed() {
			continue // no list resource (managed.Type.Unlisted)
		}
		c, ok := identityCases[typ.Name]
		if !ok {
			t.Errorf("no identity case for %s: add it to identityCases", typ.Name)
			continue
		}
		t.Run(typ.Name, func(t *testing.T) {
			emu := acctest.NewEmulator(t)
			addr := typ.Name + ".test"
			list := typ.Name + ".all"
			var id string
			identity := map[string]knownvalue.Check{}
			for _, a := range typ.ImportID.Identity {
				identity[a.Name] = knownvalue.NotNull()
			}
			if _, ok := identity["id"]; ok {
				// The object made, among the others a listing may return.
				identity["id"] = knownvalue.StringFunc(func(v string) error {
					if v != id {
						return fmt.Errorf("id %q, want %q", v, id)
					}
					return nil
				})
			}
			listed := max(c.listed, 1)
			acctest.Run(t, resource.TestCase{
				TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
				Steps: []resource.TestStep{
					{
						Config: emu.Config(typeHCL(typ.Name, c.args)),
						Check: func(s *terraform.State) (err error) {
							id, err = acctest.StateAttr(s, addr, "id")
							return err
						},
					},
					{
						Query: true,
						// The provider block is the first step's, which the
						// query reads with its .tfquery.hcl file.
						Config: fmt.Sprintf(`
list %q "all" {
  provider         = conference
  include_resource = true
  config {
    %s
  }
}
`, typ.Name, c.listConfig),
						QueryResultChecks: []querycheck.QueryResultCheck{
							querycheck.ExpectLength(list, listed),
							querycheck.ExpectIdentity(list, identity),
							querycheck.ExpectResourceDisplayName(list, queryfilter.ByResourceIdentity(identity), c.displayName),
							querycheck.ExpectResourceKnownValues(list, queryfilter.ByResourceIdentity(identity), []querycheck.KnownValueCheck{
								{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringFunc(func(v string) error {
									if v != id {
										return fmt.Errorf("id %q, want %q", v, id)
									}
									return nil
								})},
							}),
						},
					},
				},
			})
		})
	}
}

// TestAccListResource_limit lists LINE meeting IDs in three rooms with
// limit = 1: one result, and the rooms after the first are never read.
func TestAccListResource_limit(t *testing.T) {
	emu := acctest.NewEmulator(t)
	rooms := []string{"first", "second", "third"}
	for _, r := range rooms {
		emu.LinePlanetCreate(t, "ex-service", r, map[string]any{"type": "I"})
	}
	list := managed.LineMeetingID.Name + ".some"
	acctest.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		Steps: []resource.TestStep{
			{Config: emu.ProviderConfig()},
			{
				PreConfig: func() { emu.Admin(t, http.MethodDelete, "journal", nil) },
				Query:     true,
				Config: `
list "conference_line_meeting_id" "some" {
  provider = conference
  limit    = 1
  config {
    rooms = ["ex-service/first", "ex-service/second", "ex-service/third"]
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength(list, 1),
					querycheck.ExpectIdentity(list, map[string]knownvalue.Check{
						"room_service_id": knownvalue.StringExact("ex-service"),
						"room_id":         knownvalue.StringExact("first"),
						"meeting_id":      knownvalue.NotNull(),
					}),
				},
			},
		},
	})
	if t.Failed() || t.Skipped() {
		return
	}
	for _, e := range emu.Journal(t) {
		if strings.Contains(e.Path, "/second/") || strings.Contains(e.Path, "/third/") {
			t.Errorf("the listing read %s %s after the limit was reached", e.Method, e.Path)
		}
	}
}

// TestAccListResource_filters narrows PortSIP rooms and SQMeeting meetings
// with the plural data sources' arguments: the PBX's search and OData
// filter, SQMeeting's search key.
func TestAccListResource_filters(t *testing.T) {
	emu := acctest.NewEmulator(t)
	one := func(list string) querycheck.QueryResultCheck { return querycheck.ExpectLength(list, 1) }
	acctest.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		Steps: []resource.TestStep{
			{Config: emu.Config(`
resource "conference_portsip_room" "sales" {
  extension_number = "8100"
  mode             = "AUDIO"
  subject          = "Sales call"
}
resource "conference_portsip_room" "town_hall" {
  extension_number = "8200"
  mode             = "VIDEO"
  subject          = "Town hall"
}
resource "conference_sqmeeting_meeting" "kickoff" {
  name       = "Project kick-off"
  start_time = "2030-03-22T13:00:00Z"
  end_time   = "2030-03-22T14:00:00Z"
}
resource "conference_sqmeeting_meeting" "review" {
  name       = "Design review"
  start_time = "2030-03-23T13:00:00Z"
  end_time   = "2030-03-23T14:00:00Z"
}
`)},
			{
				Query: true,
				Config: `
list "conference_portsip_room" "searched" {
  provider = conference
  config {
    search = "sales"
  }
}
list "conference_portsip_room" "filtered" {
  provider = conference
  config {
    filter = "mode eq 'VIDEO'"
  }
}
list "conference_sqmeeting_meeting" "searched" {
  provider = conference
  config {
    filter = "review"
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					one("conference_portsip_room.searched"),
					querycheck.ExpectResourceDisplayName("conference_portsip_room.searched",
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.NotNull()}), knownvalue.StringExact("sales_call")),
					one("conference_portsip_room.filtered"),
					querycheck.ExpectResourceDisplayName("conference_portsip_room.filtered",
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.NotNull()}), knownvalue.StringExact("town_hall")),
					one("conference_sqmeeting_meeting.searched"),
					querycheck.ExpectResourceDisplayName("conference_sqmeeting_meeting.searched",
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.NotNull()}), knownvalue.StringExact("design_review")),
				},
			},
		},
	})
}

// TestAccListResource_limitPages lists PortSIP servers, Whereby meetings and
// SQMeeting meetings with more objects than one page holds (250 servers,
// 100 to a page; 101 meetings each, 100 to a page, Whereby's with a cursor)
// and limit = 5: the listing stops requesting pages once it has five, so
// each list is one request.
func TestAccListResource_limitPages(t *testing.T) {
	emu := acctest.NewEmulator(t)
	for i := range 250 {
		emu.PortSIP(t, http.MethodPost, "/conference_servers", map[string]any{
			"name": fmt.Sprintf("conf-%03d", i), "ipv4": fmt.Sprintf("10.0.%d.%d", i/200, i%200+1), "max_rooms": 5, "max_participants": 50,
		}, http.StatusOK)
	}
	end := time.Now().Add(30 * 24 * time.Hour).UTC().Format(time.RFC3339)
	for range 101 {
		emu.WherebyCreate(t, map[string]any{"endDate": end})
	}
	for i := range 101 {
		emu.SQMeeting(t, http.MethodPost, "/meeting_schedule", map[string]any{
			"meeting_type": "instant", "meeting_name": fmt.Sprintf("Sync %03d", i),
		}, http.StatusOK)
	}
	servers, meetings := managed.PortSIPServer.Name+".some", managed.WherebyMeeting.Name+".some"
	sqMeetings := managed.SQMeetingMeeting.Name + ".some"
	acctest.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		Steps: []resource.TestStep{
			{Config: emu.ProviderConfig()},
			{
				PreConfig: func() { emu.Admin(t, http.MethodDelete, "journal", nil) },
				Query:     true,
				Config: fmt.Sprintf(`
list %q "some" {
  provider = conference
  limit    = 5
}
list %q "some" {
  provider = conference
  limit    = 5
}
list %q "some" {
  provider = conference
  limit    = 5
}
`, managed.PortSIPServer.Name, managed.WherebyMeeting.Name, managed.SQMeetingMeeting.Name),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength(servers, 5),
					querycheck.ExpectLength(meetings, 5),
					querycheck.ExpectLength(sqMeetings, 5),
				},
			},
		},
	})
	if t.Failed() || t.Skipped() {
		return
	}
	lists := map[string]int{}
	for _, e := range emu.Journal(t) {
		if e.Method == http.MethodGet {
			lists[e.Path]++
		}
	}
	for _, path := range []string{"/api/conference_servers", "/v1/meetings", "/api/v1/meeting_schedule"} {
		if lists[path] != 1 {
			t.Errorf("GET %s was sent %d times, want 1 (the first page holds the 5 objects wanted)", path, lists[path])
		}
	}
}
