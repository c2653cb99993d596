// Package providerdata is what the provider hands to its resources and data
// sources: one client per configured platform. It lives apart from the provider
// package so that resources can use it without an import cycle.
package providerdata

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Data holds a client for each platform the provider configured, and what
// is wrong with each platform it could not, by platform key.
type Data struct {
	clients  map[string]any
	problems map[string][]platforms.Problem
}

// New returns Data holding clients, and the problems of the platforms that
// have none, by platform key.
func New(clients map[string]any, problems map[string][]platforms.Problem) *Data {
	return &Data{clients: clients, problems: problems}
}

// Client returns the client of platform p, or adds errors saying what its
// configuration lacks: the problems Configure found, which name the block
// attribute and the environment variable of each missing value, or, for a
// platform with nothing set, the block and the variables that configure it.
// A platform's problems are reported here, by the resources and data sources
// that use it, and never fail a configuration that does not. providerData
// nil (the provider is not configured yet, as during validation) returns the
// zero value without an error.
func Client[T any](providerData any, p *platforms.Platform, diags *diag.Diagnostics) T {
	var zero T
	if providerData == nil {
		return zero
	}
	d, ok := providerData.(*Data)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerdata.Data, got %T. This is a bug in the provider; please report it.", providerData))
		return zero
	}
	if probs := d.problems[p.Key]; len(probs) > 0 {
		for _, prob := range probs {
			diags.AddError(prob.Summary, prob.Detail)
		}
		return zero
	}
	c, found := d.clients[p.Key]
	if !found {
		diags.AddError(
			p.Name+" is not configured",
			fmt.Sprintf("This resource uses %s, but the provider has no %q block and the environment does not set %s. "+
				"Add a %q block to the provider configuration or set those environment variables.",
				p.Name, p.Block, p.RequirementText(), p.Block),
		)
		return zero
	}
	t, ok := c.(T)
	if !ok {
		diags.AddError("Unexpected client type",
			fmt.Sprintf("The %s client is a %T, not a %T. This is a bug in the provider; please report it.", p.Name, c, zero))
	}
	return t
}
