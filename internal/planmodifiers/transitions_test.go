package planmodifiers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
)

// lineTypes is the LINE Planet table: "Available change case: S -> R".
var lineTypes = planmodifiers.Transitions{"S": {"R"}}

func lineReason(from, to string) string {
	return "LINE Planet allows only S -> R in place; " + from + " -> " + to + " requires a new meeting ID"
}

var testSchema = schema.Schema{Attributes: map[string]schema.Attribute{
	"type": schema.StringAttribute{Optional: true},
}}

var objType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{"type": tftypes.String}}

// raw is a resource object whose type is v: a string, nil for null, or
// tftypes.UnknownValue; present false stands for no object at all.
func raw(v any, present bool) tftypes.Value {
	if !present {
		return tftypes.NewValue(objType, nil)
	}
	return tftypes.NewValue(objType, map[string]tftypes.Value{"type": tftypes.NewValue(tftypes.String, v)})
}

func strVal(v any) types.String {
	switch x := v.(type) {
	case nil:
		return types.StringNull()
	case string:
		return types.StringValue(x)
	default:
		return types.StringUnknown()
	}
}

type plan struct {
	state, planned  any
	hasState, alive bool
}

func run(t *testing.T, p plan) *planmodifier.StringResponse {
	t.Helper()
	req := planmodifier.StringRequest{
		Path:        path.Root("type"),
		State:       tfsdk.State{Schema: testSchema, Raw: raw(p.state, p.hasState)},
		Plan:        tfsdk.Plan{Schema: testSchema, Raw: raw(p.planned, p.alive)},
		Config:      tfsdk.Config{Schema: testSchema, Raw: raw(p.planned, p.alive)},
		StateValue:  types.StringNull(),
		PlanValue:   types.StringNull(),
		ConfigValue: types.StringNull(),
	}
	if p.hasState {
		req.StateValue = strVal(p.state)
	}
	if p.alive {
		req.PlanValue = strVal(p.planned)
		req.ConfigValue = strVal(p.planned)
	}
	resp := &planmodifier.StringResponse{PlanValue: req.PlanValue}
	planmodifiers.RequiresReplaceUnlessAllowed(lineTypes, lineReason).PlanModifyString(context.Background(), req, resp)
	return resp
}

func TestTransitions(t *testing.T) {
	unknown := tftypes.UnknownValue
	cases := []struct {
		name    string
		p       plan
		replace bool
		detail  string
	}{
		{name: "create", p: plan{planned: "S", alive: true}},
		{name: "destroy", p: plan{state: "R", hasState: true}},
		{name: "unchanged", p: plan{state: "S", planned: "S", hasState: true, alive: true}},
		{name: "S to R in place", p: plan{state: "S", planned: "R", hasState: true, alive: true}},
		{name: "R to S replaces", p: plan{state: "R", planned: "S", hasState: true, alive: true}, replace: true,
			detail: "LINE Planet allows only S -> R in place; R -> S requires a new meeting ID"},
		{name: "I to S replaces", p: plan{state: "I", planned: "S", hasState: true, alive: true}, replace: true,
			detail: "I -> S requires a new meeting ID"},
		{name: "I to R replaces", p: plan{state: "I", planned: "R", hasState: true, alive: true}, replace: true, detail: "I -> R"},
		{name: "S to I replaces", p: plan{state: "S", planned: "I", hasState: true, alive: true}, replace: true, detail: "S -> I"},
		{name: "R to I replaces", p: plan{state: "R", planned: "I", hasState: true, alive: true}, replace: true, detail: "R -> I"},
		{name: "unknown replaces", p: plan{state: "S", planned: unknown, hasState: true, alive: true}, replace: true,
			detail: "S -> " + planmodifiers.Unknown},
		{name: "removed replaces", p: plan{state: "S", planned: nil, hasState: true, alive: true}, replace: true, detail: "S ->  requires"},
		{name: "no prior value", p: plan{state: nil, planned: "S", hasState: true, alive: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := run(t, c.p)
			if resp.RequiresReplace != c.replace {
				t.Fatalf("RequiresReplace = %v, want %v", resp.RequiresReplace, c.replace)
			}
			if !c.replace {
				if len(resp.Diagnostics) != 0 {
					t.Fatalf("diagnostics without a replacement: %v", resp.Diagnostics)
				}
				return
			}
			if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
				t.Fatalf("want exactly one warning, got %v", resp.Diagnostics)
			}
			w := resp.Diagnostics.Warnings()[0]
			if w.Summary() != "Changing type replaces the resource" || !strings.Contains(w.Detail(), c.detail) {
				t.Fatalf("warning %q / %q, want detail containing %q", w.Summary(), w.Detail(), c.detail)
			}
			if wp, ok := w.(diag.DiagnosticWithPath); !ok || !wp.Path().Equal(path.Root("type")) {
				t.Fatalf("warning is not attached to the attribute: %#v", w)
			}
		})
	}
}

func TestTransitionsTable(t *testing.T) {
	tbl := planmodifiers.Transitions{"draft": {"open", "closed"}, "open": {"closed"}}
	for _, c := range []struct {
		from, to string
		ok       bool
	}{
		{"draft", "open", true}, {"draft", "closed", true}, {"open", "closed", true},
		{"open", "open", true}, {"closed", "open", false}, {"open", "draft", false}, {"x", "y", false},
	} {
		if got := tbl.Allows(c.from, c.to); got != c.ok {
			t.Errorf("Allows(%s, %s) = %v, want %v", c.from, c.to, got, c.ok)
		}
	}
	if got := tbl.String(); got != "draft -> closed, draft -> open, open -> closed" {
		t.Errorf("String() = %q", got)
	}
	if got := (planmodifiers.Transitions{}).String(); got != "none" {
		t.Errorf("empty String() = %q", got)
	}
	d := planmodifiers.RequiresReplaceUnlessAllowed(lineTypes, lineReason).Description(context.Background())
	if !strings.Contains(d, "S -> R") || !strings.Contains(d, "replaces") {
		t.Errorf("Description %q", d)
	}
}
