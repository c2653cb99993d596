package sqmeetingmap

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
)

// Roles are the document's "Create User" roles:
// "*role:Normal、MeetingOperator、SystemAdmin".
var Roles = mapping.Enum[string]{"Normal", "MeetingOperator", "SystemAdmin"}

// DefaultRole is the role of a user created without one.
const DefaultRole = "Normal"

// unreturned ends the description of what the API never returns.
const unreturned = "SQMeeting's only read of users (Find Users by Page) does not return it: a change made outside Terraform cannot be seen, " +
	"and an import leaves it null until the first apply sends the configured value."

// Account is a user the SystemAdmin manages ("Create User", "Update User").
// The search gives the ID, the username and the real name; the rest is kept
// as configured. The password is write-only (PasswordTwin, never in
// state): the resource reads it from the configuration.
type Account struct {
	ID         types.String `tfsdk:"id"`
	Username   types.String `tfsdk:"username"`
	RealName   types.String `tfsdk:"real_name"`
	Email      types.String `tfsdk:"email"`
	Department types.String `tfsdk:"department"`
	Mobile     types.String `tfsdk:"mobile"`
	Role       types.String `tfsdk:"role"`
	PasswordTwin
}

// usernameFixed is why a changed username replaces the user.
const usernameFixed = "SQMeeting's Update User call takes no username: a user's username cannot change, so another username is another user " +
	"(and SQMeeting cannot delete the old one: see the resource's description)."

// AccountAttrs are a managed user's attributes.
func AccountAttrs() mapping.Attrs {
	kept := func(doc string) mapping.Attr {
		return mapping.Attr{Doc: doc, Config: unreturned, Resource: schema.StringAttribute{Optional: true}}
	}
	attrs := mapping.Attrs{
		"id": mapping.Assigned("The user's ID (`user_id`), which a meeting's `invited_user_ids` takes."),
		"username": {Doc: "The user's sign-in name, unique on the server.", Config: "Changing it replaces the user: " + usernameFixed,
			Resource: schema.StringAttribute{Required: true,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: []planmodifier.String{planmodifiers.RequiresReplaceBecause(usernameFixed)}}},
		"real_name": {Doc: "The user's real name, which SQMeeting shows in meetings.",
			Resource: schema.StringAttribute{Optional: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}},
		"email":      kept("The user's email address."),
		"department": kept("The user's department."),
		"mobile":     kept("The user's mobile number."),
		"role": {Doc: "The user's role: " + Roles.Doc() + ".", Config: "SQMeeting makes a user `" + DefaultRole + "` when it is not set. " + unreturned,
			Resource: schema.StringAttribute{Optional: true, Computed: true,
				Validators:    []validator.String{Roles.Validator()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}},
	}
	return attrs.WithWriteOnlyOnly("password", mapping.Attr{Doc: "The user's password.",
		Config: "Required to create a user.",
		Resource: schema.StringAttribute{Optional: true, Sensitive: true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}})
}

// FromAPI reads what the search gives. What it does not give stays.
func (m *Account) FromAPI(_ context.Context, u *sqmeeting.PublicUser, _ *diag.Diagnostics) {
	m.ID = types.StringValue(u.UserID)
	m.Username = types.StringValue(u.Username)
	m.RealName = mapping.String(u.RealName)
}

// CreateBody is "Create User"'s body, without the password (the resource
// adds the configuration's).
func (m *Account) CreateBody(_ context.Context, _ *diag.Diagnostics) sqmeeting.UserInput {
	return sqmeeting.UserInput{
		Username: m.Username.ValueString(),
		RealName: m.RealName.ValueStringPointer(), Email: m.Email.ValueStringPointer(),
		Department: m.Department.ValueStringPointer(), Mobile: m.Mobile.ValueStringPointer(),
		Role: m.Role.ValueString(),
	}
}

// UpdateBody is "Update User"'s body: what changed from prior, "" clearing
// what is no longer set. A role not configured is not sent.
func (m *Account) UpdateBody(_ context.Context, prior *Account, _ *diag.Diagnostics) sqmeeting.UserInput {
	changed := func(plan, was types.String) *string {
		if plan.IsUnknown() || plan.Equal(was) {
			return nil
		}
		s := plan.ValueString()
		return &s
	}
	in := sqmeeting.UserInput{
		RealName: changed(m.RealName, prior.RealName), Email: changed(m.Email, prior.Email),
		Department: changed(m.Department, prior.Department), Mobile: changed(m.Mobile, prior.Mobile),
	}
	if role := changed(m.Role, prior.Role); role != nil {
		in.Role = *role
	}
	return in
}

// Settled gives what the apply made of a role the plan left unknown: on a
// create SQMeeting's default; on an update what the state held (null after
// an import: the API cannot tell it).
func (m *Account) Settled(prior *Account) {
	if !m.Role.IsUnknown() {
		return
	}
	m.Role = types.StringValue(DefaultRole)
	if prior != nil {
		m.Role = prior.Role
	}
}
