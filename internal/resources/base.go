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

// object is what base asks of a resource's model, M: its timeouts (how its
// objects are read and deleted is the type's ops).
type object[M any] interface {
	*M
	timeoutsValue() timeouts.Value
}

// base is embedded by every resource: the skeleton that is the same for all
// of them. A resource type is, on top of it:
//
//   - a constructor, NewX(k Kind), that gives newBase the type's ops (ops.go:
//     how one object is read and deleted; byID where the client gets and
//     deletes by ID);
//   - the struct that embeds base[Client, model, *model], and the model:
//     withTimeouts and the mapper's model, and its write-only twins where
//     it has them, with their FromConfig (write.go) and a hideWriteOnly
//     that keeps what they give write-only out of every model base saves;
//     Validate where it checks more than the validators;
//   - Schema (r.schema); Create and Update, each one call of r.create or
//     r.update with what is the type's own (write.go: the request and the
//     call that sends it, and how the object is read after it, usually
//     r.readBack); what it plans beyond its attributes' plan modifiers, as
//     its model's planCreate, planUpdate and planDestroy, which the base's
//     ModifyPlan calls (it checks the credentials itself).
type base[C, M any, P object[M]] struct {
	kind   Kind
	ops    ops[C, M]
	errs   errdiag.Object
	client C
}

// newBase is the base of a type k whose objects are read and deleted with o:
// a constructor's one line, such as
//
//	&portsipRoom{newBase(k, byID[portsipRoomModel]((*portsip.Client).GetRoom, (*portsip.Client).DeleteRoom))}
func newBase[C, M any, P object[M]](k Kind, o ops[C, M]) base[C, M, P] {
	return base[C, M, P]{kind: k, ops: o, errs: errdiag.Object{Platform: k.Platform.Name, Noun: k.Noun}}
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

// ModifyPlan makes wrong credentials fail the plan of a create or an
// update, and plans what the type plans beyond its attributes' plan
// modifiers: its model's planCreate, planUpdate or planDestroy, those it has.
func (b *base[C, M, P]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	defer b.checkCredentials(ctx, req, &resp.Diagnostics)
	m := P(new(M))
	switch {
	case req.Plan.Raw.IsNull():
		if h, ok := any(m).(plansDestroy); ok {
			if resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, m)...); !resp.Diagnostics.HasError() {
				h.planDestroy(&resp.Diagnostics)
			}
		}
	case req.State.Raw.IsNull():
		if h, ok := any(m).(plansCreate[P]); ok {
			b.plan(ctx, req, resp, m, func(config P) { h.planCreate(ctx, config, resp) })
		}
	default:
		if h, ok := any(m).(plansUpdate[P]); ok {
			prior := P(new(M))
			resp.Diagnostics.Append(tfmodel.FromState(ctx, req.State, prior)...)
			b.plan(ctx, req, resp, m, func(config P) { h.planUpdate(ctx, prior, config, resp) })
		}
	}
}

// plan reads the plan into m and the configuration, runs hook with the
// configuration, and saves m, which hook changes where it must, as the plan
// (without what the twins give write-only).
func (b *base[C, M, P]) plan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, m P, hook func(config P)) {
	config := P(new(M))
	resp.Diagnostics.Append(tfmodel.FromPlan(ctx, req.Plan, m)...)
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if hook(config); !resp.Diagnostics.HasError() {
		hide(m)
		resp.Diagnostics.Append(tfmodel.ToPlan(ctx, &resp.Plan, m)...)
	}
}

// The hooks of a model that plans more than its attributes' plan modifiers.
// In planCreate and planUpdate the model is the plan, which the hook changes
// where it must (base saves it); config is the configuration, prior the
// state; resp takes the diagnostics and the replacements it requires. In
// planDestroy the model is the state.
type (
	plansCreate[P any] interface {
		planCreate(ctx context.Context, config P, resp *resource.ModifyPlanResponse)
	}
	plansUpdate[P any] interface {
		planUpdate(ctx context.Context, prior, config P, resp *resource.ModifyPlanResponse)
	}
	plansDestroy interface {
		planDestroy(diags *diag.Diagnostics)
	}
)

