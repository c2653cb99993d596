package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// portsipListModel is a list data source's model L: the query, and the
// items M.
type portsipListModel[L, M any] interface {
	*L
	query() *portsipListQuery
	items() *[]M
}

// portsipRoomsModel is conference_portsip_rooms'.
type portsipRoomsModel struct {
	portsipListQuery
	Rooms []portsipmap.RoomSummary `tfsdk:"rooms"`
}

func (m *portsipRoomsModel) items() *[]portsipmap.RoomSummary { return &m.Rooms }

// portsipMeetingsModel is conference_portsip_meetings'.
type portsipMeetingsModel struct {
	portsipListQuery
	Meetings []portsipmap.MeetingSummary `tfsdk:"meetings"`
}

func (m *portsipMeetingsModel) items() *[]portsipmap.MeetingSummary { return &m.Meetings }

// portsipList lists rooms or meetings, every page: the
// conference_portsip_rooms and conference_portsip_meetings data sources,
// whose items (attribute "rooms", "meetings") are the list's own summaries,
// not a read of each object: one request per 100 objects instead of one per
// object, which matters on a PBX with thousands. T is the client's type of
// a list item, M the mapper's model of one (P its pointer), L the data
// source's model (PL its pointer).
type portsipList[T, M any, P interface {
	*M
	mapping.Reads[T]
}, L any, PL portsipListModel[L, M]] struct {
	kind  portsipConference
	calls portsipCalls[T]
	// attrs are a list item's attributes.
	attrs mapping.Attrs
	// examples are portsipListArguments' filter, search and orderby examples.
	examples [3]string
	// description and items describe the data source and its items.
	description, items string
	base[*portsip.Client]
}

// itemsAttr names the list: "rooms", "meetings".
func (d *portsipList[T, M, P, L, PL]) itemsAttr() string { return d.kind.noun + "s" }

func (d *portsipList[T, M, P, L, PL]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
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

// Read sets the list; the rest of the state is the configuration, which
// holds the query.
func (d *portsipList[T, M, P, L, PL]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg L
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	items, err := d.calls.list(ctx, d.client, PL(&cfg).query().options())
	if err != nil {
		d.listFailed(&resp.Diagnostics, err)
		return
	}
	// Non-nil even when empty: an empty list, not null, so that length() and
	// for_each work on "no matches".
	models := make([]M, len(items))
	for i := range items {
		P(&models[i]).FromAPI(ctx, &items[i], &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	*PL(&cfg).items() = models
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &cfg)...)
}
