package portsipmap

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// VideoOnly are the attributes that portsip-conference.txt marks "Only valid in
// VIDEO mode", for rooms and user meetings alike.
var VideoOnly = []string{"height", "width", "bitrate", "framerate", "layout"}

// ExtensionPattern is the API's extension_number pattern. Checking it at plan
// time also keeps arbitrary text out of the OData filter a lookup by
// extension builds.
var ExtensionPattern = regexp.MustCompile(`^[0-9]{3,64}$`)

// ExtensionNumber validates an extension_number argument.
func ExtensionNumber() validator.String {
	return stringvalidator.RegexMatches(ExtensionPattern, "must be 3 to 64 digits (0-9)")
}

// Validate checks what the attributes' own validators cannot, because it
// spans attributes: the video settings are rejected for an AUDIO conference,
// and scheduled_end_at must come after scheduled_start_at. Unknown values
// pass; they are checked again once known.
func (c *Conference) Validate(_ context.Context, diags *diag.Diagnostics) {
	if c.Mode.ValueString() == "AUDIO" {
		for _, name := range VideoOnly {
			if !c.video()[name].IsNull() {
				diags.AddAttributeError(path.Root(name), "Attribute only valid in VIDEO mode",
					fmt.Sprintf("%s is only valid when mode is \"VIDEO\", and mode is \"AUDIO\". Remove %s, or set mode = \"VIDEO\".", name, name))
			}
		}
	}
	start, okStart := c.ScheduledStartAt.Known()
	end, okEnd := c.ScheduledEndAt.Known()
	if okStart && okEnd && !end.After(start) {
		diags.AddAttributeError(path.Root("scheduled_end_at"), "Invalid scheduled_end_at",
			fmt.Sprintf("scheduled_end_at (%s) must be after scheduled_start_at (%s).",
				c.ScheduledEndAt.ValueString(), c.ScheduledStartAt.ValueString()))
	}
}

// video is the VideoOnly attributes' values by name.
func (c *Conference) video() map[string]attr.Value {
	return map[string]attr.Value{
		"height": c.Height, "width": c.Width, "bitrate": c.Bitrate, "framerate": c.Framerate, "layout": c.Layout,
	}
}
