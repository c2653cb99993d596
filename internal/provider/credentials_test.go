package provider_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// These tests set environment variables, so they run one at a time
// (resource.Test, not acctest.Test, which is parallel).

func runSerial(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
}

// An alias that signs in as its own user does so even when the environment
// holds an admin's token: a block that sets credentials takes none from the
// environment.
func TestAccCredentials_aliasUserWinsOverEnvironmentToken(t *testing.T) {
	clearEnv(t)
	emu := acctest.NewEmulator(t)
	adminToken := strings.TrimPrefix(emu.PortSIPSignIn(t, portsip.DefaultUsername, portsip.DefaultPassword).Get("Authorization"), "Bearer ")
	t.Setenv("PORTSIP_TOKEN", adminToken)
	var id string
	runSerial(t, resource.TestStep{
		Config: emu.PortSIPUser("alice", portsip.AliceUsername, portsip.AlicePassword) + `
resource "conference_portsip_meeting" "m" {
  provider = conference.alice
  mode     = "AUDIO"
  subject  = "Alice's"
  timezone = "UTC"
}`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("conference_portsip_meeting.m", tfjsonpath.New("subject"), knownvalue.StringExact("Alice's")),
		},
		Check: func(s *terraform.State) (err error) {
			id, err = acctest.StateAttr(s, "conference_portsip_meeting.m", "id")
			if err != nil {
				return err
			}
			// The PBX shows a user's meetings to that user alone.
			alice := emu.PortSIPSignIn(t, portsip.AliceUsername, portsip.AlicePassword)
			emu.Call(t, http.MethodGet, "/api/user/meetings/"+id, alice, nil, http.StatusOK)
			admin := http.Header{"Authorization": {"Bearer " + adminToken}}
			emu.Call(t, http.MethodGet, "/api/user/meetings/"+id, admin, nil, http.StatusNotFound)
			return nil
		},
	})
}

