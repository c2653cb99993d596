package datasources_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

func TestAccSQMeetingSystemDataSource(t *testing.T) {
	emu := acctest.NewEmulator(t)
	const addr = "data.conference_sqmeeting_system.test"
	acctest.Test(t, resource.TestStep{
		Config:           emu.Config(`data "conference_sqmeeting_system" "test" {}`),
		ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.Attr(addr, "version", knownvalue.StringExact(sqmeeting.DefaultVersion)),
			acctest.Attr(addr, "status", knownvalue.StringExact("authorized")),
			acctest.Attr(addr, "max_calls", knownvalue.Int64Exact(1000)),
			acctest.Attr(addr, "current_calls", knownvalue.Int64Exact(0)),
			// The administrator and the three seeded invitees.
			acctest.Attr(addr, "current_users", knownvalue.Int64Exact(4)),
			acctest.Attr(addr, "gateway_max_calls", knownvalue.Int64Exact(20)),
		},
	})
}
