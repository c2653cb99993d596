package resources_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// wbSecretCase is access_key_secret's twin in the S3 destination of block
// (recording, live_transcription), which the emulator stores as key.
func wbSecretCase(t *testing.T, emu *acctest.Emulator, block, key, extra string) acctest.WriteOnlyCase {
	end := newWBClock().at(2 * time.Hour)
	return acctest.WriteOnlyCase{
		Addr: wbAddr, Plain: block + ".destination.access_key_secret", Replace: true,
		Values: [3]string{"wJalr-S3-first", "wJalr-S3-second", "wJalr-S3-third"},
		Twin: func(v string, version int) string {
			return fmt.Sprintf("access_key_secret_wo = %q\n      access_key_secret_wo_version = %d", v, version)
		},
		PlainLine: func(v string) string { return fmt.Sprintf("access_key_secret = %q", v) },
		Config: func(secret string) string {
			return emu.Config(wbHCL(end, fmt.Sprintf(`%s = {
    %s
    destination = {
      provider      = "s3"
      bucket        = "acme-media/board"
      region        = "eu-north-1"
      access_key_id = "AKIAEXAMPLE"
      %s
    }
  }`, block, extra, secret)))
		},
		Holds: func(s *terraform.State) (string, error) {
			id, err := acctest.StateAttr(s, wbAddr, "id")
			if err != nil {
				return "", err
			}
			m, ok := emu.WherebyStored(t)[id]
			if !ok {
				return "", fmt.Errorf("Whereby has no meeting %s", id)
			}
			obj, _ := m[key].(map[string]any)
			dest, _ := obj["destination"].(map[string]any)
			v, _ := dest["accessKeySecret"].(string)
			return v, nil
		},
	}
}

func wbWriteOnlyCases(t *testing.T, emu *acctest.Emulator) map[string]acctest.WriteOnlyCase {
	return map[string]acctest.WriteOnlyCase{
		"recording":          wbSecretCase(t, emu, "recording", "recording", `type = "cloud"`),
		"live_transcription": wbSecretCase(t, emu, "live_transcription", "liveTranscription", `start_trigger = "manual"`),
	}
}

func TestAccWherebyMeetingWriteOnly(t *testing.T) {
	for _, name := range []string{"recording", "live_transcription"} {
		t.Run(name, func(t *testing.T) {
			acctest.TestWriteOnly(t, wbWriteOnlyCases(t, acctest.NewEmulator(t))[name])
		})
	}
}

func TestAccWherebyMeetingWriteOnly_oldCLI(t *testing.T) {
	for _, name := range []string{"recording", "live_transcription"} {
		t.Run(name, func(t *testing.T) {
			acctest.TestWriteOnlyOnOldCLI(t, wbWriteOnlyCases(t, acctest.NewEmulator(t))[name])
		})
	}
}
