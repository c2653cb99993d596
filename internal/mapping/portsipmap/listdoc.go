package portsipmap

// FilterDoc describes a PortSIP list's OData filter (ListOptions.Filter),
// with an example: the plural data sources and the list resources take it
// alike. The PBX alone knows what an expression means, so it is documented
// with examples rather than validated.
func FilterDoc(example string) string {
	return "An OData filter expression the PBX applies, such as `" + example + "`. " +
		"Operators: `eq`, `ne`, `gt`, `ge`, `lt`, `le`, `and`, `or`, and the functions `startswith`, `endswith` and `contains`. " +
		"Quote strings with single quotes, doubling a quote inside one."
}

// SearchDoc describes a PortSIP list's free-text search (ListOptions.Search)
// of objects called what, with an example.
func SearchDoc(what, example string) string {
	return "Free text the PBX matches against each " + what + "'s text fields, such as `" + example + "`; " +
		"`a or b` matches either term."
}
