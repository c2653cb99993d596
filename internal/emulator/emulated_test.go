package emulator

import (
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Every platform the provider declares is emulated, under its declared key.
func TestEveryDeclaredPlatformIsEmulatedUnderItsKey(t *testing.T) {
	byKey := map[string]bool{}
	for _, em := range emulated {
		var o Options
		if got := em.build(platform.NewClock(), &o).Key(); got != em.decl.Key {
			t.Errorf("the API emulating %s answers to %q", em.decl.Key, got)
		}
		byKey[em.decl.Key] = true
	}
	for _, pl := range platforms.All {
		if !byKey[pl.Key] {
			t.Errorf("%s is declared but not emulated", pl.Key)
		}
	}
}

// Each credential the command's flags or a caller give reaches its own
// option, and no two credentials share one.
func TestCredentialsReachTheirOptions(t *testing.T) {
	o := Options{Credentials: map[string]platforms.Values{}}
	for _, c := range Credentials() {
		if o.Credentials[c.Platform.Key] == nil {
			o.Credentials[c.Platform.Key] = platforms.Values{}
		}
		o.Credentials[c.Platform.Key][c.Setting.Attr] = "set-" + c.Flag
	}
	o.applyCredentials()
	seen := map[*string]string{}
	for _, c := range Credentials() {
		p := c.option(&o)
		if *p != "set-"+c.Flag {
			t.Errorf("-%s: option holds %q", c.Flag, *p)
		}
		if other, dup := seen[p]; dup {
			t.Errorf("-%s and -%s set the same option", c.Flag, other)
		}
		seen[p] = c.Flag
	}
	if len(seen) == 0 {
		t.Fatal("no credentials")
	}
}

// An empty credential keeps the emulator's default, which the test harness
// sends.
func TestEmptyCredentialKeepsTheDefault(t *testing.T) {
	o := Options{Credentials: map[string]platforms.Values{platforms.PortSIP.Key: {"password": ""}}}
	o.applyCredentials()
	if o.PortSIP.Password != "" {
		t.Errorf("password = %q, want it left for portsip.New's default", o.PortSIP.Password)
	}
	if got := DefaultCredential(&platforms.PortSIP, "password"); got != "emulator-password" {
		t.Errorf("DefaultCredential(portsip, password) = %q", got)
	}
	if got := DefaultCredential(&platforms.PortSIP, "endpoint"); got != "" {
		t.Errorf("DefaultCredential(portsip, endpoint) = %q, want none", got)
	}
}
