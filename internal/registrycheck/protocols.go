package registrycheck

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// The go-plugin handshake's cookie of Terraform and OpenTofu providers
// (terraform-plugin-go's tf5server and tf6server use the same).
const (
	magicCookieKey   = "TF_PLUGIN_MAGIC_COOKIE"
	magicCookieValue = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"
)

// ServedProtocols starts the provider executable the way the CLIs do,
// offering one plugin protocol major version at a time, and returns the
// versions ("5.0", "6.0") the provider accepts. A CLI installs a release
// whatever protocol versions its manifest declares, as long as it speaks one
// of them, and only fails when it starts the provider; a registry serves the
// manifest's versions to CLIs that speak only protocol 5, so the manifest
// must say what the executable serves.
func ServedProtocols(executable string) ([]string, error) {
	var served []string
	for _, major := range []string{"5", "6"} {
		got, err := handshake(executable, major)
		if err != nil {
			return nil, err
		}
		if got == major {
			served = append(served, major+".0")
		}
	}
	return served, nil
}

// handshake starts executable offering protocol major and returns the
// application protocol version of the handshake line it prints (go-plugin:
// CORE|APP|NETWORK|ADDRESS|PROTOCOL), or "" when it refuses to start.
func handshake(executable, major string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, executable)
	cmd.Env = append(os.Environ(), magicCookieKey+"="+magicCookieValue, "PLUGIN_PROTOCOL_VERSIONS="+major)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil {
		return "", err
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		// No handshake: the provider exited, refusing the protocol.
		return "", nil
	}
	fields := strings.Split(strings.TrimSpace(line), "|")
	if len(fields) < 5 {
		return "", fmt.Errorf("%s printed %q, not a plugin handshake", executable, line)
	}
	return fields[1], nil
}

// CheckProtocols fails unless the release's manifest declares exactly the
// protocol versions its provider executable serves.
func (r *Release) CheckProtocols(executable string) error {
	served, err := ServedProtocols(executable)
	if err != nil {
		return err
	}
	declared := slices.Clone(r.Protocols)
	slices.Sort(declared)
	if !slices.Equal(declared, served) {
		return fmt.Errorf("the manifest declares protocol versions %q but the provider serves %q: set metadata.protocol_versions in terraform-registry-manifest.json to %q", r.Protocols, served, served)
	}
	return nil
}
