// Package timetype is an RFC 3339 string type whose semantic equality compares
// instants: "2030-03-02T16:00:00+01:00" and "2030-03-02T15:00:00Z" are one time.
// The framework's timetypes.RFC3339 compares the text after parsing, so an API
// that answers in UTC would show a diff for every user who writes an offset.
package timetype

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/confkit/terraform-provider-conference/internal/validators"
)

var (
	_ basetypes.StringTypable                    = RFC3339Type{}
	_ basetypes.StringValuableWithSemanticEquals = RFC3339{}
	_ xattr.ValidateableAttribute                = RFC3339{}
)

// RFC3339Type is the attribute type: CustomType: timetype.RFC3339Type{}.
type RFC3339Type struct {
	basetypes.StringType
}

func (t RFC3339Type) String() string { return "timetype.RFC3339Type" }

func (t RFC3339Type) ValueType(context.Context) attr.Value { return RFC3339{} }

func (t RFC3339Type) Equal(o attr.Type) bool {
	other, ok := o.(RFC3339Type)
	return ok && t.StringType.Equal(other.StringType)
}

func (t RFC3339Type) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return RFC3339{StringValue: in}, nil
}

func (t RFC3339Type) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	sv, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return RFC3339{StringValue: sv}, nil
}

// RFC3339 is a time written in RFC 3339.
type RFC3339 struct {
	basetypes.StringValue
}

// NewNull, NewUnknown and NewValue build values.
func NewNull() RFC3339                           { return RFC3339{StringValue: basetypes.NewStringNull()} }
func NewUnknown() RFC3339                        { return RFC3339{StringValue: basetypes.NewStringUnknown()} }
func NewValue(s string) RFC3339                  { return RFC3339{StringValue: basetypes.NewStringValue(s)} }
func (v RFC3339) Type(context.Context) attr.Type { return RFC3339Type{} }

// NewTime is t in UTC, with its fraction of a second when it has one: an API
// that counts milliseconds (LINE Planet) reads back exactly.
func NewTime(t time.Time) RFC3339 { return NewValue(t.UTC().Format(time.RFC3339Nano)) }

func (v RFC3339) Equal(o attr.Value) bool {
	other, ok := o.(RFC3339)
	return ok && v.StringValue.Equal(other.StringValue)
}

// Time parses the value.
func (v RFC3339) Time() (time.Time, error) {
	return time.Parse(time.RFC3339, v.ValueString())
}

// Known is the time when the value is known and valid: what a plan-time
// check that compares times can use (an unknown value is checked once known).
func (v RFC3339) Known() (time.Time, bool) {
	if v.IsNull() || v.IsUnknown() {
		return time.Time{}, false
	}
	t, err := v.Time()
	return t, err == nil
}

// StringSemanticEquals reports whether both values are the same instant.
func (v RFC3339) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	other, ok := newValuable.(RFC3339)
	if !ok {
		diags.AddError("Semantic equality check error", fmt.Sprintf("expected timetype.RFC3339, got %T; please report this provider bug", newValuable))
		return false, diags
	}
	a, errA := v.Time()
	b, errB := other.Time()
	if errA != nil || errB != nil {
		return v.ValueString() == other.ValueString(), diags
	}
	return a.Equal(b), diags
}

// ValidateAttribute rejects text that is not RFC 3339, at plan time.
func (v RFC3339) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	if _, err := v.Time(); err != nil {
		// A time in the right shape whose day or time of day does not exist
		// ("2027-02-30T09:00:00Z") is told so: its format is not the mistake.
		if why := validators.ExplainRFC3339(v.ValueString()); why != "" {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
				fmt.Sprintf("%s must be a time that exists; %s.", req.Path, why))
			return
		}
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid RFC 3339 time",
			fmt.Sprintf("%s must be an RFC 3339 time such as \"2030-07-21T17:32:28Z\" or \"2030-07-21T19:32:28+02:00\"; got %q.",
				req.Path, v.ValueString()))
	}
}
