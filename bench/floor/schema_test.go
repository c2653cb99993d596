package floor

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/confkit/terraform-provider-conference/internal/provider"
)

// cliSchema is `tofu providers schema -json` output in miniature: every kind
// of attribute and block the floor reads, with descriptions it ignores.
const cliSchema = `{
  "format_version": "1.0",
  "provider_schemas": {
    "registry.opentofu.org/confkit/conference": {
      "provider": {"version": 0, "block": {"description_kind": "plain"}},
      "resource_schemas": {
        "conference_thing": {"version": 0, "block": {
          "attributes": {
            "id":      {"type": "string", "computed": true},
            "name":    {"type": "string", "required": true, "description": "ignored"},
            "size":    {"type": "number", "optional": true, "computed": true},
            "on":      {"type": "bool", "optional": true},
            "pin":     {"type": "string", "optional": true, "sensitive": true},
            "tags":    {"type": ["set", "string"], "optional": true},
            "ports":   {"type": ["list", "number"], "optional": true},
            "labels":  {"type": ["map", "string"], "optional": true},
            "obj":     {"type": ["object", {"a": "string", "b": ["list", "bool"]}], "optional": true},
            "any":     {"type": "dynamic", "optional": true},
            "callers": {"nested_type": {"nesting_mode": "list", "attributes": {
              "caller_id": {"type": "string", "required": true},
              "note":      {"type": "string", "optional": true}}}, "optional": true},
            "timeouts": {"nested_type": {"nesting_mode": "single", "attributes": {
              "create": {"type": "string", "optional": true}}}, "optional": true}
          },
          "block_types": {
            "rule": {"nesting_mode": "list", "block": {"attributes": {"x": {"type": "string", "optional": true}}}}
          }
        }},
        "other_thing": {"version": 0, "block": {"attributes": {"id": {"type": "string", "computed": true}}}}
      }
    }
  }
}`

func TestSchemas_readsTheCLIFormat(t *testing.T) {
	ctx := context.Background()
	got, err := Schemas([]byte(cliSchema), "conference")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("schemas for %d types, want 1 (thing): other providers' types are not floored", len(got))
	}
	s, ok := got["thing"]
	if !ok {
		t.Fatalf("no floor for conference_thing: %v", got)
	}
	want := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"id": tftypes.String, "name": tftypes.String, "size": tftypes.Number, "on": tftypes.Bool, "pin": tftypes.String,
		"tags": tftypes.Set{ElementType: tftypes.String}, "ports": tftypes.List{ElementType: tftypes.Number},
		"labels": tftypes.Map{ElementType: tftypes.String},
		"obj":    tftypes.Object{AttributeTypes: map[string]tftypes.Type{"a": tftypes.String, "b": tftypes.List{ElementType: tftypes.Bool}}},
		"any":    tftypes.DynamicPseudoType,
		"callers": tftypes.List{ElementType: tftypes.Object{AttributeTypes: map[string]tftypes.Type{
			"caller_id": tftypes.String, "note": tftypes.String,
		}}},
		"timeouts": tftypes.Object{AttributeTypes: map[string]tftypes.Type{"create": tftypes.String}},
		"rule":     tftypes.List{ElementType: tftypes.Object{AttributeTypes: map[string]tftypes.Type{"x": tftypes.String}}},
	}}
	if typ := s.Type().TerraformType(ctx); !typ.Equal(want) {
		t.Errorf("type = %s\nwant   %s", typ, want)
	}
	if d := s.ValidateImplementation(ctx); d.HasError() {
		t.Errorf("the framework rejects the floor schema: %v", d)
	}
	flags := map[string]string{}
	flagsOf(s.Attributes, "", flags)
	for name, want := range map[string]string{
		"id": "computed", "name": "required", "size": "optional computed", "pin": "optional sensitive",
		"callers.caller_id": "required", "timeouts": "optional", "timeouts.create": "optional",
	} {
		if flags[name] != want {
			t.Errorf("%s is %q, want %q", name, flags[name], want)
		}
	}
	if n := len(s.Attributes["id"].(schema.StringAttribute).PlanModifiers); n != 1 { //nolint:forcetypeassert // the type check above failed otherwise
		t.Errorf("id has %d plan modifiers, want UseStateForUnknown only", n)
	}
}