// A half-set environment of platforms the configuration does not use harms
// nothing.
func TestAccCredentials_halfSetEnvironmentOfUnusedPlatforms(t *testing.T) {
	clearEnv(t)
	emu := acctest.NewEmulator(t)
	t.Setenv("PORTSIP_ENDPOINT", emu.URL)
	t.Setenv("PORTSIP_PASSWORD", portsip.DefaultPassword)
	t.Setenv("SQMEETING_ENDPOINT", emu.URL)
	t.Setenv("SQMEETING_USERNAME", "admin")
	t.Setenv("LINE_PLANET_ENDPOINT", emu.URL)
	t.Setenv("LINE_PLANET_API_KEY", emulator.DefaultCredential(&platforms.LinePlanet, "api_key"))
	runSerial(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "conference" {
  whereby {
    endpoint = %q
    api_key  = %q
  }
}

resource "conference_whereby_meeting" "w" {
  end_date = "2099-01-01T00:00:00Z"
}`, emu.URL, emulator.DefaultCredential(&platforms.Whereby, "api_key")),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("conference_whereby_meeting.w", tfjsonpath.New("id"), knownvalue.NotNull()),
		},
	})
	// A platform that nothing uses is sent nothing.
	for _, e := range emu.Journal(t) {
		if !strings.HasPrefix(e.Path, "/v1/") {
			t.Errorf("%s %s was sent, though only Whereby is used", e.Method, e.Path)
		}
	}
}

func TestAccCredentials_aliasOfOnePlatformWithHalfSetEnvironment(t *testing.T) {
	clearEnv(t)
	emu := acctest.NewEmulator(t)
	t.Setenv("LINE_PLANET_ENDPOINT", emu.URL)
	t.Setenv("LINE_PLANET_API_KEY", emulator.DefaultCredential(&platforms.LinePlanet, "api_key"))
	t.Setenv("PORTSIP_PASSWORD", "not-used")
	runSerial(t, resource.TestStep{
		Config: fmt.Sprintf(`
provider "conference" {
  alias = "pbx"
  portsip {
    endpoint = %q
    username = %q
    password = %q
  }
}

resource "conference_portsip_room" "r" {
  provider         = conference.pbx
  extension_number = "8100"
  mode             = "AUDIO"
  subject          = "Alias"
}`, emu.URL, portsip.DefaultUsername, portsip.DefaultPassword),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("conference_portsip_room.r", tfjsonpath.New("subject"), knownvalue.StringExact("Alias")),
		},
	})
}

// A resource of a half-configured platform is told what is missing, where
// to set it, and where the rest came from.
func TestAccCredentials_halfConfiguredPlatformInUse(t *testing.T) {
	clearEnv(t)
	emu := acctest.NewEmulator(t)
	t.Setenv("PORTSIP_ENDPOINT", emu.URL)
	t.Setenv("PORTSIP_PASSWORD", portsip.DefaultPassword)
	runSerial(t, resource.TestStep{
		Config:   `provider "conference" {}` + room,
		PlanOnly: true,
		ExpectError: acctest.ErrorMatching("The PortSIP username is missing: set portsip.username or PORTSIP_USERNAME. " +
			"Of the others, the endpoint came from PORTSIP_ENDPOINT, password from PORTSIP_PASSWORD."),
	})
}

func TestAccCredentials_environmentTokenAndUsernameConflict(t *testing.T) {
	clearEnv(t)
	emu := acctest.NewEmulator(t)
	t.Setenv("PORTSIP_ENDPOINT", emu.URL)
	t.Setenv("PORTSIP_TOKEN", "some-token")
	t.Setenv("PORTSIP_USERNAME", portsip.DefaultUsername)
	runSerial(t, resource.TestStep{
		Config:      `provider "conference" {}` + room,
		PlanOnly:    true,
		ExpectError: acctest.ErrorMatching("PORTSIP_TOKEN and PORTSIP_USERNAME are both set in the environment"),
	})
	if n := len(emu.Journal(t)); n != 0 {
		t.Errorf("%d requests reached the emulator, want none", n)
	}
}

// refusedCase is a plan of four creates on one platform whose credentials
// are wrong.
type refusedCase struct {
	name string
	// env sets the platform's variables for the emulator at url.
	env func(t *testing.T, url string)
	// config is the provider block and four resources.
	config func(url string) string
	// method and path are the one request the plan may send.
	method, path string
	want         *regexp.Regexp
}

func TestAccCredentials_refusedOnceAtPlan(t *testing.T) {
	cases := []refusedCase{{
		name: "PortSIP password from the environment",
		env: func(t *testing.T, url string) {
			t.Setenv("PORTSIP_ENDPOINT", url)
			t.Setenv("PORTSIP_USERNAME", portsip.DefaultUsername)
			t.Setenv("PORTSIP_PASSWORD", "not-the-password")
		},
		config: func(string) string {
			return `provider "conference" {}

resource "conference_portsip_room" "r" {
  count            = 4
  extension_number = "810${count.index}"
  mode             = "AUDIO"
  subject          = "Room ${count.index}"
}`
		},
		method: http.MethodPost, path: "/api/auth/sign_in",
		want: regexp.MustCompile(`(?s)PortSIP\s+refused\s+the\s+credentials.*portsip\.password\s+\(set\s+by\s+the\s+environment\s+variable\s+PORTSIP_PASSWORD\)`),
	}, {
		name: "SQMeeting password in the block",
		config: func(url string) string {
			return fmt.Sprintf(`provider "conference" {
  sqmeeting {
    endpoint = %q
    username = "admin"
    password = "not-the-password"
  }
}

resource "conference_sqmeeting_meeting" "m" {
  count      = 4
  name       = "Review ${count.index}"
  start_time = "2030-03-04T10:00:00Z"
  end_time   = "2030-03-04T11:00:00Z"
}`, url)
		},
		method: http.MethodPost, path: "/api/v1/user/sign_in",
		want: regexp.MustCompile(`(?s)SQMeeting\s+refused\s+the\s+credentials.*sqmeeting\.password\s+\(set\s+in\s+the\s+provider\s+block;\s+SQMEETING_PASSWORD\s+is\s+not\s+used\)`),
	}, {
		name: "Whereby API key from the environment",
		env: func(t *testing.T, url string) {
			t.Setenv("WHEREBY_ENDPOINT", url)
			t.Setenv("WHEREBY_API_KEY", "not-the-key")
		},
		config: func(string) string {
			return `provider "conference" {}

resource "conference_whereby_meeting" "m" {
  count    = 4
  end_date = "2099-01-01T00:00:00Z"
}`
		},
		method: http.MethodGet, path: "/v1/meetings",
		want: regexp.MustCompile(`(?s)Whereby\s+refused\s+the\s+credentials.*whereby\.api_key\s+\(set\s+by\s+the\s+environment\s+variable\s+WHEREBY_API_KEY\)`),
	}, {
		name: "LINE Planet secret from the environment",
		env: func(t *testing.T, url string) {
			t.Setenv("LINE_PLANET_ENDPOINT", url)
			t.Setenv("LINE_PLANET_API_KEY", emulator.DefaultCredential(&platforms.LinePlanet, "api_key"))
			t.Setenv("LINE_PLANET_API_SECRET", "not-the-secret")
		},
		config: func(string) string {
			return `provider "conference" {}

resource "conference_line_meeting_id" "m" {
  count           = 4
  room_service_id = "ex-service"
  room_id         = "room-${count.index}"
}`
		},
		method: http.MethodGet, path: "/mtgs",
		want: regexp.MustCompile(`(?s)LINE\s+Planet\s+refused\s+the\s+credentials.*line_planet\.api_secret\s+\(set\s+by\s+the\s+environment\s+variable\s+LINE_PLANET_API_SECRET\)`),
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			clearEnv(t)
			emu := acctest.NewEmulator(t)
			if c.env != nil {
				c.env(t, emu.URL)
			}
			runSerial(t, resource.TestStep{Config: c.config(emu.URL), PlanOnly: true, ExpectError: c.want})
			journal := emu.Journal(t)
			if len(journal) != 1 || journal[0].Method != c.method || !strings.HasSuffix(journal[0].Path, c.path) {
				t.Errorf("the plan sent %d requests, want one %s …%s: %+v", len(journal), c.method, c.path, journal)
			}
		})
	}
}
