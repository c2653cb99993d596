package planmodifiers

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var objType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{"mode": tftypes.String}}

func rawObj(v *string) tftypes.Value {
	if v == nil {
		return tftypes.NewValue(objType, nil)
	}
	return tftypes.NewValue(objType, map[string]tftypes.Value{"mode": tftypes.NewValue(tftypes.String, *v)})
}

func ptr(s string) *string { return &s }

func TestRequiresReplaceBecause(t *testing.T) {
	const reason = "PortSIP cannot change mode in place."
	for _, tc := range []struct {
		name        string
		state, plan *string
		stateVal    types.String
		planVal     types.String
		wantReplace bool
	}{
		{"create", nil, ptr("AUDIO"), types.StringNull(), types.StringValue("AUDIO"), false},
		{"destroy", ptr("AUDIO"), nil, types.StringValue("AUDIO"), types.StringNull(), false},
		{"unchanged", ptr("AUDIO"), ptr("AUDIO"), types.StringValue("AUDIO"), types.StringValue("AUDIO"), false},
		{"changed", ptr("AUDIO"), ptr("VIDEO"), types.StringValue("AUDIO"), types.StringValue("VIDEO"), true},
		{"set to null", ptr("AUDIO"), ptr(""), types.StringValue("AUDIO"), types.StringNull(), true},
		{"unknown", ptr("AUDIO"), ptr("x"), types.StringValue("AUDIO"), types.StringUnknown(), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := planmodifier.StringRequest{
				Path:       path.Root("mode"),
				State:      tfsdk.State{Raw: rawObj(tc.state)},
				Plan:       tfsdk.Plan{Raw: rawObj(tc.plan)},
				StateValue: tc.stateVal,
				PlanValue:  tc.planVal,
			}
			var resp planmodifier.StringResponse
			RequiresReplaceBecause(reason).PlanModifyString(context.Background(), req, &resp)
			if resp.RequiresReplace != tc.wantReplace {
				t.Fatalf("RequiresReplace = %v, want %v", resp.RequiresReplace, tc.wantReplace)
			}
			if tc.wantReplace {
				if resp.Diagnostics.WarningsCount() != 1 || !strings.Contains(resp.Diagnostics[0].Detail(), reason) {
					t.Fatalf("want one warning with the reason, got %v", resp.Diagnostics)
				}
			} else if len(resp.Diagnostics) != 0 {
				t.Fatalf("unexpected diagnostics %v", resp.Diagnostics)
			}
		})
	}
}

// marked is private state with MarkUnread's mark, or without.
type marked bool

func (m marked) GetKey(context.Context, string) ([]byte, diag.Diagnostics) {
	if m {
		return []byte("true"), nil
	}
	return nil, nil
}

// The first plan after an import records a value from null unless the
// check finds it contradicted: then it replaces, with the check's reason.
func TestReplaceChecked(t *testing.T) {
	const reason, why = "no update API", `prefix = "b-" contradicts room_name "/a-1"`
	for _, tc := range []struct {
		name        string
		mark        marked
		priorNull   bool
		check       func() string
		wantReplace bool
		want        string
	}{
		{"imported, agreeing", true, true, func() string { return "" }, false, "is recorded as configured"},
		{"imported, contradicted", true, true, func() string { return why }, true, why},
		{"imported, unchecked", true, true, nil, false, "is recorded as configured"},
		{"not imported", false, true, func() string { t.Error("checked without an import"); return why }, true, reason},
		{"recorded before", true, false, func() string { t.Error("checked a value the state has"); return why }, true, reason},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			var replaced bool
			replace(context.Background(), tc.mark, path.Root("prefix"), tc.priorNull, reason, tc.check, &replaced, &diags)
			if replaced != tc.wantReplace || diags.WarningsCount() != 1 || !strings.Contains(diags[0].Summary()+diags[0].Detail(), tc.want) {
				t.Fatalf("replace %v, diagnostics %v; want replace %v and one warning with %q", replaced, diags, tc.wantReplace, tc.want)
			}
		})
	}
}