// checksCredentials is a model whose platform proves credentials with what
// its plan says (LINE Planet's, within a room) rather than with the client's
// CheckCredentials(ctx).
type checksCredentials[C any] interface {
	checkCredentials(ctx context.Context, c C) error
}

// checkCredentials proves the platform's credentials for a planned create
// or update (providerdata.CheckCredentials), with the client's check or the
// planned model's.
func (b *base[C, M, P]) checkCredentials(ctx context.Context, req resource.ModifyPlanRequest, diags *diag.Diagnostics) {
	planned := P(new(M))
	if mc, ok := any(planned).(checksCredentials[C]); ok {
		providerdata.CheckCredentials(ctx, req, diags, func(ctx context.Context) error {
			if diags.Append(tfmodel.FromPlan(ctx, req.Plan, planned)...); diags.HasError() {
				return nil
			}
			return mc.checkCredentials(ctx, b.client)
		})
		return
	}
	c, ok := any(b.client).(interface{ CheckCredentials(context.Context) error })
	if !ok {
		return
	}
	providerdata.CheckCredentials(ctx, req, diags, c.CheckCredentials)
}

// hidesWriteOnly is a model with write-only twins: while a twin is used,
// the secret that the platform returns is kept out of the plan and the
// state.
type hidesWriteOnly interface {
	hideWriteOnly()
}

// hide keeps out of m what its twins give write-only, for a model that has
// them: base does it to every model it saves, read or planned.
func hide(m any) {
	if h, ok := m.(hidesWriteOnly); ok {
		h.hideWriteOnly()
	}
}

// save writes m into s (tfmodel.ToState), without what its twins give
// write-only (hide).
func save(ctx context.Context, s *tfsdk.State, m any, diags *diag.Diagnostics) {
	hide(m)
	diags.Append(tfmodel.ToState(ctx, s, m)...)
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
	b.onState(ctx, errdiag.Read, req.State, &resp.Diagnostics, func(ctx context.Context, id string, m P) {
		if r, ok := any(m).(readsPrivate); ok {
			r.beforeRead(ctx, req.Private)
		}
		err := b.ops.get(ctx, b.client, id, m, &resp.Diagnostics)
		if client.IsNotFound(err) {
			b.errs.Gone(&resp.Diagnostics, b.kind.Name, id)
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
		save(ctx, &resp.State, m, &resp.Diagnostics)
		setIdentity(ctx, b.kind, resp.State, resp.Identity, &resp.Diagnostics)
	})
}

// onState runs f, a Read's or a Delete's own part (op), on the object that
// the state s holds: its ID, and s read into m; ctx is bounded by op's
// timeout.
func (b *base[C, M, P]) onState(ctx context.Context, op errdiag.Operation, s tfsdk.State, diags *diag.Diagnostics,
	f func(ctx context.Context, id string, m P),
) {
	m := P(new(M))
	ctx, cancel := b.begin(ctx, op, nil, &s, m, nil, diags)
	defer cancel()
	if diags.HasError() {
		return
	}
	f(ctx, stateID(ctx, s, diags), m)
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

// Delete deletes the object; one already gone (404) is deleted.
func (b *base[C, M, P]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	b.onState(ctx, errdiag.Delete, req.State, &resp.Diagnostics, func(ctx context.Context, id string, m P) {
		if err := b.ops.remove(ctx, b.client, id, m, &resp.Diagnostics); err != nil && !client.IsNotFound(err) {
			b.errs.Add(&resp.Diagnostics, errdiag.Delete, err)
		}
	})
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

// stateID is the object's ID in s.
func stateID(ctx context.Context, s tfsdk.State, diags *diag.Diagnostics) string {
	var id types.String
	diags.Append(s.GetAttribute(ctx, path.Root("id"), &id)...)
	return id.ValueString()
}
