package datasources

import (
	"context"
	"maps"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// baseOf is the base of the data source that reads one object of the
// managed type t: named after the type, and reading what its resource calls
// an object.
func baseOf[C any](t *managed.Type) base[C] {
	return newBase[C](strings.TrimPrefix(t.Name, managed.Prefix), t.Platform, t.Noun)
}

// lookupDecl is what a lookup says of itself.
type lookupDecl struct {
	description string
	// attrs are the object's attributes, as the mapper declares them.
	attrs mapping.Attrs
	// arguments are the attributes that name the object (id), and any that
	// say how to read it; they replace attrs' attributes of the same name.
	arguments map[string]schema.Attribute
	// why, when set, says what makes such an object disappear (readFailed).
	why string
}

// lookup is the data source that reads one object A, the singular data
// source of a resource type, into the mapper's model M: the configuration
// into M, then the object that M names, read into M, which is the state.
// Each is declared by newLookup or newLookupWith; what differs from the
// plain case (an ID found from another argument, a failed read worded for
// the platform, validators) is a field set after.
type lookup[C, A, M any, P object[A, M]] struct {
	base[C]
	lookupDecl
	// resolve, when set, finds the ID of the object that a configuration
	// without an id names by another argument.
	resolve func(ctx context.Context, b *base[C], m *M, diags *diag.Diagnostics) string
	// get reads the object with ID id, which m (the configuration) may
	// say how to read.
	get func(ctx context.Context, c C, m *M, id string, diags *diag.Diagnostics) (*A, error)
	// failed words get's error.
	failed     func(b *base[C], diags *diag.Diagnostics, err error, id string)
	validators []datasource.ConfigValidator
}

// newLookup is a lookup of the object whose ID is the id argument, read
// into the mapper's model M (newLookup[M]) by the client's call;
// readFailed words a failed read. Its other type parameters follow from b
// and call.
func newLookup[M any, P object[A, M], C, A any](b base[C], d lookupDecl,
	call func(c C, ctx context.Context, id string) (*A, error),
) *lookup[C, A, M, P] {
	return newLookupWith[M, P](b, d, func(ctx context.Context, c C, _ *M, id string, _ *diag.Diagnostics) (*A, error) {
		return call(c, ctx, id)
	})
}

// newLookupWith is newLookup for a read that takes more than the ID from
// the configuration.
func newLookupWith[M any, P object[A, M], C, A any](b base[C], d lookupDecl,
	get func(ctx context.Context, c C, m *M, id string, diags *diag.Diagnostics) (*A, error),
) *lookup[C, A, M, P] {
	return &lookup[C, A, M, P]{
		base: b, lookupDecl: d, get: get,
		failed: func(b *base[C], diags *diag.Diagnostics, err error, id string) {
			b.readFailed(diags, err, "id", "id", id, d.why)
		},
	}
}

func (d *lookup[C, A, M, P]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := d.attrs.DataSource()
	maps.Copy(attrs, d.arguments)
	resp.Schema = schema.Schema{Description: d.description, Attributes: attrs}
}

func (d *lookup[C, A, M, P]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.validators
}

func (d *lookup[C, A, M, P]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m M
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Every lookup's ID is its id argument, which M holds as the object's
	// own id attribute.
	var idArg types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &idArg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := idArg.ValueString()
	if idArg.IsNull() && d.resolve != nil {
		if id = d.resolve(ctx, &d.base, &m, &resp.Diagnostics); resp.Diagnostics.HasError() {
			return
		}
	}
	obj, err := d.get(ctx, d.client, &m, id, &resp.Diagnostics)
	if err != nil {
		d.failed(&d.base, &resp.Diagnostics, err, id)
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	P(&m).FromAPI(ctx, obj, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &m)...)
}
