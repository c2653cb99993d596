package platforms

import (
	"fmt"
	"strings"
)

// Source is where a resolved setting's value came from.
type Source int

// The places a value comes from; the zero value is a setting with no value.
const (
	Unset Source = iota
	FromBlock
	FromEnvironment
	FromDefault
)

// Resolution is a platform's settings as Platform.Resolve found them, with
// where each came from, so that messages can say what to fix where.
type Resolution struct {
	Platform *Platform
	// Values holds every setting that has a value.
	Values Values
	// From is each value's source; a setting without a value is Unset.
	From map[string]Source
	// BlockCredentials is set when the block sets a credential: then none
	// comes from the environment.
	BlockCredentials bool
	// Ignored are the credential variables that are set in the environment
	// but not used because the block sets credentials.
	Ignored []string
}

// Where names a setting's source as a user wrote it: "portsip.password" for
// the block, "PORTSIP_PASSWORD" for the environment, "the default" for a
// declared default; empty for an unset setting.
func (r Resolution) Where(attr string) string {
	s := r.Platform.Setting(attr)
	switch r.From[attr] {
	case FromBlock:
		return r.Platform.Block + "." + attr
	case FromEnvironment:
		return s.Env
	case FromDefault:
		return "the default"
	}
	return ""
}

// Credentials are the credential settings that have a value, in declaration
// order.
func (r Resolution) Credentials() []Setting {
	var out []Setting
	for _, s := range r.Platform.Settings {
		if s.Credential && r.Values[s.Attr] != "" {
			out = append(out, s)
		}
	}
	return out
}

// CredentialText names the credentials in use for a message about their
// refusal: each as the attribute and the variable, and where it came from.
// `portsip.username = "alice" (set in the provider block; PORTSIP_USERNAME is
// not used)`. Secrets are named, never shown.
func (r Resolution) CredentialText() string {
	creds := r.Credentials()
	parts := make([]string, 0, len(creds))
	for _, s := range creds {
		attr := r.Platform.Block + "." + s.Attr
		if !s.Secret {
			attr += fmt.Sprintf(" = %q", r.Values[s.Attr])
		}
		if r.From[s.Attr] == FromEnvironment {
			parts = append(parts, fmt.Sprintf("%s (set by the environment variable %s)", attr, s.Env))
		} else {
			parts = append(parts, fmt.Sprintf("%s (set in the provider block; %s is not used)", attr, s.Env))
		}
	}
	return joinAnd(parts)
}

// origins is the sentence that says where the values that are set came
// from, and which environment credentials were left out, such as " Of the
// others, the endpoint came from PORTSIP_ENDPOINT, password from
// PORTSIP_PASSWORD.".
func (r Resolution) origins() string {
	var parts []string
	for _, s := range r.Platform.Settings {
		if w := r.Where(s.Attr); w != "" && r.From[s.Attr] != FromDefault {
			if len(parts) == 0 {
				parts = append(parts, fmt.Sprintf("the %s came from %s", s.label(), w))
			} else {
				parts = append(parts, fmt.Sprintf("%s from %s", s.label(), w))
			}
		}
	}
	var b strings.Builder
	if len(parts) == 0 {
		b.WriteString(" Nothing else is set.")
	} else {
		b.WriteString(" Of the others, " + strings.Join(parts, ", ") + ".")
	}
	if len(r.Ignored) > 0 {
		fmt.Fprintf(&b, " %s %s set in the environment but not used: the %s block sets credentials, and a platform's credentials all come from one place.",
			joinAnd(r.Ignored), isAre(len(r.Ignored)), r.Platform.Block)
	}
	return b.String()
}

// Identity tells credential sets apart: the endpoint and every credential,
// as "attr=value". Two aliases whose identities differ are different
// accounts, whose refusals are independent.
func (r Resolution) Identity() []string {
	var out []string
	for _, s := range r.Platform.Settings {
		if s.Endpoint || s.Credential {
			out = append(out, s.Attr+"="+r.Values[s.Attr])
		}
	}
	return out
}
