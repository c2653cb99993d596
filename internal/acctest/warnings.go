package acctest

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/confkit/terraform-provider-conference/internal/provider"
)

// PlanWarnings records the warnings the provider gives while planning, which
// terraform-plugin-testing does not show a test: a replacement's reason is
// one.
type PlanWarnings struct {
	mu   sync.Mutex
	seen []string
}

// TestRecordingPlanWarnings is Test with the plans' warnings recorded in w.
func TestRecordingPlanWarnings(t *testing.T, w *PlanWarnings, steps ...resource.TestStep) {
	t.Helper()
	serve := ProtoV6ProviderFactories[provider.TypeName]
	test(t, map[string]func() (tfprotov6.ProviderServer, error){
		provider.TypeName: func() (tfprotov6.ProviderServer, error) {
			s, err := serve()
			if err != nil {
				return nil, err
			}
			return &warningServer{ProviderServer: s, w: w}, nil
		},
	}, steps)
}

// Reset forgets the warnings recorded so far: a step's PreConfig.
func (w *PlanWarnings) Reset() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.seen = nil
}

// Expect checks that a plan since the last Reset warned with summary and a
// detail matching detail.
func (w *PlanWarnings) Expect(summary, detail string) plancheck.PlanCheck {
	return warningCheck{w, summary, regexp.MustCompile(detail), true}
}

// None checks that no plan since the last Reset warned with summary.
func (w *PlanWarnings) None(summary string) plancheck.PlanCheck {
	return warningCheck{w, summary, nil, false}
}

type warningCheck struct {
	w       *PlanWarnings
	summary string
	detail  *regexp.Regexp
	want    bool
}

func (c warningCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	c.w.mu.Lock()
	defer c.w.mu.Unlock()
	matched, same := false, []string{}
	for _, s := range c.w.seen {
		summary, detail, _ := strings.Cut(s, "\n")
		if summary == c.summary {
			same = append(same, detail)
			matched = matched || c.detail == nil || c.detail.MatchString(detail)
		}
	}
	switch {
	case c.want && !matched:
		resp.Error = fmt.Errorf("no plan warned %q with a detail matching %q; the warnings were %q", c.summary, c.detail, c.w.seen)
	case !c.want && matched:
		resp.Error = fmt.Errorf("a plan warned %q: %q", c.summary, same)
	}
}

type warningServer struct {
	tfprotov6.ProviderServer
	w *PlanWarnings
}

func (s *warningServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	resp, err := s.ProviderServer.PlanResourceChange(ctx, req)
	if resp != nil {
		s.w.mu.Lock()
		for _, d := range resp.Diagnostics {
			if d.Severity == tfprotov6.DiagnosticSeverityWarning {
				s.w.seen = append(s.w.seen, d.Summary+"\n"+d.Detail)
			}
		}
		s.w.mu.Unlock()
	}
	return resp, err
}
