package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// NewPortSIPServers is the conference_portsip_servers data source.
func NewPortSIPServers() datasource.DataSource {
	return &portsipServers{newBase[*portsip.Client]("portsip_servers", &platforms.PortSIP, "conference servers")}
}

type portsipServers struct {
	base[*portsip.Client]
}

type portsipServersModel struct {
	portsipListQuery
	Servers []portsipServerModel `tfsdk:"servers"`
}

// portsipListQuery is the arguments of every PortSIP list data source.
type portsipListQuery struct {
	Filter  types.String `tfsdk:"filter"`
	Search  types.String `tfsdk:"search"`
	OrderBy types.String `tfsdk:"orderby"`
}

func (q *portsipListQuery) query() *portsipListQuery { return q }

func (d *portsipServers) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := portsipListArguments("server", "enabled eq true and type eq 'EXTERNAL'", "east", "name asc, max_rooms desc")
	attrs["servers"] = listOf("The matching conference servers, in the order the PBX returns them (`orderby`, else the PBX's own order). Empty when none match.", portsipmap.ServerAttrs())
	resp.Schema = schema.Schema{
		Description: "Lists the PortSIP PBX conference servers, including the built-in `INTERNAL` one, optionally filtered, searched and sorted by the PBX. " +
			"Every page is read, so the list is complete however many servers there are.",
		Attributes: attrs,
	}
}

// portsipListArguments are the query arguments every PortSIP list data source
// takes, passed to the PBX as they are: the PBX, not the provider, decides what
// an expression means, so they are documented with examples rather than
// validated here.
func portsipListArguments(what, filterExample, searchExample, orderExample string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"filter": schema.StringAttribute{
			Optional:    true,
			Description: portsipmap.FilterDoc(filterExample),
		},
		"search": schema.StringAttribute{
			Optional:    true,
			Description: portsipmap.SearchDoc(what, searchExample),
		},
		"orderby": schema.StringAttribute{
			Optional:    true,
			Description: "The sort order, as comma-separated fields each followed by `asc` (the default) or `desc`, such as `" + orderExample + "`.",
		},
	}
}

// options leaves PageSize at the client's maximum: the client pages through
// everything anyway, so bigger pages only mean fewer requests.
func (q portsipListQuery) options() portsip.ListOptions {
	return portsip.ListOptions{
		Filter:  q.Filter.ValueString(),
		Search:  q.Search.ValueString(),
		OrderBy: q.OrderBy.ValueString(),
	}
}

func (d *portsipServers) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg portsipServersModel
	list(ctx, &d.base, req, resp, &cfg, &cfg.Servers, func(ctx context.Context) ([]portsip.Server, error) {
		return managed.Every(ctx, managed.PortSIPServers(d.client, &managed.Listing{PortSIP: cfg.options()}))
	})
}
