package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
)

// NewWherebySummaries is the conference_whereby_summaries data source: GET
// /summaries, every page.
func NewWherebySummaries() datasource.DataSource {
	return newWherebyCollection[wherebymap.Summary](wherebyCollection{
		name:      "summaries",
		about:     "Lists the summaries Whereby made of the organization's transcriptions.",
		note:      " Whereby's list has no room filter: filter `summaries` on `room_name`.",
		arguments: map[string]schema.Attribute{"sort_by": wherebymap.SortBy("roomName", "startDate", "durationInSeconds")},
		attrs:     wherebymap.SummaryAttrs(),
	}, (*whereby.Client).ListSummaries, (*wherebySorted).filter)
}
