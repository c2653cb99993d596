package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
)

// NewWherebyMeetings is the conference_whereby_meetings data source: GET
// /meetings, every page.
func NewWherebyMeetings() datasource.DataSource {
	return newTypeListing[wherebymap.Meeting](&managed.WherebyMeeting, listingDecl{
		description: "Lists the organization's Whereby meetings, in the order Whereby returns them (creation). " +
			"Every page is read (following the cursor), so the list is complete however many meetings there are; " +
			"a meeting more than an hour past its end is no longer listed. Empty when there are none.",
		arguments: map[string]schema.Attribute{"fields": wherebymap.FieldsArgument()},
		items:     "meetings", itemsDoc: "The meetings. `host_room_url` is sensitive.", attrs: wherebymap.ReadableAttrs(),
	}, managed.WherebyMeetings, (*wherebyFields).listing)
}

// wherebyFields is the fields argument: the optional URLs to read.
type wherebyFields struct {
	Fields types.Set `tfsdk:"fields"`
}

func (q *wherebyFields) listing(ctx context.Context, diags *diag.Diagnostics) *managed.Listing {
	return &managed.Listing{WherebyFields: wherebymap.Fields(ctx, q.Fields, diags)}
}
