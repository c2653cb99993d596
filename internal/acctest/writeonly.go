package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// WriteOnlyCase is a write-only twin to test (mapping.WithWriteOnly): the
// lifecycle HashiCorp's pattern promises, on a CLI that takes write-only
// arguments (Terraform, OpenTofu >= 1.11).
type WriteOnlyCase struct {
	// Addr is the resource's address.
	Addr string
	// Plain is the plain attribute's dotted path in the state: "room_pin",
	// "recording.destination.access_key_secret".
	Plain string
	// Config renders the configuration with secret, the lines that set the
	// secret ("room_pin_wo = ...", at the right place).
	Config func(secret string) string
	// Twin renders the twin's lines for value and version, e.g.
	// `room_pin_wo = "..."` and `room_pin_wo_version = 1`; PlainLine the
	// plain attribute's line for value.
	Twin      func(value string, version int) string
	PlainLine func(value string) string
	// Values are three distinct secrets: sent first, after a version bump,
	// and changed without one.
	Values [3]string
	// Holds reads the secret the platform holds for the object in s.
	Holds func(s *terraform.State) (string, error)
	// Replace: a version bump replaces the object (the platform cannot
	// update it).
	Replace bool
}

// TestWriteOnly runs c: create with the twin; no secret in the plan or the
// state, the platform holds it; a version bump sends the new secret; a new
// value with the same version plans nothing; the plain attribute and its
// twin conflict at plan time.
func TestWriteOnly(t *testing.T, c WriteOnlyCase) {
	t.Helper()
	bump := plancheck.ResourceActionUpdate
	if c.Replace {
		bump = plancheck.ResourceActionReplace
	}
	holds := func(want string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			got, err := c.Holds(s)
			if err != nil {
				return err
			}
			if got != want {
				return fmt.Errorf("the platform holds secret %q, want %q", got, want)
			}
			return nil
		}
	}
	v := c.Values
	Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		Steps: []resource.TestStep{
			{
				// Last, the destroy would plan with it: first.
				Config:      c.Config(c.Twin(v[2], 3) + "\n" + c.PlainLine(v[2])),
				PlanOnly:    true,
				ExpectError: ErrorMatching(`Invalid Attribute Combination`),
			},
			{
				Config:           c.Config(c.Twin(v[0], 1)),
				ConfigPlanChecks: ExpectAction(c.Addr, plancheck.ResourceActionCreate, NoSecretInPlan(v[:]...)),
				ConfigStateChecks: []statecheck.StateCheck{
					NoSecretInState(v[:]...),
					Attr(c.Addr, c.Plain, knownvalue.Null()),
					Attr(c.Addr, c.Plain+"_wo", knownvalue.Null()),
					Attr(c.Addr, c.Plain+"_wo_version", knownvalue.Int64Exact(1)),
				},
				Check: holds(v[0]),
			},
			{
				Config:            c.Config(c.Twin(v[1], 2)),
				ConfigPlanChecks:  ExpectAction(c.Addr, bump, NoSecretInPlan(v[:]...)),
				ConfigStateChecks: []statecheck.StateCheck{NoSecretInState(v[:]...), Attr(c.Addr, c.Plain+"_wo_version", knownvalue.Int64Exact(2))},
				Check:             holds(v[1]),
			},
			{
				// A new value under the same version is not a change.
				Config:           c.Config(c.Twin(v[2], 2)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan(), NoSecretInPlan(v[:]...)}},
				Check:            holds(v[1]),
			},
		},
	})
}

// TestWriteOnlyOnOldCLI checks that a CLI without write-only arguments
// (Terraform < 1.11) fails the twin at plan time with a message that names
// the versions needed and the plain attribute to use instead.
func TestWriteOnlyOnOldCLI(t *testing.T, c WriteOnlyCase) {
	t.Helper()
	plain := c.Plain[strings.LastIndex(c.Plain, ".")+1:]
	Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipAbove(tfversion.Version1_10_0)},
		Steps: []resource.TestStep{{
			Config:      c.Config(c.Twin(c.Values[0], 1)),
			PlanOnly:    true,
			ExpectError: ErrorMatching(`needs Terraform >= 1.11 or OpenTofu >= 1.11. This CLI is older. Upgrade it, or set ` + plain + ` instead`),
		}},
	})
}

// NoSecretInPlan fails when the plan, as `show -json` prints a saved plan
// file (sensitive values included), holds any of secrets in its values:
// the planned values, the changes, the prior state. The configuration the
// plan file carries is left out: a secret written literally in a .tf file is
// there, as it is in the file; the guide feeds twins from ephemeral values.
func NoSecretInPlan(secrets ...string) plancheck.PlanCheck { return noSecretInPlan(secrets) }

type noSecretInPlan []string

func (n noSecretInPlan) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	p := *req.Plan
	p.Config = nil
	resp.Error = findSecrets("plan", &p, n)
}

// NoSecretInState fails when the state, as `show -json` prints it
// (sensitive values included), holds any of secrets.
func NoSecretInState(secrets ...string) statecheck.StateCheck { return noSecretInState(secrets) }

type noSecretInState []string

func (n noSecretInState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = findSecrets("state", req.State, n)
}

func findSecrets(what string, v any, secrets []string) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	for _, s := range secrets {
		if strings.Contains(string(b), s) {
			return fmt.Errorf("the %s holds the secret %q", what, s)
		}
	}
	return nil
}
