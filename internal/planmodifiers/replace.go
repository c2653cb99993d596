// Package planmodifiers holds plan modifiers shared by resources: replacement
// with a stated reason (save for recording, after an import, the arguments an
// API never returns), allowed in-place transitions, and keeping an equivalent
// spelling of the prior value.
package planmodifiers

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
)

// Terraform shows that a change "forces replacement" but never why. These
// modifiers are the framework's RequiresReplaceIf with a condition that always
// holds (the framework already skips create, destroy and unchanged values),
// save for the first plan after an import that could not read the value
// (unread.go), and add one warning naming the vendor rule, so that a user who
// sees a room about to be destroyed learns it is the API's limit and not a
// provider bug.

// WarnReplace adds the one warning format every forced replacement uses.
func WarnReplace(diags *diag.Diagnostics, p path.Path, reason string) {
	diags.AddAttributeWarning(p, "Changing "+p.String()+" replaces the resource", reason)
}

// replace decides one RequiresReplaceIf: replace, with the reason, unless the
// change records a value an import could not read (unread.go) that nothing
// the import did read contradicts (check, when set).
func replace(ctx context.Context, private privateGetter, p path.Path, priorNull bool, reason string, check func() string, requiresReplace *bool, diags *diag.Diagnostics) {
	if priorNull && check != nil && Unread(ctx, private) {
		if why := check(); why != "" {
			*requiresReplace = true
			WarnReplace(diags, p, why)
			return
		}
	}
	if recordsUnread(ctx, private, p, priorNull, diags) {
		return
	}
	*requiresReplace = true
	WarnReplace(diags, p, reason)
}

func describe(reason string) string { return "Changing this value replaces the resource: " + reason }

// RequiresReplaceBecause replaces the resource when a string changes,
// explaining reason in a warning.
func RequiresReplaceBecause(reason string) planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		replace(ctx, req.Private, req.Path, req.StateValue.IsNull(), reason, nil, &resp.RequiresReplace, &resp.Diagnostics)
	}, describe(reason), describe(reason))
}

// RequiresReplaceBecauseChecked is RequiresReplaceBecause for an argument an
// import cannot read but can contradict: the first plan after an import
// records the configured value only if check finds nothing the import read
// that contradicts it, and replaces the resource, with check's reason, if it
// does.
func RequiresReplaceBecauseChecked(reason string, check Contradiction) planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		why := func() string { return check(ctx, req.Path, req.State, req.Plan) }
		replace(ctx, req.Private, req.Path, req.StateValue.IsNull(), reason, why, &resp.RequiresReplace, &resp.Diagnostics)
	}, describe(reason), describe(reason))
}

// BoolRequiresReplaceBecauseChecked is RequiresReplaceBecauseChecked for
// booleans.
func BoolRequiresReplaceBecauseChecked(reason string, check Contradiction) planmodifier.Bool {
	return boolplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.BoolRequest, resp *boolplanmodifier.RequiresReplaceIfFuncResponse) {
		why := func() string { return check(ctx, req.Path, req.State, req.Plan) }
		replace(ctx, req.Private, req.Path, req.StateValue.IsNull(), reason, why, &resp.RequiresReplace, &resp.Diagnostics)
	}, describe(reason), describe(reason))
}

// BoolRequiresReplaceBecause is RequiresReplaceBecause for booleans.
func BoolRequiresReplaceBecause(reason string) planmodifier.Bool {
	return boolplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.BoolRequest, resp *boolplanmodifier.RequiresReplaceIfFuncResponse) {
		replace(ctx, req.Private, req.Path, req.StateValue.IsNull(), reason, nil, &resp.RequiresReplace, &resp.Diagnostics)
	}, describe(reason), describe(reason))
}

// Int64RequiresReplaceBecause is RequiresReplaceBecause for integers.
func Int64RequiresReplaceBecause(reason string) planmodifier.Int64 {
	return int64planmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.Int64Request, resp *int64planmodifier.RequiresReplaceIfFuncResponse) {
		replace(ctx, req.Private, req.Path, req.StateValue.IsNull(), reason, nil, &resp.RequiresReplace, &resp.Diagnostics)
	}, describe(reason), describe(reason))
}

// SetRequiresReplaceBecause is RequiresReplaceBecause for sets.
func SetRequiresReplaceBecause(reason string) planmodifier.Set {
	return setplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
		replace(ctx, req.Private, req.Path, req.StateValue.IsNull(), reason, nil, &resp.RequiresReplace, &resp.Diagnostics)
	}, describe(reason), describe(reason))
}

// ListRequiresReplaceBecause is RequiresReplaceBecause for lists.
func ListRequiresReplaceBecause(reason string) planmodifier.List {
	return listplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.ListRequest, resp *listplanmodifier.RequiresReplaceIfFuncResponse) {
		replace(ctx, req.Private, req.Path, req.StateValue.IsNull(), reason, nil, &resp.RequiresReplace, &resp.Diagnostics)
	}, describe(reason), describe(reason))
}

// ObjectRequiresReplaceBecause is RequiresReplaceBecause for objects (single
// nested attributes and blocks).
func ObjectRequiresReplaceBecause(reason string) planmodifier.Object {
	return objectplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.ObjectRequest, resp *objectplanmodifier.RequiresReplaceIfFuncResponse) {
		replace(ctx, req.Private, req.Path, req.StateValue.IsNull(), reason, nil, &resp.RequiresReplace, &resp.Diagnostics)
	}, describe(reason), describe(reason))
}
