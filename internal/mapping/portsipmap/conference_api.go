package portsipmap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/portsip"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// settingsFromAPI refreshes the shared settings from the PBX's answer. The framework
// keeps the configured spelling of a time or JSON value when the API's is
// semantically equal, so a normalized answer causes no diff; an
// internal_invitees configured as `[]` stays `[]` (mapping.KeepEmpty), which
// in a data source, whose model starts out null, changes nothing.
func (c *Conference) settingsFromAPI(ctx context.Context, r *portsip.Conference, diags *diag.Diagnostics) {
	c.Mode = types.StringValue(r.Mode)
	c.Control = types.StringValue(r.Control)
	c.Height = mapping.Int64(r.Height)
	c.Width = mapping.Int64(r.Width)
	c.Bitrate = mapping.Int64(r.Bitrate)
	c.Framerate = mapping.Int64(r.Framerate)
	c.Layout = mapping.String(r.Layout)
	c.Subject = types.StringValue(r.Subject)
	c.Language = mapping.String(r.Language)
	c.Capacity = types.Int64Value(r.Capacity)
	c.AdminPIN = mapping.String(r.AdminPIN)
	c.RoomPIN = mapping.String(r.RoomPIN)
	c.EnableRecording = types.BoolValue(r.EnableRecording)
	c.EnablePrompt = types.BoolValue(r.EnablePrompt)
	c.Timezone = mapping.String(r.Timezone)
	c.ScheduledStartAt = mapping.Time(platform, "scheduled_start_at", r.ScheduledStartAt, diags)
	c.ScheduledEndAt = mapping.Time(platform, "scheduled_end_at", r.ScheduledEndAt, diags)
	c.InternalInvitees = mapping.KeepEmpty(c.InternalInvitees, mapping.StringSet(ctx, r.InternalInvitees, diags))
	c.ExternalInvitees = mapping.String(r.ExternalInvitees)
	c.CustomOptions = mapping.JSON(r.CustomOptions)
}

// platform names PortSIP in the errors of mapping's conversions.
var platform = platforms.PortSIP.Name

// input fills in the shared settings that both a create and an update body
// take; the video settings only for a VIDEO conference, whose mode is the
// one setting neither body lets differ from the configuration.
func (c *Conference) input(ctx context.Context, d delta, prior *Conference, in *portsip.ConferenceInput, diags *diag.Diagnostics) {
	in.Control = d.str(c.Control, prior.Control)
	if c.Mode.ValueString() == "VIDEO" {
		in.Height = d.int64(c.Height, prior.Height)
		in.Width = d.int64(c.Width, prior.Width)
		in.Bitrate = d.int64(c.Bitrate, prior.Bitrate)
		in.Framerate = d.int64(c.Framerate, prior.Framerate)
		in.Layout = d.str(c.Layout, prior.Layout)
	}
	in.Subject = d.str(c.Subject, prior.Subject)
	in.Language = d.str(c.Language, prior.Language)
	in.Capacity = d.int64(c.Capacity, prior.Capacity)
	in.AdminPIN = d.str(c.AdminPIN, prior.AdminPIN)
	in.RoomPIN = d.str(c.RoomPIN, prior.RoomPIN)
	in.EnablePrompt = d.bool(c.EnablePrompt, prior.EnablePrompt)
	in.Timezone = d.str(c.Timezone, prior.Timezone)
	in.ScheduledStartAt = d.time(c.ScheduledStartAt, prior.ScheduledStartAt)
	in.ScheduledEndAt = d.time(c.ScheduledEndAt, prior.ScheduledEndAt)
	if d.changed(c.InternalInvitees, prior.InternalInvitees) {
		ids := mapping.Strings(ctx, c.InternalInvitees, diags)
		in.InternalInvitees = &ids
	}
	in.ExternalInvitees = d.str(c.ExternalInvitees, prior.ExternalInvitees)
	in.CustomOptions = d.str(c.CustomOptions.StringValue, prior.CustomOptions.StringValue)
}

// delta decides which values a body carries: a create body every known value
// that is set; an update body every known value that differs from the prior
// state, a null one included, so that the PBX clears what the configuration
// no longer sets (portsip.ConferenceInput: an empty string or list clears).
type delta struct{ update bool }

func (d delta) changed(plan, prior attr.Value) bool {
	if !d.update {
		return !plan.IsNull() && !plan.IsUnknown()
	}
	return !plan.IsUnknown() && !plan.Equal(prior)
}

func (d delta) str(plan, prior types.String) *string {
	if !d.changed(plan, prior) {
		return nil
	}
	v := plan.ValueString()
	return &v
}

func (d delta) bool(plan, prior types.Bool) *bool {
	if !d.changed(plan, prior) {
		return nil
	}
	return plan.ValueBoolPointer()
}

// int64 never sends a null: the API has no way to unset a number, and the
// numbers a configuration may leave out are computed ones, which keep the
// PBX's value.
func (d delta) int64(plan, prior types.Int64) *int64 {
	if !d.changed(plan, prior) || plan.IsNull() {
		return nil
	}
	v := plan.ValueInt64()
	return &v
}

// time sends a time in UTC, as the PBX answers it.
func (d delta) time(plan, prior timetype.RFC3339) *string {
	if !d.changed(plan, prior) {
		return nil
	}
	v := mapping.UTC(plan)
	return &v
}
