// Command terraform-provider-conference is the Terraform and OpenTofu provider for
// conferencing platforms.
package main

import (
	"context"
	"flag"
	"log"
	_ "time/tzdata" // timezone attributes and recurring meetings work on hosts without a zone database

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/confkit/terraform-provider-conference/internal/profiling"
	"github.com/confkit/terraform-provider-conference/internal/provider"
)

// version is set at build time: -ldflags "-X main.version=1.2.3" (goreleaser does).
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers such as delve")
	flag.Parse()

	provider.QuietLogsUnlessAsked()
	provider.TuneGC()
	stopProfile, err := profiling.Start()
	if err != nil {
		log.Fatal(err)
	}
	err = providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address:         "registry.terraform.io/confkit/conference",
		Debug:           debug,
		ProtocolVersion: 6,
	})
	if perr := stopProfile(); perr != nil {
		log.Print(perr)
	}
	if err != nil {
		log.Fatal(err)
	}
}
