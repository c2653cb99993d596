package mapping

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// The API's "absent" is Terraform's null everywhere: an empty string, a nil
// pointer, an empty collection. A resource whose configuration spells an
// empty collection keeps that spelling with KeepEmpty.

// String is s, or null when empty.
func String(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// Int64 is *p, or null when nil.
func Int64(p *int64) types.Int64 { return types.Int64PointerValue(p) }

// NonZeroInt64 is n, or null when zero: for API fields where 0 means "not set".
func NonZeroInt64(n int64) types.Int64 {
	if n == 0 {
		return types.Int64Null()
	}
	return types.Int64Value(n)
}

// JSON is a JSON document, or null when empty.
func JSON(s string) jsontypes.Normalized {
	if s == "" {
		return jsontypes.NewNormalizedNull()
	}
	return jsontypes.NewNormalizedValue(s)
}

// Time is an API time in RFC 3339, or null when empty. Times compare as
// instants (timetype.RFC3339) in every resource and data source. A time the
// API sends in another format is an error naming the field, rather than a
// value the next plan cannot compare.
func Time(platform, field, s string, diags *diag.Diagnostics) timetype.RFC3339 {
	if s == "" {
		return timetype.NewNull()
	}
	v := timetype.NewValue(s)
	if _, err := v.Time(); err != nil {
		diags.AddError(platform+" returned an invalid time",
			fmt.Sprintf("%s returned %s = %q, which is not an RFC 3339 time: %v.", platform, field, s, err))
	}
	return v
}

// TimeOf is t in RFC 3339 (UTC, with the fraction of a second it has), or
// null when zero.
func TimeOf(t time.Time) timetype.RFC3339 {
	if t.IsZero() {
		return timetype.NewNull()
	}
	return timetype.NewTime(t)
}

// StringSet is a set of strings, or null when empty.
func StringSet(ctx context.Context, items []string, diags *diag.Diagnostics) types.Set {
	if len(items) == 0 {
		return types.SetNull(types.StringType)
	}
	v, d := types.SetValueFrom(ctx, types.StringType, items)
	diags.Append(d...)
	return v
}

// Int64Set is a set of integers, or null when empty.
func Int64Set(ctx context.Context, items []int64, diags *diag.Diagnostics) types.Set {
	if len(items) == 0 {
		return types.SetNull(types.Int64Type)
	}
	v, d := types.SetValueFrom(ctx, types.Int64Type, items)
	diags.Append(d...)
	return v
}

// ObjectList is a list of objects of type elem built from rows (tfsdk-tagged
// structs), or null when there are none.
func ObjectList[T any](ctx context.Context, elem attr.Type, rows []T, diags *diag.Diagnostics) types.List {
	if len(rows) == 0 {
		return types.ListNull(elem)
	}
	v, d := types.ListValueFrom(ctx, elem, rows)
	diags.Append(d...)
	return v
}

// emptyCollection is what KeepEmpty needs of a set or a list.
type emptyCollection interface {
	attr.Value
	Elements() []attr.Value
}

// KeepEmpty returns prior when the configuration spelled "none" as an empty
// collection and the API (null) agrees, so that `x = []` causes no diff and no
// "inconsistent result" error; otherwise got.
func KeepEmpty[T emptyCollection](prior, got T) T {
	if got.IsNull() && !prior.IsNull() && !prior.IsUnknown() && len(prior.Elements()) == 0 {
		return prior
	}
	return got
}

// Strings reads a set or list of strings into a slice: empty for null.
func Strings(ctx context.Context, v interface {
	IsNull() bool
	IsUnknown() bool
	ElementsAs(context.Context, any, bool) diag.Diagnostics
}, diags *diag.Diagnostics,
) []string {
	out := []string{}
	if v.IsNull() || v.IsUnknown() {
		return out
	}
	diags.Append(v.ElementsAs(ctx, &out, false)...)
	return out
}

// KnownTime is a configured time, with ok false while it is null, unknown
// or unreadable (its validator reports that).
func KnownTime(v timetype.RFC3339) (t time.Time, ok bool) {
	if v.IsNull() || v.IsUnknown() {
		return time.Time{}, false
	}
	t, err := v.Time()
	return t, err == nil
}

// UTC spells a configured time as the APIs answer it: RFC 3339 in UTC. A
// null time is "", which clears it on update.
func UTC(v timetype.RFC3339) string {
	if v.IsNull() || v.IsUnknown() {
		return ""
	}
	t, err := v.Time()
	if err != nil {
		return v.ValueString()
	}
	return t.UTC().Format(time.RFC3339)
}
