package resources_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

const userAddr = "conference_sqmeeting_user.test"

// writeOnlyCLIs: write-only arguments need Terraform or OpenTofu 1.11.
var writeOnlyCLIs = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)}

func userConfig(username, extra string) string {
	return fmt.Sprintf(`
resource "conference_sqmeeting_user" "test" {
  username = %q
%s
}`, username, extra)
}

// userInfo signs in as username with password and returns what SQMeeting
// says of the user: signing in proves the password.
func userInfo(t *testing.T, emu *acctest.Emulator, username, password string) sqmeeting.UserInfo {
	t.Helper()
	var info sqmeeting.UserInfo
	if err := json.Unmarshal(emu.SQMeetingAs(t, username, password, http.MethodGet, "/user/info", nil, http.StatusOK), &info); err != nil {
		t.Fatal(err)
	}
	return info
}

// emulatedUser is the user named username as the public search lists it,
// or "" when there is none.
func emulatedUser(t *testing.T, emu *acctest.Emulator, username string) string {
	t.Helper()
	var out sqmeeting.PublicUsers
	if err := json.Unmarshal(emu.SQMeeting(t, http.MethodGet, "/user/public/users?filter="+username, nil, http.StatusOK), &out); err != nil {
		t.Fatal(err)
	}
	for _, u := range out.Users {
		if u.Username == username {
			return u.UserID
		}
	}
	return ""
}

func TestAccSQMeetingUser_lifecycle(t *testing.T) {
	emu := acctest.NewEmulator(t)
	id := acctest.SameAcrossSteps()
	full := userConfig("dave", `
  real_name           = "Dave Example"
  email               = "dave@example.com"
  department          = "Ops"
  mobile              = "+15550100"
  role                = "MeetingOperator"
  password_wo         = "first-password"
  password_wo_version = 1`)
	acctest.Run(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLIs,
		CheckDestroy: func(*terraform.State) error {
			// SQMeeting cannot delete a user: both stay on the server.
			for _, name := range []string{"dave", "dave2"} {
				if emulatedUser(t, emu, name) == "" {
					return fmt.Errorf("user %s is gone from the server, which has no delete call", name)
				}
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config:           emu.Config(full),
				ConfigPlanChecks: acctest.ExpectAction(userAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					id.AddStateValue(userAddr, acctest.Path("id")),
					acctest.Attr(userAddr, "real_name", knownvalue.StringExact("Dave Example")),
					acctest.Attr(userAddr, "role", knownvalue.StringExact("MeetingOperator")),
					// Write-only: never in state.
					acctest.Attr(userAddr, "password_wo", knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					info := userInfo(t, emu, "dave", "first-password")
					if info.Email != "dave@example.com" || info.Department != "Ops" || info.Mobile != "+15550100" || info.Role[0] != "MeetingOperator" {
						return fmt.Errorf("SQMeeting holds %+v", info)
					}
					return nil
				},
			},
			{
				// In place: the other arguments; the new password is not sent
				// while the version stays.
				Config: emu.Config(strings.NewReplacer(`"Dave Example"`, `"David Example"`, `"Ops"`, `"Sales"`,
					`"MeetingOperator"`, `"Normal"`, `"first-password"`, `"second-password"`, "  email               = \"dave@example.com\"\n", "").Replace(full)),
				ConfigPlanChecks: acctest.ExpectAction(userAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					id.AddStateValue(userAddr, acctest.Path("id")),
					acctest.Attr(userAddr, "email", knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					info := userInfo(t, emu, "dave", "first-password")
					if info.RealName != "David Example" || info.Email != "" || info.Department != "Sales" || info.Role[0] != "Normal" {
						return fmt.Errorf("SQMeeting holds %+v", info)
					}
					return nil
				},
			},
			{
				// A new version sends the password.
				Config: emu.Config(strings.NewReplacer(`"Dave Example"`, `"David Example"`, `"Ops"`, `"Sales"`,
					`"MeetingOperator"`, `"Normal"`, `"first-password"`, `"second-password"`, "  email               = \"dave@example.com\"\n", "",
					"password_wo_version = 1", "password_wo_version = 2").Replace(full)),
				ConfigPlanChecks: acctest.ExpectAction(userAddr, plancheck.ResourceActionUpdate),
				Check: func(*terraform.State) error {
					userInfo(t, emu, "dave", "second-password")
					return nil
				},
			},
			{
				// Drift: SQMeeting's search shows the real name.
				PreConfig: func() {
					emu.SQMeeting(t, http.MethodPost, "/user/users/"+emulatedUser(t, emu, "dave"), map[string]any{"real_name": "Changed"}, http.StatusOK)
				},
				Config: emu.Config(strings.NewReplacer(`"Dave Example"`, `"David Example"`, `"Ops"`, `"Sales"`,
					`"MeetingOperator"`, `"Normal"`, `"first-password"`, `"second-password"`, "  email               = \"dave@example.com\"\n", "",
					"password_wo_version = 1", "password_wo_version = 2").Replace(full)),
				ConfigPlanChecks: acctest.ExpectAction(userAddr, plancheck.ResourceActionUpdate),
				Check: func(*terraform.State) error {
					if info := userInfo(t, emu, "dave", "second-password"); info.RealName != "David Example" {
						return fmt.Errorf("the apply did not restore the real name: %+v", info)
					}
					return nil
				},
			},
			{
				ResourceName: userAddr, ImportState: true, ImportStateVerify: true,
				// SQMeeting's search returns none of these.
				ImportStateVerifyIgnore: []string{"department", "mobile", "role", "password_wo_version"},
			},
			{
				ResourceName: userAddr, ImportState: true, ImportStateVerify: true, ImportStateId: "dave",
				ImportStateVerifyIgnore: []string{"department", "mobile", "role", "password_wo_version"},
			},
			{
				// Another username is another user.
				Config:           emu.Config(userConfig("dave2", `  password_wo = "p"`+"\n  password_wo_version = 1")),
				ConfigPlanChecks: acctest.ExpectAction(userAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.Attr(userAddr, "role", knownvalue.StringExact("Normal")),
					acctest.Attr(userAddr, "real_name", knownvalue.Null()),
				},
			},
		},
	})
}

// An imported user has nothing in state but what the search gives: a
// configuration that sets no more plans nothing, and one that does sends it.
func TestAccSQMeetingUser_importExisting(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Run(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLIs,
		Steps: []resource.TestStep{
			{
				Config:             emu.Config(userConfig("carol", `  real_name = "Carol Example"`)),
				ImportState:        true,
				ResourceName:       userAddr,
				ImportStateId:      "carol",
				ImportStatePersist: true,
				ImportStateCheck: func(s []*terraform.InstanceState) error {
					if len(s) != 1 || s[0].ID != emulatedUser(t, emu, "carol") || s[0].Attributes["username"] != "carol" {
						return fmt.Errorf("imported %+v", s)
					}
					return nil
				},
			},
			{
				Config:   emu.Config(userConfig("carol", `  real_name = "Carol Example"`)),
				PlanOnly: true,
			},
			{
				Config:           emu.Config(userConfig("carol", `  real_name = "Carol Example"`+"\n  department = \"Field\"")),
				ConfigPlanChecks: acctest.ExpectAction(userAddr, plancheck.ResourceActionUpdate),
				Check: func(*terraform.State) error {
					if info := userInfo(t, emu, "carol", "carol-password"); info.Department != "Field" || info.Role[0] != "MeetingOperator" {
						return fmt.Errorf("SQMeeting holds %+v", info)
					}
					return nil
				},
			},
		},
	})
}

