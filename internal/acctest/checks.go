package acctest

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// Test runs steps with the provider served in-process, in parallel with the
// other tests (each test has its own emulator).
func Test(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	test(t, ProtoV6ProviderFactories, steps)
}

func test(t *testing.T, factories map[string]func() (tfprotov6.ProviderServer, error), steps []resource.TestStep) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { PreCheck(t) },
		ProtoV6ProviderFactories: factories,
		Steps:                    steps,
	})
}

// Run is Test for a test case with more than steps (a CheckDestroy, a
// PreCheck of its own, which runs after PreCheck's): the provider and
// PreCheck are filled in.
func Run(t *testing.T, tc resource.TestCase) {
	t.Helper()
	own := tc.PreCheck
	tc.PreCheck = func() {
		PreCheck(t)
		if own != nil {
			own()
		}
	}
	tc.ProtoV6ProviderFactories = ProtoV6ProviderFactories
	resource.ParallelTest(t, tc)
}

// ExpectAction checks that the plan does action to addr (plus any extra
// checks), and that the plan after apply and refresh is empty: what every
// step that applies should show.
func ExpectAction(addr string, action plancheck.ResourceActionType, extra ...plancheck.PlanCheck) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             append([]plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, action)}, extra...),
		PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
	}
}

// EmptyPlanAfterApply checks that a second plan is empty.
func EmptyPlanAfterApply() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
}

// Attr checks the value at a dotted path ("outbound_caller_ids.0.caller_id";
// numbers are list indexes) of addr in state.
func Attr(addr, dotted string, check knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, Path(dotted), check)
}

// Path turns "a.0.b" into a tfjsonpath.
func Path(dotted string) tfjsonpath.Path {
	parts := strings.Split(dotted, ".")
	p := tfjsonpath.New(parts[0])
	for _, part := range parts[1:] {
		if i, err := strconv.Atoi(part); err == nil {
			p = p.AtSliceIndex(i)
		} else {
			p = p.AtMapKey(part)
		}
	}
	return p
}

// Tracker follows one value across steps (statecheck.CompareValue).
type Tracker interface {
	AddStateValue(addr string, path tfjsonpath.Path) statecheck.StateCheck
}

// SameAcrossSteps follows a value across steps and checks it never changes:
// add `same.AddStateValue(addr, tfjsonpath.New("id"))` to each step's
// ConfigStateChecks to show that updates happened in place.
func SameAcrossSteps() Tracker { return statecheck.CompareValue(compare.ValuesSame()) }

// NewEachStep follows a value across steps and checks it changes at every
// step it is added to: a replacement.
func NewEachStep() Tracker { return statecheck.CompareValue(compare.ValuesDiffer()) }

// Instant checks an RFC 3339 time that is the same instant as want, whatever
// the offset either is written in.
func Instant(want string) knownvalue.Check {
	w, err := time.Parse(time.RFC3339, want)
	if err != nil {
		panic(fmt.Sprintf("acctest.Instant(%q): %v", want, err))
	}
	return knownvalue.StringFunc(func(v string) error {
		got, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return fmt.Errorf("%q is not RFC 3339: %w", v, err)
		}
		if !got.Equal(w) {
			return fmt.Errorf("%s is not the instant %s", v, want)
		}
		return nil
	})
}

// RFC3339 checks a value that is an RFC 3339 time.
func RFC3339() knownvalue.Check {
	return knownvalue.StringFunc(func(v string) error {
		if _, err := time.Parse(time.RFC3339, v); err != nil {
			return fmt.Errorf("%q is not RFC 3339: %w", v, err)
		}
		return nil
	})
}

// Digits checks a string of n to m decimal digits.
func Digits(n, m int) knownvalue.Check {
	return knownvalue.StringRegexp(regexp.MustCompile(fmt.Sprintf(`^[0-9]{%d,%d}$`, n, m)))
}

// ErrorMatching is a pattern for an error message that the CLI may have
// wrapped across lines: every space may be any run of white space.
func ErrorMatching(msg string) *regexp.Regexp {
	words := strings.Fields(msg)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(strings.Join(words, `\s+`))
}

// CheckListValues checks that the list at addr.list holds, in its items'
// field, exactly want in any order, each once: that a paged list neither lost
// nor repeated an item.
func CheckListValues(addr, list, field string, want []string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		attrs := rs.Primary.Attributes
		n, err := strconv.Atoi(attrs[list+".#"])
		if err != nil {
			return fmt.Errorf("%s.%s.#: %w", addr, list, err)
		}
		got := make([]string, 0, n)
		for i := range n {
			got = append(got, attrs[fmt.Sprintf("%s.%d.%s", list, i, field)])
		}
		slices.Sort(got)
		sorted := slices.Sorted(slices.Values(want))
		if !slices.Equal(got, sorted) {
			return fmt.Errorf("%s.%s[*].%s: got %d values %v, want %d values %v", addr, list, field, len(got), got, len(sorted), sorted)
		}
		return nil
	}
}

// CheckListOrder checks the list's items' field, in order.
func CheckListOrder(addr, list, field string, want ...string) resource.TestCheckFunc {
	checks := []resource.TestCheckFunc{resource.TestCheckResourceAttr(addr, list+".#", strconv.Itoa(len(want)))}
	for i, w := range want {
		checks = append(checks, resource.TestCheckResourceAttr(addr, fmt.Sprintf("%s.%d.%s", list, i, field), w))
	}
	return resource.ComposeAggregateTestCheckFunc(checks...)
}

// StateAttr reads one flat attribute of addr from state, for import IDs and
// checks that compare with the API.
func StateAttr(s *terraform.State, addr, name string) (string, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return "", fmt.Errorf("%s not in state", addr)
	}
	v, ok := rs.Primary.Attributes[name]
	if !ok {
		return "", fmt.Errorf("%s has no attribute %s in state", addr, name)
	}
	return v, nil
}
