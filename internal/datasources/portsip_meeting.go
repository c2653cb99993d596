package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
)

var (
	_ datasource.DataSourceWithConfigure        = (*portsipMeeting)(nil)
	_ datasource.DataSourceWithConfigValidators = (*portsipMeeting)(nil)
)

// NewPortSIPMeeting is the conference_portsip_meeting data source.
func NewPortSIPMeeting() datasource.DataSource { return &portsipMeeting{} }

type portsipMeeting struct {
	client *portsip.Client
}

func (d *portsipMeeting) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_meeting"
}

func (d *portsipMeeting) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := portsipmap.MeetingAttrs().DataSource()
	portsipMeetingKind.lookupArguments(attrs)
	resp.Schema = schema.Schema{
		Description: "Reads one of the signed-in PortSIP user's meetings, by its ID or by its extension number. " +
			"A meeting that does not exist, or is another user's, is an error. `admin_pin` and `room_pin` are sensitive." +
			portsipMeetingKind.owned(),
		Attributes: attrs,
	}
}

func (d *portsipMeeting) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return portsipLookupValidators()
}

func (d *portsipMeeting) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

func (d *portsipMeeting) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipmap.Meeting
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ID.ValueString()
	if cfg.ID.IsNull() {
		id = portsipIDByExtension(ctx, d.client, portsipMeetingKind, cfg.ExtensionNumber.ValueString(), (*portsip.Client).ListMeetings,
			func(m *portsip.Meeting) *portsip.Conference { return &m.Conference }, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	meeting, err := d.client.GetMeeting(ctx, id)
	if err != nil {
		portsipMeetingKind.readError(d.client, &resp.Diagnostics, err, id)
		return
	}
	var m portsipmap.Meeting
	m.FromAPI(ctx, meeting, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
