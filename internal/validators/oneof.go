package validators

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// OneOf accepts exactly one of values. A value that differs from an allowed
// one in case only ("audio" for "AUDIO") is told how to write it: the APIs
// compare enums case-sensitively, and the framework's stringvalidator.OneOf
// only lists the values, which leaves the user to spot the difference.
func OneOf(values ...string) validator.String {
	return oneOf{values: values}
}

type oneOf struct{ values []string }

func (v oneOf) allowed() string {
	quoted := make([]string, len(v.values))
	for i, s := range v.values {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}

func (v oneOf) Description(context.Context) string {
	return "value must be one of " + v.allowed() + ", written as shown"
}

func (v oneOf) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v oneOf) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	got := req.ConfigValue.ValueString()
	for _, s := range v.values {
		if s == got {
			return
		}
	}
	name := attrName(req.Path)
	msg := fmt.Sprintf("%s must be one of %s; got %q.", name, v.allowed(), got)
	for _, s := range v.values {
		if strings.EqualFold(s, got) {
			msg = fmt.Sprintf("%s must be written %q, not %q: the values are case-sensitive. The allowed values are %s.",
				name, s, got, v.allowed())
			break
		}
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+name, msg)
}
