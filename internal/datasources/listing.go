package datasources

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// listingDecl is what a list data source says of itself.
type listingDecl struct {
	description string
	// arguments are the attributes of the data source's model besides the
	// list: the query, passed to the platform; none when it has none.
	arguments map[string]schema.Attribute
	// items names the list attribute ("meetings"), itemsDoc describes it,
	// and attrs are one item's attributes, as the mapper declares them.
	items, itemsDoc string
	attrs           mapping.Attrs
	// validators check the query arguments together at plan time.
	validators []datasource.ConfigValidator
}

// listing is a plural data source: every object A that its query matches,
// each read into the mapper's model M, as the list attribute of the data
// source's model L; the rest of the state is the configuration, which
// holds the query. Each is declared by newListing.
type listing[C, A, M any, P object[A, M], L any] struct {
	base[C]
	listingDecl
	// fetch reads every object the query in cfg matches; it may set
	// computed attributes of cfg besides the list.
	fetch func(ctx context.Context, c C, cfg *L, diags *diag.Diagnostics) ([]A, error)
	// into is cfg's list.
	into func(cfg *L) *[]M
	// failed words fetch's error: listFailed, unless the list is of one
	// object that the configuration names.
	failed func(b *base[C], diags *diag.Diagnostics, err error, cfg *L)
}

// newListing declares a list data source; its type parameters follow from
// fetch and into.
func newListing[C, A, M any, P object[A, M], L any](b base[C], d listingDecl,
	fetch func(ctx context.Context, c C, cfg *L, diags *diag.Diagnostics) ([]A, error), into func(cfg *L) *[]M,
) *listing[C, A, M, P, L] {
	return &listing[C, A, M, P, L]{
		base: b, listingDecl: d, fetch: fetch, into: into,
		failed: func(b *base[C], diags *diag.Diagnostics, err error, _ *L) { b.listFailed(diags, err) },
	}
}

func (d *listing[C, A, M, P, L]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := maps.Clone(d.arguments)
	if attrs == nil {
		attrs = map[string]schema.Attribute{}
	}
	attrs[d.items] = listOf(d.itemsDoc, d.attrs)
	resp.Schema = schema.Schema{Description: d.description, Attributes: attrs}
}

func (d *listing[C, A, M, P, L]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.validators
}

// Read sets the list: an empty list rather than null when nothing matches,
// so that length() and for_each work on "no matches".
func (d *listing[C, A, M, P, L]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg L
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	objs, err := d.fetch(ctx, d.client, &cfg, &resp.Diagnostics)
	if err != nil {
		d.failed(&d.base, &resp.Diagnostics, err, &cfg)
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	items := make([]M, len(objs))
	for i := range objs {
		P(&items[i]).FromAPI(ctx, &objs[i], &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	*d.into(&cfg) = items
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &cfg)...)
}
