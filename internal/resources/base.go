package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// Kind is what a resource type is, as its descriptor (internal/managed)
// declares it and hands it to the constructor.
type Kind struct {
	// Name is the type's name: conference_portsip_server.
	Name string
	// Platform is where its objects live.
	Platform *platforms.Platform
	// Noun is what messages call an object: "conference server".
	Noun string
	// ImportID is how its import ID reads.
	ImportID mapping.ImportID
	// Key is its natural key, in words: what a create whose answer was lost
	// looks the object up by (client.Adopt). The guide "Coming through a bad
	// network" tables it for users.
	Key string
}

// object is what base asks of a resource's model, M: its timeouts, and how
// its object is read and deleted with the platform's client C.
type object[C, M any] interface {
	*M
	timeoutsValue() timeouts.Value
	// get reads the object the model's attributes name into the model. It
	// returns the client's error as it is, for base to tell a 404 apart;
	// problems of its own go to diags.
	get(ctx context.Context, c C, diags *diag.Diagnostics) error
	// remove deletes the object.
	remove(ctx context.Context, c C, diags *diag.Diagnostics) error
}

// base is embedded by every resource: the skeleton that is the same for all
// of them. Create, Update and Schema, which hold what differs, are each
// resource's own, and so is ModifyPlan where a type plans more than the
// base's credential check.
type base[C, M any, P object[C, M]] struct {
	kind   Kind
	errs   errdiag.Object
	client C
}

func newBase[C, M any, P object[C, M]](k Kind) base[C, M, P] {
	return base[C, M, P]{kind: k, errs: errdiag.Object{Platform: k.Platform.Name, Noun: k.Noun}}
}

// withTimeouts is the timeouts attribute of a model.
type withTimeouts struct {
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (w *withTimeouts) timeoutsValue() timeouts.Value { return w.Timeouts }

func (b *base[C, M, P]) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = b.kind.Name
}

func (b *base[C, M, P]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.client = providerdata.Client[C](req.ProviderData, b.kind.Platform, &resp.Diagnostics)
}

// schema is the resource's schema: the mapper's attributes, the timeouts
// block, and the description, which ends with how a lost create is settled
// (object: what it calls the object there).
func (b *base[C, M, P]) schema(ctx context.Context, attrs mapping.Attrs, description, object string) schema.Schema {
	a := attrs.Resource()
	a["timeouts"] = timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true})
	return schema.Schema{Description: description + reconciliation(object), Attributes: a}
}

// ModifyPlan makes wrong credentials fail the plan of a create or an update.
// A resource with a ModifyPlan of its own defers checkCredentials first.
func (b *base[C, M, P]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	b.checkCredentials(ctx, req, &resp.Diagnostics)
}

// checkCredentials proves the platform's credentials for a planned create
// or update (providerdata.CheckCredentials), with the client's check.
func (b *base[C, M, P]) checkCredentials(ctx context.Context, req resource.ModifyPlanRequest, diags *diag.Diagnostics) {
	c, ok := any(b.client).(interface{ CheckCredentials(context.Context) error })
	if !ok {
		return
	}
	providerdata.CheckCredentials(ctx, req, diags, c.CheckCredentials)
}

// privateGetter is the resource's private state, as a read sees it.
type privateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

// readsPrivate is a model whose refresh depends on the resource's private
// state (conference_whereby_meeting: an import's first reads).
type readsPrivate interface {
	beforeRead(ctx context.Context, private privateGetter)
}

// validating is a model that checks its configuration beyond what the
// attributes' validators can see.
type validating interface {
	Validate(ctx context.Context, diags *diag.Diagnostics)
}

func (b *base[C, M, P]) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	mapping.RequireWriteOnlySupport(ctx, req.Config, req.ClientCapabilities.WriteOnlyAttributesAllowed, &resp.Diagnostics)
	var cfg M
	v, ok := any(P(&cfg)).(validating)
	if !ok {
		return
	}
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	v.Validate(ctx, &resp.Diagnostics)
}

