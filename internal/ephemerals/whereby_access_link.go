// Package ephemerals holds the provider's ephemeral resources: values that
// a run reads and hands to other resources' write-only arguments or to
// provider blocks, and that Terraform keeps in neither the plan nor the
// state. Short-lived signed URLs belong there.
package ephemerals

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// Whereby's access links: "validForSeconds ... default 3600, minimum 1,
// maximum 43200" (whereby-openapi.json, .../access-link).
const (
	defaultValidity = 3600
	maxValidity     = 43200
)

// accessLink is the ephemeral access link of a recording or a
// transcription: kind names it ("recording"), fetch asks Whereby for it.
type accessLink struct {
	kind   string
	fetch  func(c *whereby.Client, ctx context.Context, id string, valid time.Duration) (*whereby.AccessLink, error)
	client *whereby.Client
}

// NewWherebyRecordingLink is conference_whereby_recording_link.
func NewWherebyRecordingLink() ephemeral.EphemeralResource {
	return &accessLink{kind: "recording", fetch: (*whereby.Client).RecordingAccessLink}
}

// NewWherebyTranscriptionLink is conference_whereby_transcription_link.
func NewWherebyTranscriptionLink() ephemeral.EphemeralResource {
	return &accessLink{kind: "transcription", fetch: (*whereby.Client).TranscriptionAccessLink}
}

var _ ephemeral.EphemeralResourceWithConfigure = (*accessLink)(nil)

type accessLinkModel struct {
	ID              types.String     `tfsdk:"id"`
	ValidForSeconds types.Int64      `tfsdk:"valid_for_seconds"`
	URL             types.String     `tfsdk:"url"`
	ExpiresAt       timetype.RFC3339 `tfsdk:"expires_at"`
}

func (e *accessLink) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_whereby_" + e.kind + "_link"
}

func (e *accessLink) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.client = providerdata.Client[*whereby.Client](req.ProviderData, &platforms.Whereby, &resp.Diagnostics)
}

func (e *accessLink) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: fmt.Sprintf("A signed link to download a Whereby %[1]s, valid for `valid_for_seconds`. It is ephemeral: "+
			"Terraform keeps it in neither the plan nor the state, and asks Whereby for a new one in every run. "+
			"Hand it to another resource's write-only argument or to a provider block (Terraform 1.10 or OpenTofu 1.11 and later).", e.kind),
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Required: true,
				Description: fmt.Sprintf("The %[1]s's ID (from `conference_whereby_%[1]ss`).", e.kind),
				Validators:  []validator.String{stringvalidator.LengthAtLeast(1)}},
			"valid_for_seconds": schema.Int64Attribute{Optional: true,
				Description: fmt.Sprintf("How long the link works, in seconds: 1 to %d (12 hours). Default %d (an hour).", maxValidity, defaultValidity),
				Validators:  []validator.Int64{int64validator.Between(1, maxValidity)}},
			"url": schema.StringAttribute{Computed: true, Sensitive: true,
				Description: "The signed link: whoever has it can download the file until it expires."},
			"expires_at": schema.StringAttribute{Computed: true, CustomType: timetype.RFC3339Type{},
				Description: "When the link stops working (RFC 3339, UTC)."},
		},
	}
}

func (e *accessLink) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var m accessLinkModel
	if resp.Diagnostics.Append(req.Config.Get(ctx, &m)...); resp.Diagnostics.HasError() {
		return
	}
	valid := time.Duration(defaultValidity) * time.Second
	if !m.ValidForSeconds.IsNull() {
		valid = time.Duration(m.ValidForSeconds.ValueInt64()) * time.Second
	}
	link, err := e.fetch(e.client, ctx, m.ID.ValueString(), valid)
	if client.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("id"), fmt.Sprintf("Whereby %s not found", e.kind),
			fmt.Sprintf("There is no Whereby %s with ID %q: check the ID, or whether it was deleted.", e.kind, m.ID.ValueString()))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(errdiag.Describe(err, platforms.Whereby.Name, errdiag.Read, e.kind+" access link"))
		return
	}
	m.URL = types.StringValue(link.URL)
	m.ExpiresAt = mapping.TimeOf(link.Expires)
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}
