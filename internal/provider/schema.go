package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/validators"
)

type providerModel struct {
	RequestTimeout     types.String    `tfsdk:"request_timeout"`
	MaxRetries         types.Int64     `tfsdk:"max_retries"`
	InsecureSkipVerify types.Bool      `tfsdk:"insecure_skip_verify"`
	PortSIP            *portsipModel   `tfsdk:"portsip"`
	SQMeeting          *sqmeetingModel `tfsdk:"sqmeeting"`
	LinePlanet         *lineModel      `tfsdk:"line_planet"`
	Whereby            *wherebyModel   `tfsdk:"whereby"`
}

type portsipModel struct {
	Endpoint types.String `tfsdk:"endpoint"`
	Token    types.String `tfsdk:"token"`
	Username types.String `tfsdk:"username"`
	Password types.String `tfsdk:"password"`
	Domain   types.String `tfsdk:"domain"`
}

type sqmeetingModel struct {
	Endpoint types.String `tfsdk:"endpoint"`
	ClientID types.String `tfsdk:"client_id"`
	Username types.String `tfsdk:"username"`
	Password types.String `tfsdk:"password"`
}

type lineModel struct {
	Endpoint  types.String `tfsdk:"endpoint"`
	APIKey    types.String `tfsdk:"api_key"`
	APISecret types.String `tfsdk:"api_secret"`
}

type wherebyModel struct {
	Endpoint types.String `tfsdk:"endpoint"`
	APIKey   types.String `tfsdk:"api_key"`
}

func envDoc(desc, env string) string {
	return fmt.Sprintf("%s Can also be set with the `%s` environment variable.", desc, env)
}

func endpointAttr(desc, env string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:    true,
		Description: envDoc(desc, env),
		Validators:  []validator.String{validators.HTTPURL()},
	}
}

func (p *conferenceProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Manages conferencing infrastructure on PortSIP PBX, SQMeeting (FRTC), LINE Planet and Whereby. " +
			"Configure one block per platform you use; a resource of a platform that is not configured fails with a message naming the block and its environment variables.",
		Attributes: map[string]schema.Attribute{
			"request_timeout": schema.StringAttribute{
				Optional: true,
				Description: "How long one HTTP request may take before it is abandoned and retried, as a Go duration such as `30s` or `2m`. " +
					"Defaults to `30s`. Terraform's own operation timeouts bound the whole call, retries included.",
				Validators: []validator.String{validators.Duration()},
			},
			"max_retries": schema.Int64Attribute{
				Optional: true,
				Description: "How many times a request is retried after a rate limit (HTTP 429, honouring `Retry-After`), a 5xx answer or a network error, " +
					"with exponential backoff and jitter. Requests that are not safe to repeat (creates) are retried only when the server says it did not process them (429, 503). Defaults to 4; 0 disables retries.",
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			"insecure_skip_verify": schema.BoolAttribute{
				Optional:    true,
				Description: "Skip TLS certificate verification, for a lab PBX with a self-signed certificate. Never use it in production. Defaults to `false`.",
			},
		},
		Blocks: map[string]schema.Block{
			"portsip": schema.SingleNestedBlock{
				Description: "PortSIP PBX v22 connection. Authenticate with `token`, or with `username` and `password` (the provider signs in and renews the token before it expires).",
				Attributes: map[string]schema.Attribute{
					"endpoint": endpointAttr("Base URL of the PBX's REST API without `/api`, e.g. `https://pbx.example.com:8900`.", "PORTSIP_ENDPOINT"),
					"token": schema.StringAttribute{
						Optional: true, Sensitive: true,
						Description: envDoc("An access token. Conflicts with `username` and `password`.", "PORTSIP_TOKEN"),
						Validators: []validator.String{stringvalidator.ConflictsWith(
							pathRoot("portsip", "username"), pathRoot("portsip", "password"))},
					},
					"username": schema.StringAttribute{
						Optional:    true,
						Description: envDoc("The user to sign in as.", "PORTSIP_USERNAME"),
					},
					"password": schema.StringAttribute{
						Optional: true, Sensitive: true,
						Description: envDoc("The password of `username`.", "PORTSIP_PASSWORD"),
					},
					"domain": schema.StringAttribute{
						Optional:    true,
						Description: envDoc("The tenant's SIP domain, sent with the sign-in for multi-tenant PBXs.", "PORTSIP_DOMAIN"),
						Validators:  []validator.String{stringvalidator.LengthBetween(1, 280)},
					},
				},
			},
			"sqmeeting": schema.SingleNestedBlock{
				Description: "SQMeeting (FRTC) server connection.",
				Attributes: map[string]schema.Attribute{
					"endpoint": endpointAttr("Base URL of the SQMeeting server without `/api/v1`.", "SQMEETING_ENDPOINT"),
					"client_id": schema.StringAttribute{
						Optional:    true,
						Description: envDoc("The client ID (a UUID) sent with every call.", "SQMEETING_CLIENT_ID"),
					},
					"username": schema.StringAttribute{
						Optional:    true,
						Description: envDoc("The user to sign in as.", "SQMEETING_USERNAME"),
					},
					"password": schema.StringAttribute{
						Optional: true, Sensitive: true,
						Description: envDoc("The password of `username`.", "SQMEETING_PASSWORD"),
					},
				},
			},
			"line_planet": schema.SingleNestedBlock{
				Description: "LINE Planet server API v2 connection.",
				Attributes: map[string]schema.Attribute{
					"endpoint": endpointAttr("Base URL of the LINE Planet API without `/tas/v2`.", "LINE_PLANET_ENDPOINT"),
					"api_key": schema.StringAttribute{
						Optional: true, Sensitive: true,
						Description: envDoc("The API key.", "LINE_PLANET_API_KEY"),
					},
					"api_secret": schema.StringAttribute{
						Optional: true, Sensitive: true,
						Description: envDoc("The API secret.", "LINE_PLANET_API_SECRET"),
					},
				},
			},
			"whereby": schema.SingleNestedBlock{
				Description: "Whereby REST API v1 connection.",
				Attributes: map[string]schema.Attribute{
					"endpoint": endpointAttr("Base URL of the Whereby API without `/v1`. Defaults to `https://api.whereby.dev`.", "WHEREBY_ENDPOINT"),
					"api_key": schema.StringAttribute{
						Optional: true, Sensitive: true,
						Description: envDoc("The API key.", "WHEREBY_API_KEY"),
					},
				},
			},
		},
	}
}
