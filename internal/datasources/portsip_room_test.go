package datasources_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/datasources"
	emuportsip "github.com/confkit/terraform-provider-conference/internal/emulator/portsip"
)

// portsipFullVideoRoom sets every field a room can have.
func portsipFullVideoRoom(ext string) map[string]any {
	return map[string]any{
		"extension_number":   ext,
		"mode":               "VIDEO",
		"control":            "MASTER",
		"height":             1080,
		"width":              1920,
		"bitrate":            2048,
		"framerate":          30,
		"layout":             "LAYOUT4",
		"subject":            "Board meeting",
		"language":           "en-US",
		"capacity":           50,
		"admin_pin":          "1234",
		"room_pin":           "567890",
		"enable_recording":   true,
		"enable_prompt":      false,
		"timezone":           "Asia/Shanghai",
		"scheduled_start_at": "2030-08-01T09:00:00+08:00",
		"scheduled_end_at":   "2030-08-01T10:30:00+08:00",
		"numbers":            "+1 555 0100",
		"internal_invitees":  []string{"user-1", "user-2"},
		"external_invitees":  "ceo@example.com,cfo@example.com",
		"outbound_caller_ids": []map[string]string{
			{"provider_id": "trunk-1", "caller_id": "+15550100", "description": "US trunk"},
			{"provider_id": "trunk-2", "caller_id": "+442071234567"},
		},
		"custom_options": `{"moh": true, "greeting": "board"}`,
	}
}

// portsipCheckFullVideoRoom checks what portsipFullVideoRoom set, as the PBX stores it
// (times in UTC).
func portsipCheckFullVideoRoom(ds, id, ext string) resource.TestCheckFunc {
	return resource.ComposeAggregateTestCheckFunc(
		resource.TestCheckResourceAttr(ds, "id", id),
		resource.TestCheckResourceAttr(ds, "extension_number", ext),
		resource.TestCheckResourceAttr(ds, "mode", "VIDEO"),
		resource.TestCheckResourceAttr(ds, "control", "MASTER"),
		resource.TestCheckResourceAttr(ds, "height", "1080"),
		resource.TestCheckResourceAttr(ds, "width", "1920"),
		resource.TestCheckResourceAttr(ds, "bitrate", "2048"),
		resource.TestCheckResourceAttr(ds, "framerate", "30"),
		resource.TestCheckResourceAttr(ds, "layout", "LAYOUT4"),
		resource.TestCheckResourceAttr(ds, "subject", "Board meeting"),
		resource.TestCheckResourceAttr(ds, "language", "en-US"),
		resource.TestCheckResourceAttr(ds, "capacity", "50"),
		resource.TestCheckResourceAttr(ds, "admin_pin", "1234"),
		resource.TestCheckResourceAttr(ds, "room_pin", "567890"),
		resource.TestCheckResourceAttr(ds, "enable_recording", "true"),
		resource.TestCheckResourceAttr(ds, "enable_prompt", "false"),
		resource.TestCheckResourceAttr(ds, "timezone", "Asia/Shanghai"),
		resource.TestCheckResourceAttr(ds, "scheduled_start_at", "2030-08-01T01:00:00Z"),
		resource.TestCheckResourceAttr(ds, "scheduled_end_at", "2030-08-01T02:30:00Z"),
		resource.TestCheckResourceAttr(ds, "numbers", "+1 555 0100"),
		resource.TestCheckResourceAttr(ds, "internal_invitees.#", "2"),
		resource.TestCheckTypeSetElemAttr(ds, "internal_invitees.*", "user-1"),
		resource.TestCheckTypeSetElemAttr(ds, "internal_invitees.*", "user-2"),
		resource.TestCheckResourceAttr(ds, "external_invitees", "ceo@example.com,cfo@example.com"),
		resource.TestCheckResourceAttr(ds, "outbound_caller_ids.#", "2"),
		resource.TestCheckResourceAttr(ds, "outbound_caller_ids.0.provider_id", "trunk-1"),
		resource.TestCheckResourceAttr(ds, "outbound_caller_ids.0.caller_id", "+15550100"),
		resource.TestCheckResourceAttr(ds, "outbound_caller_ids.0.description", "US trunk"),
		resource.TestCheckResourceAttr(ds, "outbound_caller_ids.1.provider_id", "trunk-2"),
		resource.TestCheckResourceAttr(ds, "outbound_caller_ids.1.caller_id", "+442071234567"),
		resource.TestCheckNoResourceAttr(ds, "outbound_caller_ids.1.description"),
		resource.TestCheckResourceAttr(ds, "custom_options", `{"moh": true, "greeting": "board"}`),
		resource.TestCheckResourceAttr(ds, "domain", emuportsip.DefaultDomain),
		resource.TestCheckResourceAttr(ds, "sbc_host", emuportsip.DefaultDomain),
		resource.TestCheckResourceAttr(ds, "sbc_port", fmt.Sprint(emuportsip.DefaultSBCPort)),
		resource.TestCheckResourceAttr(ds, "created_at", "2030-07-21T17:00:00Z"),
	)
}

