package resources_test

import (
	"fmt"
	"net"
	"net/http"
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
)

const serverAddr = "conference_portsip_server.test"

func serverConfig(name, extra string, maxRooms int) string {
	return fmt.Sprintf(`
resource "conference_portsip_server" "test" {
  name             = %q
  max_rooms        = %d
  max_participants = 100
  %s
}
`, name, maxRooms, extra)
}

func TestAccPortSIPServer_lifecycle(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, []resource.TestStep{
		{
			// Minimal arguments: the PBX fills in type and enabled.
			Config:           emu.Config(serverConfig("east", `ipv4 = "192.0.2.10"`, 10)),
			ConfigPlanChecks: acctest.ExpectAction(serverAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(serverAddr, "id", knownvalue.NotNull()),
				acctest.Attr(serverAddr, "type", knownvalue.StringExact("EXTERNAL")),
				acctest.Attr(serverAddr, "enabled", knownvalue.Bool(true)),
				acctest.Attr(serverAddr, "ipv4", knownvalue.StringExact("192.0.2.10")),
				acctest.Attr(serverAddr, "ipv6", knownvalue.Null()),
				acctest.Attr(serverAddr, "max_rooms", knownvalue.Int64Exact(10)),
			},
		},
		{
			// enabled and the limits change in place.
			Config:           emu.Config(serverConfig("east", `ipv4 = "192.0.2.10"`+"\n  enabled = false", 25)),
			ConfigPlanChecks: acctest.ExpectAction(serverAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(serverAddr, "enabled", knownvalue.Bool(false)),
				acctest.Attr(serverAddr, "max_rooms", knownvalue.Int64Exact(25)),
			},
		},
		{
			ResourceName:      serverAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		{
			// The update API has no name: a new name is a new server.
			Config:           emu.Config(serverConfig("east-2", `ipv4 = "192.0.2.10"`+"\n  enabled = false", 25)),
			ConfigPlanChecks: acctest.ExpectAction(serverAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(serverAddr, "name", knownvalue.StringExact("east-2")),
			},
		},
		{
			// Nor addresses: adding an IPv6 address replaces it too.
			Config:           emu.Config(serverConfig("east-2", `ipv4 = "192.0.2.10"`+"\n  ipv6 = \"2001:db8::10\"\n  enabled = false", 25)),
			ConfigPlanChecks: acctest.ExpectAction(serverAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(serverAddr, "ipv6", knownvalue.StringExact("2001:db8::10")),
			},
		},
	}...)
}

func TestAccPortSIPServer_ipv6Only(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, []resource.TestStep{{
		Config:           emu.Config(serverConfig("v6", `ipv6 = "2001:db8::20"`, 1)),
		ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.Attr(serverAddr, "ipv4", knownvalue.Null()),
			acctest.Attr(serverAddr, "ipv6", knownvalue.StringExact("2001:db8::20")),
		},
	}}...)
}

func TestAccPortSIPServer_drift(t *testing.T) {
	emu := acctest.NewEmulator(t)
	cfg := emu.Config(serverConfig("drifty", `ipv4 = "192.0.2.30"`, 5))
	var id string
	acctest.Test(t, []resource.TestStep{
		{
			Config:           cfg,
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			Check: func(s *terraform.State) error {
				id = s.RootModule().Resources[serverAddr].Primary.ID
				return nil
			},
		},
		{
			// Someone disables the server and lowers its limit in the PBX's UI.
			PreConfig: func() {
				emu.PortSIP(t, http.MethodPost, "/conference_servers/"+id,
					map[string]any{"enabled": false, "max_rooms": 1}, http.StatusOK, http.StatusNoContent)
			},
			Config: cfg,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(serverAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(serverAddr, tfjsonpath.New("max_rooms"), knownvalue.Int64Exact(5)),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(serverAddr, "enabled", knownvalue.Bool(true)),
				acctest.Attr(serverAddr, "max_rooms", knownvalue.Int64Exact(5)),
			},
		},
		{
			// Someone deletes it: the next plan creates it again.
			PreConfig: func() {
				emu.PortSIP(t, http.MethodPost, "/conference_servers/"+id+"/destroy", nil, http.StatusNoContent, http.StatusOK)
			},
			Config:           cfg,
			ConfigPlanChecks: acctest.ExpectAction(serverAddr, plancheck.ResourceActionCreate),
		},
	}...)
}

