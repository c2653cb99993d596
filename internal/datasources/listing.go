package datasources

import (
	"context"
	"maps"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// listingDecl is what a list data source says of itself.
type listingDecl struct {
	description string
	// arguments are the query's attributes, passed to the platform: the
	// fields of the listing's Q; none when it has none.
	arguments map[string]schema.Attribute
	// items names the list attribute ("meetings"), itemsDoc describes it,
	// and attrs are one item's attributes, as the mapper declares them.
	items, itemsDoc string
	attrs           mapping.Attrs
	// validators check the query arguments together at plan time.
	validators []datasource.ConfigValidator
}

// listing is a plural data source: every object A that its query Q
// matches, each read into the mapper's model M, as the list attribute
// (items). The data source's model is Q and the list: Q holds every
// attribute but the list, the configuration's arguments and any computed
// attribute fetch sets, so that a data source declares its query alone.
// Each is declared by newListing.
type listing[C, A, M any, P object[A, M], Q any] struct {
	base[C]
	listingDecl
	// fetch reads every object the query q matches; it may set computed
	// attributes of q.
	fetch func(ctx context.Context, c C, q *Q, diags *diag.Diagnostics) ([]A, error)
	// failed words fetch's error: listFailed, unless the list is of one
	// object that the query names.
	failed func(b *base[C], diags *diag.Diagnostics, err error, q *Q)
}

// newListing declares a list data source whose items are the mapper's model
// M (newListing[M]); its other type parameters follow from b and fetch.
func newListing[M any, P object[A, M], C, A, Q any](b base[C], d listingDecl,
	fetch func(ctx context.Context, c C, q *Q, diags *diag.Diagnostics) ([]A, error),
) *listing[C, A, M, P, Q] {
	return &listing[C, A, M, P, Q]{
		base: b, listingDecl: d, fetch: fetch,
		failed: func(b *base[C], diags *diag.Diagnostics, err error, _ *Q) { b.listFailed(diags, err) },
	}
}

// newTypeListing is the plural data source of the managed type t, named
// after it (baseOfList): every object of the type that the query Q
// matches, read with the type's pages (managed's, shared with its list
// resource) through the listing that the query makes (listing). Its items
// are the mapper's model M (newTypeListing[M]).
func newTypeListing[M any, P object[A, M], C, A, Q any](t *managed.Type, d listingDecl,
	pages func(c C, l *managed.Listing) managed.Pages[A],
	listing func(q *Q, ctx context.Context, diags *diag.Diagnostics) *managed.Listing,
) *listing[C, A, M, P, Q] {
	return newListing[M, P](baseOfList[C](t), d, func(ctx context.Context, c C, q *Q, diags *diag.Diagnostics) ([]A, error) {
		l := listing(q, ctx, diags)
		if diags.HasError() {
			return nil, nil
		}
		return managed.Every(ctx, pages(c, l))
	})
}

// baseOfList is the base of the data source that lists objects of the
// managed type t: named after the type and reading its objects, in the
// plural.
func baseOfList[C any](t *managed.Type) base[C] {
	return newBase[C](strings.TrimPrefix(t.Name, managed.Prefix)+"s", t.Platform, t.Noun+"s")
}

func (d *listing[C, A, M, P, Q]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := maps.Clone(d.arguments)
	if attrs == nil {
		attrs = map[string]schema.Attribute{}
	}
	attrs[d.items] = listOf(d.itemsDoc, d.attrs)
	resp.Schema = schema.Schema{Description: d.description, Attributes: attrs}
}

func (d *listing[C, A, M, P, Q]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.validators
}

// Read sets the list: an empty list rather than null when nothing matches,
// so that length() and for_each work on "no matches".
func (d *listing[C, A, M, P, Q]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var q Q
	resp.Diagnostics.Append(tfmodel.FromConfigExcept(ctx, req.Config, d.items, &q)...)
	if resp.Diagnostics.HasError() {
		return
	}
	objs, err := d.fetch(ctx, d.client, &q, &resp.Diagnostics)
	if err != nil {
		d.failed(&d.base, &resp.Diagnostics, err, &q)
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
	resp.Diagnostics.Append(tfmodel.ToStateWithList(ctx, &resp.State, &q, d.items, items)...)
}
