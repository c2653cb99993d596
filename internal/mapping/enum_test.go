package mapping

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type color string

// The validator takes what the description lists, and its error names the
// values.
func TestEnum(t *testing.T) {
	two, three := Enum[color]{"red", "blue"}, Enum[color]{"A", "B", "C"}
	if two.Doc() != "`red` or `blue`" || three.Doc() != "one of `A`, `B`, `C`" {
		t.Errorf("Doc: %q, %q", two.Doc(), three.Doc())
	}
	check := func(v string) string {
		var resp validator.StringResponse
		three.Validator().ValidateString(context.Background(),
			validator.StringRequest{Path: path.Root("x"), ConfigValue: types.StringValue(v)}, &resp)
		if resp.Diagnostics.HasError() {
			return resp.Diagnostics.Errors()[0].Detail()
		}
		return ""
	}
	for _, v := range three.Strings() {
		if msg := check(v); msg != "" || !three.Has(v) {
			t.Errorf("%q refused: %s", v, msg)
		}
	}
	if msg := check("D"); !strings.Contains(msg, `"A", "B" or "C"`) || three.Has("D") {
		t.Errorf("D: %q", msg)
	}
}
