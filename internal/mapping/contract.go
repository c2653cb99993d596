package mapping

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// The contract of every mapper: the same three verbs for every API object,
// each with the context and the diagnostics, so that a resource, a data
// source and conference-export read and write any object the same way.
// Each mapping package asserts that its models keep it.

// Reads is a model that reads API object A: every attribute from the
// platform's answer. What the platform does not return is left as it is.
type Reads[A any] interface {
	FromAPI(ctx context.Context, api *A, diags *diag.Diagnostics)
}

// Creates is a model of a managed object: it reads A and writes the create
// body C.
type Creates[A, C any] interface {
	Reads[A]
	CreateBody(ctx context.Context, diags *diag.Diagnostics) C
}

// Manages is a model of an object that can be updated: the update body U
// against the prior state, M being the model itself.
type Manages[M, A, C, U any] interface {
	Creates[A, C]
	UpdateBody(ctx context.Context, prior *M, diags *diag.Diagnostics) U
}
