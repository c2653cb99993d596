package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewWherebyMeetings is the conference_whereby_meetings data source: GET
// /meetings, every page.
func NewWherebyMeetings() datasource.DataSource {
	return newListing[wherebymap.Meeting](newBase[*whereby.Client]("whereby_meetings", &platforms.Whereby, "meetings"), listingDecl{
		description: "Lists the organization's Whereby meetings, in the order Whereby returns them (creation). " +
			"Every page is read (following the cursor), so the list is complete however many meetings there are; " +
			"a meeting more than an hour past its end is no longer listed. Empty when there are none.",
		arguments: map[string]schema.Attribute{"fields": wherebymap.FieldsArgument()},
		items:     "meetings", itemsDoc: "The meetings. `host_room_url` is sensitive.", attrs: wherebymap.ReadableAttrs(),
	}, func(ctx context.Context, c *whereby.Client, q *wherebyFields, diags *diag.Diagnostics) ([]whereby.Meeting, error) {
		fields := wherebymap.Fields(ctx, q.Fields, diags)
		if diags.HasError() {
			return nil, nil
		}
		return managed.Every(ctx, managed.WherebyMeetings(c, &managed.Listing{WherebyFields: fields}))
	})
}

// wherebyFields is the fields argument: the optional URLs to read.
type wherebyFields struct {
	Fields types.Set `tfsdk:"fields"`
}
