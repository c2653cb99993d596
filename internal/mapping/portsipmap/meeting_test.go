package portsipmap

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
)

func videoMeeting() *portsip.Meeting {
	return &portsip.Meeting{Conference: videoConference("m1", "88000"), CloseOnNobody: true, Ownership: true}
}

// A create body has what createMeeting takes: mode, enable_recording and
// close_on_nobody, but no capacity; AfterCreate sets a capacity other than
// the one the meeting started with.
func TestMeetingCreateAndAfterCreate(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	var plan Meeting
	plan.FromAPI(ctx, videoMeeting(), &diags)
	plan.Capacity = types.Int64Value(40)
	plan.EnableRecording = types.BoolValue(true)
	in := plan.CreateBody(ctx, &diags)
	if in.Capacity != nil {
		t.Errorf("createMeeting takes no capacity: got %d", *in.Capacity)
	}
	if in.Mode == nil || *in.Mode != "VIDEO" || in.EnableRecording == nil || !*in.EnableRecording || in.CloseOnNobody == nil || !*in.CloseOnNobody {
		t.Errorf("a create carries mode, enable_recording and close_on_nobody: %+v", in)
	}
	if in.Height == nil || in.OutboundCallerIDs == nil || len(*in.OutboundCallerIDs) != 1 {
		t.Errorf("a create carries the video settings and the caller IDs: %+v", in)
	}
	var created Meeting
	created.FromAPI(ctx, videoMeeting(), &diags)
	up, ok := plan.AfterCreate(&created)
	if !ok || up.Capacity == nil || *up.Capacity != 40 || up.Subject != nil || up.Mode != nil {
		t.Errorf("AfterCreate: got %+v, %v; want capacity 40 alone", up, ok)
	}
	plan.Capacity = types.Int64Value(9)
	if up, ok := plan.AfterCreate(&created); ok {
		t.Errorf("AfterCreate with the capacity the meeting has: got %+v, want no update", up)
	}
	if diags.HasError() {
		t.Fatal(diags)
	}
}

// Unlike a room's, a meeting's update body may change enable_recording;
// neither ever carries mode.
func TestMeetingUpdate(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	var prior Meeting
	prior.FromAPI(ctx, videoMeeting(), &diags)
	plan := prior
	plan.EnableRecording = types.BoolValue(true)
	plan.CloseOnNobody = types.BoolValue(false)
	plan.Capacity = types.Int64Value(12)
	up := plan.UpdateBody(ctx, &prior, &diags)
	if up.EnableRecording == nil || !*up.EnableRecording || up.CloseOnNobody == nil || *up.CloseOnNobody ||
		up.Capacity == nil || *up.Capacity != 12 {
		t.Errorf("enable_recording, close_on_nobody and capacity change in place: %+v", up)
	}
	if up.Mode != nil || up.Subject != nil || up.OutboundCallerIDs != nil {
		t.Errorf("unchanged fields and mode are left out: %+v", up)
	}
	if diags.HasError() {
		t.Fatal(diags)
	}
}

// The schema follows what each API allows: a room replaces itself for
// enable_recording, a meeting does not; a meeting requires timezone; both
// replace themselves for mode.
func TestConferenceAttrsFollowTheAPI(t *testing.T) {
	ctx := context.Background()
	replaces := func(a rschema.Attribute) bool {
		switch a := a.(type) {
		case rschema.BoolAttribute:
			return len(a.PlanModifiers) > 0 && strings.Contains(a.PlanModifiers[0].Description(ctx), "replaces the resource")
		case rschema.StringAttribute:
			return len(a.PlanModifiers) > 0 && strings.Contains(a.PlanModifiers[0].Description(ctx), "replaces the resource")
		}
		return false
	}
	room, meeting := RoomAttrs().Resource(), MeetingAttrs().Resource()
	if !replaces(room["enable_recording"]) || replaces(meeting["enable_recording"]) {
		t.Error("enable_recording: want a replacement for a room alone")
	}
	if !replaces(room["mode"]) || !replaces(meeting["mode"]) {
		t.Error("mode: want a replacement for both")
	}
	if room["timezone"].IsRequired() || !meeting["timezone"].IsRequired() {
		t.Error("timezone: want it required for a meeting alone")
	}
	if !strings.Contains(meeting["capacity"].GetDescription(), "update right after the create") {
		t.Errorf("a meeting's capacity says how it is set: %q", meeting["capacity"].GetDescription())
	}
	for _, name := range []string{"id", "extension_number", "ownership", "created_at"} {
		if a := meeting[name]; !a.IsComputed() || a.IsOptional() || a.IsRequired() {
			t.Errorf("meeting %s: want computed only", name)
		}
	}
}

func TestMeetingNotFound(t *testing.T) {
	named := MeetingNotFound("ID", "m1", "bob", "import")
	if !strings.Contains(named, `No PortSIP meeting with ID "m1" belongs to "bob", the signed-in user`) ||
		!strings.Contains(named, "import it with a provider configuration") {
		t.Errorf("got %q", named)
	}
	if anon := MeetingNotFound("extension number", "88000", "", "read"); !strings.Contains(anon, `extension number "88000" belongs to the signed-in user:`) {
		t.Errorf("got %q", anon)
	}
}
