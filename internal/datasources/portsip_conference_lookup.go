package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

var (
	_ datasource.DataSourceWithConfigure        = (*portsipLookup[portsip.Room, struct{}])(nil)
	_ datasource.DataSourceWithConfigValidators = (*portsipLookup[portsip.Room, struct{}])(nil)
)

// portsipLookup reads one room or one meeting by its id or its
// extension_number: the conference_portsip_room and
// conference_portsip_meeting data sources. T is the client's type of the
// object, M the mapper's model.
type portsipLookup[T, M any] struct {
	kind        portsipConference
	calls       portsipCalls[T]
	attrs       mapping.Attrs
	fromAPI     func(*M, context.Context, *T, *diag.Diagnostics)
	description string
	base[*portsip.Client]
}

func (d *portsipLookup[T, M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := d.attrs.DataSource()
	d.kind.lookupArguments(attrs)
	resp.Schema = schema.Schema{Description: d.description + d.kind.owned(), Attributes: attrs}
}

func (d *portsipLookup[T, M]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return portsipLookupValidators()
}

func (d *portsipLookup[T, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var id, ext types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("extension_number"), &ext)...)
	if resp.Diagnostics.HasError() {
		return
	}
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
	d.fromAPI(&m, ctx, obj, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &m)...)
}
