// Package tfmodel reads a resource's configuration, plan or state into its
// model struct and writes the model back, as tfsdk.State.Get and Set do, at a
// fraction of their cost.
//
// The framework's reflection rebuilds a struct's field list on every call and
// compiles a regular expression per field to check its tag
// (internal/reflect.getStructTags, isValidFieldName): for a PortSIP room, that
// was most of what the provider's own Read cost in a no-op plan. Here the field
// list is built once per struct type. The models this provider uses are
// structs of attr.Value fields (types.String, custom types, timeouts.Value...)
// tagged `tfsdk:"name"`, possibly through embedded structs, and slices of such
// structs for lists and sets of objects (a data source's items); that is all
// this package accepts, and it checks what the framework checks for such fields:
// every attribute has a field and every field an attribute, values have the
// schema's types, and values that validate themselves
// (xattr.ValidateableAttribute, such as timetype.RFC3339) do so.
package tfmodel

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// schema is what tfsdk.Config, Plan and State hold as their Schema.
type schema interface {
	Type() attr.Type
}

// objectType is the schema's type, an object's.
func objectType(s schema) (attr.TypeWithAttributeTypes, bool) {
	t, ok := s.Type().(attr.TypeWithAttributeTypes)
	return t, ok
}

// FromConfig reads a configuration into target, a pointer to a model struct.
func FromConfig(ctx context.Context, c tfsdk.Config, target any) diag.Diagnostics {
	return get(ctx, c.Schema, c.Raw, target)
}

// FromPlan reads a plan into target.
func FromPlan(ctx context.Context, p tfsdk.Plan, target any) diag.Diagnostics {
	return get(ctx, p.Schema, p.Raw, target)
}

// FromState reads a state into target.
func FromState(ctx context.Context, s tfsdk.State, target any) diag.Diagnostics {
	return get(ctx, s.Schema, s.Raw, target)
}

// ToState writes model, a model struct or a pointer to one, into s.
func ToState(ctx context.Context, s *tfsdk.State, model any) diag.Diagnostics {
	v, diags := set(ctx, s.Schema, model)
	if !diags.HasError() {
		s.Raw = v
	}
	return diags
}

// ToPlan writes model, a model struct or a pointer to one, into p: a
// ModifyPlan's planned values.
func ToPlan(ctx context.Context, p *tfsdk.Plan, model any) diag.Diagnostics {
	v, diags := set(ctx, p.Schema, model)
	if !diags.HasError() {
		p.Raw = v
	}
	return diags
}

// FromConfigExcept reads a configuration into target, a model struct of
// every attribute but the one named list: a list data source's query,
// without the list that its Read computes (ToStateWithList).
func FromConfigExcept(ctx context.Context, c tfsdk.Config, list string, target any) diag.Diagnostics {
	var diags diag.Diagnostics
	ptr := reflect.ValueOf(target)
	if ptr.Kind() != reflect.Pointer || ptr.Elem().Kind() != reflect.Struct {
		return bug(diags, fmt.Sprintf("target must be a pointer to a struct, got %T", target))
	}
	objType, ok := objectType(c.Schema)
	if !ok {
		return bug(diags, "the schema's type is not an object")
	}
	var values map[string]tftypes.Value
	if err := c.Raw.As(&values); err != nil {
		return bug(diags, fmt.Sprintf("reading the configuration: %v", err))
	}
	rest := without(objType, list)
	values = maps.Clone(values) // As hands over the value's own map
	delete(values, list)
	return getStruct(ctx, rest, tftypes.NewValue(rest.TerraformType(ctx), values), ptr.Elem(), path.Empty())
}

