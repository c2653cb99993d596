package main

import (
	"flag"
	"io"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Every credential a declaration gives the emulator has a flag and an
// environment variable, and what they say reaches the emulator's options.
func TestCredentialFlagsComeFromTheDeclarations(t *testing.T) {
	t.Setenv("EMULATOR_LINE_API_SECRET", "from-env")
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := credentialFlags(fs)
	if err := fs.Parse([]string{"-whereby-api-key", "from-flag"}); err != nil {
		t.Fatal(err)
	}
	got := c.values()
	for _, pl := range platforms.Declared {
		for _, s := range pl.Settings {
			if s.Emulator == "" {
				continue
			}
			name, _ := pl.EmulatorFlag(s)
			if fs.Lookup(name) == nil {
				t.Errorf("no flag -%s for %s.%s", name, pl.Block, s.Attr)
			}
			want := s.Emulator
			switch name {
			case "whereby-api-key":
				want = "from-flag"
			case "line-api-secret":
				want = "from-env"
			}
			if got[pl.Key][s.Attr] != want {
				t.Errorf("%s.%s = %q, want %q", pl.Key, s.Attr, got[pl.Key][s.Attr], want)
			}
		}
	}
}
