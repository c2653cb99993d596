package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// base is embedded by every data source: its name, its platform's client
// C, and the wording of a failed read, bound once to the platform and to
// what the data source reads.
type base[C any] struct {
	// name is the type name after the provider's: "portsip_server".
	name     string
	platform *platforms.Platform
	errs     errdiag.Object
	client   C
}

// newBase is a data source named name that reads noun ("conference
// server", "conference rooms") on p.
func newBase[C any](name string, p *platforms.Platform, noun string) base[C] {
	return base[C]{name: name, platform: p, errs: errdiag.Object{Platform: p.Name, Noun: noun}}
}

func (b *base[C]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.name
}

func (b *base[C]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.client = providerdata.Client[C](req.ProviderData, b.platform, &resp.Diagnostics)
}

// readFailed reports a failed read of the one object that argument arg
// (argName in words: "id", "extension number") names. Unlike a resource,
// a data source has nothing to drop from state when the object is gone: a
// 404 means the configuration names something that does not exist, which
// the user hears about, on every platform alike (errdiag.Object.NotFound).
// why, when set, says what makes such an object disappear.
func (b *base[C]) readFailed(diags *diag.Diagnostics, err error, arg, argName, value, why string) {
	if client.IsNotFound(err) {
		b.errs.NotFound(diags, arg, argName, value, why)
		return
	}
	b.errs.AddAfter(diags, errdiag.Read, err, fmt.Sprintf("Reading the %s with %s %q: ", b.errs.Noun, argName, value))
}

// listFailed reports a failed list.
func (b *base[C]) listFailed(diags *diag.Diagnostics, err error) {
	b.errs.Add(diags, errdiag.Read, err)
}

// lookup is a data source's Read of one object: the configuration into
// cfg, then fetch of the object that the id argument names, read into cfg,
// which is the state (readByID). A failed fetch is worded by readFailed;
// why says what makes such an object disappear.
func lookup[C, A any](ctx context.Context, b *base[C], req datasource.ReadRequest, resp *datasource.ReadResponse,
	cfg mapping.Reads[A], id *types.String, fetch func(ctx context.Context, id string) (*A, error), why string,
) {
	readByID(ctx, req, resp, cfg, id, fetch, func(obj *A) { cfg.FromAPI(ctx, obj, &resp.Diagnostics) },
		func(diags *diag.Diagnostics, err error, id string) { b.readFailed(diags, err, "id", "id", id, why) })
}

// list is a data source's Read of a list: the configuration into cfg, then
// every object fetch (which may read cfg's arguments) returns into *items,
// an empty list rather than null when there is none, so that length() and
// for_each work on "no matches".
func list[C, A, M any, P interface {
	*M
	mapping.Reads[A]
}](ctx context.Context, b *base[C], req datasource.ReadRequest, resp *datasource.ReadResponse, cfg any, items *[]M,
	fetch func(ctx context.Context) ([]A, error),
) {
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	objs, err := fetch(ctx)
	if err != nil {
		b.listFailed(&resp.Diagnostics, err)
		return
	}
	*items = make([]M, len(objs))
	for i := range objs {
		P(&(*items)[i]).FromAPI(ctx, &objs[i], &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, cfg)...)
}

// readByID is the Read of a data source that reads something of the one
// object its id argument names: the configuration into cfg, then fetch for
// id, then fill (which fills cfg from what fetch returned), then cfg as the
// state. fetch's error is worded by failed (readFailed, or a wording of the
// data source's own).
func readByID[T any](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse, cfg any, id *types.String,
	fetch func(ctx context.Context, id string) (T, error), fill func(T), failed func(diags *diag.Diagnostics, err error, id string),
) {
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	got, err := fetch(ctx, id.ValueString())
	if err != nil {
		failed(&resp.Diagnostics, err, id.ValueString())
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if fill(got); !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, cfg)...)
	}
}

// failedByID is readFailed for an object named by its id argument.
func (b *base[C]) failedByID(diags *diag.Diagnostics, err error, id string) {
	b.readFailed(diags, err, "id", "id", id, "")
}

// listOf is a list data source's computed list of attrs, described by
// description.
func listOf(description string, attrs mapping.Attrs) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Computed: true, Description: description,
		NestedObject: schema.NestedAttributeObject{Attributes: attrs.DataSource()},
	}
}
