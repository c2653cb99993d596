package managed

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func TestResourceName(t *testing.T) {
	for _, c := range []struct{ label, kind, want string }{
		{"Daily stand-up", "room", "daily_stand_up"},
		{"conf-east-1", "server", "conf_east_1"},
		{"  Quarterly   TOWN hall!  ", "room", "quarterly_town_hall"},
		{"8100", "room", "room_8100"},
		{"2030 planning", "meeting", "meeting_2030_planning"},
		{"already_snake_case", "room", "already_snake_case"},
		{"__private__", "room", "private"},
		{"Réunion d'équipe", "meeting", "r_union_d_quipe"},
		{"会議", "meeting", ""},
		{"", "room", ""},
		{"---", "room", ""},
		{strings.Repeat("ab ", 40), "room", strings.TrimRight(strings.Repeat("ab_", 20), "_")},
	} {
		if got := ResourceName(c.label, c.kind); got != c.want {
			t.Errorf("ResourceName(%q, %q) = %q, want %q", c.label, c.kind, got, c.want)
		}
	}
}

// Names are valid Terraform identifiers, unique within a type, and the same
// whatever order the platform listed the objects in.
func TestNamesAreUniqueStableAndValid(t *testing.T) {
	estate := func() []*Object {
		return []*Object{
			{Type: PortSIPRoom.Name, ID: "c", Title: "Town hall", NameFrom: []string{"Town hall"}, Kind: "room"},
			{Type: PortSIPRoom.Name, ID: "a", Title: "Town hall", NameFrom: []string{"Town hall"}, Kind: "room"},
			{Type: PortSIPRoom.Name, ID: "b", Title: "Town-hall", NameFrom: []string{"Town-hall"}, Kind: "room"},
			// Its own name is the suffix the third town hall would take.
			{Type: PortSIPRoom.Name, ID: "d", Title: "Town hall 2", NameFrom: []string{"Town hall 2"}, Kind: "room"},
			{Type: PortSIPRoom.Name, ID: "e", NameFrom: []string{"", "8100"}, Kind: "room"},
			{Type: PortSIPRoom.Name, ID: "f", NameFrom: []string{"会議"}, Kind: "room"},
			{Type: PortSIPRoom.Name, ID: "g", NameFrom: []string{"会議"}, Kind: "room"},
			// Another type may use the same name.
			{Type: WherebyMeeting.Name, ID: "z", NameFrom: []string{"town-hall"}, Kind: "meeting"},
		}
	}
	want := map[string]string{
		"a": "town_hall", "b": "town_hall_3", "c": "town_hall_4", "d": "town_hall_2",
		"e": "room_8100", "f": "room", "g": "room_2", "z": "town_hall",
	}
	for i := range 20 {
		objs := estate()
		r := rand.New(rand.NewPCG(uint64(i), 0))
		r.Shuffle(len(objs), func(a, b int) { objs[a], objs[b] = objs[b], objs[a] })
		NameObjects(objs)
		seen := map[string]bool{}
		for _, o := range objs {
			if o.Name != want[o.ID] {
				t.Fatalf("order %d: %s is named %q, want %q", i, o.ID, o.Name, want[o.ID])
			}
			if !hclsyntax.ValidIdentifier(o.Name) || !terraformName.MatchString(o.Name) {
				t.Errorf("%q is not a valid resource name", o.Name)
			}
			if seen[o.Address()] {
				t.Errorf("%s is given twice", o.Address())
			}
			seen[o.Address()] = true
		}
	}
}

// terraformName is what Terraform takes as a resource name.
var terraformName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)
