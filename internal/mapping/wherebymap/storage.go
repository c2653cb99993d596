package wherebymap

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/planmodifiers"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

// The recording, streaming and live transcription settings, shaped as the
// create body's objects (whereby-openapi.json, POST /meetings). The document
// gives "destination" and "startTrigger" a meaning when null ("should be
// inherited" from the organization's settings): an unset argument is sent as
// null.

// Enums of the create body's objects. The start triggers differ per object,
// as the document lists them.
var (
	recordingTypes        = mapping.Enum[string]{"none", "local", "cloud"}
	recordingTriggers     = []string{"none", "prompt", "automatic", "automatic-2nd-participant"}
	transcriptionTriggers = []string{"none", "manual", "automatic", "automatic-2nd-participant"}
	streamingTriggers     = []string{"none", "prompt", "automatic"}
	storageProviders      = mapping.Enum[string]{"s3", "whereby"}
	authenticationTypes   = []string{"accessKey", "roleBased"}
	fileFormats           = []string{"mkv", "mp4"}
	// transcriptionLanguages is liveTranscription.language's enum. The
	// document writes each with a trailing comma ("en,"), a slip of its
	// generator: the values are the codes.
	transcriptionLanguages = []string{
		"ca", "zh", "zh-TW", "cs", "da", "nl", "en", "en-US", "en-GB", "fi", "fr", "de", "de-CH",
		"el", "hi", "id", "it", "ja", "ko", "lv", "ms", "no", "pl", "pt", "pt-BR", "ro", "ru",
		"sk", "es", "sv", "th", "uk", "vi",
	}
)

type recording struct {
	Type         types.String      `tfsdk:"type"`
	Destination  *recordingStorage `tfsdk:"destination"`
	StartTrigger types.String      `tfsdk:"start_trigger"`
}

type liveTranscription struct {
	Destination  *storage     `tfsdk:"destination"`
	StartTrigger types.String `tfsdk:"start_trigger"`
	Language     types.String `tfsdk:"language"`
	LiveCaptions types.Bool   `tfsdk:"live_captions"`
}

type streaming struct {
	Destination  streamingDestination `tfsdk:"destination"`
	StartTrigger types.String         `tfsdk:"start_trigger"`
}

type streamingDestination struct {
	URL types.String `tfsdk:"url"`
}

// storage is a recording's or a transcription's destination.
type storage struct {
	Provider           types.String `tfsdk:"provider"`
	AuthenticationType types.String `tfsdk:"authentication_type"`
	Bucket             types.String `tfsdk:"bucket"`
	Region             types.String `tfsdk:"region"`
	AccessKeyID        types.String `tfsdk:"access_key_id"`
	AccessKeySecret    types.String `tfsdk:"access_key_secret"`
	// AccessKeySecretWO is the secret's write-only twin: null in the plan
	// and the state, read from the configuration (Settings.WithWriteOnly).
	AccessKeySecretWO        types.String `tfsdk:"access_key_secret_wo"`
	AccessKeySecretWOVersion types.Int64  `tfsdk:"access_key_secret_wo_version"`
	OIDCRoleARN              types.String `tfsdk:"oidc_role_arn"`
}

// recordingStorage adds the file format, which only recordings have.
type recordingStorage struct {
	storage
	FileFormat types.String `tfsdk:"file_format"`
}

func optionalEnum(doc string, values ...string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true, Description: doc,
		Validators: []validator.String{validators.OneOf(values...)},
	}
}

func triggerAttr(what string, values ...string) schema.StringAttribute {
	return optionalEnum(fmt.Sprintf("What starts %s: one of `%s`. When not set, the organization's setting applies.",
		what, strings.Join(values, "`, `")), values...)
}

// settingObject is one of the three objects, replaced as a whole.
func settingObject(doc string, attrs map[string]schema.Attribute) mapping.Attr {
	return mapping.Attr{Doc: doc, Config: unreadNote, Resource: schema.SingleNestedAttribute{
		Optional:      true,
		Attributes:    attrs,
		PlanModifiers: []planmodifier.Object{planmodifiers.ObjectRequiresReplaceBecause(NoUpdate)},
	}}
}

