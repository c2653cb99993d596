package sqmeetingmap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// The objects the API only lists (NOTES.md: there is no API to create meeting
// rooms or to delete users): data sources alone read them.

// MeetingRoom is one of the signed-in user's personal meeting rooms.
type MeetingRoom struct {
	ID            types.String     `tfsdk:"id"`
	Name          types.String     `tfsdk:"name"`
	MeetingNumber types.String     `tfsdk:"meeting_number"`
	Password      types.String     `tfsdk:"password"`
	OwnerID       types.String     `tfsdk:"owner_id"`
	OwnerName     types.String     `tfsdk:"owner_name"`
	CreatedAt     timetype.RFC3339 `tfsdk:"created_at"`
}

// MeetingRoomAttrs are a meeting room's attributes.
func MeetingRoomAttrs() mapping.Attrs {
	attrs := mapping.Attrs{
		"id":             mapping.ReadOnlyString("The room's ID (`meeting_room_id`): set a meeting's `meeting_room_id` to it to hold the meeting in the room."),
		"name":           mapping.ReadOnlyString("The room's name."),
		"meeting_number": mapping.ReadOnlyString("The room's meeting number, which meetings held in it take."),
		"owner_id":       mapping.ReadOnlyString("The user ID of the room's owner."),
		"owner_name":     mapping.ReadOnlyString("The owner's real name."),
	}
	attrs["created_at"] = mapping.Attr{
		Doc:      "When the room was created (RFC 3339, UTC).",
		Resource: schema.StringAttribute{Computed: true, CustomType: timetype.RFC3339Type{}},
	}
	attrs["password"] = mapping.Attr{
		Doc:      "The room's password, which meetings held in it take unless they set their own; `\"\"` when it has none.",
		Resource: schema.StringAttribute{Computed: true, Sensitive: true},
	}
	return attrs
}

// FromAPI reads a room.
func (m *MeetingRoom) FromAPI(_ context.Context, r *sqmeeting.MeetingRoom, _ *diag.Diagnostics) {
	m.ID = types.StringValue(r.MeetingRoomID)
	m.Name = types.StringValue(r.MeetingRoomName)
	m.MeetingNumber = types.StringValue(r.MeetingNumber)
	m.Password = types.StringValue(r.MeetingPassword)
	m.OwnerID = mapping.String(r.OwnerID)
	m.OwnerName = mapping.String(r.OwnerName)
	m.CreatedAt = mapping.TimeOf(r.CreatedTime.Time)
}

// User is an item of the public user search.
type User struct {
	ID       types.String `tfsdk:"id"`
	Username types.String `tfsdk:"username"`
	RealName types.String `tfsdk:"real_name"`
}

// UserAttrs are a user's attributes.
func UserAttrs() mapping.Attrs {
	return mapping.Attrs{
		"id":        mapping.ReadOnlyString("The user's ID (`user_id`), which a meeting's `invited_user_ids` takes."),
		"username":  mapping.ReadOnlyString("The user's sign-in name."),
		"real_name": mapping.ReadOnlyString("The user's real name; null when not set."),
	}
}

// FromAPI reads a user.
func (m *User) FromAPI(_ context.Context, u *sqmeeting.PublicUser, _ *diag.Diagnostics) {
	m.ID = types.StringValue(u.UserID)
	m.Username = types.StringValue(u.Username)
	m.RealName = mapping.String(u.RealName)
}

// System is the server's version and capacity.
type System struct {
	Version             types.String `tfsdk:"version"`
	Status              types.String `tfsdk:"status"`
	MaxCalls            types.Int64  `tfsdk:"max_calls"`
	CurrentCalls        types.Int64  `tfsdk:"current_calls"`
	MaxUsers            types.Int64  `tfsdk:"max_users"`
	CurrentUsers        types.Int64  `tfsdk:"current_users"`
	GatewayMaxCalls     types.Int64  `tfsdk:"gateway_max_calls"`
	GatewayCurrentCalls types.Int64  `tfsdk:"gateway_current_calls"`
}

// SystemAttrs are the system's attributes.
func SystemAttrs() mapping.Attrs {
	return mapping.Attrs{
		"version":               mapping.ReadOnlyString("The server's version, such as `3.4.0-16888`."),
		"status":                mapping.ReadOnlyString("The system's status as the server reports it; null when it reports none."),
		"max_calls":             mapping.ReadOnlyInt64("How many calls the server's license allows at once."),
		"current_calls":         mapping.ReadOnlyInt64("How many calls are in progress."),
		"max_users":             mapping.ReadOnlyInt64("How many users the license allows."),
		"current_users":         mapping.ReadOnlyInt64("How many users the server has."),
		"gateway_max_calls":     mapping.ReadOnlyInt64("How many calls the gateway allows at once."),
		"gateway_current_calls": mapping.ReadOnlyInt64("How many calls are in progress through the gateway."),
	}
}

// FromAPI reads the version and the capacity.
func (m *System) FromAPI(version string, c *sqmeeting.Capacity) {
	m.Version = types.StringValue(version)
	m.Status = mapping.String(c.System.Status)
	m.MaxCalls = types.Int64Value(int64(c.System.MaxCalls))
	m.CurrentCalls = types.Int64Value(int64(c.System.CurrentCalls))
	m.MaxUsers = types.Int64Value(int64(c.System.MaxUsers))
	m.CurrentUsers = types.Int64Value(int64(c.System.CurrentUsers))
	m.GatewayMaxCalls = types.Int64Value(int64(c.Gateway.MaxCalls))
	m.GatewayCurrentCalls = types.Int64Value(int64(c.Gateway.CurrentCalls))
}