// The same room read by ID and by extension number has every attribute the
// PBX holds.
func TestAccPortSIPRoomDataSource_byIDAndExtension(t *testing.T) {
	emu := acctest.NewEmulator(t)
	emu.Clock.Freeze(portsipEpoch)
	api := newPortSIPAPI(t, emu)
	id := api.createRoom(portsipFullVideoRoom("8100"))
	// Rooms whose extensions contain or start with 8100 must not be taken for it.
	api.audioRoom("81000", "Longer extension")
	api.audioRoom("18100", "Other extension")
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(fmt.Sprintf(`
data "conference_portsip_room" "by_id" {
  id = %q
}

data "conference_portsip_room" "by_extension" {
  extension_number = "8100"
}

output "greeting" {
  value = jsondecode(data.conference_portsip_room.by_id.custom_options).greeting
}
`, id)),
		Check: resource.ComposeAggregateTestCheckFunc(
			portsipCheckFullVideoRoom("data.conference_portsip_room.by_id", id, "8100"),
			portsipCheckFullVideoRoom("data.conference_portsip_room.by_extension", id, "8100"),
			resource.TestCheckOutput("greeting", "board"),
		),
	})
}

// An AUDIO room with nothing optional set: the video settings, the unset
// fields and the collections are null, as in the resource.
func TestAccPortSIPRoomDataSource_minimalAudio(t *testing.T) {
	emu := acctest.NewEmulator(t)
	api := newPortSIPAPI(t, emu)
	id := api.audioRoom("8200", "Daily standup")
	const ds = "data.conference_portsip_room.standup"
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
data "conference_portsip_room" "standup" {
  extension_number = "8200"
}
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttr(ds, "id", id),
			resource.TestCheckResourceAttr(ds, "mode", "AUDIO"),
			resource.TestCheckResourceAttr(ds, "subject", "Daily standup"),
			resource.TestCheckResourceAttr(ds, "control", "FREE"),
			resource.TestCheckResourceAttr(ds, "capacity", "9"),
			resource.TestCheckResourceAttr(ds, "enable_recording", "false"),
			resource.TestCheckResourceAttr(ds, "enable_prompt", "true"),
			resource.TestCheckNoResourceAttr(ds, "height"),
			resource.TestCheckNoResourceAttr(ds, "width"),
			resource.TestCheckNoResourceAttr(ds, "bitrate"),
			resource.TestCheckNoResourceAttr(ds, "framerate"),
			resource.TestCheckNoResourceAttr(ds, "layout"),
			resource.TestCheckNoResourceAttr(ds, "language"),
			resource.TestCheckNoResourceAttr(ds, "admin_pin"),
			resource.TestCheckNoResourceAttr(ds, "room_pin"),
			resource.TestCheckNoResourceAttr(ds, "timezone"),
			resource.TestCheckNoResourceAttr(ds, "scheduled_start_at"),
			resource.TestCheckNoResourceAttr(ds, "scheduled_end_at"),
			resource.TestCheckNoResourceAttr(ds, "custom_options"),
			resource.TestCheckResourceAttrSet(ds, "created_at"),
		),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(ds, tfjsonpath.New("internal_invitees"), knownvalue.Null()),
			statecheck.ExpectKnownValue(ds, tfjsonpath.New("outbound_caller_ids"), knownvalue.Null()),
		},
	})
}

