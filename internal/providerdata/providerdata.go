// Package providerdata is what the provider hands to its resources and data
// sources: one client per configured platform. It lives apart from the provider
// package so that resources can use it without an import cycle.
package providerdata

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Data holds a client for each platform the provider configured, by platform
// key.
type Data struct {
	clients map[string]any
}

// New returns Data holding clients by platform key.
func New(clients map[string]any) *Data { return &Data{clients: clients} }

// Client returns the client of platform p, or adds an error naming the block
// and environment variables that configure it. providerData nil (the provider
// is not configured yet, as during validation) returns the zero value without
// an error.
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
