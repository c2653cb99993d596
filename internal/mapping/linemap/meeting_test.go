package linemap

import (
	"context"
	"testing"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
)

func created() *lineplanet.CreatedMeeting {
	return &lineplanet.CreatedMeeting{
		// 2030-01-01T00:00:00.123Z and 30 days later, in epoch milliseconds.
		Meeting:  lineplanet.Meeting{ID: 73051667563, Type: "S", Passcode: "123456", Created: 1893456000123, ExpireAt: 1896048000123},
		SIPProxy: "210.1.1.1", SIPProxyPort: 5060,
	}
}

func TestFromCreated(t *testing.T) {
	m := RoomMeetingID{RoomServiceID: types.StringValue("svc"), RoomID: types.StringValue("room")}
	m.FromCreated(context.Background(), created(), nil)
	for name, c := range map[string][2]string{
		"id":         {m.ID.ValueString(), "svc/room/73051667563"},
		"meeting_id": {m.MeetingID.ValueString(), "73051667563"},
		// LINE Planet counts milliseconds: they read back.
		"created_at": {m.CreatedAt.ValueString(), "2030-01-01T00:00:00.123Z"},
		"expire_at":  {m.ExpireAt.ValueString(), "2030-01-31T00:00:00.123Z"},
		"sip_proxy":  {m.SIPProxy.ValueString(), "210.1.1.1"},
	} {
		if c[0] != c[1] {
			t.Errorf("%s = %q, want %q", name, c[0], c[1])
		}
	}
	if !m.Title.IsNull() || m.SIPProxyPort.ValueInt64() != 5060 {
		t.Errorf("title %v (want null), sip_proxy_port %v (want 5060)", m.Title, m.SIPProxyPort)
	}
}

// The models fit the schemas the attributes make: the resource's, the data
// source's, and a list item's.
func TestModelsFitTheirSchemas(t *testing.T) {
	ctx := context.Background()
	m := RoomMeetingID{RoomServiceID: types.StringValue("svc"), RoomID: types.StringValue("room")}
	m.FromCreated(context.Background(), created(), nil)
	set := func(name string, s tfsdk.State, model any) {
		if d := s.Set(ctx, model); d.HasError() {
			t.Errorf("%s: %v", name, d)
		}
	}
	rs := rschema.Schema{Attributes: RoomMeetingIDAttrs().Resource()}
	set("resource", tfsdk.State{Schema: rs, Raw: tftypes.NewValue(rs.Type().TerraformType(ctx), nil)}, &m)
	ds := dschema.Schema{Attributes: RoomMeetingIDAttrs().DataSource()}
	set("data source", tfsdk.State{Schema: ds, Raw: tftypes.NewValue(ds.Type().TerraformType(ctx), nil)}, &m)
	ls := dschema.Schema{Attributes: MeetingAttrs().DataSource()}
	set("list item", tfsdk.State{Schema: ls, Raw: tftypes.NewValue(ls.Type().TerraformType(ctx), nil)}, &m.Meeting)
}
