package resources_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	emuportsip "github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

// portsipPINCases are the write-only twins of a room's and a meeting's PINs.
func portsipPINCases(emu *acctest.Emulator) []acctest.WriteOnlyCase {
	var cases []acctest.WriteOnlyCase
	for _, pin := range []string{"room_pin", "admin_pin"} {
		pick := func(c emuportsip.Conference) string {
			if pin == "room_pin" {
				return c.RoomPIN
			}
			return c.AdminPIN
		}
		twin := func(v string, version int) string {
			return fmt.Sprintf("  %s_wo = %q\n  %s_wo_version = %d\n", pin, v, pin, version)
		}
		plain := func(v string) string { return fmt.Sprintf("  %s = %q\n", pin, v) }
		values := [3]string{"863041", "592817", "740365"}
		cases = append(cases,
			acctest.WriteOnlyCase{
				Addr: roomAddr, Plain: pin, Twin: twin, PlainLine: plain, Values: values,
				Config: func(secret string) string {
					return emu.Config(`
resource "conference_portsip_room" "test" {
  extension_number = "8400"
  mode             = "AUDIO"
  subject          = "Board"
` + secret + `}`)
				},
				Holds: func(s *terraform.State) (string, error) {
					r, ok := emu.PortSIPAPI().Room(s.RootModule().Resources[roomAddr].Primary.ID)
					if !ok {
						return "", fmt.Errorf("no room")
					}
					return pick(r.Conference), nil
				},
			},
			acctest.WriteOnlyCase{
				Addr: meetingAddr, Plain: pin, Twin: twin, PlainLine: plain, Values: values,
				Config: func(secret string) string {
					return aliceMeeting(emu, `
  mode     = "AUDIO"
  subject  = "Board"
  timezone = "Europe/Berlin"
`+secret)
				},
				Holds: func(s *terraform.State) (string, error) {
					m, ok := emu.PortSIPAPI().Meeting(s.RootModule().Resources[meetingAddr].Primary.ID)
					if !ok {
						return "", fmt.Errorf("no meeting")
					}
					return pick(m.Conference), nil
				},
			})
	}
	return cases
}

func TestAccPortSIPWriteOnlyPINs(t *testing.T) {
	for i := range 4 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			emu := acctest.NewEmulator(t)
			acctest.TestWriteOnly(t, portsipPINCases(emu)[i])
		})
	}
}

func TestAccPortSIPWriteOnlyPINs_oldCLI(t *testing.T) {
	for i := range 4 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			emu := acctest.NewEmulator(t)
			acctest.TestWriteOnlyOnOldCLI(t, portsipPINCases(emu)[i])
		})
	}
}

// The guide's pattern: an ephemeral variable (Terraform >= 1.10, OpenTofu
// >= 1.11), set from a secrets manager, feeds the twin; neither the state
// nor the saved plan (its configuration included) holds the PIN.
func TestAccPortSIPWriteOnlyPINs_ephemeralVariable(t *testing.T) {
	emu := acctest.NewEmulator(t)
	const pin = "864209"
	acctest.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		Steps: []resource.TestStep{{
			Config: emu.Config(`
variable "room_pin" {
  type      = string
  ephemeral = true
  sensitive = true
}

resource "conference_portsip_room" "test" {
  extension_number    = "8401"
  mode                = "AUDIO"
  subject             = "Board"
  room_pin_wo         = var.room_pin
  room_pin_wo_version = 1
}`),
			ConfigVariables: config.Variables{"room_pin": config.StringVariable(pin)},
			ConfigPlanChecks: acctest.ExpectAction(roomAddr, plancheck.ResourceActionCreate, acctest.NoSecretInPlan(pin),
				planFileHoldsNo(pin)),
			ConfigStateChecks: []statecheck.StateCheck{acctest.NoSecretInState(pin)},
			Check: func(s *terraform.State) error {
				r, _ := emu.PortSIPAPI().Room(s.RootModule().Resources[roomAddr].Primary.ID)
				if r.RoomPIN != pin {
					return fmt.Errorf("the PBX holds room PIN %q, want %q", r.RoomPIN, pin)
				}
				return nil
			},
		}},
	})
}

// planFileHoldsNo fails when the saved plan, configuration included, holds
// secret.
func planFileHoldsNo(secret string) plancheck.PlanCheck { return planFileCheck(secret) }

type planFileCheck string

func (p planFileCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	b, err := json.Marshal(req.Plan)
	if err == nil && strings.Contains(string(b), string(p)) {
		err = fmt.Errorf("the saved plan holds %q", string(p))
	}
	resp.Error = err
}
