package portsipmap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

// CallerID is one item of outbound_caller_ids.
type CallerID struct {
	ProviderID  types.String `tfsdk:"provider_id"`
	CallerID    types.String `tfsdk:"caller_id"`
	Description types.String `tfsdk:"description"`
}

// callerIDType is outbound_caller_ids' element type.
var callerIDType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"provider_id": types.StringType,
	"caller_id":   types.StringType,
	"description": types.StringType,
}}

func callerIDsAttribute() schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Optional: true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"provider_id": schema.StringAttribute{
				Required:    true,
				Description: "The ID of the trunk (provider) the caller ID is used on.",
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"caller_id": schema.StringAttribute{
				Required:    true,
				Description: "The caller ID, 1 to 64 characters.",
				Validators:  []validator.String{stringvalidator.LengthBetween(1, 64)},
			},
			"description": schema.StringAttribute{
				Optional:    true,
				Description: "What the caller ID is for, at most 1024 characters; null when not set.",
				Validators:  []validator.String{stringvalidator.LengthAtMost(1024)},
			},
		}},
	}
}

// callerIDs is the API's caller IDs as outbound_caller_ids: null when none.
func callerIDs(ctx context.Context, ids []portsip.OutboundCallerID, diags *diag.Diagnostics) types.List {
	rows := make([]CallerID, 0, len(ids))
	for _, c := range ids {
		rows = append(rows, CallerID{
			ProviderID:  types.StringValue(c.ProviderID),
			CallerID:    types.StringValue(c.CallerID),
			Description: mapping.String(c.Description),
		})
	}
	return mapping.ObjectList(ctx, callerIDType, rows, diags)
}

// callerIDs is outbound_caller_ids as a body carries them (see delta), empty
// for null, which clears them on update.
func (d delta) callerIDs(ctx context.Context, plan, prior types.List, diags *diag.Diagnostics) *[]portsip.OutboundCallerID {
	if !d.changed(plan, prior) {
		return nil
	}
	ids := callerIDsInput(ctx, plan, diags)
	return &ids
}

func callerIDsInput(ctx context.Context, v types.List, diags *diag.Diagnostics) []portsip.OutboundCallerID {
	var rows []CallerID
	if !v.IsNull() && !v.IsUnknown() {
		diags.Append(v.ElementsAs(ctx, &rows, false)...)
	}
	out := make([]portsip.OutboundCallerID, 0, len(rows))
	for _, r := range rows {
		out = append(out, portsip.OutboundCallerID{
			ProviderID: r.ProviderID.ValueString(), CallerID: r.CallerID.ValueString(), Description: r.Description.ValueString(),
		})
	}
	return out
}
