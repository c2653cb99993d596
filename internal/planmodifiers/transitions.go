package planmodifiers

// This file holds the allowed-transitions rule: some APIs change a value in place
// only along certain edges (LINE Planet meeting types: S -> R), and replace the
// object for every other change.

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
)

// Transitions is a table of in-place changes: each key maps to the values it may
// become without replacing the resource. A change not in the table replaces it.
type Transitions map[string][]string

// Allows reports whether from -> to is an in-place change. Keeping a value is one.
func (t Transitions) Allows(from, to string) bool {
	if from == to {
		return true
	}
	for _, v := range t[from] {
		if v == to {
			return true
		}
	}
	return false
}

// String lists the allowed changes, sorted, as "S -> R, ...", or "none".
func (t Transitions) String() string {
	var pairs []string
	for from, tos := range t {
		for _, to := range tos {
			if to != from {
				pairs = append(pairs, from+" -> "+to)
			}
		}
	}
	if len(pairs) == 0 {
		return "none"
	}
	sort.Strings(pairs)
	return strings.Join(pairs, ", ")
}

// Unknown stands for the new value in a TransitionReason call when that value is
// known only after apply.
const Unknown = "(known after apply)"

// TransitionReason explains, in a plan, why changing from into to replaces the
// resource. to is Unknown when the new value is known only after apply.
type TransitionReason func(from, to string) string

// RequiresReplaceUnlessAllowed plans a replacement for every change of a string
// attribute that allowed does not list, and an in-place update for the others,
// with the warning every forced replacement gives (WarnReplace).
func RequiresReplaceUnlessAllowed(allowed Transitions, reason TransitionReason) planmodifier.String {
	description := fmt.Sprintf("Only these changes are made in place: %s. Any other change of the value replaces the resource.", allowed)
	return stringplanmodifier.RequiresReplaceIf(func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		// A null or unknown prior value (an import in progress) gives no "from".
		if req.StateValue.IsNull() || req.StateValue.IsUnknown() {
			return
		}
		from := req.StateValue.ValueString()
		to := Unknown
		if !req.PlanValue.IsUnknown() {
			// A null plan value (an optional attribute removed) counts as "".
			to = req.PlanValue.ValueString()
			if allowed.Allows(from, to) {
				return
			}
		}
		// An unknown value cannot be checked until apply, when it is too late to
		// replace: plan the replacement now, as the framework's RequiresReplace does.
		resp.RequiresReplace = true
		WarnReplace(&resp.Diagnostics, req.Path, reason(from, to))
	}, description, description)
}
