// Package portsipmap maps PortSIP API objects to Terraform values and back,
// for the resource and the data sources of each object alike.
package portsipmap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

// Server is a conference server's Terraform values.
type Server struct {
	ID              types.String `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	Enabled         types.Bool   `tfsdk:"enabled"`
	Type            types.String `tfsdk:"type"`
	IPv4            types.String `tfsdk:"ipv4"`
	IPv6            types.String `tfsdk:"ipv6"`
	MaxRooms        types.Int64  `tfsdk:"max_rooms"`
	MaxParticipants types.Int64  `tfsdk:"max_participants"`
}

// ServerImmutable is why name, ipv4 and ipv6 replace a server:
// portsip-conference.txt's update body has only enabled, max_rooms and
// max_participants.
const ServerImmutable = "PortSIP cannot change a conference server's name, ipv4 or ipv6 in place (the update API does not take them), so a new server is created."

// ServerAttrs are a conference server's attributes.
func ServerAttrs() mapping.Attrs {
	return mapping.Attrs{
		"id": mapping.Assigned("The server's unique ID, assigned by the PBX."),
		"name": {
			Doc: "The server's name.", Config: "1 to 64 characters. Changing it replaces the server.",
			Resource: schema.StringAttribute{
				Required:      true,
				Validators:    []validator.String{stringvalidator.LengthBetween(1, 64)},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(ServerImmutable)},
			},
		},
		"enabled": {
			Doc: "Whether the server is active.", Config: "Defaults to `true`.",
			Resource: schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true)},
		},
		"type": mapping.Assigned("`INTERNAL` for the PBX's built-in conference server, `EXTERNAL` for servers added through the API " +
			"(so always `EXTERNAL` for servers the resource creates)."),
		"ipv4": {
			Doc:    "The host's IPv4 address, such as `192.0.2.10`; null when the server has none.",
			Config: "At least one of `ipv4` and `ipv6` is required. Changing it replaces the server.",
			Resource: schema.StringAttribute{
				Optional:      true,
				Validators:    []validator.String{validators.IPv4()},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(ServerImmutable)},
			},
		},
		"ipv6": {
			Doc:    "The host's IPv6 address, such as `2001:db8::10`; null when the server has none.",
			Config: "At least one of `ipv4` and `ipv6` is required. Changing it replaces the server.",
			Resource: schema.StringAttribute{
				Optional:      true,
				Validators:    []validator.String{validators.IPv6()},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(ServerImmutable)},
			},
		},
		"max_rooms": {
			Doc: "The maximum number of rooms the server hosts.", Config: "0 or more.",
			Resource: schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.Between(0, 2147483647)}},
		},
		"max_participants": {
			Doc: "The maximum number of participants across the server's rooms.", Config: "0 or more.",
			Resource: schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.Between(0, 2147483647)}},
		},
	}
}

// FromAPI refreshes every attribute from the PBX's answer. An address the
// PBX spells differently ("2001:DB8::1" for "2001:db8:0::1") keeps the prior
// spelling, so that the next plan shows no diff.
func (m *Server) FromAPI(_ context.Context, s *portsip.Server, _ *diag.Diagnostics) {
	m.ID = types.StringValue(s.ID)
	m.Name = types.StringValue(s.Name)
	m.Enabled = types.BoolValue(s.Enabled)
	m.Type = types.StringValue(s.Type)
	m.IPv4 = keepSpelling(m.IPv4, s.IPv4)
	m.IPv6 = keepSpelling(m.IPv6, s.IPv6)
	m.MaxRooms = types.Int64Value(s.MaxRooms)
	m.MaxParticipants = types.Int64Value(s.MaxParticipants)
}

// CreateBody is the create body.
func (m *Server) CreateBody(context.Context, *diag.Diagnostics) portsip.ServerCreate {
	return portsip.ServerCreate{
		Name:            m.Name.ValueString(),
		Enabled:         m.Enabled.ValueBoolPointer(),
		IPv4:            m.IPv4.ValueString(),
		IPv6:            m.IPv6.ValueString(),
		MaxRooms:        m.MaxRooms.ValueInt64(),
		MaxParticipants: m.MaxParticipants.ValueInt64(),
	}
}

// UpdateBody is the update body: all that the API lets change, whatever
// prior held.
func (m *Server) UpdateBody(context.Context, *Server, *diag.Diagnostics) portsip.ServerUpdate {
	return portsip.ServerUpdate{
		Enabled:         m.Enabled.ValueBoolPointer(),
		MaxRooms:        m.MaxRooms.ValueInt64Pointer(),
		MaxParticipants: m.MaxParticipants.ValueInt64Pointer(),
	}
}

// keepSpelling is the address got, written as prior when both are one
// address (portsip.SameAddress).
func keepSpelling(prior types.String, got string) types.String {
	if got == "" {
		return types.StringNull()
	}
	if !prior.IsNull() && !prior.IsUnknown() && portsip.SameAddress(prior.ValueString(), got) {
		return prior
	}
	return types.StringValue(got)
}
