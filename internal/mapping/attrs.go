// Package mapping holds what every API object's mapper shares: attributes
// declared once for a resource and its data sources, and the conversions of
// API values into Terraform values, so that "absent", "empty" and "a time"
// read back the same way in every resource and data source.
//
// Each platform has a package beside this one (portsipmap, linemap, ...) with,
// per API object, its Terraform model, its attributes (Attrs) and its
// conversions from and to the typed client's structs.
package mapping

import (
	"fmt"
	"maps"
	"strings"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"

	"github.com/confkit/terraform-provider-conference/internal/timetype"
)

// Attr is one attribute of an API object.
type Attr struct {
	// Doc says what the value is: true in the resource and every data source.
	Doc string
	// Config says what configuring the value does (its limits, its default,
	// that changing it replaces the object): the resource's description adds it.
	Config string
	// Resource is the attribute as the resource declares it, without a
	// description. Data sources derive theirs from it: the same type, custom
	// type and sensitivity, computed. Nested attributes carry their own
	// descriptions.
	Resource rschema.Attribute
}

// Attrs are an API object's attributes by name.
type Attrs map[string]Attr

// Without returns a copy of a without the named attributes: a list item that
// carries fewer fields than a single read, say.
func (a Attrs) Without(names ...string) Attrs {
	out := maps.Clone(a)
	for _, n := range names {
		delete(out, n)
	}
	return out
}

// Resource is the resource's schema attributes.
func (a Attrs) Resource() map[string]rschema.Attribute {
	out := make(map[string]rschema.Attribute, len(a))
	for name, at := range a {
		out[name] = withDescription(at.Resource, join(at.Doc, at.Config))
	}
	return out
}

// DataSource is a data source's schema attributes: every one computed, with
// the resource's type, custom type and sensitivity.
func (a Attrs) DataSource() map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(a))
	for name, at := range a {
		out[name] = computed(at.Resource, at.Doc)
	}
	return out
}

func join(doc, config string) string {
	if config == "" {
		return doc
	}
	return doc + " " + config
}

func withDescription(a rschema.Attribute, d string) rschema.Attribute {
	switch a := a.(type) {
	case rschema.StringAttribute:
		a.Description = d
		return a
	case rschema.Int64Attribute:
		a.Description = d
		return a
	case rschema.Float64Attribute:
		a.Description = d
		return a
	case rschema.BoolAttribute:
		a.Description = d
		return a
	case rschema.SetAttribute:
		a.Description = d
		return a
	case rschema.ListAttribute:
		a.Description = d
		return a
	case rschema.ListNestedAttribute:
		a.Description = d
		return a
	case rschema.SetNestedAttribute:
		a.Description = d
		return a
	case rschema.SingleNestedAttribute:
		a.Description = d
		return a
	}
	panic(fmt.Sprintf("mapping: attribute type %T is not supported; add it to withDescription and computed", a))
}

// computed converts a resource attribute into the data source's computed
// attribute of the same shape; description is used when non-empty, otherwise
// the attribute's own (for nested attributes).
func computed(a rschema.Attribute, description string) dschema.Attribute {
	if description == "" {
		description = strings.TrimSpace(a.GetDescription())
	}
	switch a := a.(type) {
	case rschema.StringAttribute:
		return dschema.StringAttribute{Computed: true, Sensitive: a.Sensitive, CustomType: a.CustomType, Description: description}
	case rschema.Int64Attribute:
		return dschema.Int64Attribute{Computed: true, Sensitive: a.Sensitive, CustomType: a.CustomType, Description: description}
	case rschema.Float64Attribute:
		return dschema.Float64Attribute{Computed: true, Sensitive: a.Sensitive, CustomType: a.CustomType, Description: description}
	case rschema.BoolAttribute:
		return dschema.BoolAttribute{Computed: true, Sensitive: a.Sensitive, CustomType: a.CustomType, Description: description}
	case rschema.SetAttribute:
		return dschema.SetAttribute{Computed: true, Sensitive: a.Sensitive, CustomType: a.CustomType, ElementType: a.ElementType, Description: description}
	case rschema.ListAttribute:
		return dschema.ListAttribute{Computed: true, Sensitive: a.Sensitive, CustomType: a.CustomType, ElementType: a.ElementType, Description: description}
	case rschema.ListNestedAttribute:
		return dschema.ListNestedAttribute{Computed: true, Sensitive: a.Sensitive, CustomType: a.CustomType, Description: description,
			NestedObject: dschema.NestedAttributeObject{Attributes: nested(a.NestedObject.Attributes)}}
	case rschema.SetNestedAttribute:
		return dschema.SetNestedAttribute{Computed: true, Sensitive: a.Sensitive, CustomType: a.CustomType, Description: description,
			NestedObject: dschema.NestedAttributeObject{Attributes: nested(a.NestedObject.Attributes)}}
	case rschema.SingleNestedAttribute:
		return dschema.SingleNestedAttribute{Computed: true, Sensitive: a.Sensitive, CustomType: a.CustomType, Description: description,
			Attributes: nested(a.Attributes)}
	}
	panic(fmt.Sprintf("mapping: attribute type %T is not supported; add it to withDescription and computed", a))
}

func nested(attrs map[string]rschema.Attribute) map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(attrs))
	for name, a := range attrs {
		out[name] = computed(a, "")
	}
	return out
}

// Assigned is a string the platform assigns once (an ID, a number, a URL):
// computed, and planned as the state holds it.
func Assigned(doc string) Attr {
	return Attr{Doc: doc, Resource: rschema.StringAttribute{
		Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}}
}

// AssignedTime is Assigned for a time, compared as an instant.
func AssignedTime(doc string) Attr {
	return Attr{Doc: doc, Resource: rschema.StringAttribute{
		CustomType: timetype.RFC3339Type{}, Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}}
}

// ReadOnlyString is a string that only data sources read: what the
// platform reports and no resource manages.
func ReadOnlyString(doc string) Attr {
	return Attr{Doc: doc, Resource: rschema.StringAttribute{Computed: true}}
}

// ReadOnlyInt64 is ReadOnlyString for a number.
func ReadOnlyInt64(doc string) Attr {
	return Attr{Doc: doc, Resource: rschema.Int64Attribute{Computed: true}}
}

// ReadOnlyFloat64 is ReadOnlyString for a number with a fraction.
func ReadOnlyFloat64(doc string) Attr {
	return Attr{Doc: doc, Resource: rschema.Float64Attribute{Computed: true}}
}

// ReadOnlyBool is ReadOnlyString for a flag.
func ReadOnlyBool(doc string) Attr {
	return Attr{Doc: doc, Resource: rschema.BoolAttribute{Computed: true}}
}

// ReadOnlyTime is ReadOnlyString for a time, compared as an instant.
func ReadOnlyTime(doc string) Attr {
	return Attr{Doc: doc, Resource: rschema.StringAttribute{Computed: true, CustomType: timetype.RFC3339Type{}}}
}
