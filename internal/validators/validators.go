// Package validators holds the plan-time checks that the vendors' documents
// impose and that the framework's validator modules do not offer. Each message
// names the attribute and what is allowed, since users read them in a plan.
package validators

import (
	"context"
	"fmt"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"golang.org/x/text/language"
)

// stringCheck adapts a plain function to validator.String. check returns "" when
// the value is fine, or the complaint that follows the attribute path.
type stringCheck struct {
	desc  string
	check func(string) string
}

func (v stringCheck) Description(context.Context) string         { return v.desc }
func (v stringCheck) MarkdownDescription(context.Context) string { return v.desc }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if msg := v.check(req.ConfigValue.ValueString()); msg != "" {
		name := attrName(req.Path)
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+name, fmt.Sprintf("%s %s", name, msg))
	}
}

// DigitsOnly accepts strings of min..max ASCII digits, as PortSIP PINs and LINE
// Planet passcodes are. The value itself never appears in the message: it is a
// secret.
func DigitsOnly(minLen, maxLen int) validator.String {
	want := fmt.Sprintf("%d to %d digits (0-9)", minLen, maxLen)
	if minLen == maxLen {
		want = fmt.Sprintf("exactly %d digits (0-9)", minLen)
	}
	return stringCheck{
		desc: "value must be " + want,
		check: func(s string) string {
			for _, r := range s {
				if r < '0' || r > '9' {
					return "must be " + want + "; it contains a character that is not a digit"
				}
			}
			if len(s) < minLen || len(s) > maxLen {
				return fmt.Sprintf("must be %s; it has %d", want, len(s))
			}
			return ""
		},
	}
}

// UTF16LengthAtMost counts UTF-16 code units, as LINE Planet does: an emoji
// outside the Basic Multilingual Plane counts as two.
func UTF16LengthAtMost(maxUnits int) validator.String {
	return stringCheck{
		desc: fmt.Sprintf("value must be at most %d UTF-16 code units long", maxUnits),
		check: func(s string) string {
			if n := UTF16Len(s); n > maxUnits {
				return fmt.Sprintf("must be at most %d UTF-16 code units long; it has %d", maxUnits, n)
			}
			return ""
		},
	}
}

// UTF16Len is the length of s in UTF-16 code units.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// Characters accepts strings of min..max Unicode characters (code points) that
// are not all white space, as SQMeeting counts a meeting name. The
// framework's stringvalidator counts bytes, which a name in Chinese would pass
// three times too soon.
func Characters(minLen, maxLen int) validator.String {
	return stringCheck{
		desc: fmt.Sprintf("value must be %d to %d characters, not all white space", minLen, maxLen),
		check: func(s string) string {
			if n := utf8.RuneCountInString(s); n < minLen || n > maxLen {
				return fmt.Sprintf("must be %d to %d characters; it has %d", minLen, maxLen, n)
			}
			if strings.TrimSpace(s) == "" {
				return "must not be only white space"
			}
			return ""
		},
	}
}

// Date accepts a calendar date written YYYY-MM-DD, such as "2030-03-31". A
// date in that shape that the calendar does not have ("2027-02-30") is told
// so, not that its format is wrong.
func Date() validator.String {
	return stringCheck{
		desc: "value must be a date written YYYY-MM-DD, such as 2030-03-31",
		check: func(s string) string {
			if _, err := time.Parse(time.DateOnly, s); err != nil {
				if why := ExplainDate(s); why != "" && len(s) == len(time.DateOnly) {
					return "must be a day of the calendar; " + why
				}
				return fmt.Sprintf("must be a date written YYYY-MM-DD, such as \"2030-03-31\"; got %q", s)
			}
			return ""
		},
	}
}

// BCP47 accepts a well-formed BCP 47 language tag such as "en-US".
func BCP47() validator.String {
	return stringCheck{
		desc: "value must be a BCP 47 language tag such as en-US",
		check: func(s string) string {
			if _, err := language.Parse(s); err != nil || strings.TrimSpace(s) != s || s == "" {
				return fmt.Sprintf("must be a BCP 47 language tag such as \"en-US\" or \"zh-Hans-CN\"; %q is not one", s)
			}
			return ""
		},
	}
}

