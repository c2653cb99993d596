package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// weekdayNames are SQMeeting's day numbers, 1 = Sunday to 7 = Saturday.
var weekdayNames = [...]string{1: "Sunday", 2: "Monday", 3: "Tuesday", 4: "Wednesday", 5: "Thursday", 6: "Friday", 7: "Saturday"}

// Weekday accepts a day of the week numbered as SQMeeting's clients number
// them, 1 = Sunday ... 7 = Saturday. The message spells the numbering out,
// since the usual mistakes (0 for Sunday, 1 for Monday as in ISO 8601) come
// from other conventions.
func Weekday() validator.Int64 {
	return weekday{}
}

type weekday struct{}

func numbering() string {
	s := ""
	for d := 1; d <= 7; d++ {
		if d > 1 {
			s += ", "
		}
		s += fmt.Sprintf("%d = %s", d, weekdayNames[d])
	}
	return s
}

func (weekday) Description(context.Context) string {
	return "value must be a day of the week: " + numbering()
}

func (v weekday) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (weekday) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d := req.ConfigValue.ValueInt64()
	if d >= 1 && d <= 7 {
		return
	}
	name := attrName(req.Path)
	hint := ""
	switch d {
	case 0:
		hint = " Sunday is 1, not 0."
	case 8:
		hint = " Saturday is 7."
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+name,
		fmt.Sprintf("%s holds %d, which is not a day of the week: days are numbered as SQMeeting numbers them, %s.%s",
			name, d, numbering(), hint))
}
