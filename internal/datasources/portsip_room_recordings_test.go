package datasources_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

func TestAccPortSIPRoomRecordingsDataSource_basic(t *testing.T) {
	emu := acctest.NewEmulator(t)
	emu.Clock.Freeze(portsipEpoch)
	api := newPortSIPAPI(t, emu)
	room := api.audioRoom("8800", "Weekly sync")
	const ds = "data.conference_portsip_room_recordings.sync"
	config := emu.Config(fmt.Sprintf(`
data "conference_portsip_room_recordings" "sync" {
  id = %q
}
`, room))
	blob := regexp.MustCompile(`^/api/blobs/\S+$`)
	acctest.Test(t,
		resource.TestStep{
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "id", room),
				resource.TestCheckResourceAttr(ds, "recordings.#", "0"),
			),
		},
		resource.TestStep{
			PreConfig: func() {
				// A 90-second recording, then one still running after 30.
				api.roomAction(room, "start_recording")
				emu.AdvanceClock(t, 90*time.Second)
				api.roomAction(room, "stop_recording")
				emu.AdvanceClock(t, 10*time.Minute)
				api.roomAction(room, "start_recording")
				emu.AdvanceClock(t, 30*time.Second)
			},
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "recordings.#", "2"),
				resource.TestCheckResourceAttrSet(ds, "recordings.0.id"),
				resource.TestCheckResourceAttr(ds, "recordings.0.answered_at", "2030-07-21T17:00:00Z"),
				resource.TestCheckResourceAttr(ds, "recordings.0.ended_at", "2030-07-21T17:01:30Z"),
				resource.TestCheckResourceAttr(ds, "recordings.0.duration", "90"),
				// 8 kHz 16-bit mono: 16000 bytes a second.
				resource.TestCheckResourceAttr(ds, "recordings.0.file_size", "1440000"),
				resource.TestCheckResourceAttr(ds, "recordings.0.file_name", "8800_20300721170000.wav"),
				resource.TestMatchResourceAttr(ds, "recordings.0.file_url", blob),

				resource.TestCheckResourceAttr(ds, "recordings.1.answered_at", "2030-07-21T17:11:30Z"),
				resource.TestCheckNoResourceAttr(ds, "recordings.1.ended_at"),
				resource.TestCheckResourceAttr(ds, "recordings.1.duration", "30"),
				resource.TestCheckResourceAttr(ds, "recordings.1.file_name", "8800_20300721171130.wav"),
				resource.TestMatchResourceAttr(ds, "recordings.1.file_url", blob),
			),
		},
	)
}

func TestAccPortSIPRoomRecordingsDataSource_notFound(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_portsip_room_recordings" "gone" {
  id = "NzAwNTUxOTA5NzczMTQ4MTYw"
}
`),
		ExpectError: acctest.ErrorMatching(`There is no PortSIP conference room with id "NzAwNTUxOTA5NzczMTQ4MTYw"`),
	})
}