// IANATimezone accepts a name from the IANA time zone database such as
// "Asia/Shanghai". "Local" is refused: it means a different zone on every machine.
func IANATimezone() validator.String {
	return stringCheck{
		desc: "value must be an IANA time zone name such as Asia/Shanghai",
		check: func(s string) string {
			if s == "" || s == "Local" {
				return fmt.Sprintf("must be an IANA time zone name such as \"Asia/Shanghai\" or \"UTC\"; %q is not one", s)
			}
			if _, known := zones.Load(s); known {
				return ""
			}
			if _, err := time.LoadLocation(s); err != nil {
				return fmt.Sprintf("must be an IANA time zone name such as \"Asia/Shanghai\" or \"UTC\"; %q is not one", s)
			}
			zones.Store(s, true)
			return ""
		},
	}
}

// zones are the names time.LoadLocation accepted: it reads and parses the
// zone's file on every call, and a configuration with hundreds of rooms
// validates the same few names hundreds of times in each plan.
var zones sync.Map

// Duration accepts a positive Go duration such as "30s".
func Duration() validator.String {
	return stringCheck{
		desc: "value must be a positive duration such as 30s or 2m",
		check: func(s string) string {
			d, err := time.ParseDuration(s)
			if err != nil || d <= 0 {
				return fmt.Sprintf("must be a positive duration such as \"30s\" or \"2m\"; got %q", s)
			}
			return ""
		},
	}
}

// RTMPURL accepts an rtmp:// or rtmps:// URL with a host, such as a
// streaming service's ingest URL. The value is not quoted in the message: it
// carries the stream key.
func RTMPURL() validator.String {
	return stringCheck{
		desc: "value must be an rtmp:// or rtmps:// URL",
		check: func(s string) string {
			u, err := url.Parse(s)
			if err != nil || (u.Scheme != "rtmp" && u.Scheme != "rtmps") || u.Host == "" {
				return "must be an rtmp:// or rtmps:// URL with a host, such as rtmp://a.rtmp.youtube.com/live2/<stream key>"
			}
			return ""
		},
	}
}

// IPv4 accepts a dotted-quad IPv4 address.
func IPv4() validator.String {
	return stringCheck{
		desc: "value must be an IPv4 address such as 192.0.2.10",
		check: func(s string) string {
			a, err := netip.ParseAddr(s)
			if err != nil || !a.Is4() {
				return fmt.Sprintf("must be an IPv4 address such as \"192.0.2.10\"; got %q", s)
			}
			return ""
		},
	}
}

// IPv6 accepts an IPv6 address such as 2001:db8::10.
func IPv6() validator.String {
	return stringCheck{
		desc: "value must be an IPv6 address such as 2001:db8::10",
		check: func(s string) string {
			a, err := netip.ParseAddr(s)
			if err != nil || !a.Is6() || a.Is4In6() {
				return fmt.Sprintf("must be an IPv6 address such as \"2001:db8::10\"; got %q", s)
			}
			return ""
		},
	}
}

// hexColorRE is a HEX color code: Whereby's "#[a-fA-F0-9]{6}", matching the
// whole value.
var hexColorRE = regexp.MustCompile(`^#[a-fA-F0-9]{6}$`)

// HexColor accepts a HEX color code, "#" and six hex digits, as Whereby's
// room colors take them.
func HexColor() validator.String {
	return stringCheck{
		desc: "value must be a HEX color code matching #[a-fA-F0-9]{6}, such as #1a73e8",
		check: func(s string) string {
			if hexColorRE.MatchString(s) {
				return ""
			}
			return fmt.Sprintf("must be a HEX color code matching the pattern #[a-fA-F0-9]{6}: \"#\" and six hexadecimal digits, "+
				"such as \"#1a73e8\"; got %q. Write the color in that form (no shorthand like \"#fff\", no name like \"red\", no alpha).", s)
		},
	}
}

// SlashName accepts a name that starts with "/" and has no other "/", as
// Whereby's room names are ("/room-prefix-793e9ec1-...").
func SlashName(example string) validator.String {
	return stringCheck{
		desc: `value must start with "/" and hold no other "/", such as ` + example,
		check: func(s string) string {
			if len(s) > 1 && s[0] == '/' && !strings.Contains(s[1:], "/") {
				return ""
			}
			return fmt.Sprintf("must start with \"/\" and hold no other \"/\", such as %q; got %q. "+
				"Use the room name exactly as Whereby gives it (conference_whereby_meeting's room_name).", example, s)
		},
	}
}
