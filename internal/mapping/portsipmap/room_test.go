package portsipmap

import (
	"context"
	"strings"
	"testing"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

func ptr[T any](v T) *T { return &v }

// videoConference is a VIDEO room or meeting as the PBX reads it back.
func videoConference(id, ext string) portsip.Conference {
	return portsip.Conference{
		ID: id, ExtensionNumber: ext, Mode: "VIDEO", Control: "FREE", Subject: "Board", Capacity: 9,
		Height: ptr(int64(720)), Width: ptr(int64(1280)), Bitrate: ptr(int64(1024)), Framerate: ptr(int64(15)), Layout: "LAYOUT0",
		EnablePrompt: true, CreatedAt: "2030-07-21T17:00:00Z", ScheduledStartAt: "2030-08-01T01:00:00Z",
		InternalInvitees:  []string{"user-1"},
		OutboundCallerIDs: []portsip.OutboundCallerID{{ProviderID: "trunk-1", CallerID: "+15550100"}},
		CustomOptions:     `{"moh":true}`, Domain: "pbx.example.com", SBCPort: 10443,
	}
}

func videoRoom() *portsip.Room {
	return &portsip.Room{Conference: videoConference("r1", "8100")}
}

// The models fit the schemas the attributes make: the resource's, the data
// source's, and a list item's.
func TestModelsFitTheirSchemas(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	var room Room
	room.FromAPI(ctx, videoRoom(), &diags)
	var roomSummary RoomSummary
	roomSummary.FromAPI(ctx, videoRoom(), &diags)
	var meeting Meeting
	meeting.FromAPI(ctx, videoMeeting(), &diags)
	var meetingSummary MeetingSummary
	meetingSummary.FromAPI(ctx, videoMeeting(), &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	fits(t, "room resource", rschema.Schema{Attributes: RoomAttrs().Resource()}, &room)
	fits(t, "room data source", dschema.Schema{Attributes: RoomAttrs().DataSource()}, &room)
	fits(t, "room list item", dschema.Schema{Attributes: RoomSummaryAttrs().DataSource()}, &roomSummary)
	fits(t, "meeting resource", rschema.Schema{Attributes: MeetingAttrs().Resource()}, &meeting)
	fits(t, "meeting data source", dschema.Schema{Attributes: MeetingAttrs().DataSource()}, &meeting)
	fits(t, "meeting list item", dschema.Schema{Attributes: MeetingSummaryAttrs().DataSource()}, &meetingSummary)
}

// fits checks that model can be stored under schema, a resource's or a data
// source's.
func fits(t *testing.T, name string, schema any, model any) {
	t.Helper()
	ctx := context.Background()
	var state tfsdk.State
	switch s := schema.(type) {
	case rschema.Schema:
		state = tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}
	case dschema.Schema:
		state = tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}
	default:
		t.Fatalf("%s: %T is not a schema", name, schema)
	}
	if d := state.Set(ctx, model); d.HasError() {
		t.Errorf("%s: %v", name, d)
	}
}

// None reads back as null; a configured `[]` stays `[]`.
func TestFromAPIEmptyCollections(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	api := &portsip.Room{Conference: portsip.Conference{ID: "r1", Mode: "AUDIO"}}

	var fresh Room
	fresh.FromAPI(ctx, api, &diags)
	if !fresh.InternalInvitees.IsNull() || !fresh.OutboundCallerIDs.IsNull() {
		t.Errorf("no invitees or caller IDs: got %v and %v, want null", fresh.InternalInvitees, fresh.OutboundCallerIDs)
	}

	configured := Room{}
	configured.InternalInvitees = types.SetValueMust(types.StringType, nil)
	configured.OutboundCallerIDs = types.ListValueMust(callerIDType, nil)
	configured.FromAPI(ctx, api, &diags)
	if configured.InternalInvitees.IsNull() || configured.OutboundCallerIDs.IsNull() {
		t.Errorf("configured []: got %v and %v, want []", configured.InternalInvitees, configured.OutboundCallerIDs)
	}
	if diags.HasError() {
		t.Fatal(diags)
	}
}

func TestFromAPIRejectsATimeThatIsNotRFC3339(t *testing.T) {
	var diags diag.Diagnostics
	var m Room
	m.FromAPI(context.Background(), &portsip.Room{Conference: portsip.Conference{ID: "r1", ScheduledEndAt: "2030-08-01 02:30"}}, &diags)
	if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), "scheduled_end_at") {
		t.Errorf("got %v, want an error naming scheduled_end_at", diags)
	}
}

// A create body carries what is set, the video settings only in VIDEO mode; an
// update body only what changed, and "" for what the configuration dropped.
func TestBodies(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	var prior Room
	prior.FromAPI(ctx, videoRoom(), &diags)
	prior.Language = types.StringValue("en-US")

	plan := prior
	plan.Subject = types.StringValue("Board (weekly)")
	plan.Language = types.StringNull()
	plan.ScheduledStartAt = timetype.NewValue("2030-08-01T09:00:00+08:00")
	plan.InternalInvitees = types.SetNull(types.StringType)
	up := plan.UpdateBody(ctx, &prior, &diags)
	if up.Subject == nil || *up.Subject != "Board (weekly)" {
		t.Errorf("subject: got %v", up.Subject)
	}
	if up.Language == nil || *up.Language != "" {
		t.Errorf("a dropped language is sent empty to clear it: got %v", up.Language)
	}
	if up.ScheduledStartAt == nil || *up.ScheduledStartAt != "2030-08-01T01:00:00Z" {
		t.Errorf("times go in UTC: got %v", up.ScheduledStartAt)
	}
	if up.InternalInvitees == nil || len(*up.InternalInvitees) != 0 {
		t.Errorf("dropped invitees are sent as []: got %v", up.InternalInvitees)
	}
	if up.Control != nil || up.Height != nil || up.OutboundCallerIDs != nil || up.Mode != nil {
		t.Errorf("unchanged fields are left out: %+v", up)
	}

	audio := plan
	audio.Mode = types.StringValue("AUDIO")
	in := audio.CreateBody(ctx, &diags)
	if in.Height != nil || in.Layout != nil {
		t.Errorf("an AUDIO create has no video settings: %+v", in)
	}
	if in.Mode == nil || in.ExtensionNumber == nil || in.EnableRecording == nil || in.Language != nil {
		t.Errorf("a create carries mode, extension_number, enable_recording and what is set: %+v", in)
	}
	if diags.HasError() {
		t.Fatal(diags)
	}
}

func TestValidate(t *testing.T) {
	c := Conference{
		Mode:             types.StringValue("AUDIO"),
		Height:           types.Int64Value(720),
		Layout:           types.StringNull(),
		ScheduledStartAt: timetype.NewValue("2030-01-01T10:00:00+01:00"),
		ScheduledEndAt:   timetype.NewValue("2030-01-01T09:00:00Z"),
	}
	var diags diag.Diagnostics
	c.Validate(context.Background(), &diags)
	var got []string
	for _, d := range diags.Errors() {
		got = append(got, d.Summary())
	}
	want := []string{"Attribute only valid in VIDEO mode", "Invalid scheduled_end_at"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q (10:00+01:00 is 09:00Z: the end is not after the start)", got, want)
	}
}
