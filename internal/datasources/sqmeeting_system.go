package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
)

var _ datasource.DataSourceWithConfigure = (*sqmeetingSystem)(nil)

// NewSQMeetingSystem is the conference_sqmeeting_system data source: the
// server's version and capacity.
func NewSQMeetingSystem() datasource.DataSource { return &sqmeetingSystem{} }

type sqmeetingSystem struct {
	client *sqmeeting.Client
}

func (d *sqmeetingSystem) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sqmeeting_system"
}

func (d *sqmeetingSystem) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The SQMeeting server's version and capacity: the calls and users its license allows and how many are in use.",
		Attributes:  sqmeetingmap.SystemAttrs().DataSource(),
	}
}

func (d *sqmeetingSystem) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = providerdata.Client[*sqmeeting.Client](req.ProviderData, &platforms.SQMeeting, &resp.Diagnostics)
}

func (d *sqmeetingSystem) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	version, err := d.client.SystemVersion(ctx)
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Read, "version"))
		return
	}
	capacity, err := d.client.SystemCapacity(ctx)
	if err != nil {
		resp.Diagnostics.AddError(client.Describe(err, platforms.SQMeeting.Name, client.Read, "capacity"))
		return
	}
	var out sqmeetingmap.System
	out.FromAPI(version, capacity)
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}
