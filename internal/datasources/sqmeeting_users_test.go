package datasources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
)

// The user search reads every page (the client asks 100 at a time) and
// passes the API's filter.
func TestAccSQMeetingUsersDataSource(t *testing.T) {
	users := make([]sqmeeting.User, 0, 130)
	var names []string
	for i := range 130 {
		u := sqmeeting.User{Username: fmt.Sprintf("user%03d", i), Password: "x", RealName: fmt.Sprintf("User %d", i)}
		users = append(users, u)
		names = append(names, u.Username)
	}
	emu := acctest.NewEmulatorWith(t, emulator.Options{SQMeeting: sqmeeting.Options{Users: users}})
	const all, some = "data.conference_sqmeeting_users.all", "data.conference_sqmeeting_users.some"
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_sqmeeting_users" "all" {}
data "conference_sqmeeting_users" "some" {
  filter = "user12"
}
`),
		ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
		Check: resource.ComposeAggregateTestCheckFunc(
			acctest.CheckListValues(all, "users", "username", append(names, "admin")),
			acctest.CheckListValues(some, "users", "username", names[120:130]),
			resource.TestCheckResourceAttr(some, "users.0.real_name", "User 120"),
			resource.TestCheckResourceAttrSet(some, "users.0.id"),
		),
	})
}
