package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// NewSQMeetingSystem is the conference_sqmeeting_system data source: the
// server's version and capacity.
func NewSQMeetingSystem() datasource.DataSource {
	return &sqmeetingSystem{newBase[*sqmeeting.Client]("sqmeeting_system", &platforms.SQMeeting, "system")}
}

type sqmeetingSystem struct {
	base[*sqmeeting.Client]
}

func (d *sqmeetingSystem) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The SQMeeting server's version and capacity: the calls and users its license allows and how many are in use.",
		Attributes:  sqmeetingmap.SystemAttrs().DataSource(),
	}
}

func (d *sqmeetingSystem) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	version, err := d.client.SystemVersion(ctx)
	if err != nil {
		errdiag.Object{Platform: d.platform.Name, Noun: "version"}.Add(&resp.Diagnostics, errdiag.Read, err)
		return
	}
	capacity, err := d.client.SystemCapacity(ctx)
	if err != nil {
		errdiag.Object{Platform: d.platform.Name, Noun: "capacity"}.Add(&resp.Diagnostics, errdiag.Read, err)
		return
	}
	var out sqmeetingmap.System
	out.FromAPI(version, capacity)
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &out)...)
}
