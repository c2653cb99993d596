package resources

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping/sqmeetingmap"
)

// NewSQMeetingUser is the conference_sqmeeting_user resource.
func NewSQMeetingUser(k Kind) resource.Resource {
	return &sqmeetingUser{newBase(k, ops[*sqmeeting.Client, sqmeetingUserModel]{get: getSQMeetingUser, remove: keepSQMeetingUser})}
}

type sqmeetingUser struct {
	base[*sqmeeting.Client, sqmeetingUserModel, *sqmeetingUserModel]
}

type sqmeetingUserModel struct {
	withTimeouts
	sqmeetingmap.Account
}

// hideWriteOnly: the password is the configuration's alone, never the
// state's.
func (m *sqmeetingUserModel) hideWriteOnly() { m.PasswordWO = types.StringNull() }

// getSQMeetingUser finds the user by ID among those with its username. After
// an import the state has no username, and the ID imported may be a
// username: a user with that ID is looked for first, then one with that
// username.
func getSQMeetingUser(ctx context.Context, c *sqmeeting.Client, id string, m *sqmeetingUserModel, diags *diag.Diagnostics) error {
	u, err := c.GetUser(ctx, id, m.Username.ValueString())
	if client.IsNotFound(err) && m.Username.IsNull() {
		if named, ferr := c.FindUser(ctx, id); ferr != nil || named != nil {
			u, err = named, ferr
		}
	}
	if err != nil {
		return err
	}
	m.FromAPI(ctx, u, diags)
	return nil
}

// keepSQMeetingUser is the remove that cannot delete: SQMeeting has no call
// that deletes a user. The user leaves the state with a warning that names
// it, as the plan said.
func keepSQMeetingUser(_ context.Context, _ *sqmeeting.Client, _ string, m *sqmeetingUserModel, diags *diag.Diagnostics) error {
	m.warnKept(diags)
	return nil
}

// warnKept says that the user stays on the server.
func (m *sqmeetingUserModel) warnKept(diags *diag.Diagnostics) {
	diags.AddWarning(fmt.Sprintf("SQMeeting user %q is only removed from the state", m.Username.ValueString()),
		fmt.Sprintf("SQMeeting's REST API has no call that deletes a user: user %q (ID %s) stays on the server, and can still sign in. "+
			"Terraform forgets it. Disable or delete it in SQMeeting's administration console, or import it again to manage it.",
			m.Username.ValueString(), m.ID.ValueString()))
}

func (r *sqmeetingUser) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema(ctx, sqmeetingmap.AccountAttrs(), "A user of an SQMeeting (FRTC) server, managed by the SystemAdmin the provider signs in as "+
		"(SQMeeting allows only a SystemAdmin to create and update users). "+
		"Changing `username` replaces the user, since SQMeeting cannot change a username; the other arguments update in place. "+
		"SQMeeting cannot delete a user: destroying this resource removes the user from the state only, with a warning in the plan and in the "+
		"apply that names it; the user stays on the server. "+
		"The password is the write-only `password_wo` (Terraform 1.11 or OpenTofu 1.11 and later), sent on create and whenever "+
		"`password_wo_version` changes; with an older Terraform, create the user in SQMeeting's console and import it. "+
		"SQMeeting's only read of users returns the ID, the username and the real name: a change of anything else outside Terraform cannot be seen. "+
		"Import takes the user's ID or its username. ",
		"user")
}

// planDestroy says in the plan that the user stays on the server.
func (m *sqmeetingUserModel) planDestroy(diags *diag.Diagnostics) { m.warnKept(diags) }

// planCreate: a create needs the password.
func (m *sqmeetingUserModel) planCreate(_ context.Context, config *sqmeetingUserModel, resp *resource.ModifyPlanResponse) {
	if config.PasswordWO.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("password_wo"), "password_wo is required to create an SQMeeting user",
			"SQMeeting's Create User call takes the new user's password. Set password_wo (Terraform 1.11 or OpenTofu 1.11 and later). "+
				"With an older Terraform, create the user in SQMeeting's administration console and import it "+
				"(terraform import conference_sqmeeting_user.<name> <username>).")
	}
}

func (r *sqmeetingUser) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.create(ctx, req, resp, func(ctx context.Context, m *sqmeetingUserModel, diags *diag.Diagnostics) func() (string, error) {
		in := m.CreateBody(ctx, diags)
		if secret := m.SendPassword(nil); secret != nil {
			in.Secret = *secret
		}
		m.Settled(nil)
		return func() (string, error) {
			id, err := r.client.CreateUser(ctx, in)
			if errors.Is(err, sqmeeting.ErrUsernameTaken) {
				diags.AddAttributeError(path.Root("username"), fmt.Sprintf("SQMeeting user %q exists already", in.Username),
					fmt.Sprintf("SQMeeting already has a user named %q (%v), and usernames are unique on the server: it was created outside "+
						"this configuration, by another administrator or another Terraform state. To manage it here, import it:\n\n"+
						"  terraform import %s.<name> %s\n\nor choose another username.", in.Username, err, r.kind.Name, in.Username))
				return "", errSaid
			}
			return id, err
		}
	}, r.readBack)
}

func (r *sqmeetingUser) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.update(ctx, req, resp, func(ctx context.Context, m, prior *sqmeetingUserModel, diags *diag.Diagnostics) func() error {
		in := m.UpdateBody(ctx, &prior.Account, diags)
		if secret := m.SendPassword(&prior.PasswordTwin); secret != nil {
			in.Secret = *secret
		}
		m.Settled(&prior.Account)
		return func() error { return r.client.UpdateUser(ctx, prior.ID.ValueString(), in) }
	}, r.readBack)
}
