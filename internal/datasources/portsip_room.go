package datasources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
)

var (
	_ datasource.DataSourceWithConfigure        = (*portsipRoom)(nil)
	_ datasource.DataSourceWithConfigValidators = (*portsipRoom)(nil)
)

// NewPortSIPRoom is the conference_portsip_room data source.
func NewPortSIPRoom() datasource.DataSource { return &portsipRoom{} }

type portsipRoom struct {
	client *portsip.Client
}

func (d *portsipRoom) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_room"
}

func (d *portsipRoom) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := portsipmap.RoomAttrs().DataSource()
	attrs["id"] = schema.StringAttribute{
		Optional:    true,
		Computed:    true,
		Description: "The ID of the room to read. Exactly one of `id` and `extension_number` must be set.",
		Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["extension_number"] = schema.StringAttribute{
		Optional: true,
		Computed: true,
		Description: "The extension number of the room to read, 3 to 64 digits. Exactly one of `id` and `extension_number` must be set; " +
			"when `id` is set, this is the room's extension.",
		Validators: []validator.String{portsipmap.ExtensionNumber()},
	}
	resp.Schema = schema.Schema{
		Description: "Reads one PortSIP PBX conference room, by its ID or by its extension number. " +
			"A room that does not exist is an error. `admin_pin` and `room_pin` are sensitive.",
		Attributes: attrs,
	}
}

func (d *portsipRoom) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("extension_number")),
	}
}

func (d *portsipRoom) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

func (d *portsipRoom) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipmap.Room
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ID.ValueString()
	if cfg.ID.IsNull() {
		id = d.idByExtension(ctx, cfg.ExtensionNumber.ValueString(), &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	room, err := d.client.GetRoom(ctx, id)
	if err != nil {
		portsipReadError(&resp.Diagnostics, err, "conference room", id)
		return
	}
	var m portsipmap.Room
	m.FromAPI(ctx, room, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// idByExtension finds a room's ID from its extension number. The list gives
// only a summary of each room, so the caller then reads the room itself.
func (d *portsipRoom) idByExtension(ctx context.Context, ext string, diags *diag.Diagnostics) string {
	rooms, err := d.client.ListRooms(ctx, portsip.ListOptions{
		Filter: "extension_number eq " + portsipODataString(ext),
	})
	if err != nil {
		diags.AddError(fmt.Sprintf("Looking up PortSIP conference room with extension number %q failed", ext), err.Error())
		return ""
	}
	// Compare again here rather than trust the PBX's filter alone: a lax
	// filter must not hand back some other room.
	var ids []string
	for _, r := range rooms {
		if r.ExtensionNumber == ext {
			ids = append(ids, r.ID)
		}
	}
	switch len(ids) {
	case 0:
		diags.AddAttributeError(path.Root("extension_number"), "PortSIP conference room not found",
			fmt.Sprintf("There is no PortSIP conference room with extension number %q.", ext))
		return ""
	case 1:
		return ids[0]
	default:
		diags.AddAttributeError(path.Root("extension_number"), "Ambiguous PortSIP extension number",
			fmt.Sprintf("%d PortSIP conference rooms have extension number %q (IDs %s); look the room up by id instead.",
				len(ids), ext, strings.Join(ids, ", ")))
		return ""
	}
}

// portsipODataString quotes s as an OData string literal: single quotes, with
// a quote inside doubled.
func portsipODataString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
