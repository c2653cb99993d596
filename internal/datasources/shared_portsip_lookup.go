package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

var (
	_ datasource.DataSourceWithConfigure        = (*portsipLookup[portsip.Room, portsipmap.Room, *portsipmap.Room])(nil)
	_ datasource.DataSourceWithConfigValidators = (*portsipLookup[portsip.Room, portsipmap.Room, *portsipmap.Room])(nil)
)

// portsipObject is the mapper's model M of a room or meeting T.
type portsipObject[T, M any] interface {
	*M
	mapping.Reads[T]
	Key() (id, extensionNumber types.String)
}

// portsipLookup reads one room or one meeting by its id or its
// extension_number: the conference_portsip_room and
// conference_portsip_meeting data sources. T is the client's type of the
// object, M the mapper's model.
type portsipLookup[T, M any, P portsipObject[T, M]] struct {
	kind        portsipConference
	calls       portsipCalls[T]
	attrs       mapping.Attrs
	description string
	base[*portsip.Client]
}

func (d *portsipLookup[T, M, P]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := d.attrs.DataSource()
	d.kind.lookupArguments(attrs)
	resp.Schema = schema.Schema{Description: d.description + d.kind.owned(), Attributes: attrs}
}

func (d *portsipLookup[T, M, P]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return portsipLookupValidators()
}

func (d *portsipLookup[T, M, P]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg M
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ext := P(&cfg).Key()
	if id.IsNull() {
		id = types.StringValue(portsipIDByExtension(ctx, &d.base, d.kind, ext.ValueString(), d.calls, &resp.Diagnostics))
		if resp.Diagnostics.HasError() {
			return
		}
	}
	obj, err := d.calls.get(d.client, ctx, id.ValueString())
	if err != nil {
		d.kind.readError(&d.base, &resp.Diagnostics, err, id.ValueString())
		return
	}
	var m M
	P(&m).FromAPI(ctx, obj, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &m)...)
}
