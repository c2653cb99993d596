package client

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
)

// The client's transport takes its proxy from HTTP_PROXY, HTTPS_PROXY and
// NO_PROXY, as the provider's docs say. net/http reads those once per
// process, so each case runs in a child process of the test binary with its
// own environment.
func TestProxyFromTheEnvironment(t *testing.T) {
	if target := os.Getenv("CLIENT_PROXY_TEST_TARGET"); target != "" {
		c, err := New(Config{Platform: "Test", BaseURL: target, MaxRetries: -1})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/x"})
		t.Logf("result: %v", err)
		return
	}
	var proxied atomic.Int32
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A proxy is asked for the absolute URL.
		if r.URL.Host == "pbx.example.com" {
			proxied.Add(1)
		}
		_, _ = io.WriteString(w, `{}`)
	}))
	defer proxy.Close()
	for _, tc := range []struct {
		noProxy string
		want    int32
	}{{"", 1}, {"pbx.example.com", 0}} {
		proxied.Store(0)
		cmd := exec.Command(os.Args[0], "-test.run=^TestProxyFromTheEnvironment$", "-test.v")
		cmd.Env = append(os.Environ(), "CLIENT_PROXY_TEST_TARGET=http://pbx.example.com/api",
			"HTTP_PROXY="+proxy.URL, "http_proxy="+proxy.URL, "NO_PROXY="+tc.noProxy, "no_proxy="+tc.noProxy)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		if got := proxied.Load(); got != tc.want {
			t.Errorf("NO_PROXY=%q: the proxy saw %d requests, want %d\n%s", tc.noProxy, got, tc.want, out)
		}
		if tc.want == 0 && strings.Contains(string(out), "result: <nil>") {
			t.Errorf("NO_PROXY=%q: the request succeeded without the proxy", tc.noProxy)
		}
	}
}