func TestAccSQMeetingUser_planErrors(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Run(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLIs,
		Steps: []resource.TestStep{
			{Config: emu.Config(userConfig("x", `  role = "Root"`+"\n  password_wo = \"p\"\n  password_wo_version = 1")), PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)role.*Normal.*MeetingOperator.*SystemAdmin`)},
			{Config: emu.Config(userConfig("", `  password_wo = "p"`+"\n  password_wo_version = 1")), PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)username.*at least 1`)},
			{Config: emu.Config(userConfig("x", "")), PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)password_wo is required to create an SQMeeting user.*import`)},
			{Config: emu.Config(userConfig("x", "  password_wo_version = 1")), PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)password_wo.*must be specified.*password_wo_version`)},
			{Config: emu.Config(userConfig("x", `  password_wo = ""`+"\n  password_wo_version = 1")), PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)password_wo.*at least 1`)},
		},
	})
}

// A user another administrator created: a clear error with the import
// command, and nothing created.
func TestAccSQMeetingUser_usernameTaken(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Run(t, resource.TestCase{
		TerraformVersionChecks: writeOnlyCLIs,
		Steps: []resource.TestStep{{
			Config: emu.Config(userConfig("alice", `  password_wo = "p"`+"\n  password_wo_version = 1")),
			ExpectError: regexp.MustCompile(`(?s)SQMeeting user "alice" exists already.*` + emulatedUser(t, emu, "alice") +
				`.*terraform import conference_sqmeeting_user.<name> alice`),
		}},
	})
}

// A create whose answer is lost: the user is found by its username and
// adopted, and the create is not repeated.
func TestAccSQMeetingUser_lostCreate(t *testing.T) {
	for _, lost := range lostAnswers {
		t.Run(fmt.Sprint(lost), func(t *testing.T) {
			emu := acctest.NewEmulator(t)
			const path = "/api/v1/user/users"
			fault := map[string]any{"method": "POST", "path_prefix": path, "after_write": true, "count": 1}
			for k, v := range lost {
				fault[k] = v
			}
			emu.Admin(t, http.MethodPost, "faults", fault)
			acctest.Run(t, resource.TestCase{
				TerraformVersionChecks: writeOnlyCLIs,
				Steps: []resource.TestStep{{
					Config:           emu.Config(userConfig("adopted", `  password_wo = "adopted-password"`+"\n  password_wo_version = 1")),
					ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
					Check: func(s *terraform.State) error {
						id, err := acctest.StateAttr(s, userAddr, "id")
						if err != nil {
							return err
						}
						if made := emu.Objects(t)["conference_sqmeeting_user"]; !slices.Equal(made, []string{id}) {
							return fmt.Errorf("the emulator made %v, want only %s, the one in state", made, id)
						}
						return createsServed(emu, path, 1)
					},
				}},
			})
		})
	}
}
