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

// Resolve gives every setting its value: the block's (set holds the
// attributes the block sets), else the environment's, else the declared
// default. The provider passes its block; conference-export, which has no
// block, passes nil.
func (p *Platform) Resolve(set Values) Values {
	values := make(Values, len(p.Settings))
	for _, s := range p.Settings {
		if v, ok := set[s.Attr]; ok {
			values[s.Attr] = v
		} else if env := os.Getenv(s.Env); env != "" {
			values[s.Attr] = env
		} else {
			values[s.Attr] = s.Default
		}
	}
	return values
}

// FromEnvironment is the platform's settings as the provider resolves them
// without a block: the environment, then the defaults. ok is false when none
// of the platform's variables is set, and the platform is not in use.
func (p *Platform) FromEnvironment() (v Values, ok bool) {
	if !p.InEnvironment() {
		return nil, false
	}
	return p.Resolve(nil), true
}

// Problem is one unmet requirement of a configuration.
type Problem struct {
	// Attr is the attribute the message is attached to.
	Attr    string
	Summary string
	Detail  string
}

// Problems reports, for values resolved from the block and the environment,
// each requirement that no alternative satisfies.
func (p *Platform) Problems(v Values) []Problem {
	var out []Problem
	for _, req := range p.Requires {
		if p.satisfied(req, v) {
			continue
		}
		alts := make([]string, 0, len(req))
		envs := make([]string, 0, len(req))
		// The message is attached to the first missing attribute of the
		// alternative the user started on (with a username and no password,
		// the password), else of the first alternative.
		var first string
		started := false
		for _, alt := range req {
			labels := make([]string, 0, len(alt))
			names := make([]string, 0, len(alt))
			var missing []string
			for _, a := range alt {
				if v[a] == "" {
					missing = append(missing, a)
				}
			}
			if begun := len(missing) < len(alt); first == "" || (begun && !started) {
				first, started = missing[0], begun
			}
			for _, a := range alt {
				labels = append(labels, p.Setting(a).label())
				names = append(names, p.Setting(a).Env)
			}
			alts = append(alts, joinAnd(labels))
			envs = append(envs, joinAnd(names))
		}
		out = append(out, Problem{
			Attr:    first,
			Summary: fmt.Sprintf("Missing %s %s", p.Name, strings.Join(alts, ", or ")),
			Detail: fmt.Sprintf("The %s block needs %s, or the environment variable%s %s.",
				p.Block, p.attrText(req), plural(req), strings.Join(envs, ", or ")),
		})
	}
	return out
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

// attrText is a requirement in terms of block attributes: "portsip.token, or
// portsip.username and portsip.password".
func (p *Platform) attrText(req [][]string) string {
	alts := make([]string, 0, len(req))
	for _, alt := range req {
		names := make([]string, 0, len(alt))
		for _, a := range alt {
			names = append(names, p.Block+"."+a)
		}
		alts = append(alts, joinAnd(names))
	}
	return strings.Join(alts, ", or ")
}

func plural(req [][]string) string {
	if len(req) == 1 && len(req[0]) == 1 {
		return ""
	}
	return "s"
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
	b.WriteString("| block | attribute | environment variable | secret |\n|---|---|---|---|\n")
	for _, p := range All {
		for _, s := range p.Settings {
			secret := ""
			if s.Secret {
				secret = "yes"
			}
			fmt.Fprintf(&b, "| `%s` | `%s` | `%s` | %s |\n", p.Block, s.Attr, s.Env, secret)
		}
	}
	return b.String()
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
