package acctest

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"sync"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// CLIRuns says whether the CLI the tests run (TF_ACC_TERRAFORM_PATH) passes
// checks, which would skip a test case on another: for a test that leaves
// out only some of its resources there (a user needs a CLI that takes
// write-only arguments), where a test case with checks would skip them all.
func CLIRuns(t testing.TB, checks []tfversion.TerraformVersionCheck) bool {
	t.Helper()
	if os.Getenv(resource.EnvTfAcc) == "" {
		// As resource.Test does: without TF_ACC no CLI is run, and none
		// need be there to ask.
		t.Skipf("Acceptance tests skipped unless env '%s' set", resource.EnvTfAcc)
	}
	v, err := cliVersion()
	if err != nil {
		t.Fatalf("%s version -json: %v", os.Getenv("TF_ACC_TERRAFORM_PATH"), err)
	}
	for _, c := range checks {
		var resp tfversion.CheckTerraformVersionResponse
		c.CheckTerraformVersion(context.Background(), tfversion.CheckTerraformVersionRequest{TerraformVersion: v}, &resp)
		if resp.Skip != "" || resp.Error != nil {
			return false
		}
	}
	return true
}

// cliVersion is the version the CLI reports, asked once.
var cliVersion = sync.OnceValues(func() (*version.Version, error) {
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		cli = "terraform" // from PATH, where terraform-plugin-testing looks too
	}
	out, err := exec.Command(cli, "version", "-json").Output()
	if err != nil {
		return nil, err
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		return nil, err
	}
	return version.NewVersion(v.Version)
})
