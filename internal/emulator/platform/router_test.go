package platform

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// countingBody records whether the Router read the request body.
type countingBody struct {
	io.Reader
	read bool
}

func (b *countingBody) Read(p []byte) (int, error) {
	b.read = true
	return b.Reader.Read(p)
}

func (b *countingBody) Close() error { return nil }

// Admit runs after Auth (an unauthenticated request is never admitted, so it
// spends no budget) and before the body is read.
func TestRouterAdmit(t *testing.T) {
	var mu sync.RWMutex
	admitted := 0
	rt := &Router{
		Mux:  http.NewServeMux(),
		Lock: &mu,
		Auth: func(r *http.Request) (string, Reply, bool) {
			if r.Header.Get("Authorization") == "" {
				return "", Empty(http.StatusUnauthorized), false
			}
			return "alice", Reply{}, true
		},
		Admit: func(req *Request) (Reply, bool) {
			if req.Header.Get("Authorization") != "" && req.Principal != "alice" {
				t.Errorf("Admit ran before Auth set the principal: %q", req.Principal)
			}
			admitted++
			if admitted > 1 {
				return Empty(http.StatusTooManyRequests), false
			}
			return Reply{}, true
		},
	}
	rt.Handle("POST /x", true, func(*Request) Reply { return Empty(http.StatusNoContent) })
	rt.Handle("POST /open", false, func(*Request) Reply { return Empty(http.StatusNoContent) })

	serve := func(path string, auth bool) (int, bool) {
		body := &countingBody{Reader: strings.NewReader("{}")}
		r := httptest.NewRequest(http.MethodPost, path, body)
		if auth {
			r.Header.Set("Authorization", "yes")
		}
		w := httptest.NewRecorder()
		rt.Mux.ServeHTTP(w, r)
		return w.Code, body.read
	}
	if code, _ := serve("/x", false); code != http.StatusUnauthorized || admitted != 0 {
		t.Fatalf("unauthenticated: HTTP %d, admitted %d times", code, admitted)
	}
	if code, read := serve("/x", true); code != http.StatusNoContent || !read {
		t.Fatalf("first request: HTTP %d, body read %v", code, read)
	}
	if code, read := serve("/x", true); code != http.StatusTooManyRequests || read {
		t.Fatalf("refused request: HTTP %d, body read %v", code, read)
	}
	// Admit applies to routes without auth too.
	if code, _ := serve("/open", false); code != http.StatusTooManyRequests {
		t.Fatalf("route without auth: HTTP %d", code)
	}
}

// GET and HEAD run under the read lock unless the route asks for WriteLock;
// every other method runs under the write lock.
func TestRouterLocks(t *testing.T) {
	var mu sync.RWMutex
	rt := &Router{Mux: http.NewServeMux(), Lock: &mu}
	// Under the write lock a read lock cannot be had; under a read lock it can.
	lockHeld := func(*Request) Reply {
		if mu.TryRLock() {
			mu.RUnlock()
			return JSON(http.StatusOK, "read")
		}
		return JSON(http.StatusOK, "write")
	}
	rt.Handle("GET /read", false, lockHeld)
	rt.Handle("GET /expiring", false, lockHeld, WriteLock())
	rt.Handle("PUT /read", false, lockHeld)
	for _, c := range []struct{ method, path, want string }{
		{http.MethodGet, "/read", "read"},
		{http.MethodGet, "/expiring", "write"},
		{http.MethodHead, "/expiring", "write"},
		{http.MethodPut, "/read", "write"},
	} {
		w := httptest.NewRecorder()
		rt.Mux.ServeHTTP(w, httptest.NewRequest(c.method, c.path, nil))
		// httptest.ResponseRecorder keeps the body of a HEAD answer too.
		if got, want := w.Body.String(), `"`+c.want+`"`+"\n"; got != want {
			t.Errorf("%s %s ran under the %s lock, want %s", c.method, c.path, strings.TrimSpace(got), c.want)
		}
	}
}
