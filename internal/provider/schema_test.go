package provider

import (
	"context"
	"regexp"
	"testing"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// secretName matches attributes that hold secrets and must be Sensitive.
// host_room_url makes whoever opens it a Whereby meeting's host.
var secretName = regexp.MustCompile(`(^|_)(pin|passcode|password|token|secret|api_key|host_room_url)$`)

type attrInfo interface {
	GetDescription() string
	GetMarkdownDescription() string
	IsSensitive() bool
}

// checkSchema checks one schema's description and every attribute at any depth:
// children returns a nested attribute's own attributes, or nil.
func checkSchema[A attrInfo](t *testing.T, where, description string, attrs map[string]A, children func(A) map[string]A) {
	t.Helper()
	if description == "" {
		t.Errorf("%s has no description", where)
	}
	for name, a := range attrs {
		if name == "timeouts" {
			continue // the timeouts module documents its own attribute
		}
		if a.GetDescription() == "" && a.GetMarkdownDescription() == "" {
			t.Errorf("%s.%s has no description", where, name)
		}
		if secretName.MatchString(name) && !a.IsSensitive() {
			t.Errorf("%s.%s holds a secret but is not Sensitive", where, name)
		}
		if c := children(a); c != nil {
			checkSchema(t, where+"."+name, "nested", c, children)
		}
	}
}

func resourceChildren(a rschema.Attribute) map[string]rschema.Attribute {
	switch a := a.(type) {
	case rschema.ListNestedAttribute:
		return a.NestedObject.Attributes
	case rschema.SingleNestedAttribute:
		return a.Attributes
	}
	return nil
}

func dataSourceChildren(a dschema.Attribute) map[string]dschema.Attribute {
	switch a := a.(type) {
	case dschema.ListNestedAttribute:
		return a.NestedObject.Attributes
	case dschema.SingleNestedAttribute:
		return a.Attributes
	}
	return nil
}

func TestEverySchemaAttributeIsDescribedAndSecretsAreSensitive(t *testing.T) {
	ctx := context.Background()
	p := New("test")()

	var ps provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &ps)
	for name, b := range ps.Schema.Blocks {
		blk, ok := b.(pschema.SingleNestedBlock)
		if !ok {
			t.Fatalf("provider.%s is a %T, not a single nested block", name, b)
		}
		checkSchema(t, "provider."+name, blk.Description, blk.Attributes,
			func(pschema.Attribute) map[string]pschema.Attribute { return nil })
	}

	eachResourceSchema(ctx, p, func(typeName string, s rschema.Schema) {
		checkSchema(t, typeName, s.Description, s.Attributes, resourceChildren)
	})
	eachDataSourceSchema(ctx, p, func(typeName string, s dschema.Schema) {
		checkSchema(t, typeName, s.Description, s.Attributes, dataSourceChildren)
	})
}
