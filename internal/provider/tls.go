package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// caAttribute is one of the provider block's CA bundle settings, for every
// platform block that has none of its own; it conflicts with other, and
// what says what its value is.
func caAttribute(other, what string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true,
		Description: what + " of the certificate authority (or several) that signed the servers' certificates, for servers with a private CA. " +
			"The certificates are trusted in addition to the system's certificate authorities, by every platform whose block sets no `ca_cert_file` or `ca_cert_pem` of its own. " +
			"Conflicts with `" + other + "`.",
		Validators: []validator.String{stringvalidator.LengthAtLeast(1), stringvalidator.ConflictsWith(path.MatchRoot(other))},
	}
}

// providerCA reads the provider block's CA bundle, nil when it has none. A
// file that cannot be read, or text without a certificate, is an error on
// the attribute.
func providerCA(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) *client.CA {
	for _, attr := range []string{platforms.CACertFile, platforms.CACertPEM} {
		var v types.String
		diags.Append(cfg.GetAttribute(ctx, path.Root(attr), &v)...)
		if v.IsUnknown() {
			diags.AddAttributeError(path.Root(attr), "Value not known at plan time",
				attr+" depends on a value that is only known after apply. The provider must be configured before it can plan; use a literal or a variable.")
			continue
		}
		if v.IsNull() {
			continue
		}
		text, source := []byte(v.ValueString()), attr
		if attr == platforms.CACertFile {
			var err error
			if text, source, err = platforms.ReadCAFile(v.ValueString(), attr); err != nil {
				diags.AddAttributeError(path.Root(attr), "Cannot read the CA certificate file", err.Error())
				continue
			}
		}
		ca, err := client.NewCA(text, "the provider's "+source)
		if err != nil {
			diags.AddAttributeError(path.Root(attr), "Invalid CA certificate", err.Error())
			continue
		}
		return ca
	}
	return nil
}

// endpointValidator checks a platform's endpoint at plan time as the client
// reads it (platforms.CheckEndpoint), with the same message.
type endpointValidator struct{ pl *platforms.Platform }

func (v endpointValidator) Description(context.Context) string {
	return fmt.Sprintf("value must be an http:// or https:// URL; a trailing %s is taken off", v.pl.APIPath)
}

func (v endpointValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v endpointValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := v.pl.CheckEndpoint(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), err.Error())
	}
}
