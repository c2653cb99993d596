// Command providerblock prints the conference provider block that points every
// platform the provider uses at the emulator URL given as its first argument,
// with the emulator's default credentials: make bench-e2e's configuration,
// derived from the platform declarations so that a new platform needs no edit
// here. Each further argument, PLATFORM.SETTING=VALUE (whereby.points_per_minute=
// 1000000), sets one setting of a platform's block.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	override := map[string]platforms.Values{}
	for _, arg := range os.Args[2:] {
		key, value, ok := strings.Cut(arg, "=")
		pl, setting, ok2 := strings.Cut(key, ".")
		if !ok || !ok2 || !declared(pl, setting) {
			fmt.Fprintf(os.Stderr, "providerblock: %q is not PLATFORM.SETTING=VALUE of a declared setting\n", arg)
			os.Exit(2)
		}
		if override[pl] == nil {
			override[pl] = platforms.Values{}
		}
		override[pl][setting] = value
	}
	fmt.Print(acctest.ProviderBlock("", os.Args[1], override))
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: providerblock EMULATOR_URL [PLATFORM.SETTING=VALUE...]")
	os.Exit(2)
}

// declared reports whether the platform keyed pl has the setting: one that is
// not would be dropped from the block without a word.
func declared(pl, setting string) bool {
	for _, p := range platforms.All {
		if p.Key != pl {
			continue
		}
		for _, s := range p.Settings {
			if s.Attr == setting {
				return true
			}
		}
	}
	return false
}
