package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/managed"
)

// TestAccQueryEstate is the other route to the same estate, without
// conference-export: terraform query -generate-config-out (Terraform 1.14
// and later) with a list block per managed type writes resource and import
// blocks (by identity); with the sensitive values Terraform leaves null
// filled in, the plan imports every object and changes nothing, and the plan
// after the apply is empty.
func TestAccQueryEstate(t *testing.T) {
	skipUnlessAcc(t)
	if !hasQuery(t, os.Getenv("TF_ACC_TERRAFORM_PATH")) {
		t.Skip("terraform query needs Terraform 1.14 or later")
	}
	est, dir, cli := seededDir(t)
	var q strings.Builder
	rooms := `["` + strings.Join(est.LineRooms, `", "`) + `"]`
	for _, typ := range managed.All() {
		if !typ.Listed() {
			continue // no list resource (managed.Type.Unlisted)
		}
		config := ""
		if typ == &managed.LineMeetingID {
			config = "\n  config {\n    rooms = " + rooms + "\n  }"
		}
		fmt.Fprintf(&q, "list %q \"all\" {\n  provider         = conference\n  include_resource = true%s\n}\n\n", typ.Name, config)
	}
	writeFile(t, filepath.Join(dir, "estate.tfquery.hcl"), q.String())

	cli.run(t, "query", "-generate-config-out=generated.tf")
	generated := filepath.Join(dir, "generated.tf")
	fillSensitive(t, generated, est)
	out := cli.run(t, "plan")
	if want := fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", len(est.Objects)); !strings.Contains(out, want) {
		text, _ := os.ReadFile(generated)
		t.Fatalf("the plan does not import every object with no change (%s):\n%s\ngenerated.tf:\n%s", want, out, text)
	}
	cli.run(t, "apply", "-auto-approve")
	cli.run(t, "plan", "-detailed-exitcode")
}

// hasQuery says whether the CLI at path is Terraform 1.14 or later.
func hasQuery(t *testing.T, path string) bool {
	t.Helper()
	out, err := exec.Command(path, "version").Output()
	if err != nil {
		t.Fatalf("%s version: %v", path, err)
	}
	m := regexp.MustCompile(`^Terraform v(\d+)\.(\d+)`).FindSubmatch(out)
	if m == nil {
		return false
	}
	major, _ := strconv.Atoi(string(m[1]))
	minor, _ := strconv.Atoi(string(m[2]))
	return major > 1 || minor >= 14
}

// fillSensitive writes into each generated resource the sensitive values
// Terraform left null (`attr = null # sensitive`): the resource is the one
// the import block whose identity holds the object's ID goes to.
func fillSensitive(t *testing.T, path string, est acctest.Estate) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	imports := regexp.MustCompile(`(?s)\nimport \{\n\s*to\s*=\s*(\S+)\n.*?\n\}\n`).FindAllStringSubmatch(text, -1)
	for _, o := range est.Objects {
		if len(o.Secrets) == 0 {
			continue
		}
		i := slices.IndexFunc(imports, func(m []string) bool { return strings.Contains(m[0], fmt.Sprintf("%q", o.ID)) })
		if i < 0 {
			t.Fatalf("generated.tf has no import block for %q:\n%s", o.ID, text)
		}
		typ, name, _ := strings.Cut(imports[i][1], ".")
		start := strings.Index(text, fmt.Sprintf("resource %q %q {\n", typ, name))
		if start < 0 {
			t.Fatalf("generated.tf has no resource %s:\n%s", imports[i][1], text)
		}
		end := start + strings.Index(text[start:], "\n}\n")
		text = text[:start] + fillNulls(t, text[start:end], o.Secrets, imports[i][1]) + text[end:]
	}
	writeFile(t, path, text)
}
