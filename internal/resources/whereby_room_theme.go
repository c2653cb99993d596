package resources

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/tfmodel"
)

// NewWherebyRoomTheme is the conference_whereby_room_theme resource.
func NewWherebyRoomTheme(k Kind) resource.Resource {
	return &wherebyRoomTheme{newBase(k, ops[*whereby.Client, wherebyRoomThemeModel]{get: getWherebyRoomTheme, remove: resetWherebyRoomTheme})}
}

type wherebyRoomTheme struct {
	base[*whereby.Client, wherebyRoomThemeModel, *wherebyRoomThemeModel]
}

type wherebyRoomThemeModel struct {
	withTimeouts
	wherebymap.RoomTheme
}

// getWherebyRoomTheme reads the meeting whose room the theme is, which shows whether the
// room is still there (a 404 removes the theme from the state). Whereby
// returns no theme: what was configured stays as it is. A room the API does
// not list (no meeting_id) cannot be read at all.
func getWherebyRoomTheme(ctx context.Context, c *whereby.Client, _ string, m *wherebyRoomThemeModel, diags *diag.Diagnostics) error {
	if m.MeetingID.IsNull() || m.MeetingID.IsUnknown() {
		return nil
	}
	mtg, err := c.GetMeeting(ctx, m.MeetingID.ValueString())
	return fill(ctx, m, mtg, err, diags)
}

// resetWherebyRoomTheme resets the whole theme to Whereby's default: the organization's
// colors, and each image. A room that is gone (404) takes its theme with
// it.
func resetWherebyRoomTheme(ctx context.Context, c *whereby.Client, _ string, m *wherebyRoomThemeModel, _ *diag.Diagnostics) error {
	room := m.RoomName.ValueString()
	if err := c.SetRoomColors(ctx, room, whereby.ThemeColors{}); err != nil {
		return err
	}
	for _, img := range whereby.ThemeImages {
		if err := c.ResetThemeImage(ctx, room, img); err != nil {
			return err
		}
	}
	return nil
}

func (r *wherebyRoomTheme) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	description := "The theme of a Whereby room: its colors, its logo, its background and " +
		"its knock page background (the page a guest waits on), set with Whereby's room theme calls. " +
		"The resource owns the whole theme: what it leaves out is Whereby's default (the organization's colors, Whereby's logo and " +
		"backgrounds), and destroying it resets every part to that default. " +
		"Changing `room_name` replaces it; the colors and images change in place, each image uploaded again only when its file's " +
		"content changes (its SHA-256 is in the state). " +
		"Whereby has no call that reads a theme back: a refresh sees the room deleted (the theme is then removed from the state with a " +
		"warning), but not a theme changed outside Terraform, which the next apply of a change overwrites only in the parts it changes. " +
		"Import takes the room's name. "
	resp.Schema = r.schema(ctx, wherebymap.ThemeAttrs(), description, "room theme")
	// A theme is set with PUTs: a lost answer is repaired by sending it
	// again, not by looking for what a create made.
	resp.Schema.Description = description + "If the answer to a theme call is lost (a 5xx, a dropped connection, no answer in time), " +
		"the provider sends the call again: it sets the same part to the same value. " +
		"See the guide [Coming through a bad network](../guides/bad-networks#a-create-whose-answer-is-lost)."
}

func (m *wherebyRoomThemeModel) planCreate(_ context.Context, _ *wherebyRoomThemeModel, resp *resource.ModifyPlanResponse) {
	m.planImages(nil, &resp.Diagnostics)
}

func (m *wherebyRoomThemeModel) planUpdate(_ context.Context, prior, _ *wherebyRoomThemeModel, resp *resource.ModifyPlanResponse) {
	m.planImages(prior, &resp.Diagnostics)
}

// planImages reads each configured image file, refuses one that is
// missing, unreadable or outside Whereby's limits, and plans its SHA-256:
// a file whose content changed (since prior, nil for a create) is a change
// of the theme.
func (m *wherebyRoomThemeModel) planImages(prior *wherebyRoomThemeModel, diags *diag.Diagnostics) {
	for i, img := range m.Images() {
		sum := types.StringUnknown()
		switch file := *img.File; {
		case file.IsNull():
			sum = types.StringNull()
		case !file.IsUnknown():
			content, ok := readImageFile(img, file.ValueString(), diags)
			if !ok {
				continue
			}
			sum = contentSHA256(content)
			// Errors always; the width warning only when the image
			// changes, not on every plan.
			var checks diag.Diagnostics
			img.CheckImage(path.Root(img.FileAttr), file.ValueString(), content, &checks)
			changed := prior == nil || !prior.Images()[i].SHA256.Equal(sum)
			for _, d := range checks {
				if d.Severity() == diag.SeverityError || changed {
					diags.Append(d)
				}
			}
		}
		*img.SHA256 = sum
	}
}

