package planmodifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// Some APIs take arguments on create and never return them (Whereby's
// isLocked, roomMode, recording, ...). An import cannot read those: they are
// null in the imported state, whatever the object was created with. Planning
// a replacement because the configuration sets one would destroy the object
// just imported over a "change" that nobody can see. A resource with such
// arguments marks an import with MarkUnread; while the mark is there, the
// RequiresReplaceBecause modifiers plan a change from null as an update in
// place with a warning, and the resource's Update records the configured
// values without calling the API and clears the mark (ClearUnread). From then
// on, a change replaces the object as usual. What the import did read may
// still contradict a configured value (a name made from a prefix shows the
// prefix): the Checked modifiers replace the object then, saying which value
// contradicts which (Contradiction).

// unreadKey is the private state key of the mark. Its value is JSON, as
// private state requires.
const unreadKey = "unread_after_import"

// The framework's private state type lives in an internal package: these are
// the methods used.
type (
	privateGetter interface {
		GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	}
	privateSetter interface {
		SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
	}
)

// MarkUnread records, on import, that the arguments the API does not return
// are unknown rather than null.
func MarkUnread(ctx context.Context, p privateSetter) diag.Diagnostics {
	return p.SetKey(ctx, unreadKey, []byte("true"))
}

// ClearUnread records that the configuration's values are now the state's.
func ClearUnread(ctx context.Context, p privateSetter) diag.Diagnostics {
	return p.SetKey(ctx, unreadKey, nil)
}

// Contradiction says why the object an import read cannot have been created
// with the planned value at p, naming both values; "" when nothing it read
// contradicts it. state is what the import read.
type Contradiction func(ctx context.Context, p path.Path, state tfsdk.State, plan tfsdk.Plan) string

// Unread reports whether p carries MarkUnread's mark: this is the first plan
// after an import.
func Unread(ctx context.Context, p privateGetter) bool {
	v, _ := p.GetKey(ctx, unreadKey)
	return len(v) > 0
}

// recordsUnread reports whether a change of the value at p from null is the
// first plan after an import that could not read it, which records the
// configured value instead of replacing the object, and then warns that the
// value is taken on trust.
func recordsUnread(ctx context.Context, private privateGetter, p path.Path, priorNull bool, diags *diag.Diagnostics) bool {
	if !priorNull || !Unread(ctx, private) {
		return false
	}
	diags.AddAttributeWarning(p, p.String()+" is recorded as configured",
		"The API does not return "+p.String()+", so the import could not read it. Terraform records the configured value "+
			"without changing the object, trusting that it matches how the object was created; from then on, changing it "+
			"replaces the resource.")
	return true
}
