package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// TestAccAdoptEstate is the guide's three commands against an estate made
// outside Terraform, with the real CLI (TF_ACC_TERRAFORM_PATH: OpenTofu, or
// Terraform 1.5.7, the oldest with import blocks and generated
// configuration): the exporter's import blocks, plan -generate-config-out,
// the sensitive values filled in as the file's comments ask, apply. Then a
// second plan is empty, and the state holds exactly the seeded objects.
func TestAccAdoptEstate(t *testing.T) {
	skipUnlessAcc(t)
	est, dir, cli := seededDir(t)
	args := []string{"-out", filepath.Join(dir, "imports.tf")}
	for _, r := range est.LineRooms {
		args = append(args, "-line-room", r)
	}
	if code, _, stderr := runCmd(t, args...); code != 0 {
		t.Fatalf("conference-export: exit %d: %s", code, stderr)
	}

	cli.run(t, "plan", "-generate-config-out=generated.tf")
	fillSecrets(t, filepath.Join(dir, "generated.tf"), est)
	out := cli.run(t, "apply", "-auto-approve")
	if want := fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed", len(est.Objects)); !strings.Contains(out, want) {
		t.Errorf("apply did not import every object with no change (%s):\n%s", want, out)
	}
	cli.run(t, "plan", "-detailed-exitcode")

	var show struct {
		Values struct {
			RootModule struct {
				Resources []struct {
					Type   string         `json:"type"`
					Values map[string]any `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(cli.run(t, "show", "-json")), &show); err != nil {
		t.Fatalf("show -json: %v", err)
	}
	var got, want []string
	for _, r := range show.Values.RootModule.Resources {
		got = append(got, fmt.Sprintf("%s %v", r.Type, r.Values["id"]))
	}
	for _, o := range est.Objects {
		want = append(want, o.Type+" "+o.ID)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the state holds\n%s\nwant the seeded objects\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func skipUnlessAcc(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: runs the OpenTofu or Terraform CLI; set TF_ACC=1 and TF_ACC_TERRAFORM_PATH (make test does)")
	}
	acctest.PreCheck(t)
}

// seededDir seeds an estate in a new emulator whose environment variables
// the test sets, and makes a directory whose main.tf requires the provider,
// with the CLI to run there.
func seededDir(t *testing.T) (acctest.Estate, string, *cli) {
	t.Helper()
	emu := acctest.NewEmulator(t)
	est := emu.SeedEstate(t)
	emu.SetEnvironment(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "main.tf"), `terraform {
  required_providers {
    conference = { source = "confkit/conference" }
  }
}
`)
	return est, dir, newCLI(t, dir)
}

// cli runs the test CLI in a directory, with the provider built from this
// tree through dev_overrides (scripts/lib.sh write_dev_tfrc), so that
// nothing is downloaded.
type cli struct {
	path, dir string
	env       []string
}

func newCLI(t *testing.T, dir string) *cli {
	t.Helper()
	bin := t.TempDir()
	root, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		t.Fatalf("finding the module: %v", err)
	}
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-conference"), ".")
	build.Dir = strings.TrimSpace(string(root))
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	rc := filepath.Join(bin, "dev.tfrc")
	writeFile(t, rc, fmt.Sprintf(`provider_installation {
  dev_overrides {
    "confkit/conference" = %[1]q
    "registry.terraform.io/confkit/conference" = %[1]q
  }
  direct {}
}
`, bin))
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	return &cli{path: os.Getenv("TF_ACC_TERRAFORM_PATH"), dir: dir, env: env}
}

// run runs the CLI with args (-input=false and -no-color added where they
// apply) and fails t unless it exits with 0, which for plan
// -detailed-exitcode means no change; it returns standard output.
func (c *cli) run(t *testing.T, args ...string) string {
	t.Helper()
	if args[0] != "show" && args[0] != "query" {
		args = append(args, "-input=false")
	}
	args = append(args, "-no-color")
	cmd := exec.Command(c.path, args...)
	cmd.Dir, cmd.Env = c.dir, c.env
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", c.path, args, err)
	}
	if code != 0 {
		t.Fatalf("%s %s: exit %d\n%s\n%s", filepath.Base(c.path), strings.Join(args, " "), code, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// fillSecrets does what the import blocks' comments ask: it writes into each
// generated resource the sensitive values the CLI left null. Both CLIs head
// each resource with `# __generated__ by <CLI> from "<import ID>"`.
func fillSecrets(t *testing.T, path string, est acctest.Estate) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, o := range est.Objects {
		if len(o.Secrets) == 0 {
			continue
		}
		head := regexp.MustCompile(`# __generated__ by \w+ from "` + regexp.QuoteMeta(o.ID) + `"\n`).FindStringIndex(text)
		if head == nil {
			t.Fatalf("generated.tf has no resource imported from %q:\n%s", o.ID, text)
		}
		end := head[1] + strings.Index(text[head[1]:], "\n}\n")
		text = text[:head[1]] + fillNulls(t, text[head[1]:end], o.Secrets, "the resource imported from "+strconv.Quote(o.ID)) + text[end:]
	}
	writeFile(t, path, text)
}

// fillNulls writes each of secrets into block, a generated resource (what
// in messages), where the CLI left it `null # sensitive`.
func fillNulls(t *testing.T, block string, secrets map[string]string, what string) string {
	t.Helper()
	for _, attr := range slices.Sorted(maps.Keys(secrets)) {
		null := regexp.MustCompile(`(?m)^(\s*` + attr + `\s*=) null # sensitive$`)
		if !null.MatchString(block) {
			t.Fatalf("%s does not leave %s null:\n%s", what, attr, block)
		}
		block = null.ReplaceAllString(block, fmt.Sprintf("${1} %q", secrets[attr]))
	}
	return block
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}