// ToStateWithList writes model, a model struct (or a pointer to one) of
// every attribute but the one named list, and items, a slice of model
// structs, as list, into s: a list data source's query and its list.
func ToStateWithList(ctx context.Context, s *tfsdk.State, model any, list string, items any) diag.Diagnostics {
	var diags diag.Diagnostics
	st := reflect.Indirect(reflect.ValueOf(model))
	if st.Kind() != reflect.Struct {
		return bug(diags, fmt.Sprintf("model must be a struct or a pointer to one, got %T", model))
	}
	objType, ok := objectType(s.Schema)
	if !ok {
		return bug(diags, "the schema's type is not an object")
	}
	tfType, ok := objType.TerraformType(ctx).(tftypes.Object)
	if !ok {
		return bug(diags, "the schema's type is not an object")
	}
	rest, ds := setStruct(ctx, without(objType, list), st, path.Empty())
	diags.Append(ds...)
	if diags.HasError() {
		return diags
	}
	var values map[string]tftypes.Value
	if err := rest.As(&values); err != nil {
		return bug(diags, fmt.Sprintf("writing %s: %v", st.Type(), err))
	}
	iv := reflect.ValueOf(items)
	if iv.Kind() != reflect.Slice || iv.Type().Elem().Kind() != reflect.Struct {
		return bug(diags, fmt.Sprintf("items must be a slice of structs, got %T", items))
	}
	if _, err := fieldsOf(iv.Type().Elem()); err != nil {
		return bug(diags, err.Error())
	}
	attrType, ok := objType.AttributeTypes()[list]
	if !ok {
		return bug(diags, fmt.Sprintf("the schema has no attribute %q", list))
	}
	values[list], ds = setNested(ctx, attrType, tfType.AttributeTypes[list], iv, path.Root(list))
	diags.Append(ds...)
	if !diags.HasError() {
		s.Raw = tftypes.NewValue(tfType, values)
	}
	return diags
}

// without is objType without its attribute named name.
func without(objType attr.TypeWithAttributeTypes, name string) basetypes.ObjectType {
	attrTypes := maps.Clone(objType.AttributeTypes())
	delete(attrTypes, name)
	return basetypes.ObjectType{AttrTypes: attrTypes}
}

func get(ctx context.Context, s schema, raw tftypes.Value, target any) diag.Diagnostics {
	var diags diag.Diagnostics
	ptr := reflect.ValueOf(target)
	if ptr.Kind() != reflect.Pointer || ptr.Elem().Kind() != reflect.Struct {
		return bug(diags, fmt.Sprintf("target must be a pointer to a struct, got %T", target))
	}
	objType, ok := objectType(s)
	if !ok {
		return bug(diags, "the schema's type is not an object")
	}
	return getStruct(ctx, objType, raw, ptr.Elem(), path.Empty())
}

// getStruct reads raw, an object of objType, into st, a model struct at p.
func getStruct(ctx context.Context, objType attr.TypeWithAttributeTypes, raw tftypes.Value, st reflect.Value, at path.Path) diag.Diagnostics {
	var diags diag.Diagnostics
	fields, err := fieldsOf(st.Type())
	if err != nil {
		return bug(diags, err.Error())
	}
	attrTypes := objType.AttributeTypes()
	if err := sameNames(fields, attrTypes); err != nil {
		return bug(diags, fmt.Sprintf("%s: %v", st.Type(), err))
	}
	var values map[string]tftypes.Value
	if err := raw.As(&values); err != nil {
		return bug(diags, fmt.Sprintf("reading %s: %v", st.Type(), err))
	}
	for _, f := range fields {
		p := at.AtName(f.name)
		fv := st.FieldByIndex(f.index)
		if f.nested {
			diags.Append(getNested(ctx, attrTypes[f.name], values[f.name], fv, p)...)
			if diags.HasError() {
				return diags
			}
			continue
		}
		v, err := attrTypes[f.name].ValueFromTerraform(ctx, values[f.name])
		if err != nil {
			return bug(diags, fmt.Sprintf("%s: %v", p, err))
		}
		if va, ok := v.(xattr.ValidateableAttribute); ok {
			var resp xattr.ValidateAttributeResponse
			va.ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: p}, &resp)
			diags.Append(resp.Diagnostics...)
			if diags.HasError() {
				return diags
			}
		}
		rv := reflect.ValueOf(v)
		if rv.Type() != fv.Type() {
			return bug(diags, fmt.Sprintf("%s: the schema's type gives %s, the field is %s", p, rv.Type(), fv.Type()))
		}
		fv.Set(rv)
	}
	return diags
}