// A room the configuration creates is found by its extension number once it
// exists.
func TestAccPortSIPRoomDataSource_fromResource(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(`
resource "conference_portsip_room" "sales" {
  extension_number = "8300"
  mode             = "AUDIO"
  subject          = "Sales weekly"
  room_pin         = "4321"
}

data "conference_portsip_room" "sales" {
  extension_number = conference_portsip_room.sales.extension_number
}
`),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttrPair("data.conference_portsip_room.sales", "id", "conference_portsip_room.sales", "id"),
			resource.TestCheckResourceAttr("data.conference_portsip_room.sales", "subject", "Sales weekly"),
			resource.TestCheckResourceAttr("data.conference_portsip_room.sales", "room_pin", "4321"),
		),
	})
}

func TestAccPortSIPRoomDataSource_errors(t *testing.T) {
	emu := acctest.NewEmulator(t)
	newPortSIPAPI(t, emu).audioRoom("8400", "Exists")
	acctest.Test(t,
		resource.TestStep{
			Config: emu.Config(`
data "conference_portsip_room" "both" {
  id               = "NzAwNTUxOTA5NzczMTQ4MTYw"
  extension_number = "8400"
}
`),
			PlanOnly:    true,
			ExpectError: acctest.ErrorMatching(`Exactly one of these attributes must be configured: [id,extension_number]`),
		},
		resource.TestStep{
			Config: emu.Config(`
data "conference_portsip_room" "neither" {}
`),
			PlanOnly:    true,
			ExpectError: acctest.ErrorMatching(`Exactly one of these attributes must be configured: [id,extension_number]`),
		},
		resource.TestStep{
			Config: emu.Config(`
data "conference_portsip_room" "bad" {
  extension_number = "84a0"
}
`),
			PlanOnly:    true,
			ExpectError: acctest.ErrorMatching(`extension_number must be 3 to 64 digits (0-9)`),
		},
		resource.TestStep{
			Config: emu.Config(`
data "conference_portsip_room" "gone" {
  id = "NzAwNTUxOTA5NzczMTQ4MTYw"
}
`),
			ExpectError: acctest.ErrorMatching(`There is no PortSIP conference room with id "NzAwNTUxOTA5NzczMTQ4MTYw"`),
		},
		resource.TestStep{
			Config: emu.Config(`
data "conference_portsip_room" "gone" {
  extension_number = "8401"
}
`),
			ExpectError: acctest.ErrorMatching(`There is no PortSIP conference room with extension number "8401"`),
		},
	)
}

// The PINs are secrets: Terraform must redact them in plans and output.
func TestPortSIPRoomDataSources_pinsSensitive(t *testing.T) {
	ctx := context.Background()
	for name, ds := range map[string]datasource.DataSource{
		"conference_portsip_room":  datasources.NewPortSIPRoom(),
		"conference_portsip_rooms": datasources.NewPortSIPRooms(),
	} {
		var resp datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("%s: %v", name, resp.Diagnostics)
		}
		attrs := resp.Schema.Attributes
		if name == "conference_portsip_rooms" {
			rooms, ok := resp.Schema.Attributes["rooms"].(schema.ListNestedAttribute)
			if !ok {
				t.Fatalf("%s: rooms is a %T, not a list of objects", name, resp.Schema.Attributes["rooms"])
			}
			attrs = rooms.NestedObject.Attributes
		}
		for _, pin := range []string{"admin_pin", "room_pin"} {
			if !attrs[pin].IsSensitive() {
				t.Errorf("%s: %s is not sensitive", name, pin)
			}
		}
	}
}
