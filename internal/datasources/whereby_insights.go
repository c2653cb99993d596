package datasources

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/confkit/terraform-provider-conference/internal/client/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

// wherebyInsightList is a data source that reads every page of one of
// Whereby's insights calls into its list attribute: the four insights data
// sources are each one of these, with their arguments (args, read into the
// model Cfg) and their call (fetch).
type wherebyInsightList[Cfg, A, M any, P interface {
	*M
	mapping.Reads[A]
}] struct {
	base[*whereby.Client]
	description string
	args        map[string]schema.Attribute
	// items is the list attribute's name, itemsDoc its description, attrs
	// its items' attributes, and list where Cfg holds it.
	items, itemsDoc string
	attrs           mapping.Attrs
	list            func(cfg *Cfg) *[]M
	fetch           func(ctx context.Context, c *whereby.Client, cfg *Cfg) ([]A, error)
	validators      []datasource.ConfigValidator
}

// newWherebyInsightList names the data source "whereby_" + name, reading
// noun.
func newWherebyInsightList[Cfg, A, M any, P interface {
	*M
	mapping.Reads[A]
}](name, noun string, d wherebyInsightList[Cfg, A, M, P]) datasource.DataSource {
	d.base = newBase[*whereby.Client]("whereby_"+name, &platforms.Whereby, noun)
	return &d
}

func (d *wherebyInsightList[Cfg, A, M, P]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := maps.Clone(d.args)
	attrs[d.items] = listOf(d.itemsDoc, d.attrs)
	resp.Schema = schema.Schema{Description: d.description, Attributes: attrs}
}

func (d *wherebyInsightList[Cfg, A, M, P]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.validators
}

func (d *wherebyInsightList[Cfg, A, M, P]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg Cfg
	list[*whereby.Client, A, M, P](ctx, &d.base, req, resp, &cfg, d.list(&cfg), func(ctx context.Context) ([]A, error) {
		return d.fetch(ctx, d.client, &cfg)
	})
}
