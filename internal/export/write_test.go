package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/confkit/terraform-provider-conference/internal/managed"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// The file parses as HCL, with one import block per object whose `to` is the
// address and whose `id` is the import ID, however odd its characters.
func TestWriteIsValidHCL(t *testing.T) {
	res := &Result{
		Notes: []string{"PortSIP: the meetings are those of admin."},
		Objects: []*Object{
			{Platform: &platforms.PortSIP, Type: managed.PortSIPRoom.Name, ID: `a"b\c`, Title: "Town hall\nwith a newline", Name: "town_hall", Fill: []string{"admin_pin", "room_pin"}},
			{Platform: &platforms.PortSIP, Type: managed.PortSIPRoom.Name, ID: "${not.an.interpolation} %{nor_a_directive}", Name: "room"},
			{Platform: &platforms.Whereby, Type: managed.WherebyMeeting.Name, ID: "9cf691bf-f2d5-4420-bda9-ee8607bb558b", Title: "/team", Name: "team"},
		},
	}
	var buf bytes.Buffer
	if err := Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	f, diags := hclsyntax.ParseConfig(buf.Bytes(), "imports.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("the file does not parse: %v\n%s", diags, text)
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		t.Fatalf("the file's body is a %T", f.Body)
	}
	blocks := body.Blocks
	if len(blocks) != len(res.Objects) {
		t.Fatalf("%d blocks, want %d", len(blocks), len(res.Objects))
	}
	for i, b := range blocks {
		o := res.Objects[i]
		to, diags := hcl.AbsTraversalForExpr(b.Body.Attributes["to"].Expr)
		var name string
		if len(to) == 2 {
			if attr, ok := to[1].(hcl.TraverseAttr); ok {
				name = attr.Name
			}
		}
		if b.Type != "import" || diags.HasErrors() || to.RootName() != o.Type || name != o.Name {
			t.Errorf("block %d: %s, to %v (%v), want import to %s", i, b.Type, to, diags, o.Address())
		}
		id, diags := b.Body.Attributes["id"].Expr.Value(nil)
		if diags.HasErrors() || id.AsString() != o.ID {
			t.Errorf("block %d: id %#v (%v), want %q", i, id, diags, o.ID)
		}
	}
	for _, want := range []string{
		"# PortSIP: the meetings are those of admin.",
		"# ---- PortSIP conference rooms (conference_portsip_room)",
		`# "Town hall with a newline"`,
		"# Fill in admin_pin and room_pin in generated.tf",
		"# write-only admin_pin_wo and room_pin_wo instead",
		"# ---- Whereby meetings (conference_whereby_meeting)",
		"Whereby does not return what a meeting was created with",
		"terraform plan -generate-config-out=generated.tf",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the file lacks %q:\n%s", want, text)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if len(line) > 110 {
			t.Errorf("line longer than 110 characters: %q", line)
		}
	}
}
