package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// timeOrder is a configuration whose time argument from must not be after
// to (both RFC 3339; either may be unset).
type timeOrder struct{ from, to string }

func (v timeOrder) Description(context.Context) string {
	return fmt.Sprintf("%s must not be after %s", v.from, v.to)
}

func (v timeOrder) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v timeOrder) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var from, to timetype.RFC3339
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(v.from), &from)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(v.to), &to)...)
	f, errF := from.Time()
	t, errT := to.Time()
	if from.IsNull() || from.IsUnknown() || to.IsNull() || to.IsUnknown() || errF != nil || errT != nil || !f.After(t) {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root(v.to), "Invalid time range",
		fmt.Sprintf("%s (%s) is before %s (%s), so nothing could match: set %s to %s or later, or swap the two.",
			v.to, to.ValueString(), v.from, from.ValueString(), v.to, v.from))
}
