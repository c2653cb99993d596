package datasources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// 130 rooms take two pages of 100: the data source must return every one, once.
func TestAccPortSIPRoomsDataSource_allPages(t *testing.T) {
	emu := acctest.NewEmulator(t)
	api := newPortSIPAPI(t, emu)
	exts := make([]string, 0, 130)
	for i := range 130 {
		ext := fmt.Sprint(7000 + i)
		api.audioRoom(ext, "Room "+ext)
		exts = append(exts, ext)
	}
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_portsip_rooms" "all" {}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.conference_portsip_rooms.all", tfjsonpath.New("rooms"), knownvalue.ListSizeExact(130)),
		},
		Check: resource.ComposeAggregateTestCheckFunc(
			acctest.CheckListValues("data.conference_portsip_rooms.all", "rooms", "extension_number", exts),
			resource.TestCheckResourceAttr("data.conference_portsip_rooms.all", "rooms.129.extension_number", "7129"),
			resource.TestCheckResourceAttr("data.conference_portsip_rooms.all", "rooms.129.subject", "Room 7129"),
		),
	})
}

func TestAccPortSIPRoomsDataSource_query(t *testing.T) {
	emu := acctest.NewEmulator(t)
	emu.Clock.Freeze(portsipEpoch)
	api := newPortSIPAPI(t, emu)
	weekly := api.createRoom(map[string]any{
		"extension_number": "8001", "mode": "AUDIO", "subject": "Sales weekly", "capacity": 10,
		"admin_pin": "111", "room_pin": "222",
	})
	api.createRoom(portsipFullVideoRoom("8002"))
	api.createRoom(map[string]any{"extension_number": "8003", "mode": "AUDIO", "subject": "Support standup", "capacity": 20})
	const ds = "data.conference_portsip_rooms"
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_portsip_rooms" "audio" {
  filter = "mode eq 'AUDIO'"
}

data "conference_portsip_rooms" "sales" {
  search = "sales"
}

data "conference_portsip_rooms" "board" {
  search = "board"
}

data "conference_portsip_rooms" "by_capacity" {
  orderby = "capacity desc"
}

data "conference_portsip_rooms" "small_audio" {
  filter  = "mode eq 'AUDIO' and capacity le 20"
  orderby = "extension_number desc"
}

data "conference_portsip_rooms" "none" {
  filter = "extension_number eq '9999'"
}
`),
		ConfigStateChecks: []statecheck.StateCheck{
			// No invitees read back as null, as in the resource.
			statecheck.ExpectKnownValue(ds+".audio", tfjsonpath.New("rooms").AtSliceIndex(0).AtMapKey("internal_invitees"), knownvalue.Null()),
		},
		Check: resource.ComposeAggregateTestCheckFunc(
			acctest.CheckListOrder(ds+".audio", "rooms", "extension_number", "8001", "8003"),
			// The list's summary of a room: its own fields, PINs included.
			resource.TestCheckResourceAttr(ds+".audio", "rooms.0.id", weekly),
			resource.TestCheckResourceAttr(ds+".audio", "rooms.0.subject", "Sales weekly"),
			resource.TestCheckResourceAttr(ds+".audio", "rooms.0.capacity", "10"),
			resource.TestCheckResourceAttr(ds+".audio", "rooms.0.admin_pin", "111"),
			resource.TestCheckResourceAttr(ds+".audio", "rooms.0.room_pin", "222"),
			resource.TestCheckResourceAttr(ds+".audio", "rooms.0.control", "FREE"),
			resource.TestCheckNoResourceAttr(ds+".audio", "rooms.0.height"),
			resource.TestCheckResourceAttr(ds+".audio", "rooms.0.created_at", "2030-07-21T17:00:00Z"),
			resource.TestCheckNoResourceAttr(ds+".audio", "rooms.1.room_pin"),

			acctest.CheckListOrder(ds+".sales", "rooms", "extension_number", "8001"),

			// A summary of a VIDEO room carries everything the list gives.
			acctest.CheckListOrder(ds+".board", "rooms", "extension_number", "8002"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.mode", "VIDEO"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.height", "1080"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.width", "1920"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.bitrate", "2048"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.framerate", "30"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.layout", "LAYOUT4"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.language", "en-US"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.admin_pin", "1234"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.enable_recording", "true"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.enable_prompt", "false"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.timezone", "Asia/Shanghai"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.scheduled_start_at", "2030-08-01T01:00:00Z"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.scheduled_end_at", "2030-08-01T02:30:00Z"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.numbers", "+1 555 0100"),
			resource.TestCheckTypeSetElemAttr(ds+".board", "rooms.0.internal_invitees.*", "user-2"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.external_invitees", "ceo@example.com,cfo@example.com"),
			resource.TestCheckResourceAttr(ds+".board", "rooms.0.custom_options", `{"moh": true, "greeting": "board"}`),

			acctest.CheckListOrder(ds+".by_capacity", "rooms", "extension_number", "8002", "8003", "8001"),
			acctest.CheckListOrder(ds+".small_audio", "rooms", "extension_number", "8003", "8001"),
			resource.TestCheckResourceAttr(ds+".none", "rooms.#", "0"),
		),
	})
}

// An orderby field the PBX does not know fails with its explanation.
func TestAccPortSIPRoomsDataSource_badOrderBy(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_portsip_rooms" "bad" {
  orderby = "popularity desc"
}
`),
		ExpectError: regexp.MustCompile(`(?s)PortSIP rejected reading conference rooms.*VALIDATE_FAILED.*popularity`),
	})
}
