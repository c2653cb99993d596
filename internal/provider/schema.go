package provider

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/validators"
)

func (p *conferenceProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	blocks := make(map[string]schema.Block, len(platforms.All))
	for _, pl := range platforms.All {
		blocks[pl.Block] = platformBlock(pl)
	}
	description := "Manages conferencing infrastructure on PortSIP PBX, SQMeeting (FRTC), LINE Planet and Whereby. " +
		"Configure one block per platform you use. A platform is checked when a resource or data source uses it: " +
		"what is missing for a platform that nothing uses is never an error, and a resource of a platform that lacks a value " +
		"fails with a message naming the block attribute and the environment variable that set it."
	resp.Schema = schema.Schema{
		Description:         description,
		MarkdownDescription: description + "\n\n" + credentialRule() + "\n\n" + platforms.EnvTable(),
		Attributes: map[string]schema.Attribute{
			"request_timeout": schema.StringAttribute{
				Optional: true,
				Description: "How long one HTTP request may take before it is abandoned and retried, as a Go duration such as `30s` or `2m`. " +
					"Defaults to `30s`. Terraform's own operation timeouts bound the whole call, retries included.",
				Validators: []validator.String{validators.Duration()},
			},
			"max_retries": schema.Int64Attribute{
				Optional: true,
				Description: "How many times a request is retried after a rate limit (HTTP 429, honoring `Retry-After`), a 5xx answer or a network error, " +
					"with exponential backoff and jitter. A create is repeated only when it certainly was not processed (a 429, or a request that never reached the server); " +
					"after any other failure the provider first looks for the object it may have made, and adopts it. Defaults to 4; 0 disables retries.",
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			"insecure_skip_verify": schema.BoolAttribute{
				Optional:    true,
				Description: "Skip TLS certificate verification, for a lab PBX with a self-signed certificate. Never use it in production; for a private certificate authority, give its certificate with `ca_cert_file` or `ca_cert_pem` instead. Defaults to `false`.",
			},
			platforms.CACertFile: caAttribute(platforms.CACertPEM, "Path to a PEM file with the certificate"),
			platforms.CACertPEM:  caAttribute(platforms.CACertFile, "The PEM-encoded certificate (`-----BEGIN CERTIFICATE-----`...)"),
		},
		Blocks: blocks,
	}
}

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// platformBlock is a platform's provider block, from its declaration.
func platformBlock(pl *platforms.Platform) schema.SingleNestedBlock {
	attrs := make(map[string]schema.Attribute, len(pl.Settings))
	for _, s := range pl.Settings {
		desc := s.Description
		if s.Default != "" {
			desc += fmt.Sprintf(" Defaults to `%s`.", s.Default)
		}
		if s.Endpoint {
			desc += fmt.Sprintf(" An endpoint that ends in `%s` is read without it, as the provider adds it.", pl.APIPath)
		}
		if s.Int {
			attrs[s.Attr] = schema.Int64Attribute{
				Optional:    true,
				Description: fmt.Sprintf("%s Can also be set with the `%s` environment variable.", desc, s.Env),
				Validators:  []validator.Int64{int64validator.Between(s.Min, s.Max)},
			}
			continue
		}
		env := fmt.Sprintf("%s Can also be set with the `%s` environment variable.", desc, s.Env)
		if s.Credential {
			env = fmt.Sprintf("%s A credential: can also be set with the `%s` environment variable, unless the block sets any of the platform's credentials.", desc, s.Env)
		}
		a := schema.StringAttribute{
			Optional:    true,
			Sensitive:   s.Secret,
			Description: env,
		}
		if s.Endpoint {
			a.Validators = append(a.Validators, endpointValidator{pl})
		}
		if s.UUID {
			a.Validators = append(a.Validators, stringvalidator.RegexMatches(uuidPattern, "must be a UUID such as 0b8f3c2e-2f5c-4a53-9d3e-6c1d8f1e2a4b"))
		}
		if s.MaxLength > 0 {
			a.Validators = append(a.Validators, stringvalidator.LengthBetween(1, s.MaxLength))
		}
		if len(s.ConflictsWith) > 0 {
			paths := make([]path.Expression, 0, len(s.ConflictsWith))
			for _, other := range s.ConflictsWith {
				paths = append(paths, path.MatchRoot(pl.Block).AtName(other))
			}
			a.Validators = append(a.Validators, stringvalidator.ConflictsWith(paths...))
		}
		attrs[s.Attr] = a
	}
	return schema.SingleNestedBlock{Description: pl.Description, Attributes: attrs}
}

// credentialRule is how a platform's settings resolve, in the docs. The
// variables' names come from the declaration (platforms.PortSIP).
func credentialRule() string {
	env := func(attr string) string { return "`" + platforms.PortSIP.Setting(attr).Env + "`" }
	return "Every value of a platform block can also come from the environment, which keeps secrets out of your code. " +
		"A value in the block wins, one setting at a time, except for the credentials (the settings marked *credential* below), " +
		"which are one set: when a platform's block sets any of them, none of that platform's credentials is read from the environment. " +
		"An alias whose `portsip` block sets `username` and `password` therefore signs in as that user even when " + env("token") + " is set, " +
		"while its `endpoint` may still come from " + env("endpoint") + ". " +
		"Within one place a token and a username with a password never mix: the block refuses them together, " +
		"and " + env("token") + " set together with " + env("username") + " or " + env("password") + " is an error that names both variables.\n\n" +
		"Credentials that a platform refuses (a wrong password, a revoked API key) are tried once per provider process: " +
		"every later call fails at once with the same message, which names the block attribute and the environment variable to correct, " +
		"so that a server with a lockout policy never sees a wrong password twice. " +
		"A plan that creates or updates a platform's objects proves its credentials with one sign-in, or one inexpensive authenticated request, " +
		"so that wrong credentials fail the plan rather than the apply; a plan that changes nothing sends nothing."
}
