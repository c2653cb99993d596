package provider_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

const room = `
resource "conference_portsip_room" "r" {
  extension_number = "8100"
  mode             = "AUDIO"
  subject          = "Env"
}
`

// clearEnv makes sure the machine's environment cannot configure a platform
// behind the test's back.
// clearEnv hides every platform variable the machine may set, so that a
// test sees only the configuration it writes.
func clearEnv(t *testing.T) {
	for _, pl := range platforms.All {
		for _, s := range pl.Settings {
			t.Setenv(s.Env, "")
		}
	}
}

func TestAccProvider_unconfiguredPlatformNamesBlockAndVariables(t *testing.T) {
	clearEnv(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      `provider "conference" {}` + room,
			ExpectError: regexp.MustCompile(`(?s)PortSIP is not configured.*"portsip".*PORTSIP_ENDPOINT.*PORTSIP_TOKEN.*PORTSIP_USERNAME.*PORTSIP_PASSWORD`),
		}},
	})
}

func TestAccProvider_configuredFromEnvironment(t *testing.T) {
	clearEnv(t)
	emu := acctest.NewEmulator(t)
	t.Setenv("PORTSIP_ENDPOINT", emu.URL)
	t.Setenv("PORTSIP_USERNAME", portsip.DefaultUsername)
	t.Setenv("PORTSIP_PASSWORD", portsip.DefaultPassword)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `provider "conference" {}` + room,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("conference_portsip_room.r", tfjsonpath.New("subject"), knownvalue.StringExact("Env")),
			},
		}},
	})
}

func TestAccProvider_wrongPasswordIsAClearError(t *testing.T) {
	clearEnv(t)
	emu := acctest.NewEmulator(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "conference" {
  portsip {
    endpoint = "` + emu.URL + `"
    username = "admin"
    password = "not-the-password"
  }
}` + room,
			ExpectError: regexp.MustCompile(`(?s)PortSIP refused the credentials: UNAUTHORIZED.*HTTP 401.*portsip\.password`),
		}},
	})
}

func TestAccProvider_configurationErrors(t *testing.T) {
	clearEnv(t)
	cases := []struct{ cfg, want string }{
		{`provider "conference" {
  portsip {
    endpoint = "https://pbx.example.com"
    username = "admin"
  }
}`, `(?s)Missing PortSIP token, or username and password.*portsip.password.*PORTSIP_PASSWORD`},
		{`provider "conference" {
  portsip {
    username = "admin"
    password = "x"
  }
}`, `(?s)Missing PortSIP endpoint.*PORTSIP_ENDPOINT`},
		{`provider "conference" {
  portsip {
    endpoint = "pbx.example.com"
    token    = "t"
  }
}`, `(?s)The PortSIP endpoint "pbx.example.com" has no scheme.*portsip.endpoint or PORTSIP_ENDPOINT`},
		{`provider "conference" {
  portsip {
    endpoint = "https://pbx.example.com"
    token    = "t"
    username = "admin"
  }
}`, `portsip.username" cannot be specified when "portsip.token" is`},
		{`provider "conference" {
  max_retries = 50
}`, `(?s)max_retries.*must be between 0 and 20`},
		{`provider "conference" {
  request_timeout = "soon"
}`, `request_timeout must be a positive duration`},
		{`provider "conference" {
  line_planet {
    endpoint = "https://planet.example.com"
    api_key  = "k"
  }
}
resource "conference_line_meeting_id" "m" {
  room_service_id = "ex-service"
  room_id         = "ex-room"
}`, `(?s)Missing LINE Planet API secret.*LINE_PLANET_API_SECRET`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		cfg := c.cfg
		if !strings.Contains(cfg, "resource") {
			cfg += room
		}
		steps = append(steps, resource.TestStep{Config: cfg, PlanOnly: true, ExpectError: regexp.MustCompile(c.want)})
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
}
