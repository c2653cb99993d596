package resources

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/confkit/terraform-provider-conference/internal/errdiag"
)

// A Create or an Update is the same sequence for every type, which create
// and update run; a type's own Create and Update give them only what is its
// own, two functions:
//
//   - build makes the request from the planned model m (and, for an update,
//     prior, the state) and returns the call that sends it. Nothing is sent
//     when reading the plan or building added an error. A create's call
//     returns the new object's ID.
//   - settle brings m to what the platform made of the object once the call
//     succeeded: b.readBack (read it once), or the type's own steps. A nil
//     settle means that the call filled m from the platform's answer, which
//     is saved as it is.
//
// The sequence: the plan into m (and the state into prior); ctx bounded by
// the operation's timeout; the write-only values of the configuration into
// m, for a model that has them (FromConfig); build; the call, whose error is
// worded by errdiag for the platform and noun; a new object's ID into the
// state at once (a failure after it leaves the object tainted, to be
// replaced, rather than forgotten); settle; m into the state.

// errSaid is a call's error that the call has worded in the diagnostics
// itself, for a refusal it can say more of than errdiag (a username taken).
var errSaid = errors.New("said in the diagnostics")

// configured is a model with write-only arguments, which only the
// configuration holds (the plan has them null).
type configured interface {
	FromConfig(ctx context.Context, cfg tfsdk.Config, diags *diag.Diagnostics)
}

// settler is a type's step after a successful call: see above.
type settler[P any] func(ctx context.Context, id string, m P, diags *diag.Diagnostics)

// create runs a Create (see above).
func (b *base[C, M, P]) create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse,
	build func(ctx context.Context, m P, diags *diag.Diagnostics) func() (string, error), settle settler[P],
) {
	m := P(new(M))
	ctx, cancel := b.begin(ctx, errdiag.Create, &req.Plan, nil, m, nil, &resp.Diagnostics)
	defer cancel()
	b.write(ctx, errdiag.Create, req.Config, m, func(diags *diag.Diagnostics) func() (string, error) {
		return build(ctx, m, diags)
	}, settle, &resp.State, &resp.Diagnostics)
}

// update runs an Update (see above). It returns the model it saved, or nil
// when it stopped on an error, for a type that checks what it saved.
func (b *base[C, M, P]) update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse,
	build func(ctx context.Context, m, prior P, diags *diag.Diagnostics) func() error, settle settler[P],
) P {
	m, prior := P(new(M)), P(new(M))
	ctx, cancel := b.begin(ctx, errdiag.Update, &req.Plan, &req.State, m, prior, &resp.Diagnostics)
	defer cancel()
	id := stateID(ctx, req.State, &resp.Diagnostics)
	return b.write(ctx, errdiag.Update, req.Config, m, func(diags *diag.Diagnostics) func() (string, error) {
		call := build(ctx, m, prior, diags)
		return func() (string, error) { return id, call() }
	}, settle, &resp.State, &resp.Diagnostics)
}

// write is the sequence after begin, for op: the write-only values, build,
// the call, a new object's ID into the state s, settle, m into s.
func (b *base[C, M, P]) write(ctx context.Context, op errdiag.Operation, cfg tfsdk.Config, m P,
	build func(diags *diag.Diagnostics) func() (string, error), settle settler[P], s *tfsdk.State, diags *diag.Diagnostics,
) P {
	if !writable(ctx, cfg, m, diags) {
		return nil
	}
	call := build(diags)
	if diags.HasError() {
		return nil
	}
	id, err := call()
	if err != nil {
		if !errors.Is(err, errSaid) {
			b.errs.Add(diags, op, err)
		}
		return nil
	}
	if settle == nil {
		// m holds the call's answer: saved as it is, whatever reading it
		// said, so that Terraform knows of the object.
		save(ctx, s, m, diags)
		return m
	}
	if op == errdiag.Create {
		diags.Append(s.SetAttribute(ctx, path.Root("id"), id)...)
	}
	if settle(ctx, id, m, diags); diags.HasError() {
		return nil
	}
	save(ctx, s, m, diags)
	return m
}

// writable reads the configuration's write-only values into m, for a model
// that has them, and says whether the write goes on: nothing so far added an
// error.
func writable(ctx context.Context, cfg tfsdk.Config, m any, diags *diag.Diagnostics) bool {
	if diags.HasError() {
		return false
	}
	if c, ok := m.(configured); ok {
		c.FromConfig(ctx, cfg, diags)
	}
	return !diags.HasError()
}

// readBack is the settle of most writes: it reads object id into m once,
// since what the platform made of it is what the state holds.
func (b *base[C, M, P]) readBack(ctx context.Context, id string, m P, diags *diag.Diagnostics) {
	if err := b.ops.get(ctx, b.client, id, m, diags); err != nil {
		b.errs.Add(diags, errdiag.Read, err)
	}
}
