package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"google.golang.org/protobuf/types/known/emptypb"
)

// serveEnv makes the test binary run main: the tests start it as the CLI
// starts the provider, and read what the real process writes to stderr.
const serveEnv = "CONFERENCE_TEST_SERVE_PROVIDER"

func TestMain(m *testing.M) {
	if os.Getenv(serveEnv) != "" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestLogs serves one request (GetProviderSchema) from the provider process
// and looks at its stderr, where the SDK writes its JSON log lines for the CLI:
// none without a level asked for, and the usual ones with one.
func TestLogs(t *testing.T) {
	for _, tc := range []struct {
		env  []string
		want []string // modules that must log; none when empty
	}{
		{env: nil},
		{env: []string{"TF_LOG_CORE=TRACE"}}, // the CLI's own logs only
		{env: []string{"TF_LOG=TRACE"}, want: []string{`"@module":"sdk.proto"`, `"@module":"sdk.framework"`}},
		{env: []string{"TF_LOG=WARN"}, want: []string{`"@module":"sdk.proto"`}}, // the CLI filters, as it always did
		{env: []string{"TF_LOG_PROVIDER=DEBUG"}, want: []string{`"@module":"sdk.framework"`}},
		{env: []string{"TF_LOG_SDK_PROTO=TRACE"}, want: []string{`"@module":"sdk.proto"`}},
		{env: []string{"TF_LOG_SDK_FRAMEWORK=TRACE"}, want: []string{`"@module":"sdk.framework"`}},
	} {
		name := "no variable"
		if len(tc.env) > 0 {
			name = strings.Join(tc.env, " ")
		}
		t.Run(name, func(t *testing.T) {
			stderr := serveOneRequest(t, tc.env)
			if len(tc.want) == 0 {
				if strings.Contains(stderr, `"@module"`) {
					t.Fatalf("no level was asked for, and the provider logged:\n%s", stderr)
				}
				return
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("with %v, no %s line in the provider's stderr:\n%s", tc.env, w, stderr)
				}
			}
		})
	}
}

// serveOneRequest starts this test binary as the provider, the way the CLI
// does (go-plugin's handshake, environment variables given only by env), asks
// it for its schema and returns everything it wrote to stderr.
func serveOneRequest(t *testing.T, env []string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append([]string{serveEnv + "=1", "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	var stderr lockedBuffer
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig: plugin.HandshakeConfig{
			MagicCookieKey:   "TF_PLUGIN_MAGIC_COOKIE",
			MagicCookieValue: "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
		},
		VersionedPlugins: map[int]plugin.PluginSet{6: {}},
		Cmd:              cmd,
		SkipHostEnv:      true,
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		Stderr:           &stderr,
		Logger:           hclog.NewNullLogger(),
	})
	defer client.Kill()
	proto, err := client.Client()
	if err != nil {
		t.Fatal(err)
	}
	conn, ok := proto.(*plugin.GRPCClient)
	if !ok {
		t.Fatalf("client is %T, want a gRPC client", proto)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// The request message is empty, so an empty message stands for it; the
	// response's fields are not needed.
	if err := conn.Conn.Invoke(ctx, "/tfplugin6.Provider/GetProviderSchema", &emptypb.Empty{}, &emptypb.Empty{}); err != nil {
		t.Fatal(err)
	}
	client.Kill() // waits for the process and its stderr
	return stderr.String()
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
