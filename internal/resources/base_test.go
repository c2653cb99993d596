package resources

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// fakeClient answers get and remove with err.
type fakeClient struct{ err error }

type fakeModel struct {
	withTimeouts
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

// fakeOps reads a name, or fails with the client's error.
var fakeOps = ops[*fakeClient, fakeModel]{
	get: func(_ context.Context, c *fakeClient, _ string, m *fakeModel, _ *diag.Diagnostics) error {
		if c.err == nil {
			m.Name = types.StringValue("read")
		}
		return c.err
	},
	remove: func(_ context.Context, c *fakeClient, _ string, _ *fakeModel, _ *diag.Diagnostics) error {
		return c.err
	},
}

func fakeResource(err error) (*base[*fakeClient, fakeModel, *fakeModel], tfsdk.State) {
	b := newBase(Kind{Name: "conference_fake_thing", Platform: &platforms.PortSIP, Noun: "thing",
		ImportID: mapping.PlainID("the thing's ID", "t1", nil)}, fakeOps)
	b.client = &fakeClient{err: err}
	s := b.schema(context.Background(), mapping.Attrs{
		"id":   {Doc: "id", Resource: schema.StringAttribute{Computed: true}},
		"name": {Doc: "name", Resource: schema.StringAttribute{Optional: true}},
	}, "A thing. ", "thing")
	typ, _ := s.Type().TerraformType(context.Background()).(tftypes.Object)
	raw := tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":       tftypes.NewValue(tftypes.String, "t1"),
		"name":     tftypes.NewValue(tftypes.String, "old"),
		"timeouts": tftypes.NewValue(typ.AttributeTypes["timeouts"], nil),
	})
	return &b, tfsdk.State{Schema: s, Raw: raw}
}

// A 404 on Read removes the resource with a warning that names it; any
// other error is an error and keeps it.
func TestReadOfAVanishedObjectWarns(t *testing.T) {
	ctx := context.Background()
	b, state := fakeResource(&client.APIError{Platform: "PortSIP", StatusCode: http.StatusNotFound})
	resp := resource.ReadResponse{State: state}
	b.Read(ctx, resource.ReadRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 || !resp.State.Raw.IsNull() {
		t.Fatalf("diagnostics %v, state %v: want one warning and no state", resp.Diagnostics, resp.State.Raw)
	}
	w := resp.Diagnostics.Warnings()[0]
	if w.Summary() != `PortSIP thing t1 no longer exists` || !strings.Contains(w.Detail(), "conference_fake_thing is removed from the state") {
		t.Errorf("warning %q: %q", w.Summary(), w.Detail())
	}

	b, state = fakeResource(&client.APIError{Platform: "PortSIP", StatusCode: http.StatusForbidden, Message: "no"})
	resp = resource.ReadResponse{State: state}
	b.Read(ctx, resource.ReadRequest{State: state}, &resp)
	if !resp.Diagnostics.HasError() || resp.State.Raw.IsNull() || resp.Diagnostics.Errors()[0].Summary() != "PortSIP rejected reading thing" {
		t.Errorf("a 403: diagnostics %v, state %v", resp.Diagnostics, resp.State.Raw)
	}

	b, state = fakeResource(nil)
	resp = resource.ReadResponse{State: state}
	b.Read(ctx, resource.ReadRequest{State: state}, &resp)
	var name types.String
	resp.State.GetAttribute(ctx, path.Root("name"), &name)
	if resp.Diagnostics.HasError() || name.ValueString() != "read" {
		t.Errorf("a read: diagnostics %v, name %v", resp.Diagnostics, name)
	}
}

// A delete that finds the object gone is done.
func TestDeleteOfAVanishedObjectIsDone(t *testing.T) {
	b, state := fakeResource(&client.APIError{StatusCode: http.StatusNotFound})
	var resp resource.DeleteResponse
	b.Delete(context.Background(), resource.DeleteRequest{State: state}, &resp)
	if resp.Diagnostics.HasError() {
		t.Errorf("a 404 on delete: %v", resp.Diagnostics)
	}
	b, state = fakeResource(&client.APIError{StatusCode: http.StatusConflict})
	b.Delete(context.Background(), resource.DeleteRequest{State: state}, &resp)
	if !resp.Diagnostics.HasError() {
		t.Error("a 409 on delete is not an error")
	}
}

// An import ID the codec refuses gets one title everywhere and an example.
func TestImportErrorsShowAnExample(t *testing.T) {
	b, state := fakeResource(nil)
	resp := resource.ImportStateResponse{State: tfsdk.State{Schema: state.Schema, Raw: tftypes.NewValue(state.Raw.Type(), nil)}}
	b.ImportState(context.Background(), resource.ImportStateRequest{ID: ""}, &resp)
	if !resp.Diagnostics.HasError() {
		t.Fatal("an empty ID is taken")
	}
	e := resp.Diagnostics.Errors()[0]
	if e.Summary() != "Invalid import ID for conference_fake_thing" || !strings.Contains(e.Detail(), "Expected the thing's ID, such as t1") ||
		!strings.Contains(e.Detail(), "terraform import conference_fake_thing.<name> <ID>") {
		t.Errorf("%q: %q", e.Summary(), e.Detail())
	}
}
