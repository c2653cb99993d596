package wherebymap

// A room's theme (whereby-openapi.json, /rooms/{roomName}/theme/...): its
// colors, logo, room background and knock page background. Whereby sets
// each with a PUT and has no call that reads a theme back, so the model
// holds what was configured; what a refresh can read is whether the room is
// still there (the meeting whose room it is).

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // widths of GIF images
	_ "image/jpeg" // and JPEG
	_ "image/png"  // and PNG
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

// ExampleRoomName is a room name as Whereby writes them (the reference's
// example).
const ExampleRoomName = "/room-prefix-793e9ec1-c686-423d-9043-9b7a10c553fd"

// MaxBackgroundBytes is a background image's limit: "max 600 kb", read as
// 600,000 bytes, the stricter of the two readings.
const MaxBackgroundBytes = 600_000

// RoomTheme is the theme of one room, as configured.
type RoomTheme struct {
	ID        types.String `tfsdk:"id"`
	RoomName  types.String `tfsdk:"room_name"`
	MeetingID types.String `tfsdk:"meeting_id"`

	PrimaryColor   types.String `tfsdk:"primary_color"`
	SecondaryColor types.String `tfsdk:"secondary_color"`
	FocusColor     types.String `tfsdk:"focus_color"`

	LogoFile                      types.String `tfsdk:"logo_file"`
	LogoSHA256                    types.String `tfsdk:"logo_sha256"`
	RoomBackgroundFile            types.String `tfsdk:"room_background_file"`
	RoomBackgroundSHA256          types.String `tfsdk:"room_background_sha256"`
	RoomKnockPageBackgroundFile   types.String `tfsdk:"room_knock_page_background_file"`
	RoomKnockPageBackgroundSHA256 types.String `tfsdk:"room_knock_page_background_sha256"`
}

// ThemeImage is one of a theme's images: its call, its two attributes, its
// limits.
type ThemeImage struct {
	Image whereby.ThemeImage
	// What names the image in messages: "logo".
	What string
	// File and SHA256 are the model's attributes, FileAttr and SHAAttr
	// their names.
	File, SHA256      *types.String
	FileAttr, SHAAttr string
	// MaxBytes is the documented size limit, 0 for none.
	MaxBytes int
	// MinWidth is the width Whereby recommends at least, in pixels.
	MinWidth int
}

// Images are the theme's three images, in the order they are set.
func (m *RoomTheme) Images() []ThemeImage {
	return []ThemeImage{
		{Image: whereby.ThemeLogo, What: "logo", File: &m.LogoFile, SHA256: &m.LogoSHA256,
			FileAttr: "logo_file", SHAAttr: "logo_sha256", MinWidth: 400},
		{Image: whereby.ThemeRoomBackground, What: "room background", File: &m.RoomBackgroundFile, SHA256: &m.RoomBackgroundSHA256,
			FileAttr: "room_background_file", SHAAttr: "room_background_sha256", MaxBytes: MaxBackgroundBytes, MinWidth: 1400},
		{Image: whereby.ThemeKnockPageBackground, What: "knock page background", File: &m.RoomKnockPageBackgroundFile,
			SHA256: &m.RoomKnockPageBackgroundSHA256, FileAttr: "room_knock_page_background_file",
			SHAAttr: "room_knock_page_background_sha256", MaxBytes: MaxBackgroundBytes, MinWidth: 1400},
	}
}

// FromAPI reads the meeting whose room the theme is: the theme's own
// values are not returned by Whereby, and stay as they are.
func (m *RoomTheme) FromAPI(_ context.Context, api *whereby.Meeting, _ *diag.Diagnostics) {
	m.ID, m.RoomName = types.StringValue(api.RoomName), types.StringValue(api.RoomName)
	m.MeetingID = types.StringValue(api.MeetingID)
}

