package provider_test

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator/lineplanet"
	"github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
	"github.com/confkit/terraform-provider-conference/internal/provider"
)

// TestAccProvider_traceLogsHaveNoSecrets applies a room with PINs at TF_LOG=TRACE
// and reads everything logged: the provider's request logs must be there, and
// the password, the access tokens and the PINs must not.
func TestAccProvider_traceLogsHaveNoSecrets(t *testing.T) {
	clearEnv(t)
	logPath := filepath.Join(t.TempDir(), "acc.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	emu := acctest.NewEmulator(t)
	const adminPIN, roomPIN, passcode = "864209", "753197", "402913"
	resource.Test(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: emu.Config(`
resource "conference_portsip_room" "r" {
  extension_number = "8900"
  mode             = "AUDIO"
  subject          = "Secret keeping"
  admin_pin        = "` + adminPIN + `"
  room_pin         = "` + roomPIN + `"
}

resource "conference_line_meeting_id" "m" {
  room_service_id = "svc"
  room_id         = "room"
  type            = "S"
  passcode        = "` + passcode + `"
}`),
		}},
	})
	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	logs := withoutHarness(string(raw))
	for _, want := range []string{"sending request", "/conference_rooms", "Secret keeping", "/tas/v2/gcall/svc/room/mtg"} {
		if !strings.Contains(logs, want) {
			t.Fatalf("TRACE log lacks %q: the test would not see a leak", want)
		}
	}
	secrets := map[string]string{
		"password": portsip.DefaultPassword, "admin_pin": adminPIN, "room_pin": roomPIN, "passcode": passcode,
		"LINE API secret":        lineplanet.DefaultAPISecret,
		"LINE Basic credentials": base64.StdEncoding.EncodeToString([]byte(lineplanet.DefaultAPIKey + ":" + lineplanet.DefaultAPISecret)),
	}
	for i, tok := range emu.PortSIPAPI().IssuedTokens() {
		secrets[fmt.Sprintf("token %d", i)] = tok
	}
	for name, s := range secrets {
		if strings.Contains(logs, s) {
			i := strings.Index(logs, s)
			lo, hi := max(0, i-200), min(len(logs), i+100)
			t.Errorf("%s appears in the TRACE log:\n...%s...", name, logs[lo:hi])
		}
	}
}

var entryStart = regexp.MustCompile(`(?m)^\d{4}-\d{2}-\d{2}T`)

// withoutHarness drops the test harness's own entries: it logs each step's
// configuration, PIN literals included, which no user run of Terraform does.
func withoutHarness(logs string) string {
	var kept strings.Builder
	starts := entryStart.FindAllStringIndex(logs, -1)
	for i, s := range starts {
		end := len(logs)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		entry := logs[s[0]:end]
		if !strings.Contains(entry, " sdk.helper_resource: ") {
			kept.WriteString(entry)
		}
	}
	return kept.String()
}

// TestQuietLogsUnlessAsked: the loggers are turned off only when no variable
// asks for logs; any one of them leaves the environment as it was. main_test.go
// checks what the provider process then writes.
func TestQuietLogsUnlessAsked(t *testing.T) {
	loggers := []string{"TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO", "TF_LOG_PROVIDER_CONFERENCE"}
	askers := append([]string{"TF_LOG", "TF_LOG_PROVIDER", "TF_ACC_LOG_PATH"}, loggers...)
	for _, asked := range append([]string{""}, askers...) {
		t.Run("asked by "+asked, func(t *testing.T) {
			for _, v := range askers {
				t.Setenv(v, "")
			}
			if asked != "" {
				t.Setenv(asked, "DEBUG")
			}
			provider.QuietLogsUnlessAsked()
			for _, v := range loggers {
				want := "OFF"
				if asked != "" {
					want = map[bool]string{true: "DEBUG", false: ""}[v == asked]
				}
				if got := os.Getenv(v); got != want {
					t.Errorf("%s = %q, want %q", v, got, want)
				}
			}
		})
	}
}
