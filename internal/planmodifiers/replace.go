// Package planmodifiers holds plan modifiers shared by resources: replacement
// with a stated reason, and allowed in-place transitions.
package planmodifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// Terraform shows that a change "forces replacement" but never why. These
// modifiers require replacement like the framework's RequiresReplace, and add a
// warning naming the vendor rule, so that a user who sees a room about to be
// destroyed learns it is the API's limit and not a provider bug.
type replaceBecause struct {
	reason string
}

// RequiresReplaceBecause returns a string modifier that replaces the resource
// when the value changes, explaining reason in a warning.
func RequiresReplaceBecause(reason string) planmodifier.String { return replaceBecause{reason} }

// BoolRequiresReplaceBecause is RequiresReplaceBecause for booleans.
func BoolRequiresReplaceBecause(reason string) planmodifier.Bool { return replaceBecause{reason} }

func (m replaceBecause) Description(context.Context) string {
	return "Changing this value replaces the resource: " + m.reason
}

func (m replaceBecause) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m replaceBecause) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	m.modify(req.State, req.Plan, req.Path, req.StateValue, req.PlanValue, &resp.RequiresReplace, &resp.Diagnostics)
}

func (m replaceBecause) PlanModifyBool(_ context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	m.modify(req.State, req.Plan, req.Path, req.StateValue, req.PlanValue, &resp.RequiresReplace, &resp.Diagnostics)
}

func (m replaceBecause) modify(state tfsdk.State, plan tfsdk.Plan, p path.Path, stateVal, planVal attr.Value,
	requiresReplace *bool, diags *diag.Diagnostics,
) {
	// Creating or destroying the resource: nothing to replace.
	if state.Raw.IsNull() || plan.Raw.IsNull() {
		return
	}
	if planVal.IsUnknown() {
		*requiresReplace = true
		return
	}
	if stateVal.Equal(planVal) {
		return
	}
	*requiresReplace = true
	diags.AddAttributeWarning(p, "Changing "+p.String()+" replaces the resource", m.reason)
}
