package resources_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

func linePasscodeCase(emu *acctest.Emulator) acctest.WriteOnlyCase {
	return acctest.WriteOnlyCase{
		Addr: lineAddr, Plain: "passcode", Values: [3]string{"318604", "927153", "460279"},
		Twin: func(v string, version int) string {
			return fmt.Sprintf("passcode_wo = %q\n  passcode_wo_version = %d", v, version)
		},
		PlainLine: func(v string) string { return fmt.Sprintf("passcode = %q", v) },
		Config:    func(secret string) string { return emu.Config(lineHCL(`type = "I"`, secret)) },
		Holds: func(*terraform.State) (string, error) {
			m, ok := emu.LinePlanetAPI().Meeting("ex-service", "ex-room")
			if !ok {
				return "", fmt.Errorf("no meeting ID in room ex-service/ex-room")
			}
			return m.Passcode, nil
		},
	}
}

func TestAccLineMeetingIDWriteOnlyPasscode(t *testing.T) {
	acctest.TestWriteOnly(t, linePasscodeCase(acctest.NewEmulator(t)))
}

func TestAccLineMeetingIDWriteOnlyPasscode_oldCLI(t *testing.T) {
	acctest.TestWriteOnlyOnOldCLI(t, linePasscodeCase(acctest.NewEmulator(t)))
}
