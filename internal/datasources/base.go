package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/errdiag"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
	"github.com/confkit/terraform-provider-conference/internal/providerdata"
)

// base is embedded by every data source: its name, its platform's client
// C, and the wording of a failed read, bound once to the platform and to
// what the data source reads.
type base[C any] struct {
	// name is the type name after the provider's: "portsip_server".
	name     string
	platform *platforms.Platform
	errs     errdiag.Object
	client   C
}

// newBase is a data source named name that reads noun ("conference
// server", "conference rooms") on p.
func newBase[C any](name string, p *platforms.Platform, noun string) base[C] {
	return base[C]{name: name, platform: p, errs: errdiag.Object{Platform: p.Name, Noun: noun}}
}

func (b *base[C]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.name
}

func (b *base[C]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.client = providerdata.Client[C](req.ProviderData, b.platform, &resp.Diagnostics)
}

// readFailed reports a failed read of the one object that argument arg
// (argName in words: "id", "extension number") names. Unlike a resource,
// a data source has nothing to drop from state when the object is gone: a
// 404 means the configuration names something that does not exist, which
// the user hears about, on every platform alike (errdiag.Object.NotFound).
// why, when set, says what makes such an object disappear.
func (b *base[C]) readFailed(diags *diag.Diagnostics, err error, arg, argName, value, why string) {
	if client.IsNotFound(err) {
		b.errs.NotFound(diags, arg, argName, value, why)
		return
	}
	b.errs.AddAfter(diags, errdiag.Read, err, fmt.Sprintf("Reading the %s with %s %q: ", b.errs.Noun, argName, value))
}

// listFailed reports a failed list.
func (b *base[C]) listFailed(diags *diag.Diagnostics, err error) {
	b.errs.Add(diags, errdiag.Read, err)
}

// object is the mapper's model M of an API object A, as a data source
// reads it.
type object[A, M any] interface {
	*M
	mapping.Reads[A]
}

// listOf is a data source's computed list of attrs, described by
// description.
func listOf(description string, attrs mapping.Attrs) schema.ListNestedAttribute {
	return listOfAttributes(description, attrs.DataSource())
}

// listOfAttributes is listOf for attributes that no mapper declares.
func listOfAttributes(description string, attrs map[string]schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Computed: true, Description: description,
		NestedObject: schema.NestedAttributeObject{Attributes: attrs},
	}
}

// idArgument is the id argument of a data source's model that reads
// something of the object it names.
type idArgument struct {
	ID types.String `tfsdk:"id"`
}

// requiredID is the argument that gives the ID of the object a data source
// reads, or reads something of.
func requiredID(description string) schema.StringAttribute {
	return schema.StringAttribute{
		Required:    true,
		Description: description,
		Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

// optionalText is a query argument that, when set, must not be empty.
func optionalText(description string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:    true,
		Description: description,
		Validators:  []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

// optionalString is a query argument passed to the platform as it is.
func optionalString(description string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Description: description}
}
