// Command floor-provider is the benchmark's do-nothing provider (package
// floor): floor_<name> for every conference_<name> resource of the schema
// file that FLOOR_SCHEMA names (`tofu providers schema -json` output), and
// floor_two. make bench-e2e builds and runs it; it is not a product.
package main

import (
	"context"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/confkit/terraform-provider-conference/bench/floor"
	"github.com/confkit/terraform-provider-conference/internal/profiling"
	"github.com/confkit/terraform-provider-conference/internal/provider"
)

func main() {
	path := os.Getenv("FLOOR_SCHEMA")
	if path == "" {
		log.Fatal("floor-provider: FLOOR_SCHEMA must name a `providers schema -json` file")
	}
	doc, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	schemas, err := floor.Schemas(doc, provider.TypeName)
	if err != nil {
		log.Fatal(err)
	}
	schemas[floor.TwoName] = floor.TwoSchema()
	stopProfile, err := profiling.Start() // to compare its profile with the provider's
	if err != nil {
		log.Fatal(err)
	}
	err = providerserver.Serve(context.Background(), floor.New(schemas), providerserver.ServeOpts{
		Address:         "registry.terraform.io/confkit/" + floor.TypeName,
		ProtocolVersion: 6,
	})
	if perr := stopProfile(); perr != nil {
		log.Print(perr)
	}
	if err != nil {
		log.Fatal(err)
	}
}
