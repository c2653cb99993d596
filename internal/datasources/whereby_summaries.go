package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewWherebySummaries is the conference_whereby_summaries data
// source: GET /summaries, every page.
func NewWherebySummaries() datasource.DataSource {
	return &wherebySummaries{newBase[*whereby.Client]("whereby_summaries", &platforms.Whereby, "summaries")}
}

type wherebySummaries struct {
	base[*whereby.Client]
}

type wherebySummariesModel struct {
	SortBy    types.String         `tfsdk:"sort_by"`
	Summaries []wherebymap.Summary `tfsdk:"summaries"`
}

func (d *wherebySummaries) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the summaries Whereby made of the organization's transcriptions. Every page is read (following the cursor), " +
			"so the list is complete; empty when there are none. Whereby's list has no room filter: filter `summaries` on `room_name`.",
		Attributes: map[string]schema.Attribute{
			"sort_by":   wherebymap.SortBy("roomName", "startDate", "durationInSeconds"),
			"summaries": listOf("The summaries.", wherebymap.SummaryAttrs()),
		},
	}
}

func (d *wherebySummaries) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg wherebySummariesModel
	list(ctx, &d.base, req, resp, &cfg, &cfg.Summaries, func(ctx context.Context) ([]whereby.Summary, error) {
		return d.client.ListSummaries(ctx, whereby.ListFilter{SortBy: cfg.SortBy.ValueString()})
	})
}