func (r *wherebyRoomTheme) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan wherebyRoomThemeModel
	ctx, cancel := r.begin(ctx, errdiag.Create, &req.Plan, nil, &plan, nil, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	room := plan.RoomName.ValueString()
	plan.ID = types.StringValue(room)
	mtg, err := r.client.FindRoomMeeting(ctx, room)
	if err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Create, err)
		return
	}
	plan.MeetingID = types.StringNull()
	if mtg != nil {
		plan.MeetingID = types.StringValue(mtg.MeetingID)
	}
	if err := r.client.SetRoomColors(ctx, room, plan.CreateBody(ctx, &resp.Diagnostics)); err != nil {
		r.failed(&resp.Diagnostics, errdiag.Create, room, err)
		return
	}
	// The room's theme has changed from here on: a failure below leaves
	// the theme in the state, tainted, for the next apply to redo. A state
	// holds no unknown value: an image not uploaded yet has no SHA-256.
	saved := plan
	for _, img := range saved.Images() {
		if img.SHA256.IsUnknown() {
			*img.SHA256 = types.StringNull()
		}
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &saved)...)
	for _, img := range plan.Images() {
		if !r.setImage(ctx, room, img, errdiag.Create, &resp.Diagnostics) {
			return
		}
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

// Update sets again only the parts that changed: the colors when any
// color did, an image when its file's content did (or it was added or
// removed).
func (r *wherebyRoomTheme) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state wherebyRoomThemeModel
	ctx, cancel := r.begin(ctx, errdiag.Update, &req.Plan, &req.State, &plan, &state, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	room := state.RoomName.ValueString()
	plan.ID, plan.MeetingID = state.ID, state.MeetingID
	if colors := plan.UpdateBody(ctx, &state.RoomTheme, &resp.Diagnostics); colors != nil {
		if err := r.client.SetRoomColors(ctx, room, *colors); err != nil {
			r.failed(&resp.Diagnostics, errdiag.Update, room, err)
			return
		}
	}
	was := state.Images()
	for i, img := range plan.Images() {
		if img.File.IsNull() == was[i].File.IsNull() && img.SHA256.Equal(*was[i].SHA256) && !img.SHA256.IsUnknown() {
			continue
		}
		if !r.setImage(ctx, room, img, errdiag.Update, &resp.Diagnostics) {
			return
		}
	}
	resp.Diagnostics.Append(tfmodel.ToState(ctx, &resp.State, &plan)...)
}

// setImage uploads the image's file, or resets the image to Whereby's
// default when there is none, and records the content's SHA-256.
func (r *wherebyRoomTheme) setImage(ctx context.Context, room string, img wherebymap.ThemeImage, op errdiag.Operation, diags *diag.Diagnostics) bool {
	if img.File.IsNull() {
		if err := r.client.ResetThemeImage(ctx, room, img.Image); err != nil {
			r.failed(diags, op, room, err)
			return false
		}
		return true
	}
	file := img.File.ValueString()
	content, ok := readImageFile(img, file, diags)
	if !ok {
		return false
	}
	sum := contentSHA256(content)
	if planned := *img.SHA256; !planned.IsUnknown() && !planned.Equal(sum) {
		diags.AddAttributeError(path.Root(img.FileAttr), img.FileAttr+" changed since the plan",
			fmt.Sprintf("%s is %q, whose content is not what the plan saw (SHA-256 %s, now %s): it changed between the plan and the apply. "+
				"Plan again to upload the file as it is now.", img.FileAttr, file, planned.ValueString(), sum.ValueString()))
		return false
	}
	if img.CheckImage(path.Root(img.FileAttr), file, content, diags); diags.HasError() {
		return false
	}
	if err := r.client.UploadThemeImage(ctx, room, img.Image, filepath.Base(file), content); err != nil {
		r.failed(diags, op, room, err)
		return false
	}
	*img.SHA256 = sum
	return true
}

// failed reports a failed theme call; a 404 says that the room does not
// exist, which is what it means on these calls.
func (r *wherebyRoomTheme) failed(diags *diag.Diagnostics, op errdiag.Operation, room string, err error) {
	if client.IsNotFound(err) {
		r.errs.AddAfter(diags, op, err, fmt.Sprintf("Whereby has no room %q: check room_name (a room is gone an hour after its meeting's "+
			"end_date, or once the meeting is deleted). ", room))
		return
	}
	r.errs.Add(diags, op, err)
}

// ImportState takes the room's name, and finds the meeting whose room it
// is, by which refreshes see the room deleted.
func (r *wherebyRoomTheme) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if r.base.ImportState(ctx, req, resp); resp.Diagnostics.HasError() {
		return
	}
	var room types.String
	if resp.Diagnostics.Append(resp.State.GetAttribute(ctx, path.Root("room_name"), &room)...); resp.Diagnostics.HasError() {
		return
	}
	mtg, err := r.client.FindRoomMeeting(ctx, room.ValueString())
	if err != nil {
		r.errs.Add(&resp.Diagnostics, errdiag.Read, err)
		return
	}
	meetingID := types.StringNull()
	if mtg != nil {
		meetingID = types.StringValue(mtg.MeetingID)
	} else {
		resp.Diagnostics.AddWarning(fmt.Sprintf("Whereby room %s is not among the API's meetings", room.ValueString()),
			"No meeting the Whereby API lists has this room. If the room was made in Whereby's dashboard, that is expected, and Terraform "+
				"cannot see it deleted; otherwise check the name: a theme's calls fail for a room that does not exist.")
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("meeting_id"), meetingID)...)
}

// readImageFile reads an image's file, or says at its attribute why it
// cannot.
func readImageFile(img wherebymap.ThemeImage, file string, diags *diag.Diagnostics) ([]byte, bool) {
	content, err := os.ReadFile(file)
	if err != nil {
		diags.AddAttributeError(path.Root(img.FileAttr), "Cannot read "+img.FileAttr,
			fmt.Sprintf("%s is %q, which cannot be read: %v. Point %s at an image file that exists and is readable "+
				"(a relative path is taken from the directory Terraform runs in, path.module is this module's).",
				img.FileAttr, file, err, img.FileAttr))
		return nil, false
	}
	return content, true
}

// contentSHA256 is the hex SHA-256 of content.
func contentSHA256(content []byte) types.String {
	sum := sha256.Sum256(content)
	return types.StringValue(hex.EncodeToString(sum[:]))
}
