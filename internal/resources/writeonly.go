package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// writeOnly is a write-only argument (WriteOnly, Sensitive: never in plan or
// state) and the version argument beside it that says when to send it:
// Terraform keeps no copy of the value, so only a changed version tells an
// update that the value is new. The value comes from the configuration.
type writeOnly struct {
	attr, version string
}

// value is the configured value, "" when null or unknown.
func (w writeOnly) value(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) string {
	var v types.String
	diags.Append(cfg.GetAttribute(ctx, path.Root(w.attr), &v)...)
	return v.ValueString()
}

// toSend is the value an update sends: the configured one when the version
// changed, else "" (nothing to send).
func (w writeOnly) toSend(ctx context.Context, cfg tfsdk.Config, plan, prior types.Int64, diags *diag.Diagnostics) string {
	if plan.Equal(prior) {
		return ""
	}
	return w.value(ctx, cfg, diags)
}

// configured reports whether the configuration sets the value (an unknown
// value counts: it is set at apply).
func (w writeOnly) configured(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics) bool {
	var v types.String
	diags.Append(cfg.GetAttribute(ctx, path.Root(w.attr), &v)...)
	return !v.IsNull()
}
