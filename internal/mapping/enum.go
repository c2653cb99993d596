package mapping

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/confkit/terraform-provider-conference/internal/validators"
)

// Enum is the values an attribute takes, in the order the documentation
// lists them: its validator and its description's list come from the same
// values, so that they cannot disagree.
type Enum[T ~string] []T

// Strings are the values as strings.
func (e Enum[T]) Strings() []string {
	out := make([]string, len(e))
	for i, v := range e {
		out[i] = string(v)
	}
	return out
}

// Validator accepts the values and nothing else, names them, and tells a
// value that differs in case only how to write it (validators.OneOf).
func (e Enum[T]) Validator() validator.String { return validators.OneOf(e.Strings()...) }

// Doc lists the values for a description: "`AUDIO` or `VIDEO`", or "one of
// `A`, `B`, `C`" for more than two.
func (e Enum[T]) Doc() string {
	quoted := make([]string, len(e))
	for i, v := range e {
		quoted[i] = "`" + string(v) + "`"
	}
	if len(quoted) == 2 {
		return quoted[0] + " or " + quoted[1]
	}
	return "one of " + strings.Join(quoted, ", ")
}

// Has reports whether v is one of the values.
func (e Enum[T]) Has(v string) bool {
	for _, x := range e {
		if string(x) == v {
			return true
		}
	}
	return false
}
