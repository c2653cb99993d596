// Package providerdata is what the provider hands to its resources and data
// sources: one client per configured platform. It lives apart from the provider
// package so that resources can use it without an import cycle.
package providerdata

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
)

// Data holds a client for each platform the provider block configured; nil for
// the others.
type Data struct {
	PortSIP    *portsip.Client
	LinePlanet *lineplanet.Client
}

// Platform describes how a user configures one platform, for error messages.
type Platform struct {
	Name  string
	Block string
	Env   string
}

// The platforms, with the block and environment variables that configure them.
var (
	PortSIP = Platform{
		Name: "PortSIP", Block: "portsip",
		Env: "PORTSIP_ENDPOINT and either PORTSIP_TOKEN or PORTSIP_USERNAME and PORTSIP_PASSWORD",
	}
	SQMeeting = Platform{
		Name: "SQMeeting", Block: "sqmeeting",
		Env: "SQMEETING_ENDPOINT, SQMEETING_CLIENT_ID, SQMEETING_USERNAME and SQMEETING_PASSWORD",
	}
	LinePlanet = Platform{
		Name: "LINE Planet", Block: "line_planet",
		Env: "LINE_PLANET_ENDPOINT, LINE_PLANET_API_KEY and LINE_PLANET_API_SECRET",
	}
	Whereby = Platform{
		Name: "Whereby", Block: "whereby",
		Env: "WHEREBY_ENDPOINT and WHEREBY_API_KEY",
	}
)

func notConfigured(p Platform, diags *diag.Diagnostics) {
	diags.AddError(
		p.Name+" is not configured",
		fmt.Sprintf("This resource uses %s, but the provider has no %q block and the environment does not set %s. "+
			"Add a %q block to the provider configuration or set those environment variables.",
			p.Name, p.Block, p.Env, p.Block),
	)
}

func from(providerData any, diags *diag.Diagnostics) *Data {
	d, ok := providerData.(*Data)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerdata.Data, got %T. This is a bug in the provider; please report it.", providerData))
		return nil
	}
	return d
}

// PortSIPClient returns the PortSIP client, or adds an error naming the block and
// environment variables. providerData nil (the provider is not configured yet,
// as during validation) returns nil without an error.
func PortSIPClient(providerData any, diags *diag.Diagnostics) *portsip.Client {
	if providerData == nil {
		return nil
	}
	d := from(providerData, diags)
	if d == nil {
		return nil
	}
	if d.PortSIP == nil {
		notConfigured(PortSIP, diags)
	}
	return d.PortSIP
}

// LinePlanetClient is PortSIPClient for LINE Planet.
func LinePlanetClient(providerData any, diags *diag.Diagnostics) *lineplanet.Client {
	if providerData == nil {
		return nil
	}
	d := from(providerData, diags)
	if d == nil {
		return nil
	}
	if d.LinePlanet == nil {
		notConfigured(LinePlanet, diags)
	}
	return d.LinePlanet
}