func recordingAttr() mapping.Attr {
	return settingObject("How the meeting is recorded. When not set, the organization's settings apply.", map[string]schema.Attribute{
		"type": schema.StringAttribute{
			Required:    true,
			Description: "`none` (recording disabled), `local` (in the browser) or `cloud`.",
			Validators:  []validator.String{recordingTypes.Validator()},
		},
		"destination":   storageAttr("recordings", true),
		"start_trigger": triggerAttr("a cloud recording", recordingTriggers...),
	})
}

func liveTranscriptionAttr() mapping.Attr {
	return settingObject("Session transcription. When not set, the organization's settings apply.", map[string]schema.Attribute{
		"destination":   storageAttr("transcriptions", false),
		"start_trigger": triggerAttr("the transcription (`none` makes it unavailable, `manual` lets the host start it)", transcriptionTriggers...),
		"language": optionalEnum("The transcription's language, e.g. `en`, `en-GB`, `pt-BR`. When not set, the organization's setting applies.",
			transcriptionLanguages...),
		"live_captions": schema.BoolAttribute{Optional: true, Description: "Whether every participant sees live captions."},
	})
}

func streamingAttr() mapping.Attr {
	return settingObject("Live RTMP streaming of the meeting.", map[string]schema.Attribute{
		"destination": schema.SingleNestedAttribute{
			Required:    true,
			Description: "Where the stream goes.",
			Attributes: map[string]schema.Attribute{
				"url": schema.StringAttribute{
					Required:  true,
					Sensitive: true, // it carries the stream key
					Description: "The streaming service's ingest URL with the stream key, e.g. " +
						"`rtmp://a.rtmp.youtube.com/live2/<stream key>`: an `rtmp://` or `rtmps://` URL.",
					Validators: []validator.String{validators.RTMPURL()},
				},
			},
		},
		"start_trigger": triggerAttr("the stream (`none`: the host starts and stops it; `prompt`: the host is asked to)", streamingTriggers...),
	})
}

func storageAttr(what string, fileFormat bool) schema.SingleNestedAttribute {
	text := func(doc string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Description: doc, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
	}
	attrs := map[string]schema.Attribute{
		"provider": schema.StringAttribute{
			Required:    true,
			Description: "`s3` (your bucket) or `whereby` (Whereby's storage, which needs nothing else).",
			Validators:  []validator.String{storageProviders.Validator()},
		},
		"authentication_type": optionalEnum("How Whereby signs in to S3: `accessKey` (the default) or `roleBased`.", authenticationTypes...),
		"bucket":              text("The S3 bucket, optionally with folders: `my-bucket/" + what + "`."),
		"region":              text("The S3 bucket's region."),
		"access_key_id":       text("The S3 access key ID."),
		"access_key_secret": schema.StringAttribute{
			Optional: true, Sensitive: true, Description: "The S3 secret access key.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"oidc_role_arn": text("The ARN of the role Whereby assumes with `roleBased` authentication."),
	}
	attrs = mapping.WithWriteOnlyNested(attrs, "access_key_secret")
	if fileFormat {
		attrs["file_format"] = optionalEnum("`mkv` or `mp4`; when not set, the organization's setting applies.", fileFormats...)
	}
	return schema.SingleNestedAttribute{
		Optional: true,
		Description: "Where " + what + " are stored. When not set, the organization's setting applies. `s3` with access keys needs " +
			"`bucket`, `region`, `access_key_id` and `access_key_secret` (or `access_key_secret_wo`); with `roleBased`, `bucket` and `oidc_role_arn`.",
		Attributes: attrs,
		Validators: []validator.Object{storageRules{}},
	}
}

// storageRules are the destination's provider rules (whereby-openapi.json):
// "s3 - ... accessKey - The bucket, region, accessKeyId and accessKeySecret
// fields are required for this option. roleBased - The bucket and
// oidcRoleArn fields are required for this option", and oidcRoleArn is "Only
// available when authenticationType is set to roleBased". Access keys are
// the method when authentication_type is not set: it predates roles.
type storageRules struct{}

func (storageRules) Description(context.Context) string {
	return "S3 storage needs bucket, region, access_key_id and access_key_secret with access keys, or bucket and oidc_role_arn with roleBased"
}

func (v storageRules) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (storageRules) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	attrs := req.ConfigValue.Attributes()
	str := func(name string) types.String {
		s, _ := attrs[name].(types.String)
		return s
	}
	provider, auth := str("provider"), str("authentication_type")
	if provider.IsUnknown() || auth.IsUnknown() {
		return
	}
	roleBased := auth.ValueString() == "roleBased"
	if !str("oidc_role_arn").IsNull() && !roleBased {
		resp.Diagnostics.AddAttributeError(req.Path.AtName("oidc_role_arn"), "oidc_role_arn needs roleBased authentication",
			`oidc_role_arn is only available when authentication_type is "roleBased". Set authentication_type = "roleBased", or remove oidc_role_arn.`)
	}
	if provider.ValueString() != "s3" {
		return
	}
	need, method := []string{"bucket", "region", "access_key_id", "access_key_secret"}, "access keys"
	if roleBased {
		need, method = []string{"bucket", "oidc_role_arn"}, `authentication_type "roleBased"`
	}
	for _, name := range need {
		if str(name).IsNull() && (name != "access_key_secret" || str("access_key_secret"+mapping.WriteOnlySuffix).IsNull()) {
			resp.Diagnostics.AddAttributeError(req.Path.AtName(name), "Missing "+name,
				fmt.Sprintf(`provider "s3" with %s needs %s.`, method, strings.Join(need, ", ")))
		}
	}
}

