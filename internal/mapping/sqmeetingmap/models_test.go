package sqmeetingmap

import (
	"context"
	"testing"
	"time"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

func occurrence(id string, start time.Time) sqmeeting.Meeting {
	return sqmeeting.Meeting{
		ReservationID: id, MeetingType: sqmeeting.MeetingTypeRecurrence, MeetingName: "Weekly", MeetingNumber: "12345678",
		CallRateType: "2048K", MeetingPassword: "", MuteUponEntry: "ENABLE", WatermarkType: "single", MeetingURL: "https://x/j/abc",
		ScheduleStartTime: sqmeeting.At(start), ScheduleEndTime: sqmeeting.At(start.Add(time.Hour)),
		InvitedUsersDetail: []sqmeeting.InvitedUser{{UserID: "u1"}}, RecurrenceGID: "g1",
	}
}

// The models fit the schemas their attributes make, in the resource and in
// the data sources.
func TestModelsFitTheirSchemas(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	start := time.Date(2030, 3, 4, 9, 0, 0, 0, time.UTC)

	var m Listed
	first := occurrence("r1", start)
	m.FromAPI(ctx, &first, &diags)

	rec := &sqmeeting.Recurrence{RecurrenceGID: "g1", Rule: sqmeeting.Rule{
		RecurrenceType: "WEEKLY", RecurrenceInterval: 1, RecurrenceDaysOfWeek: []int{2},
		RecurrenceStartTime: sqmeeting.At(start), RecurrenceEndTime: sqmeeting.At(start.Add(time.Hour)),
		RecurrenceEndDay: sqmeeting.At(start.AddDate(0, 0, 14)),
	}, Occurrences: []sqmeeting.Meeting{occurrence("r3", start.AddDate(0, 0, 14)), first}}
	var series RecurringMeeting
	series.FromAPI(ctx, rec, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	// The 11th has no occurrence: it shows as skipped.
	if got := mapping.Strings(ctx, series.SkipDates, &diags); len(got) != 1 || got[0] != "2030-03-11" {
		t.Errorf("skip_dates %v", got)
	}
	if rows := series.occurrenceRows(ctx, &diags); len(rows) != 2 || rows[0].ReservationID.ValueString() != "r1" {
		t.Errorf("occurrences, first to last: %v", series.Occurrences)
	}
	var room MeetingRoom
	room.FromAPI(ctx, &sqmeeting.MeetingRoom{MeetingRoomID: "room", CreatedTime: sqmeeting.At(start)}, &diags)
	var user User
	user.FromAPI(ctx, &sqmeeting.PublicUser{UserID: "u1", Username: "alice"}, &diags)
	var system System
	system.FromAPI("3.4.0", &sqmeeting.Capacity{})

	set := func(name string, attrs mapping.Attrs, model any) {
		t.Helper()
		rs := rschema.Schema{Attributes: attrs.Resource()}
		if d := (&tfsdk.State{Schema: rs, Raw: tftypes.NewValue(rs.Type().TerraformType(ctx), nil)}).Set(ctx, model); d.HasError() {
			t.Errorf("%s resource schema: %v", name, d)
		}
		ds := dschema.Schema{Attributes: attrs.DataSource()}
		if d := (&tfsdk.State{Schema: ds, Raw: tftypes.NewValue(ds.Type().TerraformType(ctx), nil)}).Set(ctx, model); d.HasError() {
			t.Errorf("%s data source schema: %v", name, d)
		}
	}
	set("meeting", MeetingAttrs(), &m.Meeting)
	set("listed meeting", ListedAttrs(), &m)
	set("series", RecurringMeetingAttrs(), &series)
	set("room", MeetingRoomAttrs(), &room)
	set("user", UserAttrs(), &user)
	set("system", SystemAttrs(), &system)
}

// "" is a password, not its absence; `[]` invitees stay `[]`.
func TestSettingsFromAPI(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	api := sqmeeting.Meeting{MeetingName: "x"}
	var s Settings
	s.fromAPI(ctx, &api, &diags)
	if s.Password.IsNull() || s.Password.ValueString() != "" || !s.InvitedUserIDs.IsNull() || !s.Description.IsNull() {
		t.Errorf("read %+v", s)
	}
	s.InvitedUserIDs = types.SetValueMust(types.StringType, nil)
	s.fromAPI(ctx, &api, &diags)
	if s.InvitedUserIDs.IsNull() {
		t.Error("a configured [] became null")
	}
}

// An update clears the room only when there was one, and sends the password
// only when it is known.
func TestSettingsInput(t *testing.T) {
	ctx := context.Background()
	var diags diag.Diagnostics
	s := Settings{Password: types.StringUnknown(), MeetingRoomID: types.StringNull(), InvitedUserIDs: types.SetNull(types.StringType)}
	var in sqmeeting.MeetingInput
	s.input(ctx, nil, &in, &diags)
	if in.MeetingPassword != nil || in.MeetingRoomID != nil || in.InvitedUsers == nil {
		t.Errorf("create body %+v", in)
	}
	prior := Settings{MeetingRoomID: types.StringValue("room")}
	s.Password = types.StringValue("")
	in = sqmeeting.MeetingInput{}
	s.input(ctx, &prior, &in, &diags)
	if in.MeetingPassword == nil || *in.MeetingPassword != "" || in.MeetingRoomID == nil || *in.MeetingRoomID != "" {
		t.Errorf("update body %+v", in)
	}
}
