package datasources

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// wherebyCollection declares a data source that lists every page of one of
// Whereby's collections (GET /recordings, /transcriptions, /summaries,
// /insights/rooms, ...), filtered by its query arguments.
//
// A new collection is one file: a constructor calling newWherebyCollection
// with its declaration, the client's call that lists every page, and the
// method of its query Q that makes the call's filter F (Q is one of
// wherebySorted, wherebyRoomSorted, or the collection's own). The
// description's sentence about pages, the items' description, the type
// name and the wording of a failed list come from here.
type wherebyCollection struct {
	// name is the type name after "whereby_", and, in words, what messages
	// call the objects: "recordings", "room_insights".
	name string
	// items names the list attribute; name when not set. itemsDoc
	// describes it; "The <items>." when not set.
	items, itemsDoc string
	// about leads the description; note, when set, ends it.
	about, note string
	// empty says when the list is empty: "when there are none" when not
	// set.
	empty string
	// arguments are the query's attributes (wherebymap.RoomNameFilter,
	// wherebymap.SortBy, ...), each a field of Q.
	arguments map[string]schema.Attribute
	// attrs are one item's attributes, as the mapper declares them.
	attrs mapping.Attrs
	// validators check the arguments together at plan time.
	validators []datasource.ConfigValidator
}

// newWherebyCollection is the data source c whose items are the mapper's
// model M (newWherebyCollection[M]): list with the filter that the query
// makes (filter). Its other type parameters follow from list and filter.
func newWherebyCollection[M any, P object[A, M], F, A, Q any](c wherebyCollection,
	list func(c *whereby.Client, ctx context.Context, f F) ([]A, error), filter func(q *Q) F,
) datasource.DataSource {
	if c.items == "" {
		c.items = c.name
	}
	if c.itemsDoc == "" {
		c.itemsDoc = "The " + c.items + "."
	}
	if c.empty == "" {
		c.empty = "when there are none"
	}
	return newListing[M, P](newBase[*whereby.Client]("whereby_"+c.name, &platforms.Whereby, strings.ReplaceAll(c.name, "_", " ")), listingDecl{
		description: c.about + " Every page is read (following the cursor), so the list is complete; empty " + c.empty + "." + c.note,
		arguments:   c.arguments,
		items:       c.items, itemsDoc: c.itemsDoc, attrs: c.attrs,
		validators: c.validators,
	}, func(ctx context.Context, cl *whereby.Client, q *Q, _ *diag.Diagnostics) ([]A, error) {
		return list(cl, ctx, filter(q))
	})
}

// wherebySorted is the query of a collection that takes sort_by alone.
type wherebySorted struct {
	SortBy types.String `tfsdk:"sort_by"`
}

func (q *wherebySorted) filter() whereby.ListFilter {
	return whereby.ListFilter{SortBy: q.SortBy.ValueString()}
}

// wherebyRoomSorted is the query of a collection that takes room_name and
// sort_by.
type wherebyRoomSorted struct {
	RoomName types.String `tfsdk:"room_name"`
	SortBy   types.String `tfsdk:"sort_by"`
}

func (q *wherebyRoomSorted) filter() whereby.ListFilter {
	return whereby.ListFilter{RoomName: q.RoomName.ValueString(), SortBy: q.SortBy.ValueString()}
}
