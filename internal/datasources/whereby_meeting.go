package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
)

var _ datasource.DataSourceWithConfigure = (*wherebyMeeting)(nil)

// NewWherebyMeeting is the conference_whereby_meeting data source: GET
// /meetings/{meetingId}.
func NewWherebyMeeting() datasource.DataSource { return &wherebyMeeting{} }

type wherebyMeeting struct {
	client *whereby.Client
}

type wherebyMeetingModel struct {
	wherebymap.Meeting
	Fields types.Set `tfsdk:"fields"`
}

func (d *wherebyMeeting) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_whereby_meeting"
}

func (d *wherebyMeeting) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := wherebymap.ReadableAttrs().DataSource()
	attrs["id"] = schema.StringAttribute{
		Required:    true,
		Description: "The meeting ID (`meetingId`) of the meeting to read.",
		Validators:  []validator.String{wherebymap.MeetingID()},
	}
	attrs["fields"] = wherebymap.FieldsArgument()
	resp.Schema = schema.Schema{
		Description: "Reads one Whereby meeting by its ID: its room and dates, and the optional URLs asked for in `fields`. " +
			"A meeting that does not exist (deleted, or an hour past its end) is an error. Whereby does not return the " +
			"settings a meeting was created with, so this data source has none of them.",
		Attributes: attrs,
	}
}

func (d *wherebyMeeting) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = providerdata.Client[*whereby.Client](req.ProviderData, &platforms.Whereby, &resp.Diagnostics)
}

func (d *wherebyMeeting) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg wherebyMeetingModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	fields := wherebymap.Fields(ctx, cfg.Fields, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ID.ValueString()
	mtg, err := d.client.GetMeeting(ctx, id, fields...)
	if client.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Whereby meeting not found",
			fmt.Sprintf("There is no Whereby meeting %q: it was deleted, or it ended more than an hour ago.", id))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.Whereby.Name, client.Read, "meeting"))
		return
	}
	cfg.FromAPI(mtg)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
