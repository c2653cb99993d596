package emulator

import (
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/emulator/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	"github.com/confkit/terraform-provider-conference/internal/emulator/sqmeeting"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// emulated is every platform the emulator serves, one line each: its
// declaration, the prefix of its credential flags, how its API is built from
// the Options, and its credentials (declared beside the API).
var emulated = []emulation{
	emulate(&platforms.PortSIP, "portsip", portsip.New, portsip.Credentials, func(o *Options) *portsip.Options { return &o.PortSIP }),
	emulate(&platforms.LinePlanet, "line", lineplanet.New, lineplanet.Credentials, func(o *Options) *lineplanet.Options { return &o.LinePlanet }),
	emulate(&platforms.SQMeeting, "sqmeeting", sqmeeting.New, sqmeeting.Credentials, func(o *Options) *sqmeeting.Options { return &o.SQMeeting }),
	emulate(&platforms.Whereby, "whereby", whereby.New, whereby.Credentials, func(o *Options) *whereby.Options { return &o.Whereby }),
}

// emulation is one emulated platform.
type emulation struct {
	decl        *platforms.Platform
	build       func(*platform.Clock, *Options) platform.API
	credentials []Credential
}

// emulate binds a platform's API and credentials to the emulator's Options,
// whose field options holds the platform's.
func emulate[O any, A platform.API](decl *platforms.Platform, flagPrefix string, build func(*platform.Clock, O) A,
	creds []platform.Credential[O], options func(*Options) *O) emulation {
	e := emulation{decl: decl, build: func(c *platform.Clock, o *Options) platform.API { return build(c, *options(o)) }}
	for _, c := range creds {
		flag := flagPrefix + "-" + strings.ReplaceAll(c.Attr, "_", "-")
		e.credentials = append(e.credentials, Credential{
			Platform: decl,
			Setting:  decl.Setting(c.Attr), // panics on an attribute the declaration lacks
			Default:  c.Default,
			Flag:     flag,
			Env:      "EMULATOR_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_")),
			option:   func(o *Options) *string { return c.Option(options(o)) },
		})
	}
	return e
}

// Credential is one credential an emulated platform accepts.
type Credential struct {
	Platform *platforms.Platform
	// Setting is the provider block's attribute that sends the credential.
	Setting platforms.Setting
	// Default is what the emulator accepts unless told otherwise.
	Default string
	// Flag names the emulator command's flag that sets it (-portsip-username,
	// -line-api-key), and Env the environment variable that gives the flag
	// its default (EMULATOR_PORTSIP_USERNAME, EMULATOR_LINE_API_KEY).
	Flag, Env string
	// option is the field of Options that holds it.
	option func(*Options) *string
}

// Credentials lists the credentials of every emulated platform.
func Credentials() []Credential {
	var out []Credential
	for _, e := range emulated {
		out = append(out, e.credentials...)
	}
	return out
}

// DefaultCredential is the value the emulator accepts by default for the
// setting attr of the platform pl, which the test harness sends; empty when
// the setting is no credential of the emulator's (an endpoint, a budget).
func DefaultCredential(pl *platforms.Platform, attr string) string {
	for _, c := range Credentials() {
		if c.Platform.Key == pl.Key && c.Setting.Attr == attr {
			return c.Default
		}
	}
	return ""
}

// applyCredentials moves Credentials into each platform's options.
func (o *Options) applyCredentials() {
	for _, c := range Credentials() {
		if v := o.Credentials[c.Platform.Key][c.Setting.Attr]; v != "" {
			*c.option(o) = v
		}
	}
}
