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

var _ datasource.DataSourceWithConfigure = (*portsipMeetings)(nil)

// NewPortSIPMeetings is the conference_portsip_meetings data source.
func NewPortSIPMeetings() datasource.DataSource { return &portsipMeetings{} }

type portsipMeetings struct {
	client *portsip.Client
}

type portsipMeetingsModel struct {
	portsipListQuery
	Meetings []portsipmap.MeetingSummary `tfsdk:"meetings"`
}

func (d *portsipMeetings) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portsip_meetings"
}

func (d *portsipMeetings) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := portsipListArguments("meeting", "mode eq 'VIDEO' and scheduled_start_at ge '2030-01-01T00:00:00Z'", "review", "scheduled_start_at desc")
	attrs["meetings"] = schema.ListNestedAttribute{
		Computed: true,
		Description: "The signed-in user's matching meetings, in the order the PBX returns them (`orderby`, else the PBX's own order). " +
			"Empty when none match. `admin_pin` and `room_pin` are sensitive.",
		NestedObject: schema.NestedAttributeObject{Attributes: portsipmap.MeetingSummaryAttrs().DataSource()},
	}
	resp.Schema = schema.Schema{
		// The list's own fields, not a read of each meeting: one request per
		// 100 meetings instead of one per meeting.
		Description: "Lists the signed-in PortSIP user's meetings, optionally filtered, searched and sorted by the PBX. " +
			"Every page is read, so the list is complete however many meetings there are. " +
			"Each item has the fields the PBX's meeting list returns, which are all of a meeting's attributes except " +
			"`domain`, `sbc_host` and `sbc_port`; read those with the `conference_portsip_meeting` data source." +
			portsipMeetingKind.owned(),
		Attributes: attrs,
	}
}

func (d *portsipMeetings) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = providerdata.Client[*portsip.Client](req.ProviderData, &platforms.PortSIP, &resp.Diagnostics)
}

func (d *portsipMeetings) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipMeetingsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	meetings, err := d.client.ListMeetings(ctx, cfg.options())
	if err != nil {
		resp.Diagnostics.AddError("Listing PortSIP meetings failed", err.Error())
		return
	}
	// Non-nil even when empty: an empty list, not null.
	cfg.Meetings = make([]portsipmap.MeetingSummary, len(meetings))
	for i := range meetings {
		cfg.Meetings[i].FromAPI(ctx, &meetings[i], &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
