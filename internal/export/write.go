package export

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
)

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
			h := managed.ByName(typ).Section
			fmt.Fprintf(&b, "\n# ---- %s (%s)\n", h.Title, typ)
			if h.Note != "" {
				comment(&b, h.Note)
			}
		}
		b.WriteString("\n")
		comment(&b, `"`+o.Label()+`"`)
		for _, n := range o.Notes {
			comment(&b, n)
		}
		if len(o.Fill) > 0 {
			comment(&b, fmt.Sprintf("Fill in %s in generated.tf: the object has a value, but Terraform writes sensitive values "+
				"as null, and apply would clear it. With Terraform or OpenTofu >= 1.11, set the write-only %s instead, "+
				"each with its _wo_version, to keep the secret out of the state.", strings.Join(o.Fill, " and "), woNames(o.Fill)))
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

// woNames names the write-only twins of secrets (mapping.WithWriteOnly).
func woNames(secrets []string) string {
	out := make([]string, len(secrets))
	for i, s := range secrets {
		out[i] = s + mapping.WriteOnlySuffix
	}
	return strings.Join(out, " and ")
}
