// Package listresources makes a list resource (terraform query, Terraform
// 1.14 and later) of every managed type, from its descriptor: the type's
// List (the one way to list it, shared with conference-export and the
// plural data sources) finds the objects, conference-export's naming (managed.NameObjects) names
// them, and the type's resource reads each one in full when the CLI asks.
package listresources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/confkit/terraform-provider-conference/internal/managed"
)

// New is the constructor of t's list resource, as the provider registers it.
func New(t *managed.Type) func() list.ListResource {
	return func() list.ListResource { return &listResource{typ: t} }
}

type listResource struct {
	typ          *managed.Type
	providerData any
}

var _ list.ListResourceWithConfigure = (*listResource)(nil)

func (l *listResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = l.typ.Name
}

func (l *listResource) Configure(_ context.Context, req resource.ConfigureRequest, _ *resource.ConfigureResponse) {
	l.providerData = req.ProviderData
}

func (l *listResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		Description: fmt.Sprintf("Lists every %s %s that the signed-in user can manage, to import with `terraform query` "+
			"(Terraform 1.14 and later), as `conference-export` lists them for other CLIs, and shows each by the resource name "+
			"`conference-export` gives it. With `limit`, the listing stops reading once it has that many.",
			l.typ.Platform.Name, l.typ.Noun),
		Attributes: map[string]listschema.Attribute{},
	}
	if l.typ.ListArgs != nil {
		resp.Schema.Attributes = l.typ.ListArgs.Attributes
	}
}

func (l *listResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	c := managed.PlatformOf(l.typ).Client(l.providerData, &diags)
	listing := &managed.Listing{
		Note:    func(string, ...any) {},
		Reading: func(string) {},
		Found:   func(int) {},
		Limit:   int(req.Limit),
	}
	if l.typ.ListArgs != nil && !diags.HasError() {
		l.typ.ListArgs.Fill(ctx, req.Config, listing, &diags)
	}
	if c == nil && !diags.HasError() {
		diags.AddError("Provider not configured", "The provider must be configured to list "+l.typ.Name+".")
	}
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	objs, err := l.typ.ListAll(ctx, c, listing)
	if err != nil {
		diags.AddError(fmt.Sprintf("Cannot list %s %ss", l.typ.Platform.Name, l.typ.Noun), err.Error())
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	managed.NameObjects(objs)
	stream.Results = func(push func(list.ListResult) bool) {
		for i, o := range objs {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			if !push(l.result(ctx, req, o)) {
				return
			}
		}
	}
}

// result is the object o: its identity, its display name (the resource
// name conference-export gives it) and, when asked for, the object as its
// resource reads it.
func (l *listResource) result(ctx context.Context, req list.ListRequest, o *managed.Object) list.ListResult {
	r := req.NewListResult(ctx)
	r.DisplayName = o.Name
	attrs, err := l.typ.ImportID.Parse(o.ID)
	if err != nil {
		r.Diagnostics.AddError("Unexpected ID", fmt.Sprintf("%s %q: %v. This is a bug in the provider; please report it.", l.typ.Name, o.ID, err))
		return r
	}
	for _, a := range l.typ.ImportID.Identity {
		r.Diagnostics.Append(r.Identity.SetAttribute(ctx, path.Root(a.Name), attrs[a.Name])...)
	}
	if req.IncludeResource {
		l.read(ctx, attrs, r.Resource, &r.Diagnostics)
	}
	return r
}

// read reads the object whose import sets attrs into out, with the type's
// resource, as a refresh after an import does.
func (l *listResource) read(ctx context.Context, attrs map[string]string, out *tfsdk.Resource, diags *diag.Diagnostics) {
	res := l.typ.Resource()()
	if c, ok := res.(resource.ResourceWithConfigure); ok {
		var cr resource.ConfigureResponse
		c.Configure(ctx, resource.ConfigureRequest{ProviderData: l.providerData}, &cr)
		if diags.Append(cr.Diagnostics...); diags.HasError() {
			return
		}
	}
	state := tfsdk.State{Schema: out.Schema, Raw: tftypes.NewValue(out.Schema.Type().TerraformType(ctx), nil)}
	for name, v := range attrs {
		diags.Append(state.SetAttribute(ctx, path.Root(name), v)...)
	}
	if diags.HasError() {
		return
	}
	resp := resource.ReadResponse{State: state}
	res.Read(ctx, resource.ReadRequest{State: state}, &resp)
	if diags.Append(resp.Diagnostics...); diags.HasError() {
		return
	}
	out.Raw = resp.State.Raw
}