// CreateBody is the colors a create sets: those configured, or none, which
// is the organization's defaults.
func (m *RoomTheme) CreateBody(_ context.Context, _ *diag.Diagnostics) whereby.ThemeColors {
	return whereby.ThemeColors{
		Primary: m.PrimaryColor.ValueString(), Secondary: m.SecondaryColor.ValueString(), Focus: m.FocusColor.ValueString(),
	}
}

// UpdateBody is the colors to set when any differs from prior's, else nil:
// one PUT sets all three, so all three are sent.
func (m *RoomTheme) UpdateBody(ctx context.Context, prior *RoomTheme, diags *diag.Diagnostics) *whereby.ThemeColors {
	if m.PrimaryColor.Equal(prior.PrimaryColor) && m.SecondaryColor.Equal(prior.SecondaryColor) && m.FocusColor.Equal(prior.FocusColor) {
		return nil
	}
	c := m.CreateBody(ctx, diags)
	return &c
}

// ThemeImportID is the room's name, which is the theme's identity too.
var ThemeImportID = mapping.ImportID{
	Shape:   `the room's name, starting with "/"`,
	Example: ExampleRoomName,
	Parse: func(id string) (map[string]string, error) {
		switch {
		case id == "":
			return nil, errors.New("the ID is empty")
		case !strings.HasPrefix(id, "/") || len(id) < 2 || strings.Contains(id[1:], "/"):
			return nil, fmt.Errorf(`%q is not a room name: it must start with "/" and hold no other "/"`, id)
		}
		return map[string]string{"id": id, "room_name": id}, nil
	},
	Identity: []mapping.IdentityAttr{{Name: "room_name", Description: `The room's name, starting with "/".`}},
	Join:     func(identity map[string]string) string { return identity["room_name"] },
}

// ReplaceRoom is why a change of room_name replaces the theme.
const ReplaceRoom = "A theme belongs to one room: Terraform resets the old room's theme to Whereby's default and sets the new room's."

// ThemeAttrs are the attributes of a room's theme.
func ThemeAttrs() mapping.Attrs {
	colors := func(which, what string) mapping.Attr {
		return mapping.Attr{
			Doc: fmt.Sprintf("The room's %s color (Whereby's %s): a HEX color code, `#` and six hexadecimal digits (the pattern `#[a-fA-F0-9]{6}`), such as `#1a73e8`.", which, what),
			Config: "Left out, it is the organization's default. Changing it sets the room's colors again in place. " +
				"Whereby does not return colors, so the value is compared with the configuration only.",
			Resource: schema.StringAttribute{Optional: true, Validators: []validator.String{validators.HexColor()}},
		}
	}
	file := func(what, limit string) mapping.Attr {
		return mapping.Attr{
			Doc: fmt.Sprintf("The path of a local image file to upload as the room's %s.", what),
			Config: "The file must exist and be readable when Terraform plans, and hold an image (PNG, JPEG, GIF, WebP, BMP, ICO or SVG, " +
				"by its content); " + limit + " A change of the file's content (its SHA-256) uploads it again; " +
				"a new path to the same content uploads nothing. Left out (or removed), the room has Whereby's default.",
			Resource: schema.StringAttribute{Optional: true},
		}
	}
	sha := func(file string) mapping.Attr {
		return mapping.Attr{
			Doc:      fmt.Sprintf("The SHA-256 (hex) of the content of `%s` as last uploaded: a change of the file is a change of the theme; null without a file.", file),
			Resource: schema.StringAttribute{Computed: true},
		}
	}
	return mapping.Attrs{
		"id": mapping.Assigned("The room's name, as `room_name`: the theme is the room's."),
		"room_name": {
			Doc:    "The name of the room whose theme this is, starting with `/`, as Whereby gives it (`conference_whereby_meeting`'s `room_name`), such as `" + ExampleRoomName + "`.",
			Config: "The room must exist. Changing it replaces the theme. " + ReplaceRoom,
			Resource: schema.StringAttribute{
				Required:      true,
				Validators:    []validator.String{validators.SlashName(ExampleRoomName)},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(ReplaceRoom)},
			},
		},
		"meeting_id": mapping.Attr{
			Doc: "The ID of the meeting whose room this is, found among the meetings the API lists when the theme is created or imported: " +
				"a refresh reads that meeting, and when it is gone the theme is removed from the state with a warning. " +
				"Null for a room the API does not list (one made in Whereby's dashboard): its deletion cannot be seen.",
			Resource: schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		},
		"primary_color":                     colors("primary", "`tokens.colors.primary`"),
		"secondary_color":                   colors("secondary", "`tokens.colors.secondary`"),
		"focus_color":                       colors("focus", "`tokens.colors.focus`"),
		"logo_file":                         file("logo", "Whereby documents no size limit and recommends PNG images at least 400 pixels wide (a narrower PNG, JPEG or GIF plans with a warning)."),
		"logo_sha256":                       sha("logo_file"),
		"room_background_file":              file("background", "at most 600 kB (600,000 bytes), as Whereby's reference says (\"max 600 kb\"); Whereby recommends PNG images at least 1400 pixels wide."),
		"room_background_sha256":            sha("room_background_file"),
		"room_knock_page_background_file":   file("knock page background (the page a guest waits on to be let in)", "at most 600 kB (600,000 bytes), as Whereby's reference says (\"max 600 kb\"); Whereby recommends PNG images at least 1400 pixels wide."),
		"room_knock_page_background_sha256": sha("room_knock_page_background_file"),
	}
}

