package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewWherebyMeetings is the conference_whereby_meetings data source: GET
// /meetings, every page.
func NewWherebyMeetings() datasource.DataSource {
	return &wherebyMeetings{newBase[*whereby.Client]("whereby_meetings", &platforms.Whereby, "meetings")}
}

type wherebyMeetings struct {
	base[*whereby.Client]
}

type wherebyMeetingsModel struct {
	Fields   types.Set            `tfsdk:"fields"`
	Meetings []wherebymap.Meeting `tfsdk:"meetings"`
}

func (d *wherebyMeetings) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the organization's Whereby meetings, in the order Whereby returns them (creation). " +
			"Every page is read (following the cursor), so the list is complete however many meetings there are; " +
			"a meeting more than an hour past its end is no longer listed. Empty when there are none.",
		Attributes: map[string]schema.Attribute{
			"fields":   wherebymap.FieldsArgument(),
			"meetings": listOf("The meetings. `host_room_url` is sensitive.", wherebymap.ReadableAttrs()),
		},
	}
}

func (d *wherebyMeetings) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg wherebyMeetingsModel
	list(ctx, &d.base, req, resp, &cfg, &cfg.Meetings, func(ctx context.Context) ([]whereby.Meeting, error) {
		fields := wherebymap.Fields(ctx, cfg.Fields, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return nil, nil
		}
		return managed.Every(ctx, managed.WherebyMeetings(d.client, &managed.Listing{WherebyFields: fields}))
	})
}