// getNested reads a list or set of objects into fv, a slice of model
// structs: nil when the value is null or unknown.
func getNested(ctx context.Context, t attr.Type, raw tftypes.Value, fv reflect.Value, p path.Path) diag.Diagnostics {
	var diags diag.Diagnostics
	elemType, ok := nestedObject(t)
	if !ok {
		return bug(diags, fmt.Sprintf("%s: a slice of structs needs a list or set of objects, the schema has %s", p, t))
	}
	if raw.IsNull() || !raw.IsKnown() {
		fv.Set(reflect.Zero(fv.Type()))
		return diags
	}
	var elems []tftypes.Value
	if err := raw.As(&elems); err != nil {
		return bug(diags, fmt.Sprintf("%s: %v", p, err))
	}
	out := reflect.MakeSlice(fv.Type(), len(elems), len(elems))
	for i, e := range elems {
		diags.Append(getStruct(ctx, elemType, e, out.Index(i), p.AtListIndex(i))...)
		if diags.HasError() {
			return diags
		}
	}
	fv.Set(out)
	return diags
}

// nestedObject is the object type of a list's or set's elements.
func nestedObject(t attr.Type) (attr.TypeWithAttributeTypes, bool) {
	et, ok := t.(attr.TypeWithElementType)
	if !ok {
		return nil, false
	}
	obj, ok := et.ElementType().(attr.TypeWithAttributeTypes)
	return obj, ok
}

func set(ctx context.Context, s schema, model any) (tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	st := reflect.Indirect(reflect.ValueOf(model))
	if st.Kind() != reflect.Struct {
		return tftypes.Value{}, bug(diags, fmt.Sprintf("model must be a struct or a pointer to one, got %T", model))
	}
	objType, ok := objectType(s)
	if !ok {
		return tftypes.Value{}, bug(diags, "the schema's type is not an object")
	}
	return setStruct(ctx, objType, st, path.Empty())
}

// setStruct writes st, a model struct at p, as an object of objType.
func setStruct(ctx context.Context, objType attr.TypeWithAttributeTypes, st reflect.Value, at path.Path) (tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	fields, err := fieldsOf(st.Type())
	if err != nil {
		return tftypes.Value{}, bug(diags, err.Error())
	}
	attrTypes := objType.AttributeTypes()
	if err := sameNames(fields, attrTypes); err != nil {
		return tftypes.Value{}, bug(diags, fmt.Sprintf("%s: %v", st.Type(), err))
	}
	tfType, ok := objType.TerraformType(ctx).(tftypes.Object)
	if !ok {
		return tftypes.Value{}, bug(diags, "the schema's type is not an object")
	}
	values := make(map[string]tftypes.Value, len(fields))
	for _, f := range fields {
		p := at.AtName(f.name)
		if f.nested {
			tv, ds := setNested(ctx, attrTypes[f.name], tfType.AttributeTypes[f.name], st.FieldByIndex(f.index), p)
			diags.Append(ds...)
			if diags.HasError() {
				return tftypes.Value{}, diags
			}
			values[f.name] = tv
			continue
		}
		v, ok := st.FieldByIndex(f.index).Interface().(attr.Value)
		if !ok {
			return tftypes.Value{}, bug(diags, fmt.Sprintf("%s: field is not an attr.Value", p))
		}
		tv, err := v.ToTerraformValue(ctx)
		if err != nil {
			return tftypes.Value{}, bug(diags, fmt.Sprintf("%s: %v", p, err))
		}
		if want := tfType.AttributeTypes[f.name]; !tv.Type().Equal(want) {
			return tftypes.Value{}, bug(diags, fmt.Sprintf("%s: value of type %s, the schema wants %s", p, tv.Type(), want))
		}
		if va, ok := v.(xattr.ValidateableAttribute); ok {
			var resp xattr.ValidateAttributeResponse
			va.ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: p}, &resp)
			diags.Append(resp.Diagnostics...)
			if diags.HasError() {
				return tftypes.Value{}, diags
			}
		}
		values[f.name] = tv
	}
	return tftypes.NewValue(tfType, values), diags
}

