package resources_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// wbSecretCase is access_key_secret's twin in the S3 destination of block
// (recording, live_transcription), which the emulator stores as key.
func wbSecretCase(t *testing.T, emu *acctest.Emulator, end, block, key, extra string) acctest.WriteOnlyCase {
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

func wbWriteOnlyCases(t *testing.T, emu *acctest.Emulator, end string) map[string]acctest.WriteOnlyCase {
	return map[string]acctest.WriteOnlyCase{
		"recording":          wbSecretCase(t, emu, end, "recording", "recording", `type = "cloud"`),
		"live_transcription": wbSecretCase(t, emu, end, "live_transcription", "liveTranscription", `start_trigger = "manual"`),
	}
}

func TestAccWherebyMeetingWriteOnly(t *testing.T) {
	for _, name := range []string{"recording", "live_transcription"} {
		t.Run(name, func(t *testing.T) {
			acctest.TestWriteOnly(t, wbWriteOnlyCases(t, acctest.NewEmulator(t), newWBClock().at(2*time.Hour))[name])
		})
	}
}

func TestAccWherebyMeetingWriteOnly_oldCLI(t *testing.T) {
	for _, name := range []string{"recording", "live_transcription"} {
		t.Run(name, func(t *testing.T) {
			acctest.TestWriteOnlyOnOldCLI(t, wbWriteOnlyCases(t, acctest.NewEmulator(t), newWBClock().at(2*time.Hour))[name])
		})
	}
}

// An imported meeting whose recording destination takes its key from the
// twin: the first plan records the configured recording, version included,
// in place, with no write to Whereby; the state holds no key.
func TestAccWherebyMeetingWriteOnly_import(t *testing.T) {
	emu := acctest.NewEmulator(t)
	// One end for the meeting made elsewhere and the configuration: another
	// would contradict the import and replace the meeting.
	end := newWBClock().at(2 * time.Hour)
	c := wbWriteOnlyCases(t, emu, end)["recording"]
	const key = "wJalr-S3-first"
	var id string
	acctest.Run(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					id = emu.WherebyCreate(t, map[string]any{
						"endDate": end,
						"recording": map[string]any{"type": "cloud", "destination": map[string]any{
							"provider": "s3", "bucket": "acme-media/board", "region": "eu-north-1",
							"accessKeyId": "AKIAEXAMPLE", "accessKeySecret": key,
						}, "startTrigger": nil},
					})
				},
				Config:             c.Config(c.Twin(key, 1)),
				ResourceName:       wbAddr,
				ImportState:        true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
				ImportStatePersist: true,
			},
			{
				Config:            c.Config(c.Twin(key, 1)),
				ConfigPlanChecks:  acctest.ExpectAction(wbAddr, plancheck.ResourceActionUpdate, acctest.NoSecretInPlan(key)),
				ConfigStateChecks: []statecheck.StateCheck{acctest.NoSecretInState(key), acctest.Attr(wbAddr, "recording.destination.access_key_secret_wo_version", knownvalue.Int64Exact(1))},
				Check: func(s *terraform.State) error {
					if n := wbWrites(t, emu); n != 1 {
						return fmt.Errorf("%d writes to Whereby, want 1 (the meeting made elsewhere)", n)
					}
					return nil
				},
			},
		},
	})
}
