package provider

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
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

	for _, newRes := range p.Resources(ctx) {
		r := newRes()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: TypeName}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		checkSchema(t, md.TypeName, sr.Schema.Description, sr.Schema.Attributes, resourceChildren)
	}

	for _, newDS := range p.DataSources(ctx) {
		d := newDS()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: TypeName}, &md)
		var sr datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &sr)
		checkSchema(t, md.TypeName, sr.Schema.Description, sr.Schema.Attributes, dataSourceChildren)
	}
}