func TestAccPortSIPServer_planTimeErrors(t *testing.T) {
	emu := acctest.NewEmulator(t)
	steps := []resource.TestStep{}
	for _, tc := range []struct {
		cfg  string
		want string
	}{
		{serverConfig("noaddr", "", 1), `(?s)At least one of these attributes must be configured:.*ipv4.*ipv6`},
		{serverConfig("badv4", `ipv4 = "300.1.2.3"`, 1), `ipv4 must be an IPv4 address`},
		{serverConfig("badv6", `ipv6 = "192.0.2.1"`, 1), `ipv6 must be an IPv6 address`},
		{serverConfig("", `ipv4 = "192.0.2.1"`, 1), `(?s)name.*string length must be between 1 and 64`},
		{serverConfig("neg", `ipv4 = "192.0.2.1"`, -1), `(?s)max_rooms.*must be between 0 and 2147483647`},
	} {
		steps = append(steps, resource.TestStep{
			Config:      emu.Config(tc.cfg),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(tc.want),
		})
	}
	acctest.Test(t, steps...)
	// Bad input never reached the API.
	emu.PortSIP(t, http.MethodGet, "/conference_servers", nil, http.StatusOK)
	for _, e := range emu.JournalEntries() {
		if e.Method == http.MethodPost && e.Path == "/api/conference_servers" {
			t.Fatalf("a create reached the API: %+v", e)
		}
	}
}

func TestAccPortSIPServer_rateLimitedCreateIsRetried(t *testing.T) {
	emu := acctest.NewEmulator(t)
	// The PBX answers the first two creates with 429 and Retry-After: 1.
	emu.Admin(t, http.MethodPost, "faults", map[string]any{
		"method": "POST", "path_prefix": "/api/conference_servers", "status": 429, "retry_after": 1, "count": 2,
	})
	acctest.Test(t, []resource.TestStep{{
		Config:           emu.Config(serverConfig("limited", `ipv4 = "192.0.2.40"`, 1)),
		ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.Attr(serverAddr, "name", knownvalue.StringExact("limited")),
		},
	}}...)
	creates, faulted := 0, 0
	for _, e := range emu.JournalEntries() {
		if e.Method == http.MethodPost && e.Path == "/api/conference_servers" {
			creates++
			if e.Fault {
				faulted++
			}
		}
	}
	if creates != 3 || faulted != 2 {
		t.Fatalf("creates = %d (faulted %d), want 3 with 2 rate-limited: one server, no duplicates", creates, faulted)
	}
}

func TestAccPortSIPServer_createTimeout(t *testing.T) {
	emu := acctest.NewEmulator(t)
	// The PBX hangs for 5 s on creates; the user allows 1 s for the whole create.
	emu.Admin(t, http.MethodPost, "faults", map[string]any{
		"method": "POST", "path_prefix": "/api/conference_servers", "latency_ms": 5000,
	})
	acctest.Test(t, []resource.TestStep{{
		Config:      emu.Config(serverConfig("slow", `ipv4 = "192.0.2.50"`+"\n  timeouts = { create = \"1s\" }", 1)),
		ExpectError: regexp.MustCompile(`(?s)Timed out creating PortSIP conference server.*context deadline exceeded`),
	}}...)
}

// deadEndpoint is the URL of a port where nothing listens (yet).
func deadEndpoint(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr
}

// A PBX that is not running: the apply says so (not that PortSIP rejected
// anything), after retrying.
func TestAccPortSIPServer_unreachable(t *testing.T) {
	url := deadEndpoint(t)
	acctest.Test(t, []resource.TestStep{{
		Config:      acctest.ProviderBlock("", url, nil) + serverConfig("nowhere", `ipv4 = "192.0.2.60"`, 1),
		ExpectError: regexp.MustCompile(`(?s)PortSIP could not be reached.*While creating conference server.*after 4 tries.*connection refused`),
	}}...)
}

// A PBX that comes up while the provider retries: a request that never
// reached it is repeated, a create included, and makes one server.
func TestAccPortSIPServer_endpointComesUp(t *testing.T) {
	url := deadEndpoint(t)
	emu := acctest.NewEmulator(t)
	up := time.AfterFunc(700*time.Millisecond, func() {
		ln, err := net.Listen("tcp", strings.TrimPrefix(url, "http://"))
		if err != nil {
			return // the port was taken meanwhile: the apply fails and says why
		}
		srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
		t.Cleanup(func() { srv.Close() })
		go func() { _ = srv.Serve(ln) }()
	})
	t.Cleanup(func() { up.Stop() })
	acctest.Test(t, []resource.TestStep{{
		Config: acctest.ProviderBlock("", url, nil) + serverConfig("late", `ipv4 = "192.0.2.61"`, 1),
		Check: func(*terraform.State) error {
			creates := 0
			for _, e := range emu.JournalEntries() {
				if e.Method == http.MethodPost && e.Path == "/api/conference_servers" {
					creates++
				}
			}
			if creates != 1 {
				return fmt.Errorf("creates = %d, want 1", creates)
			}
			return nil
		},
	}}...)
}
