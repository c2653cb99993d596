// Command providerblock prints the conference provider block that points every
// platform the provider uses at the emulator URL given as its argument, with
// the emulator's default credentials: make bench-e2e's configuration, derived
// from the platform declarations so that a new platform needs no edit here.
package main

import (
	"fmt"
	"os"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: providerblock EMULATOR_URL")
		os.Exit(2)
	}
	fmt.Print(acctest.ProviderBlock("", os.Args[1], nil))
}
