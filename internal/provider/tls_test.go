package provider_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/testca"
)

// everyPlatform reads one thing from each platform, so that a step shows
// every platform's connection working.
const everyPlatform = `
data "conference_portsip_servers" "all" {}
data "conference_sqmeeting_system" "s" {}
data "conference_whereby_meetings" "all" {}
data "conference_line_meetings" "all" {
  room_service_id = "tls-service"
  room_id         = "tls-room"
}
`

var everyPlatformRead = resource.ComposeAggregateTestCheckFunc(
	resource.TestCheckResourceAttrSet("data.conference_portsip_servers.all", "servers.#"),
	resource.TestCheckResourceAttrSet("data.conference_sqmeeting_system.s", "version"),
	resource.TestCheckResourceAttr("data.conference_whereby_meetings.all", "meetings.#", "0"),
	resource.TestCheckResourceAttr("data.conference_line_meetings.all", "meetings.#", "0"),
)

// providerWith is the provider block for every platform at url, with
// per-platform settings (override) and provider-wide attributes (top).
func providerWith(url string, override map[string]platforms.Values, top string) string {
	block := acctest.ProviderBlock("", url, override)
	return strings.Replace(block, "provider \"conference\" {\n", "provider \"conference\" {\n"+top, 1)
}

// eachPlatform gives every platform the same settings.
func eachPlatform(v platforms.Values) map[string]platforms.Values {
	out := map[string]platforms.Values{}
	for _, pl := range platforms.All {
		out[pl.Key] = v
	}
	return out
}

// words matches a phrase that the CLI may have wrapped onto several lines.
func words(phrase string) string {
	return strings.Join(strings.Fields(regexp.QuoteMeta(phrase)), `\s+`)
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// An emulator served over HTTPS with a certificate from a private CA works
// with the CA's certificate given per platform or provider-wide, as a file
// or as PEM text; a platform's own replaces the provider's.
func TestAccProvider_privateCA(t *testing.T) {
	clearEnv(t)
	emu, ca := acctest.NewTLSEmulator(t)
	caFile := writeFile(t, "ca.pem", ca.CertPEM)
	other := testca.New(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: providerWith(emu.URL, eachPlatform(platforms.Values{"ca_cert_file": caFile}), "") + everyPlatform, Check: everyPlatformRead},
			{Config: providerWith(emu.URL, eachPlatform(platforms.Values{"ca_cert_pem": string(ca.CertPEM)}), "") + everyPlatform, Check: everyPlatformRead},
			{Config: providerWith(emu.URL, nil, fmt.Sprintf("  ca_cert_file = %q\n", caFile)) + everyPlatform, Check: everyPlatformRead},
			{Config: providerWith(emu.URL, nil, fmt.Sprintf("  ca_cert_pem = %q\n", ca.CertPEM)) + everyPlatform, Check: everyPlatformRead},
			{
				Config: providerWith(emu.URL, eachPlatform(platforms.Values{"ca_cert_pem": string(ca.CertPEM)}),
					fmt.Sprintf("  ca_cert_pem = %q\n", other.CertPEM)) + everyPlatform,
				Check: everyPlatformRead,
			},
		},
	})
}

// Without the CA, the first try fails with a message that names the CA
// settings; no retry is made (max_retries is 3), so the emulator sees one
// connection.
func TestAccProvider_untrustedCAFailsOnTheFirstTry(t *testing.T) {
	clearEnv(t)
	emu, _ := acctest.NewTLSEmulator(t)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: providerWith(emu.URL, nil, "") + `data "conference_portsip_servers" "all" {}`,
				ExpectError: regexp.MustCompile(`(?s)PortSIP certificate is not trusted.*` + words("after 1 try") +
					`.*portsip\.ca_cert_file.*PORTSIP_CA_CERT_FILE.*ca_cert_file.*SSL_CERT_FILE.*insecure_skip_verify`),
			},
			{
				PreConfig: func() {
					if n := emu.Connections(); n != 1 {
						t.Errorf("the emulator accepted %d connections, want 1: the failed handshake was retried", n)
					}
				},
				Config:   providerWith(emu.URL, nil, "  insecure_skip_verify = true\n") + `data "conference_portsip_servers" "all" {}`,
				PlanOnly: true,
			},
		},
	})
}

// A certificate for other names than the endpoint's host is refused on the
// first try, with the names it is for.
func TestAccProvider_certificateNameMismatch(t *testing.T) {
	clearEnv(t)
	emu, ca := acctest.NewTLSEmulator(t, "127.0.0.1")
	url := strings.Replace(emu.URL, "127.0.0.1", "localhost", 1)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerWith(url, nil, fmt.Sprintf("  ca_cert_pem = %q\n", ca.CertPEM)) + `data "conference_sqmeeting_system" "s" {}`,
			ExpectError: regexp.MustCompile(`(?s)SQMeeting certificate does not match the endpoint.*` +
				words("must be one that the server's certificate names (127.0.0.1)") + `.*sqmeeting\.endpoint.*SQMEETING_ENDPOINT`),
		}},
	})
	if n := emu.Connections(); n != 1 {
		t.Errorf("the emulator accepted %d connections, want 1", n)
	}
}

