package provider

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
)

func pathRoot(block, attr string) path.Expression {
	return path.MatchRoot(block).AtName(attr)
}

// setting resolves one value: the configuration wins, then the environment.
type setting struct {
	diags *diag.Diagnostics
}

func (s setting) get(v types.String, block, attr, env string) string {
	if v.IsUnknown() {
		s.diags.AddAttributeError(path.Root(block).AtName(attr), "Value not known at plan time",
			fmt.Sprintf("%s.%s depends on a value that is only known after apply. The provider must be configured before it can plan; "+
				"use a literal, a variable, or the %s environment variable.", block, attr, env))
		return ""
	}
	if !v.IsNull() {
		return v.ValueString()
	}
	return os.Getenv(env)
}

func (s setting) require(val, block, attr, env, what string) {
	if val == "" {
		s.diags.AddAttributeError(path.Root(block).AtName(attr), "Missing "+what,
			fmt.Sprintf("The %s block needs %s.%s, or the %s environment variable.", block, block, attr, env))
	}
}

func (p *conferenceProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	s := setting{diags: &resp.Diagnostics}

	httpCfg := client.Config{UserAgent: fmt.Sprintf("terraform-provider-conference/%s", p.version)}
	if !cfg.RequestTimeout.IsNull() && !cfg.RequestTimeout.IsUnknown() {
		// The validator has already checked the syntax.
		d, _ := time.ParseDuration(cfg.RequestTimeout.ValueString())
		httpCfg.Timeout = d
	}
	if !cfg.MaxRetries.IsNull() && !cfg.MaxRetries.IsUnknown() {
		httpCfg.MaxRetries = int(cfg.MaxRetries.ValueInt64())
		if httpCfg.MaxRetries == 0 {
			httpCfg.MaxRetries = -1 // client.Config: 0 means the default, negative none
		}
	}
	httpCfg.InsecureSkipVerify = cfg.InsecureSkipVerify.ValueBool()

	data := &providerdata.Data{}
	data.PortSIP = p.configurePortSIP(s, cfg.PortSIP, httpCfg)
	data.LinePlanet = p.configureLinePlanet(s, cfg.LinePlanet, httpCfg)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.ResourceData = data
	resp.DataSourceData = data
}

func (p *conferenceProvider) configurePortSIP(s setting, m *portsipModel, hc client.Config) *portsip.Client {
	if m == nil {
		m = &portsipModel{}
		if os.Getenv("PORTSIP_ENDPOINT") == "" {
			return nil
		}
	}
	c := portsip.Config{
		Endpoint: s.get(m.Endpoint, "portsip", "endpoint", "PORTSIP_ENDPOINT"),
		Token:    s.get(m.Token, "portsip", "token", "PORTSIP_TOKEN"),
		Username: s.get(m.Username, "portsip", "username", "PORTSIP_USERNAME"),
		Password: s.get(m.Password, "portsip", "password", "PORTSIP_PASSWORD"),
		Domain:   s.get(m.Domain, "portsip", "domain", "PORTSIP_DOMAIN"),
		HTTP:     hc,
	}
	s.require(c.Endpoint, "portsip", "endpoint", "PORTSIP_ENDPOINT", "PortSIP endpoint")
	if c.Token == "" {
		s.require(c.Username, "portsip", "username", "PORTSIP_USERNAME", "PortSIP credentials (token, or username and password)")
		s.require(c.Password, "portsip", "password", "PORTSIP_PASSWORD", "PortSIP credentials (token, or username and password)")
	}
	if s.diags.HasError() {
		return nil
	}
	cl, err := portsip.New(c)
	if err != nil {
		s.diags.AddAttributeError(path.Root("portsip"), "Invalid PortSIP configuration", err.Error())
		return nil
	}
	return cl
}

func (p *conferenceProvider) configureLinePlanet(s setting, m *lineModel, hc client.Config) *lineplanet.Client {
	if m == nil {
		m = &lineModel{}
		if os.Getenv("LINE_PLANET_ENDPOINT") == "" {
			return nil
		}
	}
	c := lineplanet.Config{
		Endpoint:  s.get(m.Endpoint, "line_planet", "endpoint", "LINE_PLANET_ENDPOINT"),
		APIKey:    s.get(m.APIKey, "line_planet", "api_key", "LINE_PLANET_API_KEY"),
		APISecret: s.get(m.APISecret, "line_planet", "api_secret", "LINE_PLANET_API_SECRET"),
		HTTP:      hc,
	}
	s.require(c.Endpoint, "line_planet", "endpoint", "LINE_PLANET_ENDPOINT", "LINE Planet endpoint")
	s.require(c.APIKey, "line_planet", "api_key", "LINE_PLANET_API_KEY", "LINE Planet API key")
	s.require(c.APISecret, "line_planet", "api_secret", "LINE_PLANET_API_SECRET", "LINE Planet API secret")
	if s.diags.HasError() {
		return nil
	}
	cl, err := lineplanet.New(c)
	if err != nil {
		s.diags.AddAttributeError(path.Root("line_planet"), "Invalid LINE Planet configuration", err.Error())
		return nil
	}
	return cl
}