// CheckImage checks an image file's content against Whereby's limits: an
// error at p when it is empty, too large or no image, a warning when it is
// narrower than Whereby recommends. file is the path, for messages.
func (i ThemeImage) CheckImage(p path.Path, file string, content []byte, diags *diag.Diagnostics) {
	switch {
	case len(content) == 0:
		diags.AddAttributeError(p, i.FileAttr+" is empty",
			fmt.Sprintf("%s is %q, an empty file. Whereby takes an image as the room's %s: point %s at an image file.", i.FileAttr, file, i.What, i.FileAttr))
		return
	case i.MaxBytes > 0 && len(content) > i.MaxBytes:
		diags.AddAttributeError(p, i.FileAttr+" is larger than 600 kB",
			fmt.Sprintf("%s is %q, %d bytes. Whereby takes a %s of at most 600 kB (\"max 600 kb\" in Whereby's REST API reference; "+
				"the provider reads it as %d bytes). Make the image smaller (a lower resolution or a stronger compression) and plan again.",
				i.FileAttr, file, len(content), i.What, i.MaxBytes))
		return
	}
	kind := imageType(content)
	if kind == "" {
		diags.AddAttributeError(p, i.FileAttr+" is not an image",
			fmt.Sprintf("%s is %q, whose content is not an image (%s). Whereby takes an image as the room's %s, and recommends PNG: "+
				"point %s at a PNG, JPEG, GIF, WebP, BMP, ICO or SVG file.", i.FileAttr, file, http.DetectContentType(content), i.What, i.FileAttr))
		return
	}
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(content)); err == nil && cfg.Width < i.MinWidth {
		diags.AddAttributeWarning(p, i.FileAttr+" is narrower than Whereby recommends",
			fmt.Sprintf("%s is %q, %d pixels wide. Whereby recommends images at least %d pixels wide for the room's %s; it is uploaded as it is.",
				i.FileAttr, file, cfg.Width, i.MinWidth, i.What))
	}
}

// imageType is the image type of content, by its content; "" for no image.
// SVG, which net/http's sniffing calls text, is found by its <svg element.
func imageType(content []byte) string {
	if ct := http.DetectContentType(content); strings.HasPrefix(ct, "image/") {
		return ct
	}
	if bytes.Contains(bytes.ToLower(content[:min(len(content), 512)]), []byte("<svg")) {
		return "image/svg+xml"
	}
	return ""
}