// https:// against a plain-HTTP server fails on the first try and says to
// write http://.
func TestAccProvider_httpsAgainstPlainHTTPFailsOnTheFirstTry(t *testing.T) {
	clearEnv(t)
	emu := acctest.NewEmulator(t)
	https := strings.Replace(emu.URL, "http://", "https://", 1)
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerWith(https, nil, "") + room,
			ExpectError: regexp.MustCompile(`(?s)PortSIP does not answer over TLS.*` + words("after 1 try") + `.*` +
				words("write the endpoint with http:// ("+emu.URL+")") + `.*portsip\.endpoint.*PORTSIP_ENDPOINT`),
		}},
	})
	if n := emu.Connections(); n != 1 {
		t.Errorf("the emulator accepted %d connections, want 1: https:// against plain HTTP was retried", n)
	}
	if j := emu.Journal(t); len(j) != 0 {
		t.Errorf("the emulator served %d requests, want none", len(j))
	}
}

// A CA file that cannot be read, and PEM text without a certificate, are
// configuration errors that name the attribute.
func TestAccProvider_badCABundles(t *testing.T) {
	clearEnv(t)
	missing := filepath.Join(t.TempDir(), "missing.pem")
	junk := writeFile(t, "junk.pem", []byte("not a certificate"))
	cases := []struct {
		override map[string]platforms.Values
		top      string
		want     string
	}{
		{nil, fmt.Sprintf("  ca_cert_file = %q\n", missing), `(?s)Cannot read the CA certificate file.*` + regexp.QuoteMeta(missing) + `.*ca_cert_file`},
		{nil, "  ca_cert_pem = \"junk\"\n", `(?s)Invalid CA certificate.*` + words("the provider's ca_cert_pem holds no PEM certificate")},
		{map[string]platforms.Values{"portsip": {"ca_cert_file": junk}}, "", `(?s)` + words("portsip.ca_cert_file or PORTSIP_CA_CERT_FILE (\""+junk+"\") holds no PEM certificate")},
		{map[string]platforms.Values{"whereby": {"ca_cert_file": missing}}, "", `(?s)` + words("\""+missing+"\" given in whereby.ca_cert_file or WHEREBY_CA_CERT_FILE")},
		{map[string]platforms.Values{"sqmeeting": {"ca_cert_file": junk, "ca_cert_pem": "x"}}, "", words(`"sqmeeting.ca_cert_pem" cannot be specified when "sqmeeting.ca_cert_file" is`)},
		{nil, "  ca_cert_file = \"a\"\n  ca_cert_pem = \"b\"\n", words(`"ca_cert_pem" cannot be specified when "ca_cert_file" is`)},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		// A platform's bundle is checked when something uses the platform:
		// the configuration uses each one whose bundle is wrong.
		uses := room
		for key := range c.override {
			if key == "whereby" {
				uses += `data "conference_whereby_meetings" "all" {}`
			}
		}
		steps = append(steps, resource.TestStep{
			Config: providerWith("https://conference.example.com", c.override, c.top) + uses, PlanOnly: true,
			ExpectError: regexp.MustCompile(c.want),
		})
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
}

// An endpoint that ends in the API's own path works as the base URL it
// means, for every platform.
func TestAccProvider_endpointWithTheAPIPath(t *testing.T) {
	clearEnv(t)
	emu := acctest.NewEmulator(t)
	override := map[string]platforms.Values{}
	for _, pl := range platforms.All {
		override[pl.Key] = platforms.Values{"endpoint": emu.URL + pl.APIPath + "/"}
	}
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    []resource.TestStep{{Config: providerWith(emu.URL, override, "") + everyPlatform, Check: everyPlatformRead}},
	})
	for _, e := range emu.Journal(t) {
		if strings.Contains(e.Path, "/api/api") || strings.Contains(e.Path, "/v1/api") || strings.Contains(e.Path, "/v2/tas") || strings.Contains(e.Path, "/v1/v1") {
			t.Errorf("the API path was added twice: %s", e.Path)
		}
	}
}

// An endpoint without a scheme is refused with the value as written, in
// the block (at plan time) and in the environment (when the provider is
// configured).
func TestAccProvider_endpointWithoutScheme(t *testing.T) {
	clearEnv(t)
	emu := acctest.NewEmulator(t)
	bare := strings.TrimPrefix(emu.URL, "http://")
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:   providerWith(emu.URL, map[string]platforms.Values{"portsip": {"endpoint": bare}}, "") + room,
				PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)` + words(`The PortSIP endpoint "`+bare+`" has no scheme: write it as "https://`+bare+`"`) +
					`.*portsip\.endpoint.*PORTSIP_ENDPOINT`),
			},
			{
				PreConfig: func() {
					t.Setenv("PORTSIP_ENDPOINT", "pbx.example.com:8900")
					t.Setenv("PORTSIP_TOKEN", "t")
				},
				Config:   `provider "conference" {}` + room,
				PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)` + words(`The PortSIP endpoint "pbx.example.com:8900" has no scheme: write it as "https://pbx.example.com:8900"`) +
					`.*portsip\.endpoint.*PORTSIP_ENDPOINT`),
			},
		},
	})
}
