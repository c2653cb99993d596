package planmodifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// KeepEquivalent plans the prior state's value when the configuration spells the
// same value differently (a time with another offset, JSON with other spacing),
// so that rewriting a value without changing it never shows a diff. The
// framework applies semantic equality only to what the provider returns, not to
// what the user writes. typ is the attribute's CustomType, whose values
// implement semantic equality.
func KeepEquivalent(typ basetypes.StringTypable) planmodifier.String { return keepEquivalent{typ: typ} }

type keepEquivalent struct {
	typ basetypes.StringTypable
}

func (keepEquivalent) Description(context.Context) string {
	return "An equivalent spelling of the current value is not a change."
}

func (m keepEquivalent) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m keepEquivalent) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.StateValue.IsUnknown() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	if req.StateValue.Equal(req.PlanValue) {
		return
	}
	planned, d := m.typ.ValueFromString(ctx, req.PlanValue)
	resp.Diagnostics.Append(d...)
	prior, d := m.typ.ValueFromString(ctx, req.StateValue)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	sem, ok := prior.(basetypes.StringValuableWithSemanticEquals)
	if !ok {
		return
	}
	equal, d := sem.StringSemanticEquals(ctx, planned)
	resp.Diagnostics.Append(d...)
	if equal {
		resp.PlanValue = req.StateValue
	}
}
