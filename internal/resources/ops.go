package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

// ops is how base reads and deletes one object of a type with the
// platform's client C, M being the resource's model. Each type's constructor
// hands its own to newBase: byID for a type whose client gets and deletes an
// object by its ID, functions of its own where the type needs more.
type ops[C, M any] struct {
	// get reads object id into m. It returns the client's error as it is,
	// for base to tell a 404 apart; problems of its own go to diags.
	get func(ctx context.Context, c C, id string, m *M, diags *diag.Diagnostics) error
	// remove deletes object id, whose state is m.
	remove func(ctx context.Context, c C, id string, m *M, diags *diag.Diagnostics) error
}

// byID is the ops of a type whose client gets an object (A) and deletes it
// by its ID, the model reading it with its FromAPI. M is named, the rest
// inferred: byID[portsipRoomModel]((*portsip.Client).GetRoom, (*portsip.Client).DeleteRoom).
func byID[M any, P interface {
	*M
	mapping.Reads[A]
}, C, A any](get func(C, context.Context, string) (*A, error), del func(C, context.Context, string) error) ops[C, M] {
	return ops[C, M]{
		get: func(ctx context.Context, c C, id string, m *M, diags *diag.Diagnostics) error {
			api, err := get(c, ctx, id)
			return fill(ctx, P(m), api, err, diags)
		},
		remove: deleteByID[M](del),
	}
}

// deleteByID is the remove of a type whose client deletes an object by its
// ID.
func deleteByID[M, C any](del func(C, context.Context, string) error) func(context.Context, C, string, *M, *diag.Diagnostics) error {
	return func(ctx context.Context, c C, id string, _ *M, _ *diag.Diagnostics) error {
		return del(c, ctx, id)
	}
}

// fill reads api, the platform's answer, into m unless the call that
// answered failed, and returns the call's error.
func fill[A any](ctx context.Context, m mapping.Reads[A], api *A, err error, diags *diag.Diagnostics) error {
	if err == nil {
		m.FromAPI(ctx, api, diags)
	}
	return err
}
