package providerdata

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// CheckCredentials makes wrong credentials fail the plan rather than the
// apply: called from a resource's ModifyPlan, for a planned create or update
// it runs check, the platform client's CheckCredentials, which proves the
// credentials with one request per credential set and provider process, and
// reports their refusal. A plan that only reads (refresh has authenticated
// already) or deletes sends nothing, and neither does one that the
// resource's own plan-time checks have failed: ModifyPlan defers the call.
func CheckCredentials(ctx context.Context, req resource.ModifyPlanRequest, diags *diag.Diagnostics, check func(context.Context) error) {
	if diags.HasError() || req.Plan.Raw.IsNull() || req.Plan.Raw.Equal(req.State.Raw) {
		return
	}
	err := check(ctx)
	if err == nil {
		return
	}
	summary := "Credentials refused"
	var re *client.RefusedError
	var tlsErr *client.TLSError
	switch {
	case errors.As(err, &re):
		summary = re.Platform + " refused the credentials"
	case errors.As(err, &tlsErr):
		summary = tlsErr.Platform + " " + tlsErr.Problem
	}
	diags.AddError(summary, err.Error())
}
