package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// wherebyCollection declares a data source that lists every page of one of
// Whereby's collections (GET /recordings, /transcriptions, /summaries),
// filtered by the query arguments the data source's model holds.
//
// A new collection is one file: its model L (its query arguments, which
// make the client's filter F, and its items, each the mapper's model M of
// an A), and a constructor calling newWherebyCollection with its
// declaration, the client's call that lists every page, and L's filter and
// list. The description's sentence about pages, the items' description,
// the type name and the wording of a failed list come from here.
type wherebyCollection struct {
	// name is the type name after "whereby_", and what messages call the
	// objects: "recordings".
	name string
	// items names the list attribute; name when not set.
	items string
	// about leads the description; note, when set, ends it.
	about, note string
	// arguments are the query's attributes (wherebymap.RoomNameFilter,
	// wherebymap.SortBy, ...), each a field of L.
	arguments map[string]schema.Attribute
	// attrs are one item's attributes, as the mapper declares them.
	attrs mapping.Attrs
}

// newWherebyCollection is the data source c: list with the filter that the
// configuration makes (filter), every item into the model's list (into).
// Its type parameters follow from list, filter and into.
func newWherebyCollection[F, A, M any, P object[A, M], L any](c wherebyCollection,
	list func(c *whereby.Client, ctx context.Context, f F) ([]A, error), filter func(cfg *L) F, into func(cfg *L) *[]M,
) datasource.DataSource {
	if c.items == "" {
		c.items = c.name
	}
	return newListing[*whereby.Client, A, M, P](newBase[*whereby.Client]("whereby_"+c.name, &platforms.Whereby, c.name), listingDecl{
		description: c.about + " Every page is read (following the cursor), so the list is complete; empty when there are none." + c.note,
		arguments:   c.arguments,
		items:       c.items, itemsDoc: "The " + c.items + ".", attrs: c.attrs,
	}, func(ctx context.Context, cl *whereby.Client, cfg *L, _ *diag.Diagnostics) ([]A, error) {
		return list(cl, ctx, filter(cfg))
	}, into)
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
