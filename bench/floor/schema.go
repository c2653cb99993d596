// Package floor is the benchmark's do-nothing provider: for every managed
// resource type of a provider's schema (the output of `tofu providers schema
// -json`), a resource with the same attribute names, types, nesting and
// required/optional/computed/sensitive flags, but no validators, no defaults,
// no plan modifiers beyond the id's UseStateForUnknown, and CRUD that copies
// the plan into the state. It is the cost of a resource of that shape to the
// CLI and the framework alone, which a real resource is measured against; it
// is built from the real schema at start-up so that it can never drift from it.
package floor

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The parts of the CLI's schema JSON the floor reads (see "tofu providers
// schema -json" in the CLI's documentation).
type (
	schemaFile struct {
		ProviderSchemas map[string]struct {
			ResourceSchemas map[string]struct {
				Block jsonBlock `json:"block"`
			} `json:"resource_schemas"`
		} `json:"provider_schemas"`
	}
	jsonBlock struct {
		Attributes map[string]jsonAttribute `json:"attributes"`
		BlockTypes map[string]jsonBlockType `json:"block_types"`
	}
	jsonAttribute struct {
		Type       json.RawMessage `json:"type"`
		NestedType *jsonNestedType `json:"nested_type"`
		Required   bool            `json:"required"`
		Optional   bool            `json:"optional"`
		Computed   bool            `json:"computed"`
		Sensitive  bool            `json:"sensitive"`
	}
	jsonNestedType struct {
		Attributes  map[string]jsonAttribute `json:"attributes"`
		NestingMode string                   `json:"nesting_mode"`
	}
	jsonBlockType struct {
		NestingMode string    `json:"nesting_mode"`
		Block       jsonBlock `json:"block"`
	}
)

// Schemas reads a schema JSON document and returns, for each managed resource
// type of the provider whose type names start with prefix + "_", its floor
// schema keyed by the rest of the name: "conference_portsip_room" is
// "portsip_room".
func Schemas(doc []byte, prefix string) (map[string]schema.Schema, error) {
	var f schemaFile
	if err := json.Unmarshal(doc, &f); err != nil {
		return nil, fmt.Errorf("reading the provider schema: %w", err)
	}
	out := map[string]schema.Schema{}
	for _, addr := range slices.Sorted(maps.Keys(f.ProviderSchemas)) {
		for name, rs := range f.ProviderSchemas[addr].ResourceSchemas {
			rest, ok := strings.CutPrefix(name, prefix+"_")
			if !ok {
				continue
			}
			s, err := resourceSchema(rs.Block)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			out[rest] = s
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the schema has no resource type named %s_*", prefix)
	}
	return out, nil
}

func resourceSchema(b jsonBlock) (schema.Schema, error) {
	attrs, err := attributes(b.Attributes)
	if err != nil {
		return schema.Schema{}, err
	}
	if id, ok := attrs["id"].(schema.StringAttribute); ok && id.Computed {
		// The one plan modifier a floor keeps: without it every update would
		// plan a new id, which no real resource does.
		id.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
		attrs["id"] = id
	}
	blocks, err := blocks(b.BlockTypes)
	if err != nil {
		return schema.Schema{}, err
	}
	return schema.Schema{Attributes: attrs, Blocks: blocks}, nil
}

func attributes(in map[string]jsonAttribute) (map[string]schema.Attribute, error) {
	out := make(map[string]schema.Attribute, len(in))
	for name, a := range in {
		v, err := attribute(a)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", name, err)
		}
		out[name] = v
	}
	return out, nil
}

