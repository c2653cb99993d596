package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

var _ datasource.DataSourceWithConfigure = (*portsipList[portsip.Room, struct{}])(nil)

// portsipList lists rooms or meetings, every page: the
// conference_portsip_rooms and conference_portsip_meetings data sources,
// whose items (attribute "rooms", "meetings") are the list's own summaries,
// not a read of each object: one request per 100 objects instead of one per
// object, which matters on a PBX with thousands. T is the client's type of
// a list item, M the mapper's model of one.
type portsipList[T, M any] struct {
	kind  portsipConference
	calls portsipCalls[T]
	// attrs are a list item's attributes.
	attrs   mapping.Attrs
	fromAPI func(*M, context.Context, *T, *diag.Diagnostics)
	// examples are portsipListArguments' filter, search and orderby examples.
	examples [3]string
	// description and items describe the data source and its items.
	description, items string
	base[*portsip.Client]
}

// itemsAttr names the list: "rooms", "meetings".
func (d *portsipList[T, M]) itemsAttr() string { return d.kind.noun + "s" }

func (d *portsipList[T, M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := portsipListArguments(d.kind.noun, d.examples[0], d.examples[1], d.examples[2])
	attrs[d.itemsAttr()] = schema.ListNestedAttribute{
		Computed: true,
		Description: d.items + ", in the order the PBX returns them (`orderby`, else the PBX's own order). " +
			"Empty when none match. `admin_pin` and `room_pin` are sensitive.",
		NestedObject: schema.NestedAttributeObject{Attributes: d.attrs.DataSource()},
	}
	resp.Schema = schema.Schema{
		Description: d.description + " Every page is read, so the list is complete however many " + d.itemsAttr() + " there are." + d.kind.owned(),
		Attributes:  attrs,
	}
}

// Read sets the list alone: the state starts as the configuration, which
// holds the query.
func (d *portsipList[T, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var q portsipListQuery
	for name, v := range map[string]any{"filter": &q.Filter, "search": &q.Search, "orderby": &q.OrderBy} {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), v)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	items, err := d.calls.list(d.client, ctx, q.options())
	if err != nil {
		d.listFailed(&resp.Diagnostics, err)
		return
	}
	// Non-nil even when empty: an empty list, not null, so that length() and
	// for_each work on "no matches".
	models := make([]M, len(items))
	for i := range items {
		d.fromAPI(&models[i], ctx, &items[i], &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(d.itemsAttr()), models)...)
}
