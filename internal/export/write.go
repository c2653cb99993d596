package export

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// typeHeadings name each type's section of the file, and say what the user
// must know about all its objects.
var typeHeadings = map[string]struct{ title, note string }{
	typePortSIPServer: {title: "PortSIP conference servers"},
	typePortSIPRoom:   {title: "PortSIP conference rooms"},
	typePortSIPMeeting: {title: "PortSIP meetings",
		note: "A meeting belongs to its owner, and the PBX shows it to nobody else: these are the meetings of the user the exporter " +
			"signed in as, which the provider must sign in as too. Export another user's meetings by signing in as that user, " +
			"into a configuration with a provider alias for them."},
	typeLineMeetingID: {title: "LINE Planet meeting IDs",
		note: "LINE Planet has no call that lists rooms: these are the meeting IDs of the rooms given with -line-room."},
	typeSQMeetingMeeting: {title: "SQMeeting meetings",
		note: "The signed-in user's instant and reservation meetings; an occurrence of a series is managed with its series, below."},
	typeSQMeetingRecurring: {title: "SQMeeting recurring meetings",
		note: "SQMeeting does not store a series' time zone. The ID's part after the comma is the zone the provider expands the rule in " +
			"(-sqmeeting-timezone): correct it before planning if a series is meant in another."},
	typeWherebyMeeting: {title: "Whereby meetings",
		note: "Whereby does not return what a meeting was created with (is_locked, room_mode, room_name_prefix, room_name_pattern, " +
			"template_type, fields, recording, live_transcription, streaming, and the secrets in them): generated.tf leaves them null, " +
			"which changes nothing. Set those you know: the first plan records them without replacing the meeting."},
}

// Write writes the import blocks of res: a header with the next steps and
// the notes, then one section per type, one block per object.
func Write(w io.Writer, res *Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Import blocks written by conference-export: %d objects.\n", len(res.Objects))
	b.WriteString(`#
# Next steps, in this directory (tofu takes the same commands):
#   terraform plan -generate-config-out=generated.tf   # writes each object's configuration
#   (review generated.tf, and fill in what the comments below ask for)
#   terraform plan                                     # must import every object, with no change
#   terraform apply
#
# The configuration needs the provider, configured as the exporter was (the
# same environment variables), e.g. in main.tf:
#   terraform {
#     required_providers {
#       conference = { source = "confkit/conference" }
#     }
#   }
`)
	for _, n := range res.Notes {
		b.WriteString("#\n")
		comment(&b, n)
	}
	typ := ""
	for _, o := range res.Objects {
		if o.Type != typ {
			typ = o.Type
			h := typeHeadings[typ]
			fmt.Fprintf(&b, "\n# ---- %s (%s)\n", h.title, typ)
			if h.note != "" {
				comment(&b, h.note)
			}
		}
		b.WriteString("\n")
		comment(&b, `"`+o.Label()+`"`)
		for _, n := range o.Notes {
			comment(&b, n)
		}
		if len(o.Fill) > 0 {
			comment(&b, fmt.Sprintf("Fill in %s in generated.tf: the object has a value, but Terraform writes sensitive values "+
				"as null, and apply would clear it.", strings.Join(o.Fill, " and ")))
		}
		fmt.Fprintf(&b, "import {\n  to = %s\n  id = %s\n}\n", o.Address(), hclString(o.ID))
	}
	_, err := w.Write(hclwrite.Format([]byte(b.String())))
	return err
}

// hclString is s as an HCL string literal, escapes and all.
func hclString(s string) string {
	return string(hclwrite.TokensForValue(cty.StringVal(s)).Bytes())
}

// comment writes text as # lines of at most about 100 characters, with any
// control character (a newline in a subject) made a space.
func comment(b *strings.Builder, text string) {
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, text)
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > 100 {
			fmt.Fprintf(b, "# %s\n", line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	fmt.Fprintf(b, "# %s\n", line)
}
