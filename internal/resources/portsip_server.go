package resources

import (
	"context"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"net/netip"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

var (
	_ resource.ResourceWithConfigure        = (*portsipServer)(nil)
	_ resource.ResourceWithImportState      = (*portsipServer)(nil)
	_ resource.ResourceWithConfigValidators = (*portsipServer)(nil)
)

// NewPortSIPServer is the conference_portsip_server resource.
func NewPortSIPServer() resource.Resource { return &portsipServer{} }

type portsipServer struct {
	client *portsip.Client
}

type portsipServerModel struct {
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
	ID              types.String   `tfsdk:"id"`
	Name            types.String   `tfsdk:"name"`
	Enabled         types.Bool     `tfsdk:"enabled"`
	Type            types.String   `tfsdk:"type"`
	IPv4            types.String   `tfsdk:"ipv4"`
	IPv6            types.String   `tfsdk:"ipv6"`
	MaxRooms        types.Int64    `tfsdk:"max_rooms"`
	MaxParticipants types.Int64    `tfsdk:"max_participants"`
}

// portsip-conference.txt: the update body has only enabled, max_rooms and
// max_participants.
const serverImmutable = "PortSIP cannot change a conference server's name, ipv4 or ipv6 in place (the update API does not take them), so a new server is created."

func (r *portsipServer) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_server"
}

func (r *portsipServer) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A PortSIP PBX conference server: a media server that hosts conference rooms. " +
			"`name`, `ipv4` and `ipv6` cannot change in place; changing them replaces the server. At least one of `ipv4` and `ipv6` is required.",
		Attributes: map[string]schema.Attribute{
			"timeouts": timeoutsAttribute(ctx),
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "The server's unique ID, assigned by the PBX.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				Required:      true,
				Description:   "The server's name, 1 to 64 characters. Changing it replaces the server.",
				Validators:    []validator.String{stringvalidator.LengthBetween(1, 64)},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(serverImmutable)},
			},
			"enabled": schema.BoolAttribute{
				Optional:    true,
				Computed:    true,
				Default:     booldefault.StaticBool(true),
				Description: "Whether the server is active. Defaults to `true`.",
			},
			"type": schema.StringAttribute{
				Computed: true,
				Description: "`INTERNAL` for the PBX's built-in conference server, `EXTERNAL` for servers added through the API " +
					"(so always `EXTERNAL` for servers this resource creates).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"ipv4": schema.StringAttribute{
				Optional:      true,
				Description:   "The host's IPv4 address, such as `192.0.2.10`. At least one of `ipv4` and `ipv6` is required. Changing it replaces the server.",
				Validators:    []validator.String{validators.IPv4()},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(serverImmutable)},
			},
			"ipv6": schema.StringAttribute{
				Optional:      true,
				Description:   "The host's IPv6 address, such as `2001:db8::10`. At least one of `ipv4` and `ipv6` is required. Changing it replaces the server.",
				Validators:    []validator.String{validators.IPv6()},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(serverImmutable)},
			},
			"max_rooms": schema.Int64Attribute{
				Required:    true,
				Description: "The maximum number of rooms the server hosts (0 or more).",
				Validators:  []validator.Int64{int64validator.Between(0, 2147483647)},
			},
			"max_participants": schema.Int64Attribute{
				Required:    true,
				Description: "The maximum number of participants across the server's rooms (0 or more).",
				Validators:  []validator.Int64{int64validator.Between(0, 2147483647)},
			},
		},
	}
}

func (r *portsipServer) ConfigValidators(context.Context) []resource.ConfigValidator {
	// portsip-conference.txt: "at least one of ipv4 or ipv6 must be specified."
	return []resource.ConfigValidator{
		resourcevalidator.AtLeastOneOf(path.MatchRoot("ipv4"), path.MatchRoot("ipv6")),
	}
}

func (r *portsipServer) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

func (r *portsipServer) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan portsipServerModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Create, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	id, err := r.client.CreateServer(ctx, portsip.ServerCreate{
		Name:            plan.Name.ValueString(),
		Enabled:         plan.Enabled.ValueBoolPointer(),
		IPv4:            plan.IPv4.ValueString(),
		IPv6:            plan.IPv6.ValueString(),
		MaxRooms:        plan.MaxRooms.ValueInt64(),
		MaxParticipants: plan.MaxParticipants.ValueInt64(),
	})
	if err != nil {
		resp.Diagnostics.AddError("PortSIP rejected conference server", err.Error())
		return
	}
	// Save the ID first: if the read-back fails, the server still exists and
	// Terraform must know about it to manage or destroy it.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	s, err := r.client.GetServer(ctx, id)
	if err != nil {
		resp.Diagnostics.AddError("Reading the new PortSIP conference server failed", err.Error())
		return
	}
	plan.fromAPI(s)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *portsipServer) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state portsipServerModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Read, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()
	s, err := r.client.GetServer(ctx, state.ID.ValueString())
	if client.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading PortSIP conference server failed", err.Error())
		return
	}
	state.fromAPI(s)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *portsipServer) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan portsipServerModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, plan.Timeouts.Update, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	err := r.client.UpdateServer(ctx, plan.ID.ValueString(), portsip.ServerUpdate{
		Enabled:         plan.Enabled.ValueBoolPointer(),
		MaxRooms:        plan.MaxRooms.ValueInt64Pointer(),
		MaxParticipants: plan.MaxParticipants.ValueInt64Pointer(),
	})
	if err != nil {
		resp.Diagnostics.AddError("PortSIP rejected conference server update", err.Error())
		return
	}
	s, err := r.client.GetServer(ctx, plan.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Reading the updated PortSIP conference server failed", err.Error())
		return
	}
	plan.fromAPI(s)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *portsipServer) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state portsipServerModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := withTimeout(ctx, state.Timeouts.Delete, defaultWriteTimeout, &resp.Diagnostics)
	defer cancel()
	err := r.client.DeleteServer(ctx, state.ID.ValueString())
	if err != nil && !client.IsNotFound(err) {
		resp.Diagnostics.AddError("Deleting PortSIP conference server failed", err.Error())
	}
}

func (r *portsipServer) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" {
		resp.Diagnostics.AddError("Invalid import ID", "Import a conference server by its PortSIP ID, e.g. `terraform import conference_portsip_server.main NzAwNTUxOTA5NzczMTQ4MTYw`.")
		return
	}
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

func (m *portsipServerModel) fromAPI(s *portsip.Server) {
	m.ID = types.StringValue(s.ID)
	m.Name = types.StringValue(s.Name)
	m.Enabled = types.BoolValue(s.Enabled)
	m.Type = types.StringValue(s.Type)
	m.IPv4 = keepEquivalentIP(m.IPv4, s.IPv4)
	m.IPv6 = keepEquivalentIP(m.IPv6, s.IPv6)
	m.MaxRooms = types.Int64Value(s.MaxRooms)
	m.MaxParticipants = types.Int64Value(s.MaxParticipants)
}

// keepEquivalentIP keeps the user's spelling of an address the API returns in
// another form ("2001:DB8::1" and "2001:db8:0::1" are one address), so that the
// next plan shows no diff.
func keepEquivalentIP(prior types.String, got string) types.String {
	if got == "" {
		return types.StringNull()
	}
	if !prior.IsNull() && !prior.IsUnknown() {
		a, errA := netip.ParseAddr(prior.ValueString())
		b, errB := netip.ParseAddr(got)
		if errA == nil && errB == nil && a == b {
			return prior
		}
	}
	return types.StringValue(got)
}
