// Package platforms declares each platform the provider speaks to, once: its
// provider block (attributes, descriptions, environment variables, which are
// secret, what a usable configuration needs). The provider schema, Configure,
// the data handed to resources, the acceptance-test configuration and the
// docs' environment table are all derived from these declarations; the
// emulator keys its credentials by their settings (internal/emulator).
//
// The package is plain data with no dependencies, so that the provider, the
// clients, the emulator and the tests can all import it.
package platforms

import (
	"fmt"
	"os"
	"strings"
)

// Setting is one attribute of a platform's provider block.
type Setting struct {
	// Attr is the attribute's name in the block, e.g. "endpoint".
	Attr string
	// Env is the environment variable that supplies the value when the block
	// does not.
	Env string
	// Description says what the value is; the schema adds where it can come from.
	Description string
	// Label names the value in a "Missing ..." error; the attribute's name
	// with spaces when empty.
	Label string
	// Secret values are Sensitive in the schema and redacted in logs.
	Secret bool
	// Credential settings say who the provider acts as. They resolve as one
	// set (see Platform.Resolve), and name what to fix when the platform
	// refuses them.
	Credential bool
	// Endpoint marks the base URL: validated as an http(s) URL, and pointed at
	// the emulator by the test harness.
	Endpoint bool
	// Default is used when neither the block nor the environment sets a value.
	Default string
	// MaxLength, when positive, bounds the value's length (1..MaxLength).
	MaxLength int
	// UUID values must be UUIDs.
	UUID bool
	// Int values are whole numbers from Min to Max: a number in the block,
	// digits in the environment.
	Int      bool
	Min, Max int64
	// ConflictsWith names attributes of the same block that cannot be set
	// together with this one.
	ConflictsWith []string
}

// Platform is one vendor API the provider manages objects on.
type Platform struct {
	// Key is the short, stable name used by the emulator (routes, state file,
	// -platform-addr) and in test helpers: "portsip", "lineplanet", ...
	Key string
	// Name is how users know the platform: "PortSIP", "LINE Planet".
	Name string
	// Block is the provider block's name: "portsip", "line_planet".
	Block string
	// Description is the block's description.
	Description string
	// APIPath is what the client appends to the endpoint to reach the API:
	// "/api". An endpoint that ends in it is read without it (CheckEndpoint).
	APIPath  string
	Settings []Setting
	// Requires lists what a usable configuration needs. Each entry is a set of
	// alternatives; an alternative is satisfied when all of its attributes have
	// a value. {{"endpoint"}} needs the endpoint; {{"token"}, {"username",
	// "password"}} needs a token, or a username and a password.
	Requires [][][]string
}

// Values are a platform's settings, by attribute name.
type Values map[string]string

// All is every platform the provider can use, in the order of the docs. A
// platform is listed here only once it has resources: a block that configures
// nothing would give a clean plan and do nothing.
var All = []*Platform{&PortSIP, &LinePlanet, &SQMeeting, &Whereby}

// ByKey returns the platform with key, or nil.
func ByKey(key string) *Platform {
	for _, p := range All {
		if p.Key == key {
			return p
		}
	}
	return nil
}

// Setting returns the setting named attr; it panics on an unknown name, which
// is a bug in a declaration or its caller.
func (p *Platform) Setting(attr string) Setting {
	for _, s := range p.Settings {
		if s.Attr == attr {
			return s
		}
	}
	panic(fmt.Sprintf("platforms: %s has no setting %q", p.Key, attr))
}

// Label names the setting in messages.
func (s Setting) label() string {
	if s.Label != "" {
		return s.Label
	}
	return strings.ReplaceAll(s.Attr, "_", " ")
}

// EndpointEnv is the environment variable of the platform's endpoint.
func (p *Platform) EndpointEnv() string {
	for _, s := range p.Settings {
		if s.Endpoint {
			return s.Env
		}
	}
	return ""
}

// InEnvironment reports whether any of the platform's environment variables
// is set: then the platform is in use even without a block.
func (p *Platform) InEnvironment() bool {
	for _, s := range p.Settings {
		if os.Getenv(s.Env) != "" {
			return true
		}
	}
	return false
}

// Resolve gives every setting its value. Credentials are one set, taken from
// one place: when the block (set holds the attributes the block sets) sets any
// of them, none comes from the environment, so that an alias that signs in as
// its own user never borrows a token or a password from the environment. Every
// other setting falls back on its own: the block's value, else the
// environment's, else the declared default. The provider passes its block;
// conference-export, which has no block, passes nil.
func (p *Platform) Resolve(set Values) Resolution {
	r := Resolution{Platform: p, Values: make(Values, len(p.Settings)), From: map[string]Source{}}
	for _, s := range p.Settings {
		if _, ok := set[s.Attr]; ok && s.Credential {
			r.BlockCredentials = true
		}
	}
	for _, s := range p.Settings {
		env := os.Getenv(s.Env)
		switch v, ok := set[s.Attr]; {
		case ok:
			r.Values[s.Attr], r.From[s.Attr] = v, FromBlock
		case env != "" && s.Credential && r.BlockCredentials:
			r.Ignored = append(r.Ignored, s.Env)
		case env != "":
			r.Values[s.Attr], r.From[s.Attr] = env, FromEnvironment
		case s.Default != "":
			r.Values[s.Attr], r.From[s.Attr] = s.Default, FromDefault
		}
	}
	return r
}

