package portsip

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// fieldKind is how a list field is compared in filter and orderby.
type fieldKind int

const (
	kindString fieldKind = iota
	kindNumber
	kindBool
	// kindTime fields are RFC 3339 strings compared as instants.
	kindTime
	// kindList fields (arrays, objects) can be neither filtered nor sorted.
	kindList
)

// collection describes one list endpoint: the fields of its items and the ones
// free-text search looks at.
type collection struct {
	fields map[string]fieldKind
	search []string
}

func (c *collection) names() string {
	names := make([]string, 0, len(c.fields))
	for n, k := range c.fields {
		if k != kindList {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// listItem is one element of a collection: what is written, and its field
// values for filtering and sorting (nil for an absent field), worked out on
// first use: a list without filter, search or orderby never needs them.
type listItem struct {
	view any
	c    *collection
	vals map[string]any
}

// item makes a listItem of a view.
func (c *collection) item(view any) listItem { return listItem{view: view, c: c} }

// values are the item's field values, from the view's own JSON, so that
// filters see exactly the fields and values a client sees.
func (it *listItem) values() map[string]any {
	if it.vals != nil {
		return it.vals
	}
	data, _ := json.Marshal(it.view)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw map[string]any
	_ = dec.Decode(&raw)
	values := make(map[string]any, len(raw))
	for name, v := range raw {
		switch it.c.fields[name] {
		case kindNumber:
			if n, ok := v.(json.Number); ok {
				f, _ := n.Float64()
				values[name] = f
			}
		case kindTime:
			if s, ok := v.(string); ok {
				if t, ok := parseTime(s); ok {
					values[name] = t
				}
			}
		case kindString, kindBool:
			values[name] = v
		}
	}
	it.vals = values
	return values
}

// ListResponse is the body of every list: count is the number of items that
// match filter and search, items the page that skip and top select (NOTES.md,
// PortSIP lists).
type ListResponse struct {
	Count int   `json:"count"`
	Items []any `json:"items"`
}

type orderKey struct {
	field string
	kind  fieldKind
	desc  bool
}

type listQuery struct {
	filter node
	search []string
	order  []orderKey
	skip   int
	top    int
}

// Query parameters limits (portsip-openapi-conference.json, list operations:
// skip int32 minimum 0 default 0; top int32 1..100 default 100).
const (
	defaultTop = 100
	maxTop     = 100
	maxFilter  = 4096
)

// param returns a query parameter by its name or its OData "$name" spelling,
// which the spec's own examples use ("$skip=100", "$count=true").
func param(q url.Values, name string) (string, bool) {
	if v, ok := q[name]; ok && len(v) > 0 {
		return v[0], true
	}
	if v, ok := q["$"+name]; ok && len(v) > 0 {
		return v[0], true
	}
	return "", false
}

var searchOr = regexp.MustCompile(`(?i)\s+or\s+`)

// parseListQuery reads filter, search, orderby, skip, top and count.
func parseListQuery(q url.Values, c *collection, p *problems) listQuery {
	lq := listQuery{top: defaultTop}
	if s, ok := param(q, "filter"); ok && strings.TrimSpace(s) != "" {
		if len(s) > maxFilter {
			p.add("filter", "filter must be at most %d characters", maxFilter)
		} else if n, err := parseFilter(s, c); err != nil {
			p.add("filter", "filter: %v", err)
		} else {
			lq.filter = n
		}
	}
	if s, ok := param(q, "search"); ok {
		// portsip-openapi-conference.json, Search: "search=101 or 102"; what
		// makes an item match is up to the service. Here: any term is a
		// case-insensitive substring of one of the collection's text fields.
		for _, term := range searchOr.Split(s, -1) {
			if term = strings.TrimSpace(term); term != "" {
				lq.search = append(lq.search, strings.ToLower(term))
			}
		}
	}
	if s, ok := param(q, "orderby"); ok && strings.TrimSpace(s) != "" {
		lq.order = parseOrderBy(s, c, p)
	}
	if s, ok := param(q, "skip"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 0 || n > 1<<31-1 {
			p.add("skip", "skip must be an integer between 0 and 2147483647")
		} else {
			lq.skip = n
		}
	}
	if s, ok := param(q, "top"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > maxTop {
			p.add("top", "top must be between 1 and %d", maxTop)
		} else {
			lq.top = n
		}
	}
	if s, ok := param(q, "count"); ok {
		// The count is always returned; the parameter is accepted for
		// compatibility with the OData spelling in the documents.
		if _, err := strconv.ParseBool(s); err != nil {
			p.add("count", "count must be true or false")
		}
	}
	return lq
}

func parseOrderBy(s string, c *collection, p *problems) []orderKey {
	var keys []orderKey
	for part := range strings.SplitSeq(s, ",") {
		words := strings.Fields(part)
		if len(words) == 0 || len(words) > 2 {
			p.add("orderby", "orderby must be a list like \"name asc, created_at desc\"; got %q", strings.TrimSpace(part))
			continue
		}
		kind, known := c.fields[words[0]]
		if !known || kind == kindList {
			p.add("orderby", "orderby: unknown or unsortable field %q; allowed fields: %s", words[0], c.names())
			continue
		}
		key := orderKey{field: words[0], kind: kind}
		if len(words) == 2 {
			switch strings.ToLower(words[1]) {
			case "asc":
			case "desc":
				key.desc = true
			default:
				p.add("orderby", "orderby: direction must be asc or desc; got %q", words[1])
				continue
			}
		}
		keys = append(keys, key)
	}
	return keys
}

// apply filters, searches, sorts (stably, so creation order breaks ties and is
// the default) and pages items.
func (lq listQuery) apply(items []listItem, c *collection) ListResponse {
	matched := make([]*listItem, 0, len(items))
	for i := range items {
		it := &items[i]
		if lq.filter != nil && !lq.filter.eval(it.values()) {
			continue
		}
		if len(lq.search) > 0 && !matchesSearch(it, lq.search, c.search) {
			continue
		}
		matched = append(matched, it)
	}
	if len(lq.order) > 0 {
		sort.SliceStable(matched, func(i, j int) bool {
			for _, k := range lq.order {
				c := compareValues(matched[i].values()[k.field], matched[j].values()[k.field])
				if c == 0 {
					continue
				}
				if k.desc {
					return c > 0
				}
				return c < 0
			}
			return false
		})
	}
	out := ListResponse{Count: len(matched), Items: []any{}}
	start := min(lq.skip, len(matched))
	end := min(start+lq.top, len(matched))
	for _, it := range matched[start:end] {
		out.Items = append(out.Items, it.view)
	}
	return out
}

func matchesSearch(it *listItem, terms, fields []string) bool {
	for _, f := range fields {
		s, ok := it.values()[f].(string)
		if !ok {
			continue
		}
		s = strings.ToLower(s)
		for _, t := range terms {
			if strings.Contains(s, t) {
				return true
			}
		}
	}
	return false
}

// compareValues orders two field values of the same kind; an absent value
// (null) sorts before any other, as in OData.
func compareValues(a, b any) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	switch av := a.(type) {
	case string:
		if bv, ok := b.(string); ok {
			return strings.Compare(av, bv)
		}
	case float64:
		if bv, ok := b.(float64); ok {
			switch {
			case av < bv:
				return -1
			case av > bv:
				return 1
			}
			return 0
		}
	case bool:
		if bv, ok := b.(bool); ok {
			switch {
			case av == bv:
				return 0
			case !av:
				return -1
			}
			return 1
		}
	case time.Time:
		if bv, ok := b.(time.Time); ok {
			return av.Compare(bv)
		}
	}
	return 0
}
