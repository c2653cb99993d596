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

// writeRequest is a create's plan and configuration: name "new", no ID yet.
func writeRequest(t *testing.T, state tfsdk.State) (resource.CreateRequest, *resource.CreateResponse) {
	t.Helper()
	typ, _ := state.Raw.Type().(tftypes.Object)
	raw := tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":       tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
		"name":     tftypes.NewValue(tftypes.String, "new"),
		"timeouts": tftypes.NewValue(typ.AttributeTypes["timeouts"], nil),
	})
	req := resource.CreateRequest{Plan: tfsdk.Plan{Schema: state.Schema, Raw: raw}, Config: tfsdk.Config{Schema: state.Schema, Raw: raw}}
	return req, &resource.CreateResponse{State: tfsdk.State{Schema: state.Schema, Raw: tftypes.NewValue(typ, nil)}}
}

// A create sends its call once, saves the new object's ID before the
// read-back, so that a read-back that fails leaves the object in the state
// (tainted) rather than forgotten, and words the call's error once.
func TestCreateSavesTheIDBeforeTheReadBack(t *testing.T) {
	ctx := context.Background()
	b, state := fakeResource(&client.APIError{Platform: "PortSIP", StatusCode: http.StatusInternalServerError, Message: "down"})
	req, resp := writeRequest(t, state)
	calls := 0
	b.create(ctx, req, resp, func(context.Context, *fakeModel, *diag.Diagnostics) func() (string, error) {
		return func() (string, error) { calls++; return "t9", nil }
	}, b.readBack)
	var id types.String
	resp.State.GetAttribute(ctx, path.Root("id"), &id)
	if calls != 1 || id.ValueString() != "t9" || resp.Diagnostics.ErrorsCount() != 1 {
		t.Errorf("%d calls, ID %v, diagnostics %v: want one call, t9 in the state and the read's error", calls, id, resp.Diagnostics)
	}

	b, state = fakeResource(nil)
	req, resp = writeRequest(t, state)
	b.create(ctx, req, resp, func(context.Context, *fakeModel, *diag.Diagnostics) func() (string, error) {
		return func() (string, error) {
			return "", &client.APIError{Platform: "PortSIP", StatusCode: http.StatusBadRequest, Message: "no"}
		}
	}, b.readBack)
	if resp.Diagnostics.ErrorsCount() != 1 || !resp.State.Raw.IsNull() || resp.Diagnostics.Errors()[0].Summary() != "PortSIP rejected thing" {
		t.Errorf("a refused create: diagnostics %v, state %v", resp.Diagnostics, resp.State.Raw)
	}
}

// Nothing is sent when building the request fails; an error the call words
// itself (errSaid) is not worded again; a call that fills the model from its
// answer is saved without a read-back.
func TestWriteSequence(t *testing.T) {
	ctx := context.Background()
	b, state := fakeResource(nil)
	req, resp := writeRequest(t, state)
	sent := false
	b.create(ctx, req, resp, func(_ context.Context, _ *fakeModel, diags *diag.Diagnostics) func() (string, error) {
		diags.AddError("bad body", "")
		return func() (string, error) { sent = true; return "t9", nil }
	}, b.readBack)
	if sent || resp.Diagnostics.ErrorsCount() != 1 {
		t.Errorf("a failed build: sent %v, diagnostics %v", sent, resp.Diagnostics)
	}

	req, resp = writeRequest(t, state)
	b.create(ctx, req, resp, func(_ context.Context, _ *fakeModel, diags *diag.Diagnostics) func() (string, error) {
		return func() (string, error) { diags.AddError("taken", ""); return "", errSaid }
	}, b.readBack)
	if resp.Diagnostics.ErrorsCount() != 1 || resp.Diagnostics.Errors()[0].Summary() != "taken" {
		t.Errorf("a call's own error: %v", resp.Diagnostics)
	}

	b, state = fakeResource(&client.APIError{StatusCode: http.StatusNotFound})
	req, resp = writeRequest(t, state)
	b.create(ctx, req, resp, func(_ context.Context, m *fakeModel, _ *diag.Diagnostics) func() (string, error) {
		return func() (string, error) {
			m.ID, m.Name = types.StringValue("t9"), types.StringValue("answered")
			return "", nil
		}
	}, nil)
	var name types.String
	resp.State.GetAttribute(ctx, path.Root("name"), &name)
	if resp.Diagnostics.HasError() || name.ValueString() != "answered" {
		t.Errorf("an answered create: diagnostics %v, name %v (a read-back would have found a 404)", resp.Diagnostics, name)
	}
}
