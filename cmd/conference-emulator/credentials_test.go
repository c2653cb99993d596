package main

import (
	"flag"
	"io"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/emulator"
)

// Every credential the emulator accepts has a flag and an environment
// variable, named as the guide says, and what they say reaches the
// emulator's options.
func TestCredentialFlagsComeFromTheEmulatorsCredentials(t *testing.T) {
	t.Setenv("EMULATOR_LINE_API_SECRET", "from-env")
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := credentialFlags(fs)
	if err := fs.Parse([]string{"-whereby-api-key", "from-flag"}); err != nil {
		t.Fatal(err)
	}
	got := c.values()
	flags := map[string]bool{}
	for _, cr := range emulator.Credentials() {
		flags[cr.Flag] = true
		if fs.Lookup(cr.Flag) == nil {
			t.Errorf("no flag -%s for %s.%s", cr.Flag, cr.Platform.Block, cr.Setting.Attr)
		}
		want := cr.Default
		switch cr.Flag {
		case "whereby-api-key":
			want = "from-flag"
		case "line-api-secret":
			want = "from-env"
		}
		if got[cr.Platform.Key][cr.Setting.Attr] != want {
			t.Errorf("%s.%s = %q, want %q", cr.Platform.Key, cr.Setting.Attr, got[cr.Platform.Key][cr.Setting.Attr], want)
		}
	}
	// The flags users know (the emulator guide, the README) keep their names.
	for _, name := range []string{"portsip-username", "portsip-password", "line-api-key", "line-api-secret",
		"sqmeeting-username", "sqmeeting-password", "whereby-api-key"} {
		if !flags[name] {
			t.Errorf("no credential flag -%s; have %v", name, flags)
		}
	}
	if len(flags) != 7 {
		t.Errorf("%d credential flags, want 7: %v", len(flags), flags)
	}
}
