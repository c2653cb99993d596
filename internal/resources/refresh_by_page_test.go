package resources_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// TestAccRefreshByThePage: a no-op plan of 250 PortSIP servers and 250
// Whereby meetings reads each type by the page (client.Listing): at most
// twice ceil(250/100) requests per type and command, the Listing's bound,
// besides PortSIP's sign-in, instead of a GET per object, and writes
// nothing. (Usually the pages and one GET: a read that comes alone, before
// the next page is asked for, sends its own GET, which the bound counts; how
// many do depends on how the CLI schedules the reads, so the test holds the
// bound, not the usual figure.) A server deleted
// behind Terraform's back is still planned for re-creation.
func TestAccRefreshByThePage(t *testing.T) {
	const n = 250
	emu := acctest.NewEmulator(t)
	end := time.Now().UTC().AddDate(1, 0, 0).Truncate(time.Hour).Format(time.RFC3339)
	config := acctest.ProviderBlock("", emu.URL, map[string]platforms.Values{"whereby": {"points_per_minute": "1000000"}}) + fmt.Sprintf(`
resource "conference_portsip_server" "many" {
  count            = %[1]d
  name             = "page-${count.index}"
  ipv4             = "198.51.${floor(count.index / 250)}.${count.index %% 250}"
  max_rooms        = 10
  max_participants = 100
}

resource "conference_whereby_meeting" "many" {
  count            = %[1]d
  end_date         = %[2]q
  room_name_prefix = "page-${count.index}-"
}
`, n, end)
	pages := (n + 99) / 100
	const goneAddr = "conference_portsip_server.many[117]"
	var gone string
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) (err error) {
					gone, err = acctest.StateAttr(s, "conference_portsip_server.many.117", "id")
					return err
				},
			},
			{
				PreConfig: func() { emu.Admin(t, http.MethodDelete, "journal", nil) },
				Config:    config,
				PlanOnly:  true,
			},
			{
				PreConfig: func() {
					var signIns, portsip, wb, writes int
					for _, e := range emu.Journal(t) {
						switch {
						case e.Path == "/api/auth/sign_in":
							signIns++
						case e.Method != http.MethodGet:
							writes++
						case strings.HasPrefix(e.Path, "/api/"):
							portsip++
						case strings.HasPrefix(e.Path, "/v1/"):
							wb++
						}
					}
					// Each command signs in to the PBX once.
					if signIns == 0 || writes != 0 || portsip > signIns*2*pages || wb > signIns*2*pages {
						t.Errorf("%d no-op plan commands of %d servers and %d meetings sent %d PortSIP GETs, %d Whereby GETs and %d writes; want at most %d GETs of each per command and no write",
							signIns, n, n, portsip, wb, writes, 2*pages)
					}
					t.Logf("%d commands: %d sign-ins, %d PortSIP GETs, %d Whereby GETs", signIns, signIns, portsip, wb)
				},
				Config:   config,
				PlanOnly: true,
			},
			{
				PreConfig: func() {
					emu.PortSIP(t, http.MethodPost, "/conference_servers/"+gone+"/destroy", nil, http.StatusNoContent, http.StatusOK)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(goneAddr, plancheck.ResourceActionCreate)},
				},
			},
		},
	})
}
