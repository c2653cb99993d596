package wherebymap

// The first plan after an import records the settings Whereby never returns
// as configured (planmodifiers.MarkUnread), unless what the import did read
// shows otherwise: the room name is "/" + room_name_prefix + a generated
// part in room_name_pattern (whereby-meetings.txt: the prefix "will be used
// as the prefix for the room name", uuid "follows the usual 8-4-4-4-12
// pattern", human-short is "six distinguishable characters"), and only a
// viewerMode room, which is locked and a group room, has a viewer room URL.

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
)

var (
	uuidPart       = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	humanShortPart = regexp.MustCompile(`[A-Za-z0-9]{6}$`)
)

// replaceAfterImport ends every contradiction's reason.
const replaceAfterImport = " Whereby has no update API, so Terraform replaces the meeting with one created as configured."

// roomNameParts splits a room name into its prefix and the pattern of its
// generated part; ok is false for a name that shows neither (no leading
// slash, no generated part of either shape), which then contradicts nothing.
// A name that ends in a uuid has the uuid pattern, whatever it may also end
// in.
func roomNameParts(name string) (prefix, pattern string, ok bool) {
	if len(name) == 0 || name[0] != '/' {
		return "", "", false
	}
	rest := name[1:]
	if loc := uuidPart.FindStringIndex(rest); loc != nil {
		return rest[:loc[0]], whereby.RoomNamePatternUUID, true
	}
	if loc := humanShortPart.FindStringIndex(rest); loc != nil {
		return rest[:loc[0]], whereby.RoomNamePatternHumanShort, true
	}
	return "", "", false
}

// Contradictions compares the settings planned for an imported meeting with
// what the import read of it, and says, by attribute, why the meeting cannot
// have been created with the planned value, naming both. A setting left null
// is not stated, and contradicts nothing: a configuration generated from the
// import (plan -generate-config-out) leaves every setting null, and must not
// replace the meeting it imports.
func (m *ManagedMeeting) Contradictions() map[string]string {
	out := map[string]string{}
	stated := func(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }
	if prefix, pattern, ok := roomNameParts(m.RoomName.ValueString()); ok && !m.RoomName.IsUnknown() {
		name := m.RoomName.ValueString()
		if want := m.RoomNamePrefix.ValueString(); stated(m.RoomNamePrefix) && want != prefix {
			shows := fmt.Sprintf("has the prefix %q", prefix)
			if prefix == "" {
				shows = "has no prefix"
			}
			out["room_name_prefix"] = fmt.Sprintf("room_name_prefix = %q contradicts the imported meeting's room_name %q, which %s: "+
				"Whereby puts the prefix right after the slash, before the generated part.", want, name, shows) + replaceAfterImport
		}
		if want := m.RoomNamePattern.ValueString(); stated(m.RoomNamePattern) && want != pattern {
			shape := "a uuid (8-4-4-4-12 hexadecimal), the \"uuid\" pattern"
			if pattern == whereby.RoomNamePatternHumanShort {
				shape = "six characters, the \"human-short\" pattern"
			}
			out["room_name_pattern"] = fmt.Sprintf("room_name_pattern = %q contradicts the imported meeting's room_name %q, whose generated part is %s.",
				want, name, shape) + replaceAfterImport
		}
	}
	if m.ViewerRoomURL.IsUnknown() {
		return out
	}
	viewer := !m.ViewerRoomURL.IsNull()
	if stated(m.TemplateType) && m.TemplateType.ValueString() == whereby.TemplateTypeViewerMode && !viewer {
		out["template_type"] = `template_type = "viewerMode" contradicts the imported meeting, which has no viewer room URL: every viewerMode room has one.` + replaceAfterImport
	}
	if viewer && stated(m.RoomMode) && m.RoomMode.ValueString() == whereby.RoomModeNormal {
		out["room_mode"] = `room_mode = "normal" contradicts the imported meeting's viewer room URL (viewer_room_url): ` +
			`it is a viewerMode room, which Whereby makes a "group" room.` + replaceAfterImport
	}
	if viewer && stated(m.IsLocked) && !m.IsLocked.ValueBool() {
		out["is_locked"] = "is_locked = false contradicts the imported meeting's viewer room URL (viewer_room_url): " +
			"it is a viewerMode room, which Whereby locks." + replaceAfterImport
	}
	return out
}

// ImportContradiction is planmodifiers.Contradiction for a meeting's
// settings: Contradictions, for the attribute at p, of the meeting in state
// with the settings in plan.
func ImportContradiction(ctx context.Context, p path.Path, state tfsdk.State, plan tfsdk.Plan) string {
	m, ok := importedWithPlan(ctx, state, plan)
	if !ok {
		return ""
	}
	return m.Contradictions()[p.String()]
}

// importedWithPlan is the meeting as the import read it, with the planned
// settings that Contradictions compares.
func importedWithPlan(ctx context.Context, state tfsdk.State, plan tfsdk.Plan) (*ManagedMeeting, bool) {
	var m ManagedMeeting
	for name, v := range map[string]any{"room_name": &m.RoomName, "viewer_room_url": &m.ViewerRoomURL} {
		if diags := state.GetAttribute(ctx, path.Root(name), v); diags.HasError() {
			return nil, false
		}
	}
	for name, v := range map[string]any{
		"room_name_prefix": &m.RoomNamePrefix, "room_name_pattern": &m.RoomNamePattern, "template_type": &m.TemplateType,
		"room_mode": &m.RoomMode, "is_locked": &m.IsLocked,
	} {
		if diags := plan.GetAttribute(ctx, path.Root(name), v); diags.HasError() {
			return nil, false
		}
	}
	return &m, true
}
