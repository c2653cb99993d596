package resources

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// SQMeeting cannot delete a user: the plan of a destroy warns that the user
// stays on the server, naming it, and so does the destroy, which removes
// nothing there and fails nothing.
func TestSQMeetingUserDestroyWarns(t *testing.T) {
	ctx := context.Background()
	r := NewSQMeetingUser(Kind{Name: "conference_sqmeeting_user", Platform: &platforms.SQMeeting, Noun: "user",
		ImportID: mapping.PlainID("the user's ID", "alice", nil)})
	mp, ok := r.(resource.ResourceWithModifyPlan)
	if !ok {
		t.Fatal("conference_sqmeeting_user has no ModifyPlan")
	}
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	typ, _ := sr.Schema.Type().TerraformType(ctx).(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	vals["id"] = tftypes.NewValue(tftypes.String, "0b1c")
	vals["username"] = tftypes.NewValue(tftypes.String, "dave")
	state := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(typ, vals)}
	null := tftypes.NewValue(typ, nil)

	plan := resource.ModifyPlanResponse{Plan: tfsdk.Plan{Schema: sr.Schema, Raw: null}}
	mp.ModifyPlan(ctx, resource.ModifyPlanRequest{State: state, Plan: tfsdk.Plan{Schema: sr.Schema, Raw: null},
		Config: tfsdk.Config{Schema: sr.Schema, Raw: null}}, &plan)
	del := resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, &del)
	for what, diags := range map[string]interface {
		HasError() bool
		WarningsCount() int
	}{"plan": plan.Diagnostics, "destroy": del.Diagnostics} {
		if diags.HasError() || diags.WarningsCount() != 1 {
			t.Fatalf("%s: %v, want one warning", what, diags)
		}
	}
	w := del.Diagnostics.Warnings()[0]
	if w.Summary() != `SQMeeting user "dave" is only removed from the state` ||
		!strings.Contains(w.Detail(), `user "dave" (ID 0b1c) stays on the server`) || plan.Diagnostics.Warnings()[0] != w {
		t.Errorf("warning %q: %q; the plan's: %v", w.Summary(), w.Detail(), plan.Diagnostics)
	}
}
