package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// idArgument is the id argument of a view's model.
type idArgument struct {
	ID types.String `tfsdk:"id"`
}

func (a *idArgument) objectID() string { return a.ID.ValueString() }

// viewModel is a view's model L: its id argument (idArgument), and the
// attributes it fills from what the view reads.
type viewModel[L any] interface {
	*L
	objectID() string
}

// view is a data source that reads something of the one object its id
// argument names (its live status, its participants, its recordings)
// rather than the object itself: the configuration into the model L, then
// fetch for the id, then fill, then L as the state. Each is declared by
// newView.
type view[C, T, L any, PL viewModel[L]] struct {
	base[C]
	description string
	// attributes are the schema's: the id argument, and what fill sets.
	attributes map[string]schema.Attribute
	fetch      func(c C, ctx context.Context, id string) (T, error)
	fill       func(m *L, got T, diags *diag.Diagnostics)
	// failed words fetch's error.
	failed func(b *base[C], diags *diag.Diagnostics, err error, id string)
}

// newView declares a view whose failed reads readFailed words; its type
// parameters follow from fetch and fill.
func newView[C, T, L any, PL viewModel[L]](b base[C], description string, attributes map[string]schema.Attribute,
	fetch func(c C, ctx context.Context, id string) (T, error), fill func(m *L, got T, diags *diag.Diagnostics),
) *view[C, T, L, PL] {
	return &view[C, T, L, PL]{
		base: b, description: description, attributes: attributes, fetch: fetch, fill: fill,
		failed: func(b *base[C], diags *diag.Diagnostics, err error, id string) {
			b.readFailed(diags, err, "id", "id", id, "")
		},
	}
}

func (d *view[C, T, L, PL]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{Description: d.description, Attributes: d.attributes}
}

func (d *view[C, T, L, PL]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m L
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := PL(&m).objectID()
	got, err := d.fetch(d.client, ctx, id)
	if err != nil {
		d.failed(&d.base, &resp.Diagnostics, err, id)
		return
	}
	if d.fill(&m, got, &resp.Diagnostics); !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &m)...)
	}
}
