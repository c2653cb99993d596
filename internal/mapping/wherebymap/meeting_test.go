package wherebymap

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// objectType is the type of one of the setting objects, from its schema.
func objectType(t *testing.T, name string) types.ObjectType {
	t.Helper()
	typ, ok := MeetingAttrs()[name].Resource.GetType().(types.ObjectType)
	if !ok {
		t.Fatalf("%s is not an object", name)
	}
	return typ
}

// object builds the value of one of the setting objects.
func object(t *testing.T, name string, v any) types.Object {
	t.Helper()
	o, d := types.ObjectValueFrom(context.Background(), objectType(t, name).AttrTypes, v)
	if d.HasError() {
		t.Fatalf("%s: %v", name, d)
	}
	return o
}

func s(v string) types.String { return types.StringValue(v) }

func TestInputSendsWhatIsSetAndNullForTheOrganizationsSettings(t *testing.T) {
	ctx := context.Background()
	fields, _ := types.SetValueFrom(ctx, types.StringType, []string{"viewerRoomUrl", "hostRoomUrl"})
	m := ManagedMeeting{
		Meeting: Meeting{EndDate: timetype.NewValue("2030-05-07T19:00:00+02:00")},
		Settings: Settings{
			IsLocked: types.BoolValue(false), RoomMode: types.StringNull(), RoomNamePrefix: s("team-"),
			RoomNamePattern: types.StringNull(), TemplateType: types.StringNull(), Fields: fields,
			Recording: object(t, "recording", recording{
				Type: s("cloud"), StartTrigger: types.StringNull(),
				Destination: &recordingStorage{
					storage: storage{
						Provider: s("s3"), AuthenticationType: types.StringNull(), Bucket: s("b"), Region: s("eu-north-1"),
						AccessKeyID: s("AKIA"), AccessKeySecret: s("secret"), OIDCRoleARN: types.StringNull(),
					},
					FileFormat: s("mkv"),
				},
			}),
			LiveTranscription: object(t, "live_transcription", liveTranscription{
				StartTrigger: s("manual"), Language: types.StringNull(), LiveCaptions: types.BoolValue(true),
			}),
			Streaming: types.ObjectNull(objectType(t, "streaming").AttrTypes),
		},
	}
	var diags diag.Diagnostics
	in := m.CreateBody(ctx, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := `{"endDate":"2030-05-07T17:00:00Z","isLocked":false,"roomNamePrefix":"team-",` +
		`"recording":{"type":"cloud","destination":{"provider":"s3","bucket":"b","region":"eu-north-1","accessKeyId":"AKIA","accessKeySecret":"secret","fileFormat":"mkv"},"startTrigger":null},` +
		`"liveTranscription":{"destination":null,"startTrigger":"manual","liveCaptions":true},` +
		`"fields":["hostRoomUrl","viewerRoomUrl"]}`
	// The client sends the end in UTC; fields go in a fixed order.
	in.EndDate = in.EndDate.UTC()
	b, _ := json.Marshal(in)
	if got := string(b); got != want {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
}

func TestStorageRules(t *testing.T) {
	typ, ok := objectType(t, "recording").AttrTypes["destination"].(types.ObjectType)
	if !ok {
		t.Fatal("recording.destination is not an object")
	}
	dest := func(set map[string]string) types.Object {
		vals := map[string]attr.Value{}
		for name, at := range typ.AttrTypes {
			vals[name] = types.StringNull()
			if at.Equal(types.Int64Type) {
				vals[name] = types.Int64Null()
			}
		}
		for k, v := range set {
			vals[k] = types.StringValue(v)
		}
		o, d := types.ObjectValue(typ.AttrTypes, vals)
		if d.HasError() {
			t.Fatal(d)
		}
		return o
	}
	for _, tc := range []struct {
		name string
		set  map[string]string
		want []string // attribute paths with an error
	}{
		{"whereby needs nothing", map[string]string{"provider": "whereby"}, nil},
		{"s3 keys complete", map[string]string{"provider": "s3", "bucket": "b", "region": "r", "access_key_id": "k", "access_key_secret": "s"}, nil},
		{"s3 keys by default", map[string]string{"provider": "s3", "bucket": "b"}, []string{"region", "access_key_id", "access_key_secret"}},
		{"s3 keys with the write-only secret", map[string]string{"provider": "s3", "bucket": "b", "region": "r", "access_key_id": "k", "access_key_secret_wo": "s"}, nil},
		{"s3 explicit access keys", map[string]string{"provider": "s3", "authentication_type": "accessKey", "bucket": "b", "region": "r", "access_key_id": "k"}, []string{"access_key_secret"}},
		{"s3 role complete", map[string]string{"provider": "s3", "authentication_type": "roleBased", "bucket": "b", "oidc_role_arn": "arn"}, nil},
		{"s3 role without arn", map[string]string{"provider": "s3", "authentication_type": "roleBased", "bucket": "b"}, []string{"oidc_role_arn"}},
		{"arn without role", map[string]string{"provider": "whereby", "oidc_role_arn": "arn"}, []string{"oidc_role_arn"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := validator.ObjectRequest{Path: path.Root("recording").AtName("destination"), ConfigValue: dest(tc.set)}
			var resp validator.ObjectResponse
			storageRules{}.ValidateObject(context.Background(), req, &resp)
			var got []string
			for _, d := range resp.Diagnostics {
				if d, ok := d.(diag.DiagnosticWithPath); ok {
					got = append(got, strings.TrimPrefix(d.Path().String(), "recording.destination."))
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("errors at %v, want %v: %v", got, tc.want, resp.Diagnostics)
			}
		})
	}
}

func TestViewerModeConflicts(t *testing.T) {
	for _, tc := range []struct {
		name     string
		locked   types.Bool
		mode     string
		template string
		errors   int
	}{
		{"viewerMode alone", types.BoolNull(), "", "viewerMode", 0},
		{"viewerMode as it is", types.BoolValue(true), "group", "viewerMode", 0},
		{"viewerMode unlocked normal", types.BoolValue(false), "normal", "viewerMode", 2},
		{"no template", types.BoolValue(false), "normal", "", 0},
		{"unknown lock", types.BoolUnknown(), "", "viewerMode", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := Settings{IsLocked: tc.locked, RoomMode: types.StringValue(tc.mode), TemplateType: types.StringValue(tc.template)}
			var diags diag.Diagnostics
			st.Validate(context.Background(), &diags)
			if diags.ErrorsCount() != tc.errors {
				t.Errorf("%d errors, want %d: %v", diags.ErrorsCount(), tc.errors, diags)
			}
		})
	}
}

func TestWantedFields(t *testing.T) {
	ctx := context.Background()
	set := func(v ...string) types.Set {
		if v == nil {
			return types.SetNull(types.StringType)
		}
		s, _ := types.SetValueFrom(ctx, types.StringType, v)
		return s
	}
	for _, tc := range []struct {
		name     string
		fields   types.Set
		template string
		want     string
	}{
		{"none", set(), "", ""},
		{"host", set("hostRoomUrl"), "", "hostRoomUrl"},
		{"fixed order", set("viewerRoomUrl", "hostRoomUrl"), "", "hostRoomUrl,viewerRoomUrl"},
		{"viewerMode answers both", set(), "viewerMode", "hostRoomUrl,viewerRoomUrl"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := ManagedMeeting{Settings: Settings{Fields: tc.fields, TemplateType: types.StringValue(tc.template)}}
			var diags diag.Diagnostics
			if got := strings.Join(m.WantedFields(ctx, &diags), ","); got != tc.want || diags.HasError() {
				t.Errorf("%q, %v; want %q", got, diags, tc.want)
			}
		})
	}
}

func TestFromAPILeavesUnaskedURLsNull(t *testing.T) {
	var m Meeting
	m.FromAPI(context.Background(), &whereby.Meeting{
		MeetingID: "id", RoomName: "/r", RoomURL: "https://x.test/r",
		StartDate: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2030, 1, 1, 1, 0, 0, 500e6, time.UTC),
	}, nil)
	if !m.HostRoomURL.IsNull() || !m.ViewerRoomURL.IsNull() || m.EndDate.ValueString() != "2030-01-01T01:00:00.5Z" ||
		m.StartDate.ValueString() != "2030-01-01T00:00:00Z" {
		t.Errorf("%+v", m)
	}
}
