package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// IdentitySchema is the type's resource identity: the attributes its import
// ID declares (mapping.ImportID.Identity), which name the object on its
// platform. CLIs that know identities (Terraform 1.12, OpenTofu 1.12 and
// later) store it and import by it; older ones never send it.
func (b *base[C, M, P]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(b.kind)
}

func identitySchema(k Kind) identityschema.Schema {
	attrs := map[string]identityschema.Attribute{}
	for _, a := range k.ImportID.Identity {
		attrs[a.Name] = identityschema.StringAttribute{
			Description: a.Description, RequiredForImport: !a.Optional, OptionalForImport: a.Optional,
		}
	}
	return identityschema.Schema{Attributes: attrs}
}

// setIdentity sets identity from the resource's attributes in s, the state
// an operation leaves or, for an object found gone, the state it had: the
// framework wants an identity on every path, and the same one for the same
// object. A CLI that sends no identity gets none (identity is nil). An
// optional attribute, which the platform does not store and an update may
// change in place (a series' zone), keeps the value it was first given:
// identity never changes for one object.
func setIdentity(ctx context.Context, k Kind, s tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if identity == nil || s.Raw.IsNull() {
		return
	}
	for _, a := range k.ImportID.Identity {
		var v, had types.String
		if a.Optional {
			diags.Append(identity.GetAttribute(ctx, path.Root(a.Name), &had)...)
			if had.ValueString() != "" {
				continue
			}
		}
		if diags.Append(s.GetAttribute(ctx, path.Root(a.Name), &v)...); diags.HasError() {
			return
		}
		diags.Append(identity.SetAttribute(ctx, path.Root(a.Name), v)...)
	}
}

// importID is the ID an import names: the one given, or the identity's
// (mapping.ImportID.Join), so that both forms are read by the same Parse.
func (b *base[C, M, P]) importID(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) string {
	if req.ID != "" || req.Identity == nil {
		return req.ID
	}
	values := map[string]string{}
	for _, a := range b.kind.ImportID.Identity {
		var v types.String
		diags.Append(req.Identity.GetAttribute(ctx, path.Root(a.Name), &v)...)
		if v.ValueString() != "" {
			values[a.Name] = v.ValueString()
		}
	}
	return b.kind.ImportID.Join(values)
}

// identified sets the identity of the resource r after a create or an
// update, from the state it leaves: the base's Read and ImportState set it
// themselves, and no type's Create or Update needs a line for it.
type identified struct {
	resource.Resource
	kind Kind
}

// Identified is r with its identity set after every write.
func Identified(r resource.Resource, k Kind) resource.Resource {
	return &identified{Resource: r, kind: k}
}

// full is what every resource with a base implements.
type full interface {
	resource.ResourceWithConfigure
	resource.ResourceWithModifyPlan
	resource.ResourceWithValidateConfig
	resource.ResourceWithImportState
	resource.ResourceWithIdentity
}

var (
	_ full                                  = (*identified)(nil)
	_ resource.ResourceWithConfigValidators = (*identified)(nil)
)

func (r *identified) inner() full { return r.Resource.(full) } //nolint:forcetypeassert // every type embeds base

func (r *identified) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.Resource.Create(ctx, req, resp)
	setIdentity(ctx, r.kind, resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *identified) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.Resource.Update(ctx, req, resp)
	setIdentity(ctx, r.kind, resp.State, resp.Identity, &resp.Diagnostics)
}

func (r *identified) Configure(ctx context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.inner().Configure(ctx, req, resp)
}

func (r *identified) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	r.inner().ModifyPlan(ctx, req, resp)
}

func (r *identified) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	r.inner().ValidateConfig(ctx, req, resp)
}

func (r *identified) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.inner().ImportState(ctx, req, resp)
}

func (r *identified) IdentitySchema(ctx context.Context, req resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	r.inner().IdentitySchema(ctx, req, resp)
}

func (r *identified) ConfigValidators(ctx context.Context) []resource.ConfigValidator {
	if v, ok := r.Resource.(resource.ResourceWithConfigValidators); ok {
		return v.ConfigValidators(ctx)
	}
	return nil
}
