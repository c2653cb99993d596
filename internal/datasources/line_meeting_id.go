package datasources

import (
	"context"
	"fmt"
	"maps"
	"net"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping/linemap"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// NewLineMeetingID is the conference_line_meeting_id data source: the meeting ID
// of one room.
func NewLineMeetingID() datasource.DataSource {
	return &lineMeetingID{baseOf[*lineplanet.Client](&managed.LineMeetingID)}
}

type lineMeetingID struct {
	base[*lineplanet.Client]
}

// lineMeetingIDModel is the resource's attributes, with sip_proxy and
// sip_proxy_port as arguments, and the dial string they make.
type lineMeetingIDModel struct {
	linemap.RoomMeetingID
	SIPDialString types.String `tfsdk:"sip_dial_string"`
}

// lineSIPDialString is sip:<meeting_id>@<sip_proxy>[:<sip_proxy_port>], with an
// IPv6 proxy in brackets as SIP URIs (RFC 3261) need.
func lineSIPDialString(meetingID, proxy string, port types.Int64) string {
	host := proxy
	if !port.IsNull() && !port.IsUnknown() {
		host = net.JoinHostPort(proxy, strconv.FormatInt(port.ValueInt64(), 10))
	} else if strings.Contains(proxy, ":") && !strings.HasPrefix(proxy, "[") {
		host = "[" + proxy + "]"
	}
	return "sip:" + meetingID + "@" + host
}

func (d *lineMeetingID) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := linemap.RoomMeetingIDAttrs().DataSource()
	maps.Copy(attrs, linemap.RoomArguments())
	attrs["sip_proxy"] = schema.StringAttribute{
		Optional: true,
		Description: "The group call proxy address, to build `sip_dial_string` with. LINE Planet returns it only when a meeting ID is created " +
			"(the `conference_line_meeting_id` resource's `sip_proxy`), not when one is read, so it is an argument here.",
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["sip_proxy_port"] = schema.Int64Attribute{
		Optional:    true,
		Description: "The group call proxy port, to build `sip_dial_string` with (the resource's `sip_proxy_port`). When not set, the dial string has no port and SIP's default applies.",
		Validators:  []validator.Int64{int64validator.Between(1, 65535)},
	}
	attrs["sip_dial_string"] = schema.StringAttribute{
		Computed: true,
		Description: "The SIP URI that SIP phones and video conference equipment dial to join the room's group call: " +
			"`sip:<meeting_id>@<sip_proxy>:<sip_proxy_port>`, for example `sip:73051667563@210.1.1.1:5060` " +
			"(without `:<sip_proxy_port>` when `sip_proxy_port` is not set, and an IPv6 proxy in brackets). " +
			"It does not contain the passcode. Null when `sip_proxy` is not set.",
	}
	resp.Schema = schema.Schema{
		Description: "The meeting ID of a LINE Planet room, with the SIP URI that SIP terminals dial. " +
			"A room has at most one meeting ID; reading a room without one (never created, deleted or expired) is an error. " +
			"Use `conference_line_meetings` to list a room's meeting IDs without failing when there is none.",
		Attributes: attrs,
	}
}

func (d *lineMeetingID) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg lineMeetingIDModel
	resp.Diagnostics.Append(tfmodel.FromConfig(ctx, req.Config, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	svc, room := cfg.RoomServiceID.ValueString(), cfg.RoomID.ValueString()
	mtgs, err := d.client.ListMeetings(ctx, svc, room)
	if err != nil {
		d.listFailed(&resp.Diagnostics, err)
		return
	}
	switch len(mtgs) {
	case 0:
		resp.Diagnostics.AddError("LINE Planet room has no meeting ID",
			fmt.Sprintf("Room %s/%s has no meeting ID: none was created, or it was deleted or has expired. "+
				"Create one with the conference_line_meeting_id resource.", svc, room))
		return
	case 1:
	default:
		// line-planet-meeting-id.txt: "Only one MeetingObject is returned currently."
		resp.Diagnostics.AddError("LINE Planet room has several meeting IDs",
			fmt.Sprintf("Room %s/%s has %d meeting IDs; this data source reads a room with one. Use conference_line_meetings to list them.", svc, room, len(mtgs)))
		return
	}
	cfg.FromAPI(ctx, &mtgs[0], &resp.Diagnostics)
	cfg.SIPDialString = types.StringNull()
	if !cfg.SIPProxy.IsNull() {
		cfg.SIPDialString = types.StringValue(lineSIPDialString(cfg.MeetingID.ValueString(), cfg.SIPProxy.ValueString(), cfg.SIPProxyPort))
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &cfg)...)
}