// TestSchemas_sameShapeAsTheProvider floors every resource of the provider
// from its schema in the CLI's JSON form and checks that the floor has the
// same wire type and the same flags on every attribute.
func TestSchemas_sameShapeAsTheProvider(t *testing.T) {
	ctx := context.Background()
	p := provider.New("test")()
	resources := map[string]schema.Schema{}
	doc := map[string]any{}
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: provider.TypeName}, &meta)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		resources[meta.TypeName] = sr.Schema
		doc[meta.TypeName] = map[string]any{"block": cliBlock(t, ctx, sr.Schema.Attributes)}
	}
	raw, err := json.Marshal(map[string]any{"provider_schemas": map[string]any{
		"registry.opentofu.org/confkit/conference": map[string]any{"resource_schemas": doc},
	}})
	if err != nil {
		t.Fatal(err)
	}
	floors, err := Schemas(raw, provider.TypeName)
	if err != nil {
		t.Fatal(err)
	}
	for name, rs := range resources {
		fs, ok := floors[name[len(provider.TypeName)+1:]]
		if !ok {
			t.Errorf("no floor for %s", name)
			continue
		}
		if a, b := fs.Type().TerraformType(ctx), rs.Type().TerraformType(ctx); !a.Equal(b) {
			t.Errorf("%s: floor type %s\nresource type    %s", name, a, b)
		}
		want, got := map[string]string{}, map[string]string{}
		flagsOf(rs.Attributes, "", want)
		flagsOf(fs.Attributes, "", got)
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s.%s: floor is %q, resource is %q", name, k, got[k], w)
			}
		}
	}
}

// cliBlock writes attributes as the CLI's schema JSON does.
func cliBlock(t *testing.T, ctx context.Context, attrs map[string]schema.Attribute) map[string]any {
	t.Helper()
	out := map[string]any{}
	for name, a := range attrs {
		j := map[string]any{"required": a.IsRequired(), "optional": a.IsOptional(), "computed": a.IsComputed(), "sensitive": a.IsSensitive()}
		if n, ok := a.(schema.NestedAttribute); ok {
			obj, ok := n.GetNestedObject().(schema.NestedAttributeObject)
			if !ok {
				t.Fatalf("%s: nested object %T", name, n.GetNestedObject())
			}
			j["nested_type"] = map[string]any{
				"nesting_mode": map[int]string{1: "single", 2: "list", 3: "set", 4: "map"}[int(n.GetNestingMode())],
				"attributes":   cliBlock(t, ctx, obj.Attributes)["attributes"],
			}
		} else {
			typ, err := a.GetType().TerraformType(ctx).MarshalJSON() //nolint:staticcheck // the CLI's own spelling of a type
			if err != nil {
				t.Fatal(err)
			}
			j["type"] = json.RawMessage(typ)
		}
		out[name] = j
	}
	return map[string]any{"attributes": out}
}

// flagsOf records each attribute's flags by dotted path.
func flagsOf(attrs map[string]schema.Attribute, prefix string, out map[string]string) {
	for name, a := range attrs {
		var f string
		for _, fl := range []struct {
			on   bool
			name string
		}{{a.IsRequired(), "required"}, {a.IsOptional(), "optional"}, {a.IsComputed(), "computed"}, {a.IsSensitive(), "sensitive"}} {
			if fl.on {
				f = fmt.Sprint(f, " ", fl.name)
			}
		}
		out[prefix+name] = f[min(1, len(f)):]
		if n, ok := a.(schema.NestedAttribute); ok {
			if obj, ok := n.GetNestedObject().(schema.NestedAttributeObject); ok {
				flagsOf(obj.Attributes, prefix+name+".", out)
			}
		}
	}
}