// attribute is a floor attribute of a's shape. Numbers are NumberAttribute:
// the schema JSON does not tell an Int64Attribute from a NumberAttribute (both
// are "number" on the wire).
func attribute(a jsonAttribute) (schema.Attribute, error) {
	req, opt, comp, sens := a.Required, a.Optional, a.Computed, a.Sensitive
	if n := a.NestedType; n != nil {
		nested, err := attributes(n.Attributes)
		if err != nil {
			return nil, err
		}
		obj := schema.NestedAttributeObject{Attributes: nested}
		switch n.NestingMode {
		case "single":
			return schema.SingleNestedAttribute{Attributes: nested, Required: req, Optional: opt, Computed: comp, Sensitive: sens}, nil
		case "list":
			return schema.ListNestedAttribute{NestedObject: obj, Required: req, Optional: opt, Computed: comp, Sensitive: sens}, nil
		case "set":
			return schema.SetNestedAttribute{NestedObject: obj, Required: req, Optional: opt, Computed: comp, Sensitive: sens}, nil
		case "map":
			return schema.MapNestedAttribute{NestedObject: obj, Required: req, Optional: opt, Computed: comp, Sensitive: sens}, nil
		}
		return nil, fmt.Errorf("nesting mode %q is not supported", n.NestingMode)
	}
	t, err := ctyType(a.Type)
	if err != nil {
		return nil, err
	}
	switch t := t.(type) {
	case types.ListType:
		return schema.ListAttribute{ElementType: t.ElemType, Required: req, Optional: opt, Computed: comp, Sensitive: sens}, nil
	case types.SetType:
		return schema.SetAttribute{ElementType: t.ElemType, Required: req, Optional: opt, Computed: comp, Sensitive: sens}, nil
	case types.MapType:
		return schema.MapAttribute{ElementType: t.ElemType, Required: req, Optional: opt, Computed: comp, Sensitive: sens}, nil
	case types.ObjectType:
		return schema.ObjectAttribute{AttributeTypes: t.AttrTypes, Required: req, Optional: opt, Computed: comp, Sensitive: sens}, nil
	}
	switch t {
	case types.StringType:
		return schema.StringAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens}, nil
	case types.NumberType:
		return schema.NumberAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens}, nil
	case types.BoolType:
		return schema.BoolAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens}, nil
	case types.DynamicType:
		return schema.DynamicAttribute{Required: req, Optional: opt, Computed: comp, Sensitive: sens}, nil
	}
	return nil, fmt.Errorf("type %s is not supported", a.Type)
}

func blocks(in map[string]jsonBlockType) (map[string]schema.Block, error) {
	if len(in) == 0 {
		return nil, nil
	}
	out := make(map[string]schema.Block, len(in))
	for name, b := range in {
		attrs, err := attributes(b.Block.Attributes)
		if err != nil {
			return nil, fmt.Errorf("block %s: %w", name, err)
		}
		inner, err := blocks(b.Block.BlockTypes)
		if err != nil {
			return nil, fmt.Errorf("block %s: %w", name, err)
		}
		obj := schema.NestedBlockObject{Attributes: attrs, Blocks: inner}
		switch b.NestingMode {
		case "single":
			out[name] = schema.SingleNestedBlock{Attributes: attrs, Blocks: inner}
		case "list":
			out[name] = schema.ListNestedBlock{NestedObject: obj}
		case "set":
			out[name] = schema.SetNestedBlock{NestedObject: obj}
		default:
			return nil, fmt.Errorf("block %s: nesting mode %q is not supported", name, b.NestingMode)
		}
	}
	return out, nil
}

// ctyType reads a type in the CLI's JSON spelling: "string", or
// ["list", "string"], ["object", {"a": "number"}], and so on.
func ctyType(raw json.RawMessage) (attr.Type, error) {
	var prim string
	if err := json.Unmarshal(raw, &prim); err == nil {
		switch prim {
		case "string":
			return types.StringType, nil
		case "number":
			return types.NumberType, nil
		case "bool":
			return types.BoolType, nil
		case "dynamic":
			return types.DynamicType, nil
		}
		return nil, fmt.Errorf("type %q is not supported", prim)
	}
	var pair []json.RawMessage
	if err := json.Unmarshal(raw, &pair); err != nil || len(pair) != 2 {
		return nil, fmt.Errorf("type %s is not supported", raw)
	}
	var kind string
	if err := json.Unmarshal(pair[0], &kind); err != nil {
		return nil, fmt.Errorf("type %s is not supported", raw)
	}
	if kind == "object" {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(pair[1], &fields); err != nil {
			return nil, fmt.Errorf("type %s: %w", raw, err)
		}
		attrTypes := make(map[string]attr.Type, len(fields))
		for name, f := range fields {
			t, err := ctyType(f)
			if err != nil {
				return nil, err
			}
			attrTypes[name] = t
		}
		return types.ObjectType{AttrTypes: attrTypes}, nil
	}
	elem, err := ctyType(pair[1])
	if err != nil {
		return nil, err
	}
	switch kind {
	case "list":
		return types.ListType{ElemType: elem}, nil
	case "set":
		return types.SetType{ElemType: elem}, nil
	case "map":
		return types.MapType{ElemType: elem}, nil
	}
	return nil, fmt.Errorf("type %s is not supported", raw)
}
