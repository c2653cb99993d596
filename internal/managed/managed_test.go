package managed

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// Platforms follows platforms.All, one entry each, and every type lives on
// the platform it is listed under.
func TestPlatformsFollowTheDeclarations(t *testing.T) {
	var got []*platforms.Platform
	for _, p := range Platforms {
		got = append(got, p.Platform)
		for _, typ := range p.Types {
			if typ.Platform != p.Platform {
				t.Errorf("%s is listed under %s but declares %s", typ.Name, p.Name, typ.Platform.Name)
			}
		}
	}
	if !slices.Equal(got, platforms.All) {
		t.Errorf("managed.Platforms covers %d platforms, in an order other than platforms.All's", len(got))
	}
}

// Every type's import ID example is one its codec reads, and every type
// says what it is.
func TestEveryTypeIsDeclaredWhole(t *testing.T) {
	seen := map[string]bool{}
	for _, typ := range All() {
		if !strings.HasPrefix(typ.Name, Prefix) || seen[typ.Name] {
			t.Errorf("type name %q: not unique or not prefixed with %q", typ.Name, Prefix)
		}
		seen[typ.Name] = true
		if typ.Noun == "" || typ.Key == "" || typ.Section.Title == "" || typ.New == nil {
			t.Errorf("%s lacks a noun, key, section or constructor", typ.Name)
		}
		if (typ.List == nil) == (typ.Unlisted == "") {
			t.Errorf("%s has no listing and no reason why (Unlisted), or both", typ.Name)
		}
		switch r := typ.New(typ.Kind).(type) {
		case interface {
			resource.ResourceWithConfigure
			resource.ResourceWithImportState
			resource.ResourceWithValidateConfig
		}:
			var resp resource.MetadataResponse
			r.Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "conference"}, &resp)
			if resp.TypeName != typ.Name {
				t.Errorf("%s's resource calls itself %s", typ.Name, resp.TypeName)
			}
		default:
			t.Errorf("%s's resource (%T) does not configure, import and validate as the base does", typ.Name, r)
		}
		if _, err := typ.ImportID.Parse(typ.ImportID.Example); err != nil {
			t.Errorf("%s: the example import ID %q does not parse: %v", typ.Name, typ.ImportID.Example, err)
		}
		if _, err := typ.ImportID.Parse(""); err == nil {
			t.Errorf("%s takes an empty import ID", typ.Name)
		}
	}
	if ByName("portsip_room") != &PortSIPRoom || ByName(PortSIPRoom.Name) != &PortSIPRoom || ByName("portsip_recording") != nil {
		t.Error("ByName does not find types with and without the prefix")
	}
}

// Every type's identity names its object as its import ID does: the
// identity read from the example ID joins back into an ID that reads the
// same, each identity attribute is an attribute the import sets, and only
// an attribute Parse has a default for may be left out.
func TestIdentityRoundTripsTheImportID(t *testing.T) {
	for _, typ := range All() {
		id := typ.ImportID
		if len(id.Identity) == 0 || id.Join == nil {
			t.Errorf("%s declares no identity", typ.Name)
			continue
		}
		attrs, err := id.Parse(id.Example)
		if err != nil {
			t.Fatalf("%s: the example ID %q: %v", typ.Name, id.Example, err)
		}
		identity := map[string]string{}
		required := map[string]string{}
		for _, a := range id.Identity {
			v, ok := attrs[a.Name]
			if !ok {
				t.Errorf("%s: identity attribute %s is not set by the import", typ.Name, a.Name)
			}
			identity[a.Name] = v
			if !a.Optional {
				required[a.Name] = v
			}
			if a.Description == "" {
				t.Errorf("%s: identity attribute %s has no description", typ.Name, a.Name)
			}
		}
		for name, values := range map[string]map[string]string{"full": identity, "required only": required} {
			again, err := id.Parse(id.Join(values))
			if err != nil {
				t.Errorf("%s: the %s identity joins into %q: %v", typ.Name, name, id.Join(values), err)
				continue
			}
			for k, v := range values {
				if again[k] != v {
					t.Errorf("%s: the %s identity's %s reads back as %q, want %q", typ.Name, name, k, again[k], v)
				}
			}
		}
	}
}
