package datasources

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

// portsipListQuery is the arguments of every PortSIP list data source.
type portsipListQuery struct {
	Filter  types.String `tfsdk:"filter"`
	Search  types.String `tfsdk:"search"`
	OrderBy types.String `tfsdk:"orderby"`
}

// listing leaves PageSize at the client's maximum: the client pages through
// everything anyway, so bigger pages only mean fewer requests.
func (q *portsipListQuery) listing(context.Context, *diag.Diagnostics) *managed.Listing {
	return &managed.Listing{PortSIP: portsip.ListOptions{
		Filter:  q.Filter.ValueString(),
		Search:  q.Search.ValueString(),
		OrderBy: q.OrderBy.ValueString(),
	}}
}

// portsipList declares a PortSIP list data source: servers, rooms or
// meetings, every page, optionally filtered, searched and sorted by the PBX.
type portsipList struct {
	// typ is the managed type of the objects, which names the data source
	// and its list in the plural (baseOfList): "portsip_rooms", "rooms".
	typ *managed.Type
	// what is the search argument's word for one object: "room".
	what string
	// examples are the filter, search and orderby arguments' examples.
	examples [3]string
	// description leads the data source's description, note ends it.
	description, note string
	// items leads the list's description; itemsNote ends it.
	items, itemsNote string
	attrs            mapping.Attrs
}

// newPortSIPListing is the list data source l: every page (pages) of what
// the query matches, each item the mapper's model M (newPortSIPListing[M]).
func newPortSIPListing[M any, P object[A, M], A any](l portsipList, pages func(*portsip.Client, *managed.Listing) managed.Pages[A],
) datasource.DataSource {
	items := strings.TrimPrefix(l.typ.Name, managed.Prefix+"portsip_") + "s"
	return newTypeListing[M, P](l.typ, listingDecl{
		description: l.description + " Every page is read, so the list is complete however many " + items + " there are." + l.note,
		arguments:   portsipListArguments(l.what, l.examples),
		items:       items,
		itemsDoc:    l.items + ", in the order the PBX returns them (`orderby`, else the PBX's own order). Empty when none match." + l.itemsNote,
		attrs:       l.attrs,
	}, pages, (*portsipListQuery).listing)
}

// portsipListArguments are the query arguments every PortSIP list data source
// takes, passed to the PBX as they are: the PBX, not the provider, decides what
// an expression means, so they are documented with examples rather than
// validated here.
func portsipListArguments(what string, examples [3]string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"filter":  optionalString(portsipmap.FilterDoc(examples[0])),
		"search":  optionalString(portsipmap.SearchDoc(what, examples[1])),
		"orderby": optionalString("The sort order, as comma-separated fields each followed by `asc` (the default) or `desc`, such as `" + examples[2] + "`."),
	}
}

// newPortSIPConferenceList lists rooms or meetings (k), every page: the
// conference_portsip_rooms and conference_portsip_meetings data sources,
// whose items are the list's own summaries, not a read of each object: one
// request per 100 objects instead of one per object, which matters on a PBX
// with thousands. l says the rest.
func newPortSIPConferenceList[M any, P object[T, M], T any](k portsipConference, calls portsipCalls[T], l portsipList) datasource.DataSource {
	l.typ, l.what = k.typ, k.noun
	l.note, l.itemsNote = k.owned(), " `admin_pin` and `room_pin` are sensitive."
	return newPortSIPListing[M, P](l, calls.pages)
}