// setNested writes fv, a slice of model structs, as a list or set of
// objects (tfType): null when the slice is nil, as the framework does.
func setNested(ctx context.Context, t attr.Type, tfType tftypes.Type, fv reflect.Value, p path.Path) (tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	elemType, ok := nestedObject(t)
	if !ok {
		return tftypes.Value{}, bug(diags, fmt.Sprintf("%s: a slice of structs needs a list or set of objects, the schema has %s", p, t))
	}
	if fv.IsNil() {
		return tftypes.NewValue(tfType, nil), diags
	}
	elems := make([]tftypes.Value, fv.Len())
	for i := range elems {
		v, ds := setStruct(ctx, elemType, fv.Index(i), p.AtListIndex(i))
		diags.Append(ds...)
		if diags.HasError() {
			return tftypes.Value{}, diags
		}
		elems[i] = v
	}
	return tftypes.NewValue(tfType, elems), diags
}

// field is one tagged field, at its index path through embedded structs.
// A nested field is a slice of model structs: a list or set of objects.
type field struct {
	name   string
	index  []int
	nested bool
}

// layouts caches fieldsOf by struct type: a model's layout never changes.
var layouts sync.Map // reflect.Type -> []field or error

func fieldsOf(t reflect.Type) ([]field, error) {
	if c, ok := layouts.Load(t); ok {
		if err, isErr := c.(error); isErr {
			return nil, err
		}
		return c.([]field), nil //nolint:forcetypeassert // only []field and error are stored
	}
	out, err := walk(t, nil)
	if err == nil {
		err = duplicates(t, out)
	}
	if err != nil {
		layouts.Store(t, err)
		return nil, err
	}
	layouts.Store(t, out)
	return out, nil
}

var attrValue = reflect.TypeFor[attr.Value]()

func walk(t reflect.Type, prefix []int) ([]field, error) {
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		index := append(append([]int(nil), prefix...), i)
		tag, tagged := f.Tag.Lookup("tfsdk")
		switch {
		case tag == "-":
		case f.Anonymous && !tagged && f.Type.Kind() == reflect.Struct:
			inner, err := walk(f.Type, index)
			if err != nil {
				return nil, err
			}
			out = append(out, inner...)
		case !tagged:
			return nil, fmt.Errorf("%s.%s has no tfsdk tag", t, f.Name)
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct && !f.Type.Implements(attrValue):
			if _, err := fieldsOf(f.Type.Elem()); err != nil {
				return nil, err
			}
			out = append(out, field{name: tag, index: index, nested: true})
		case !f.Type.Implements(attrValue):
			return nil, fmt.Errorf("%s.%s is a %s, not an attr.Value", t, f.Name, f.Type)
		default:
			out = append(out, field{name: tag, index: index})
		}
	}
	return out, nil
}

func duplicates(t reflect.Type, fs []field) error {
	seen := make(map[string]bool, len(fs))
	for _, f := range fs {
		if seen[f.name] {
			return fmt.Errorf("%s has two fields tagged %q", t, f.name)
		}
		seen[f.name] = true
	}
	return nil
}

// sameNames is the framework's check that the struct and the object have the
// same attributes.
func sameNames(fs []field, attrTypes map[string]attr.Type) error {
	if len(fs) == len(attrTypes) && allIn(fs, attrTypes) {
		return nil // the names are unique (duplicates), so the sets are equal
	}
	var missing, extra []string
	have := make(map[string]bool, len(fs))
	for _, f := range fs {
		have[f.name] = true
		if _, ok := attrTypes[f.name]; !ok {
			extra = append(extra, f.name)
		}
	}
	for name := range attrTypes {
		if !have[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	return fmt.Errorf("the struct and the schema differ: fields without attributes [%s], attributes without fields [%s]",
		strings.Join(extra, ", "), strings.Join(missing, ", "))
}

func allIn(fs []field, attrTypes map[string]attr.Type) bool {
	for _, f := range fs {
		if _, ok := attrTypes[f.name]; !ok {
			return false
		}
	}
	return true
}

func bug(diags diag.Diagnostics, detail string) diag.Diagnostics {
	diags.AddError("Value Conversion Error",
		"An unexpected error was encountered converting between the model and the Terraform value. "+
			"This is always an error in the provider. Please report the following to the provider developer:\n\n"+detail)
	return diags
}