// fromObject reads a known object as a T and converts it; nil when null.
func fromObject[T, R any](ctx context.Context, o types.Object, diags *diag.Diagnostics, convert func(*T) *R) *R {
	if o.IsNull() || o.IsUnknown() {
		return nil
	}
	var v T
	if diags.Append(o.As(ctx, &v, basetypes.ObjectAsOptions{})...); diags.HasError() {
		return nil
	}
	return convert(&v)
}

func (s *storage) input() *whereby.StorageDestination {
	if s == nil {
		return nil
	}
	return &whereby.StorageDestination{
		Provider:           s.Provider.ValueString(),
		AuthenticationType: s.AuthenticationType.ValueString(),
		Bucket:             s.Bucket.ValueString(),
		Region:             s.Region.ValueString(),
		AccessKeyID:        s.AccessKeyID.ValueString(),
		AccessKeySecret:    s.accessKeySecret(),
		OIDCRoleARN:        s.OIDCRoleARN.ValueString(),
	}
}

// accessKeySecret is the plain secret, else its twin's.
func (s *storage) accessKeySecret() string {
	if v := (mapping.WriteOnly{Value: s.AccessKeySecretWO}).Send(nil); v != nil && s.AccessKeySecret.IsNull() {
		return *v
	}
	return s.AccessKeySecret.ValueString()
}

func (r *recording) input() *whereby.Recording {
	out := &whereby.Recording{Type: r.Type.ValueString(), StartTrigger: r.StartTrigger.ValueStringPointer()}
	if r.Destination != nil {
		out.Destination = r.Destination.input()
		out.Destination.FileFormat = r.Destination.FileFormat.ValueString()
	}
	return out
}

func (lt *liveTranscription) input() *whereby.LiveTranscription {
	return &whereby.LiveTranscription{
		Destination:  lt.Destination.input(),
		StartTrigger: lt.StartTrigger.ValueStringPointer(),
		Language:     lt.Language.ValueStringPointer(),
		LiveCaptions: lt.LiveCaptions.ValueBoolPointer(),
	}
}

func (s *streaming) input() *whereby.Streaming {
	return &whereby.Streaming{
		Destination:  whereby.StreamingDestination{URL: s.Destination.URL.ValueString()},
		StartTrigger: s.StartTrigger.ValueStringPointer(),
	}
}
