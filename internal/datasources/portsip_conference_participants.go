package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
)

var _ datasource.DataSourceWithConfigure = (*portsipRoomParticipants)(nil)

// NewPortSIPRoomParticipants is the conference_portsip_room_participants data source.
func NewPortSIPRoomParticipants() datasource.DataSource { return &portsipRoomParticipants{} }

type portsipRoomParticipants struct {
	client *portsip.Client
}

type portsipRoomParticipantsModel struct {
	ID           types.String              `tfsdk:"id"`
	Participants []portsipParticipantModel `tfsdk:"participants"`
}

type portsipParticipantModel struct {
	ID          types.String `tfsdk:"id"`
	DisplayName types.String `tfsdk:"display_name"`
	Muted       types.Bool   `tfsdk:"muted"`
	Chairman    types.Bool   `tfsdk:"chairman"`
	Position    types.Int64  `tfsdk:"position"`
}

// portsipRoomIDArgument is the id argument of the data sources that read
// something of one room.
func portsipRoomIDArgument() schema.StringAttribute {
	return schema.StringAttribute{
		Required:    true,
		Description: "The ID of the conference room.",
		Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

func (d *portsipRoomParticipants) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_room_participants"
}

func (d *portsipRoomParticipants) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists who is in a PortSIP PBX conference room's live conference right now. " +
			"The list is a snapshot taken when Terraform reads the data source; it is empty when no conference is in progress.",
		Attributes: map[string]schema.Attribute{
			"id": portsipRoomIDArgument(),
			"participants": schema.ListNestedAttribute{
				Computed:    true,
				Description: "The participants, in the order the PBX returns them.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"id": schema.StringAttribute{
							Computed:    true,
							Description: "The participant's ID within the conference.",
						},
						"display_name": schema.StringAttribute{
							Computed:    true,
							Description: "The participant's display name, such as `\"Alice\"<sip:1001@pbx.example.com>`.",
						},
						"muted": schema.BoolAttribute{
							Computed:    true,
							Description: "Whether the participant is muted.",
						},
						"chairman": schema.BoolAttribute{
							Computed:    true,
							Description: "Whether the participant is the room's chairman.",
						},
						"position": schema.Int64Attribute{
							Computed:    true,
							Description: "The participant's tile in the video layout, 0 to 8; -1 when not shown.",
						},
					},
				},
			},
		},
	}
}

func (d *portsipRoomParticipants) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

func (d *portsipRoomParticipants) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipRoomParticipantsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ID.ValueString()
	ps, err := d.client.ListRoomParticipants(ctx, id)
	if err != nil {
		portsipReadError(&resp.Diagnostics, err, "conference room", id)
		return
	}
	cfg.Participants = make([]portsipParticipantModel, 0, len(ps))
	for _, p := range ps {
		cfg.Participants = append(cfg.Participants, portsipParticipantModel{
			ID:          types.StringValue(p.ID),
			DisplayName: types.StringValue(p.DisplayName),
			Muted:       types.BoolValue(p.Muted),
			Chairman:    types.BoolValue(p.Chairman),
			Position:    types.Int64Value(p.Position),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
