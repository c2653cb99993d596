package planmodifiers

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

func TestKeepEquivalent(t *testing.T) {
	for _, tc := range []struct {
		name        string
		typ         basetypes.StringTypable
		state, plan types.String
		want        types.String
	}{
		{"same instant in another offset keeps the state",
			timetype.RFC3339Type{}, types.StringValue("2030-07-21T17:32:28Z"), types.StringValue("2030-07-21T19:32:28+02:00"),
			types.StringValue("2030-07-21T17:32:28Z")},
		{"another instant is a change",
			timetype.RFC3339Type{}, types.StringValue("2030-07-21T17:32:28Z"), types.StringValue("2030-07-21T17:32:28+02:00"),
			types.StringValue("2030-07-21T17:32:28+02:00")},
		{"JSON with other spacing and key order keeps the state",
			jsontypes.NormalizedType{}, types.StringValue(`{"a":1,"b":[1,2]}`), types.StringValue("{ \"b\": [1, 2],\n \"a\": 1 }"),
			types.StringValue(`{"a":1,"b":[1,2]}`)},
		{"other JSON is a change",
			jsontypes.NormalizedType{}, types.StringValue(`{"a":1}`), types.StringValue(`{"a":2}`), types.StringValue(`{"a":2}`)},
		{"create: no state",
			timetype.RFC3339Type{}, types.StringNull(), types.StringValue("2030-07-21T17:32:28Z"), types.StringValue("2030-07-21T17:32:28Z")},
		{"removed: null plan stays null",
			timetype.RFC3339Type{}, types.StringValue("2030-07-21T17:32:28Z"), types.StringNull(), types.StringNull()},
		{"unknown plan stays unknown",
			jsontypes.NormalizedType{}, types.StringValue(`{}`), types.StringUnknown(), types.StringUnknown()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := planmodifier.StringRequest{StateValue: tc.state, PlanValue: tc.plan, ConfigValue: tc.plan}
			resp := &planmodifier.StringResponse{PlanValue: tc.plan}
			KeepEquivalent(tc.typ).PlanModifyString(context.Background(), req, resp)
			if resp.Diagnostics.HasError() {
				t.Fatalf("diagnostics: %v", resp.Diagnostics)
			}
			if !resp.PlanValue.Equal(tc.want) {
				t.Errorf("plan = %s, want %s", resp.PlanValue, tc.want)
			}
		})
	}
}
