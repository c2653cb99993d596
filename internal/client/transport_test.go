package client

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
)

// TestConcurrentRequestsReuseConnections runs rounds of ten requests at once,
// as Terraform's default parallelism does: once the first round has opened its
// connections, later rounds reuse them instead of opening new ones.
func TestConcurrentRequestsReuseConnections(t *testing.T) {
	const parallel, rounds = 10, 5
	var opened atomic.Int32
	var arrived sync.WaitGroup
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		arrived.Done()
		arrived.Wait() // hold each round's requests until all are in flight
		w.WriteHeader(http.StatusNoContent)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			opened.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	c, err := New(Config{Platform: "Test", BaseURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	for range rounds {
		arrived.Add(parallel)
		var done sync.WaitGroup
		for range parallel {
			done.Go(func() {
				if _, err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"}); err != nil {
					t.Error(err)
				}
			})
		}
		done.Wait()
	}
	if n := opened.Load(); n > parallel {
		t.Errorf("%d rounds of %d requests opened %d connections, want at most %d", rounds, parallel, n, parallel)
	}
}
