package resources

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Defaults for the timeouts block. They bound a whole operation, retries and
// Retry-After waits included, which the per-request timeout does not.
const (
	defaultWriteTimeout = 10 * time.Minute
	defaultReadTimeout  = 5 * time.Minute
)

// withTimeout bounds ctx by the user's timeout for the operation, or def.
func withTimeout(ctx context.Context, get func(context.Context, time.Duration) (time.Duration, diag.Diagnostics),
	def time.Duration, diags *diag.Diagnostics,
) (context.Context, context.CancelFunc) {
	d, ds := get(ctx, def)
	diags.Append(ds...)
	return context.WithTimeout(ctx, d)
}
