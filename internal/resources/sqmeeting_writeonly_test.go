package resources_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// sqSecretCase is the twin of secret (password, live_passcode) on the
// resource at addr, rendered by hcl; path is where the server answers the
// object, field the secret's name in its answer.
func sqSecretCase(t *testing.T, emu *acctest.Emulator, addr, secret, field string, hcl func(...string) string, args []string,
	path string,
) acctest.WriteOnlyCase {
	return acctest.WriteOnlyCase{
		Addr: addr, Plain: secret,
		Values: [3]string{"Tq83-wPz", "Vm51-kRd", "Hx27-cLn"},
		Twin: func(v string, version int) string {
			return fmt.Sprintf("%s_wo = %q\n  %s_wo_version = %d", secret, v, secret, version)
		},
		PlainLine: func(v string) string { return fmt.Sprintf("%s = %q", secret, v) },
		Config: func(lines string) string {
			return emu.Config(hcl(append(append([]string{}, args...), lines)...))
		},
		Holds: func(s *terraform.State) (string, error) {
			id, err := acctest.StateAttr(s, addr, "id")
			if err != nil {
				return "", err
			}
			var got map[string]any
			if err := json.Unmarshal(emu.SQMeeting(t, http.MethodGet, path+id, nil, http.StatusOK), &got); err != nil {
				return "", err
			}
			v, _ := got[field].(string)
			return v, nil
		},
	}
}

var sqReservation = []string{
	`name              = "Board"`,
	`start_time        = "2030-03-05T09:00:00Z"`,
	`end_time          = "2030-03-05T10:00:00Z"`,
	`generate_live_url = true`,
}

func sqWriteOnlyCases(t *testing.T, emu *acctest.Emulator) map[string]acctest.WriteOnlyCase {
	return map[string]acctest.WriteOnlyCase{
		"meeting_password": sqSecretCase(t, emu, sqMeetingAddr, "password", "meeting_password", sqMeetingHCL, sqReservation, "/meeting_schedule/"),
		"meeting_live_passcode": sqSecretCase(t, emu, sqMeetingAddr, "live_passcode", "live_passcode", sqMeetingHCL, sqReservation,
			"/meeting_schedule/"),
		"series_password": sqSecretCase(t, emu, sqSeriesAddr, "password", "meeting_password", sqSeriesHCL, sqDaily, "/meeting_schedule/recurrence/"),
	}
}

func TestAccSQMeetingWriteOnly(t *testing.T) {
	for _, name := range []string{"meeting_password", "meeting_live_passcode", "series_password"} {
		t.Run(name, func(t *testing.T) {
			acctest.TestWriteOnly(t, sqWriteOnlyCases(t, acctest.NewEmulator(t))[name])
		})
	}
}

func TestAccSQMeetingWriteOnly_oldCLI(t *testing.T) {
	for _, name := range []string{"meeting_password", "meeting_live_passcode", "series_password"} {
		t.Run(name, func(t *testing.T) {
			acctest.TestWriteOnlyOnOldCLI(t, sqWriteOnlyCases(t, acctest.NewEmulator(t))[name])
		})
	}
}
