package acctest

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/confkit/terraform-provider-conference/internal/client"
	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
	"github.com/confkit/terraform-provider-conference/internal/provider"
)

// TestOnEmulatorClock runs steps like Test, with a provider whose clients
// keep their rate budgets by the emulator's clock, frozen, and wait by moving
// it: a run that a budget spreads over minutes takes no longer than its
// requests do, and the emulator counts the same minutes as the client.
//
// Nothing else changes: the client's pacing and its recovery from a 429 run
// as they do for users, through the real HTTP stack, against the emulator's
// own budget. The clock moves only when every provider call in progress is
// waiting for it, and then to the earliest time one of them waits for: until
// then something may still send a request, and sending it later than it was
// scheduled would count it in a minute it was not planned for. So the run is
// the one real waiting would give, on any machine, however loaded.
func (e *Emulator) TestOnEmulatorClock(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	e.Clock.Freeze(time.Time{})
	et := &emulatorTime{clock: e.Clock}
	serve := serve(provider.NewWithHTTP("test", func(c *client.Config) {
		c.Now, c.Sleep = et.clock.Now, et.sleep
	}))
	resource.ParallelTest(t, resource.TestCase{
		PreCheck: func() { PreCheck(t) },
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
			provider.TypeName: func() (tfprotov6.ProviderServer, error) {
				s, err := serve()
				if err != nil {
					return nil, err
				}
				return &clockedServer{ProviderServer: s, time: et}, nil
			},
		},
		Steps: steps,
	})
}

// emulatorTime is simulated time: sleeping moves the emulator's clock.
type emulatorTime struct {
	clock *platform.Clock

	mu sync.Mutex
	// calls counts the provider calls in progress; sleepers are those of
	// them that wait for the clock.
	calls    int
	sleepers []*sleeper
}

type sleeper struct {
	until time.Time
	wake  chan struct{}
}

// sleep is client.Config.Sleep.
func (et *emulatorTime) sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	s := &sleeper{wake: make(chan struct{})}
	et.mu.Lock()
	s.until = et.clock.Now().Add(d)
	et.sleepers = append(et.sleepers, s)
	et.advance()
	et.mu.Unlock()
	select {
	case <-s.wake:
		return nil
	case <-ctx.Done():
		et.mu.Lock()
		et.sleepers = slices.DeleteFunc(et.sleepers, func(o *sleeper) bool { return o == s })
		et.advance()
		et.mu.Unlock()
		return ctx.Err()
	}
}

// call counts a provider call in progress; the returned function ends it.
func (et *emulatorTime) call() func() {
	et.mu.Lock()
	et.calls++
	et.mu.Unlock()
	return func() {
		et.mu.Lock()
		et.calls--
		et.advance()
		et.mu.Unlock()
	}
}

// advance moves the clock to the earliest wake-up and wakes those due, once
// every call in progress sleeps: nothing else can happen before that time.
// The caller holds mu.
func (et *emulatorTime) advance() {
	if len(et.sleepers) == 0 || len(et.sleepers) < et.calls {
		return
	}
	next := et.sleepers[0].until
	for _, s := range et.sleepers[1:] {
		if s.until.Before(next) {
			next = s.until
		}
	}
	if d := next.Sub(et.clock.Now()); d > 0 {
		et.clock.Advance(d)
	}
	et.sleepers = slices.DeleteFunc(et.sleepers, func(s *sleeper) bool {
		if s.until.After(next) {
			return false
		}
		close(s.wake)
		return true
	})
}

// clockedServer counts the calls that may send requests (and so sleep).
type clockedServer struct {
	tfprotov6.ProviderServer
	time *emulatorTime
}

func (s *clockedServer) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	defer s.time.call()()
	return s.ProviderServer.ConfigureProvider(ctx, req)
}

func (s *clockedServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	defer s.time.call()()
	return s.ProviderServer.ReadResource(ctx, req)
}

func (s *clockedServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	defer s.time.call()()
	return s.ProviderServer.PlanResourceChange(ctx, req)
}

func (s *clockedServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	defer s.time.call()()
	return s.ProviderServer.ApplyResourceChange(ctx, req)
}

func (s *clockedServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	defer s.time.call()()
	return s.ProviderServer.ImportResourceState(ctx, req)
}

func (s *clockedServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	defer s.time.call()()
	return s.ProviderServer.ReadDataSource(ctx, req)
}