// Read refreshes the object. One that is gone (404) is removed from the
// state with a warning that names it, so that the next plan creates it.
func (b *base[C, M, P]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	m := P(new(M))
	ctx, cancel := b.begin(ctx, errdiag.Read, nil, &req.State, m, nil, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	if r, ok := any(m).(readsPrivate); ok {
		r.beforeRead(ctx, req.Private)
	}
	err := m.get(ctx, b.client, &resp.Diagnostics)
	if client.IsNotFound(err) {
		var id types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
		b.errs.Gone(&resp.Diagnostics, b.kind.Name, id.ValueString())
		setIdentity(ctx, b.kind, req.State, resp.Identity, &resp.Diagnostics)
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		b.errs.Add(&resp.Diagnostics, errdiag.Read, err)
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, m)...)
	setIdentity(ctx, b.kind, resp.State, resp.Identity, &resp.Diagnostics)
}

// read reads the object id into m with the client's get: how most models
// implement get.
func read[C, A any](ctx context.Context, c C, get func(C, context.Context, string) (*A, error), id string, m mapping.Reads[A],
	diags *diag.Diagnostics,
) error {
	api, err := get(c, ctx, id)
	if err == nil {
		m.FromAPI(ctx, api, diags)
	}
	return err
}

// begin reads what op starts from, the plan into m for a create or an
// update and the state (into prior for an update, else into m), and bounds
// ctx by op's timeout. The caller returns when diags has an error, and
// defers the cancel in any case.
func (b *base[C, M, P]) begin(ctx context.Context, op errdiag.Operation, plan *tfsdk.Plan, state *tfsdk.State, m, prior P,
	diags *diag.Diagnostics,
) (context.Context, context.CancelFunc) {
	into := m
	if plan != nil {
		diags.Append(tfmodel.FromPlan(ctx, *plan, m)...)
		into = prior
	}
	if state != nil {
		diags.Append(tfmodel.FromState(ctx, *state, into)...)
	}
	if diags.HasError() {
		return ctx, func() {}
	}
	t := m.timeoutsValue()
	get, def := t.Create, defaultWriteTimeout
	switch op {
	case errdiag.Read:
		get, def = t.Read, defaultReadTimeout
	case errdiag.Update:
		get = t.Update
	case errdiag.Delete:
		get = t.Delete
	}
	return withTimeout(ctx, get, def, diags)
}

// finish reads the object back into m after a write and saves it in s.
func (b *base[C, M, P]) finish(ctx context.Context, m P, s *tfsdk.State, diags *diag.Diagnostics) {
	if b.readBack(ctx, m, diags); !diags.HasError() {
		diags.Append(tfmodel.ToState(ctx, s, m)...)
	}
}

// created saves the ID of an object just created in the state, before
// anything else can fail: the object exists, and Terraform must know of it
// to manage or destroy it. It returns the ID for the model.
func (b *base[C, M, P]) created(ctx context.Context, s *tfsdk.State, id string, diags *diag.Diagnostics) types.String {
	diags.Append(s.SetAttribute(ctx, path.Root("id"), id)...)
	return types.StringValue(id)
}

// readBack reads the object into m after a write: what the platform made of
// it is what the state holds.
func (b *base[C, M, P]) readBack(ctx context.Context, m P, diags *diag.Diagnostics) {
	if err := m.get(ctx, b.client, diags); err != nil {
		b.errs.Add(diags, errdiag.Read, err)
	}
}

// Delete deletes the object; one already gone (404) is deleted.
func (b *base[C, M, P]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	m := P(new(M))
	ctx, cancel := b.begin(ctx, errdiag.Delete, nil, &req.State, m, nil, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	if err := m.remove(ctx, b.client, &resp.Diagnostics); err != nil && !client.IsNotFound(err) {
		b.errs.Add(&resp.Diagnostics, errdiag.Delete, err)
	}
}

// ImportState reads the import ID, or the identity's (importID), with the
// type's codec into the attributes it sets and the identity; Read fills in
// the rest.
func (b *base[C, M, P]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := b.importID(ctx, req, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	attrs, err := b.kind.ImportID.Parse(id)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID for "+b.kind.Name,
			fmt.Sprintf("Expected %s, such as %s; %v. The command is:\n\n  terraform import %s.<name> <ID>",
				b.kind.ImportID.Shape, b.kind.ImportID.Example, err, b.kind.Name))
		return
	}
	for name, v := range attrs {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
	setIdentity(ctx, b.kind, resp.State, resp.Identity, &resp.Diagnostics)
}
