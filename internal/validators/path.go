package validators

import "github.com/hashicorp/terraform-plugin-framework/path"

// attrName is how a message names the attribute at p. An element of a set is
// addressed by its value, which the framework writes as
// days_of_week[Value(0)]; the messages quote the value themselves, so they
// name the set.
func attrName(p path.Path) string {
	if step, _ := p.Steps().LastStep(); step != nil {
		if _, isValue := step.(path.PathStepElementKeyValue); isValue {
			return p.ParentPath().String()
		}
	}
	return p.String()
}
