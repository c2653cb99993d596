package provider

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
)

// providerModel is the provider block's own attributes. The platform blocks
// are read one by one, by the names their declarations give.
type providerModel struct {
	RequestTimeout     types.String `tfsdk:"request_timeout"`
	MaxRetries         types.Int64  `tfsdk:"max_retries"`
	InsecureSkipVerify types.Bool   `tfsdk:"insecure_skip_verify"`
}

func (p *conferenceProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("request_timeout"), &cfg.RequestTimeout)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("max_retries"), &cfg.MaxRetries)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("insecure_skip_verify"), &cfg.InsecureSkipVerify)...)
	if resp.Diagnostics.HasError() {
		return
	}

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
	httpCfg.CA = providerCA(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if p.adjustHTTP != nil {
		p.adjustHTTP(&httpCfg)
	}

	// A platform's problems (a value missing, a variable malformed) are
	// kept, not reported: they fail only the resources and data sources
	// that use the platform (providerdata.Client), so that a half-set
	// environment of a platform the configuration does not use harms
	// nothing.
	clients := map[string]any{}
	problems := map[string][]platforms.Problem{}
	for _, c := range connectors {
		var block types.Object
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(c.platform.Block), &block)...)
		resolved, configured := resolve(c.platform, block, &resp.Diagnostics)
		if !configured {
			continue
		}
		if probs := c.platform.Problems(resolved); len(probs) > 0 {
			problems[c.platform.Key] = probs
			continue
		}
		hc := httpCfg
		hc.Credentials = p.credentials.For(resolved)
		cl, err := c.connect(resolved.Values, hc)
		if err != nil {
			problems[c.platform.Key] = []platforms.Problem{{Summary: "Invalid " + c.platform.Name + " configuration", Detail: err.Error()}}
			continue
		}
		clients[c.platform.Key] = cl
	}
	if resp.Diagnostics.HasError() {
		return
	}
	data := providerdata.New(clients, problems)
	resp.ResourceData = data
	resp.ListResourceData = data
	resp.DataSourceData = data
	resp.EphemeralResourceData = data
}

// stringOf is a block value as a string: numbers are settings too, in the
// environment as digits.
func stringOf(v attr.Value) basetypes.StringValue {
	switch v := v.(type) {
	case basetypes.StringValue:
		return v
	case basetypes.Int64Value:
		switch {
		case v.IsUnknown():
			return types.StringUnknown()
		case !v.IsNull():
			return types.StringValue(strconv.FormatInt(v.ValueInt64(), 10))
		}
	}
	return types.StringNull()
}

// resolve reads a platform block's values: the configuration wins, then the
// environment, then the declared default, with the credentials taken as one
// set from one place (platforms.Platform.Resolve). A
// platform counts as configured when its block is present or one of its
// environment variables is set (Whereby, whose endpoint has a default, is used
// with WHEREBY_API_KEY alone).
func resolve(pl *platforms.Platform, block types.Object, diags *diag.Diagnostics) (platforms.Resolution, bool) {
	present := !block.IsNull() && !block.IsUnknown()
	if !present && !pl.InEnvironment() {
		return platforms.Resolution{}, false
	}
	var attrs map[string]attr.Value
	if present {
		attrs = block.Attributes()
	}
	set := platforms.Values{}
	for _, s := range pl.Settings {
		v := stringOf(attrs[s.Attr])
		switch {
		case v.IsUnknown():
			diags.AddAttributeError(path.Root(pl.Block).AtName(s.Attr), "Value not known at plan time",
				fmt.Sprintf("%s.%s depends on a value that is only known after apply. The provider must be configured before it can plan; "+
					"use a literal, a variable, or the %s environment variable.", pl.Block, s.Attr, s.Env))
		case !v.IsNull():
			set[s.Attr] = v.ValueString()
		}
	}
	return pl.Resolve(set), true
}