// FromEnvironment is the platform's settings as the provider resolves them
// without a block: the environment, then the defaults. ok is false when none
// of the platform's variables is set, and the platform is not in use.
func (p *Platform) FromEnvironment() (r Resolution, ok bool) {
	if !p.InEnvironment() {
		return Resolution{}, false
	}
	return p.Resolve(nil), true
}

// Problem is one unmet requirement of a configuration.
type Problem struct {
	Summary string
	Detail  string
}

// Problems reports each requirement of the resolved settings that no
// alternative satisfies, and settings of one source that conflict (a token and
// a username in the environment). Each message names, for what is missing,
// the block attribute and the environment variable that can set it, and says
// where the values that are set came from.
func (p *Platform) Problems(r Resolution) []Problem {
	out := p.conflicts(r)
	for _, req := range p.Requires {
		if p.satisfied(req, r.Values) {
			continue
		}
		alts := make([]string, 0, len(req))
		// The message is about the alternative the user started on (with a
		// username and no password, the password), else all of them.
		var started []string
		for _, alt := range req {
			labels := make([]string, 0, len(alt))
			var missing []string
			for _, a := range alt {
				labels = append(labels, p.Setting(a).label())
				if r.Values[a] == "" {
					missing = append(missing, a)
				}
			}
			alts = append(alts, joinAnd(labels))
			if len(missing) < len(alt) && started == nil {
				started = missing
			}
		}
		var what, how string
		if started != nil {
			what, how = p.labels(started), p.howToSet(r, started)
		} else {
			ways := make([]string, 0, len(req))
			for _, alt := range req {
				ways = append(ways, p.howToSet(r, alt))
			}
			what, how = strings.Join(alts, ", or "), strings.Join(ways, ", or ")
		}
		verb := "is"
		if len(started) > 1 {
			verb = "are"
		}
		out = append(out, Problem{
			Summary: fmt.Sprintf("Missing %s %s", p.Name, strings.Join(alts, ", or ")),
			Detail:  fmt.Sprintf("The %s %s %s missing: set %s.%s", p.Name, what, verb, how, r.origins()),
		})
	}
	return out
}

// conflicts reports settings that the same source sets together although
// they exclude each other. The block's are refused by its schema; the
// environment's are found here.
func (p *Platform) conflicts(r Resolution) []Problem {
	var out []Problem
	for _, s := range p.Settings {
		if r.From[s.Attr] != FromEnvironment {
			continue
		}
		for _, other := range s.ConflictsWith {
			if r.From[other] != FromEnvironment {
				continue
			}
			o := p.Setting(other)
			out = append(out, Problem{
				Summary: fmt.Sprintf("Conflicting %s credentials in the environment", p.Name),
				Detail: fmt.Sprintf("%s and %s are both set in the environment, and the provider does not choose between them: "+
					"unset one of them, or set the credentials in the %s block (%s.%s, or %s.%s), whose credentials replace all of the environment's.",
					s.Env, o.Env, p.Block, p.Block, s.Attr, p.Block, o.Attr),
			})
		}
	}
	return out
}

// howToSet says how to give attrs a value: "portsip.username and
// portsip.password or PORTSIP_USERNAME and PORTSIP_PASSWORD". A credential of
// a platform whose block sets credentials can only come from the block.
func (p *Platform) howToSet(r Resolution, attrs []string) string {
	names := make([]string, 0, len(attrs))
	envs := make([]string, 0, len(attrs))
	blockOnly := false
	for _, a := range attrs {
		s := p.Setting(a)
		names = append(names, p.Block+"."+a)
		envs = append(envs, s.Env)
		blockOnly = blockOnly || (s.Credential && r.BlockCredentials)
	}
	if blockOnly {
		return fmt.Sprintf("%s (the %s block sets credentials, so %s from the environment %s not used)",
			joinAnd(names), p.Block, joinAnd(envs), isAre(len(envs)))
	}
	return joinAnd(names) + " or " + joinAnd(envs)
}

func (p *Platform) labels(attrs []string) string {
	out := make([]string, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, p.Setting(a).label())
	}
	return joinAnd(out)
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func (p *Platform) satisfied(req [][]string, v Values) bool {
	for _, alt := range req {
		all := true
		for _, a := range alt {
			if v[a] == "" {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// RequirementText describes in words what the environment must set for the
// platform to be usable without a block: "PORTSIP_ENDPOINT and either
// PORTSIP_TOKEN or PORTSIP_USERNAME and PORTSIP_PASSWORD".
func (p *Platform) RequirementText() string {
	parts := make([]string, 0, len(p.Requires))
	for _, req := range p.Requires {
		alts := make([]string, 0, len(req))
		for _, alt := range req {
			envs := make([]string, 0, len(alt))
			for _, a := range alt {
				envs = append(envs, p.Setting(a).Env)
			}
			alts = append(alts, joinAnd(envs))
		}
		if len(alts) == 1 {
			parts = append(parts, alts[0])
		} else {
			parts = append(parts, "either "+strings.Join(alts, " or "))
		}
	}
	return joinAnd(parts)
}

// EnvTable is the docs' table of blocks and environment variables, in
// Markdown.
func EnvTable() string {
	var b strings.Builder
	b.WriteString("| block | attribute | environment variable | credential | secret |\n|---|---|---|---|---|\n")
	for _, p := range All {
		for _, s := range p.Settings {
			fmt.Fprintf(&b, "| `%s` | `%s` | `%s` | %s | %s |\n", p.Block, s.Attr, s.Env, yes(s.Credential), yes(s.Secret))
		}
	}
	return b.String()
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
