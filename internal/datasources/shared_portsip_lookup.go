package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/mapping/portsipmap"
)

var _ datasource.DataSourceWithConfigValidators = (*lookup[*portsip.Client, portsip.Room, portsipmap.Room, *portsipmap.Room])(nil)

// portsipObject is the mapper's model M of a room or meeting T.
type portsipObject[T, M any] interface {
	object[T, M]
	Key() (id, extensionNumber types.String)
}

// newPortSIPLookup reads one room or one meeting (k) by its id or its
// extension_number: the conference_portsip_room and
// conference_portsip_meeting data sources. T is the client's type of the
// object, M the mapper's model.
func newPortSIPLookup[T, M any, P portsipObject[T, M]](k portsipConference, calls portsipCalls[T], attrs mapping.Attrs) datasource.DataSource {
	d := newLookup[M, P](baseOf[*portsip.Client](k.typ),
		lookupDecl{description: k.lookupDescription(), attrs: attrs, arguments: k.lookupArguments()}, calls.get)
	d.resolve = func(ctx context.Context, b *base[*portsip.Client], m *M, diags *diag.Diagnostics) string {
		_, ext := P(m).Key()
		return portsipIDByExtension(ctx, b, k, ext.ValueString(), calls, diags)
	}
	d.failed = k.readError
	d.validators = []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("extension_number")),
	}
	return d
}
