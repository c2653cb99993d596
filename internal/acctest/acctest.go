// Package acctest is the acceptance-test harness: each test gets its own
// in-process emulator, so tests run in parallel with isolated state, and a
// provider configuration that points every platform at it.
package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tfprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/provider"
)

// ProtoV6ProviderFactories serves the provider in-process to the test CLI.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	provider.TypeName: serve(provider.New("test")),
}

// serve starts a new provider for each command the test CLI runs, as a real
// run starts a plugin process: what a provider remembers for its lifetime
// (refused credentials, a plan-time check) lasts one command.
func serve(newProvider func() tfprovider.Provider) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		return providerserver.NewProtocol6WithError(newProvider())()
	}
}

// Emulator is one running emulator.
type Emulator struct {
	*emulator.Emulator
	URL string
	// client is what Call sends with: one that trusts the test CA of an
	// emulator served over HTTPS.
	client *http.Client
	// conns counts the connections the emulator accepted, which tells how
	// many tries a client made when none got as far as a request (a TLS
	// handshake that failed).
	conns atomic.Int64
}

// NewEmulator starts an emulator for t and stops it when t ends.
func NewEmulator(t testing.TB) *Emulator {
	t.Helper()
	return NewEmulatorWith(t, emulator.Options{})
}

// NewEmulatorWith starts an emulator with opts (a platform's server time
// zone, its users, ...) for t and stops it when t ends.
func NewEmulatorWith(t testing.TB, opts emulator.Options) *Emulator {
	t.Helper()
	emu, srv := newServer(t, opts)
	srv.Start()
	emu.URL = srv.URL
	return emu
}

// newServer makes an emulator and its unstarted server, which counts
// connections.
func newServer(t testing.TB, opts emulator.Options) (*Emulator, *httptest.Server) {
	t.Helper()
	e, err := emulator.New(opts)
	if err != nil {
		t.Fatalf("starting emulator: %v", err)
	}
	emu := &Emulator{Emulator: e, client: http.DefaultClient}
	srv := httptest.NewUnstartedServer(e)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			emu.conns.Add(1)
		}
	}
	// A handshake that a test makes fail on purpose is not news.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	t.Cleanup(srv.Close)
	return emu, srv
}

// Connections is how many connections the emulator has accepted.
func (e *Emulator) Connections() int64 { return e.conns.Load() }

// ProviderConfig renders a provider block that configures every platform the
// provider declares, pointed at the emulator with the credentials it accepts by
// default. Retries are quick so that fault-injection tests do not wait long.
func (e *Emulator) ProviderConfig() string {
	return ProviderBlock("", e.URL, nil)
}

// ProviderBlock renders a provider block (an aliased one when alias is set) for
// every declared platform pointed at url, with the emulator's default
// credentials; override replaces settings per platform key and attribute.
func ProviderBlock(alias, url string, override map[string]platforms.Values) string {
	return providerBlock(provider.TypeName, alias, url, override, defaultRetries)
}

// defaultRetries is the provider blocks' max_retries: enough for a test that
// injects a fault or two.
const defaultRetries = 3

// ConfigRetrying is Config with a provider that retries each request up to
// maxRetries times, as a user behind a bad network would configure it.
func (e *Emulator) ConfigRetrying(maxRetries int, body string) string {
	return providerBlock(provider.TypeName, "", e.URL, nil, maxRetries) + "\n" + body
}

// providerBlock is ProviderBlock for the provider served under name.
func providerBlock(name, alias, url string, override map[string]platforms.Values, maxRetries int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\nprovider %q {\n", name)
	if alias != "" {
		fmt.Fprintf(&b, "  alias           = %q\n", alias)
	}
	fmt.Fprintf(&b, "  request_timeout = \"10s\"\n  max_retries     = %d\n", maxRetries)
	for _, pl := range platforms.All {
		fmt.Fprintf(&b, "\n  %s {\n", pl.Block)
		for _, s := range pl.Settings {
			v := emulatorValue(pl, s, url)
			if o, ok := override[pl.Key][s.Attr]; ok {
				v = o
			}
			if v != "" {
				fmt.Fprintf(&b, "    %s = %q\n", s.Attr, v)
			}
		}
		b.WriteString("  }\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// emulatorValue is what a setting is for the emulator at url: the endpoint,
// or the credential the emulator accepts by default.
func emulatorValue(pl *platforms.Platform, s platforms.Setting, url string) string {
	if s.Endpoint {
		return url
	}
	return emulator.DefaultCredential(pl, s.Attr)
}

// SetEnvironment points every platform's environment variables at the
// emulator, with the credentials it accepts by default, and clears the
// others, for t: how a user configures the provider, or conference-export,
// without a block.
func (e *Emulator) SetEnvironment(t *testing.T) {
	t.Helper()
	for _, pl := range platforms.All {
		for _, s := range pl.Settings {
			t.Setenv(s.Env, emulatorValue(pl, s, e.URL))
		}
	}
}

// Config prefixes the provider block to a test configuration.
func (e *Emulator) Config(body string) string {
	return e.ProviderConfig() + "\n" + body
}

// Admin calls the emulator's admin API (path under /_emulator/) and fails t on
// an error status.
func (e *Emulator) Admin(t testing.TB, method, path string, body any) []byte {
	t.Helper()
	return e.Call(t, method, "/_emulator/"+path, nil, body, http.StatusOK, http.StatusCreated, http.StatusNoContent)
}

// AdvanceClock moves the emulator's clock forward.
func (e *Emulator) AdvanceClock(t testing.TB, d time.Duration) {
	t.Helper()
	e.Admin(t, http.MethodPost, "clock", map[string]string{"advance": d.String()})
}

// Call sends a raw request to the emulator, failing t unless the status is one of
// want. Tests use it to change objects behind Terraform's back.
func (e *Emulator) Call(t testing.TB, method, path string, header http.Header, body any, want ...int) []byte {
	t.Helper()
	var rdr io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rdr = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, e.URL+path, rdr)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := e.client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	for _, w := range want {
		if resp.StatusCode == w {
			return out
		}
	}
	t.Fatalf("%s %s: HTTP %d: %s", method, path, resp.StatusCode, out)
	return nil
}

// PreCheck skips nothing: it fails early with a clear message when the test CLI
// is missing, which otherwise surfaces as a confusing download error.
func PreCheck(t testing.TB) {
	t.Helper()
	if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must point at the OpenTofu or Terraform CLI built by `make tools`; run the tests with `make test`")
	}
}

// Journal is the requests the emulator served, oldest first.
func (e *Emulator) Journal(t testing.TB) []emulator.JournalEntry {
	t.Helper()
	var j struct {
		Entries []emulator.JournalEntry `json:"entries"`
	}
	if err := json.Unmarshal(e.Admin(t, http.MethodGet, "journal", nil), &j); err != nil {
		t.Fatalf("reading the emulator's journal: %v", err)
	}
	return j.Entries
}

// FreezeClock stops the emulator's clock at the RFC 3339 time at, so that
// created and expiry times are exact.
func (e *Emulator) FreezeClock(t testing.TB, at string) {
	t.Helper()
	e.Admin(t, http.MethodPost, "clock", map[string]any{"now": at, "freeze": true})
}
