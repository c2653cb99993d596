package datasources_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

const (
	wbDS     = "data.conference_whereby_meeting.test"
	wbListDS = "data.conference_whereby_meetings.test"
)

// wbEnd is a time d from now in RFC 3339, whole seconds, UTC.
func wbEnd(d time.Duration) string {
	return time.Now().Add(d).UTC().Truncate(time.Second).Format(time.RFC3339)
}

// One meeting by ID: its room and dates, and the URLs that fields asks for.
func TestAccWherebyMeetingDataSource_read(t *testing.T) {
	emu := acctest.NewEmulator(t)
	now := time.Now().UTC().Truncate(time.Second)
	end := wbEnd(2 * time.Hour)
	emu.FreezeClock(t, now.Format(time.RFC3339))
	id := emu.WherebyCreate(t, map[string]any{"endDate": end, "templateType": "viewerMode", "roomNamePrefix": "town-hall-"})
	config := func(fields string) string {
		return emu.Config(fmt.Sprintf(`
data "conference_whereby_meeting" "test" {
  id     = %q
  %s
}
`, id, fields))
	}
	acctest.Test(t,
		resource.TestStep{
			Config: emu.Config(`
data "conference_whereby_meeting" "test" {
  id = "a/b"
}
`),
			ExpectError: acctest.ErrorMatching("must be a Whereby meeting ID"),
		},
		resource.TestStep{
			Config:           config(`fields = ["hostRoomUrl", "viewerRoomUrl"]`),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(wbDS, "room_name", knownvalue.StringRegexp(regexp.MustCompile(`^/town-hall-[0-9a-f-]{36}$`))),
				acctest.Attr(wbDS, "room_url", knownvalue.StringRegexp(regexp.MustCompile(`^https://emulator\.whereby\.test/town-hall-`))),
				acctest.Attr(wbDS, "start_date", knownvalue.StringExact(now.Format(time.RFC3339))),
				acctest.Attr(wbDS, "end_date", knownvalue.StringExact(end)),
				acctest.Attr(wbDS, "host_room_url", knownvalue.StringRegexp(regexp.MustCompile(`\?roomKey=`))),
				acctest.Attr(wbDS, "viewer_room_url", knownvalue.StringRegexp(regexp.MustCompile(`\?viewerKey=`))),
				statecheck.ExpectSensitiveValue(wbDS, tfjsonpath.New("host_room_url")),
			},
			Check: func(s *terraform.State) error {
				return resource.TestCheckResourceAttr(wbDS, "id", id)(s)
			},
		},
		resource.TestStep{
			// Not asked for, not returned.
			Config:           config(""),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(wbDS, "host_room_url", knownvalue.Null()),
				acctest.Attr(wbDS, "viewer_room_url", knownvalue.Null()),
			},
		},
		resource.TestStep{
			// An hour after its end the meeting is gone: an error.
			PreConfig:   func() { emu.AdvanceClock(t, 3*time.Hour) },
			Config:      config(""),
			ExpectError: acctest.ErrorMatching("Whereby meeting not found"),
		},
		resource.TestStep{
			// Nothing is left to read: the post-test destroy has nothing to fail on.
			Config: emu.ProviderConfig(),
		},
	)
}

// The data source reads what the resource made.
func TestAccWherebyMeetingDataSource_ofTheResource(t *testing.T) {
	emu := acctest.NewEmulator(t)
	acctest.Test(t, resource.TestStep{
		Config: emu.Config(fmt.Sprintf(`
resource "conference_whereby_meeting" "standup" {
  end_date = %q
  fields   = ["hostRoomUrl"]
}

data "conference_whereby_meeting" "test" {
  id     = conference_whereby_meeting.standup.id
  fields = ["hostRoomUrl"]
}
`, wbEnd(time.Hour))),
		ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
		Check: resource.ComposeAggregateTestCheckFunc(
			resource.TestCheckResourceAttrPair(wbDS, "room_url", "conference_whereby_meeting.standup", "room_url"),
			resource.TestCheckResourceAttrPair(wbDS, "host_room_url", "conference_whereby_meeting.standup", "host_room_url"),
			resource.TestCheckResourceAttrPair(wbDS, "end_date", "conference_whereby_meeting.standup", "end_date"),
			resource.TestCheckResourceAttrPair(wbDS, "start_date", "conference_whereby_meeting.standup", "start_date"),
		),
	})
}

// The list follows the cursor through every page: 230 meetings are three
// pages of 100, and none is lost or repeated. An expired one is not listed.
func TestAccWherebyMeetingsDataSource_everyPage(t *testing.T) {
	emu := acctest.NewEmulator(t)
	const n = 230
	var ids []string
	config := func(fields string) string {
		return emu.Config(`
data "conference_whereby_meetings" "test" {
  ` + fields + `
}
`)
	}
	acctest.Test(t,
		resource.TestStep{
			Config:           config(""),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(wbListDS, "meetings", knownvalue.ListSizeExact(0)),
			},
		},
		resource.TestStep{
			PreConfig: func() {
				// One meeting ends an hour before the others.
				emu.WherebyCreate(t, map[string]any{"endDate": wbEnd(time.Hour)})
				for range n {
					ids = append(ids, emu.WherebyCreate(t, map[string]any{"endDate": wbEnd(3 * time.Hour)}))
				}
				emu.AdvanceClock(t, 2*time.Hour+time.Second)
				emu.Admin(t, http.MethodDelete, "journal", nil)
			},
			Config:           config(`fields = ["hostRoomUrl"]`),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(wbListDS, "meetings", knownvalue.ListSizeExact(n)),
				acctest.Attr(wbListDS, "meetings.0.host_room_url", knownvalue.NotNull()),
				acctest.Attr(wbListDS, "meetings.229.host_room_url", knownvalue.NotNull()),
				acctest.Attr(wbListDS, "meetings.0.viewer_room_url", knownvalue.Null()),
				statecheck.ExpectSensitiveValue(wbListDS, tfjsonpath.New("meetings").AtSliceIndex(0).AtMapKey("host_room_url")),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				func(s *terraform.State) error { return acctest.CheckListValues(wbListDS, "meetings", "id", ids)(s) },
				func(*terraform.State) error {
					// Each read: a first page, then two by cursor.
					var pages []string
					for _, e := range emu.Journal(t) {
						if e.Path != "/v1/meetings" {
							continue
						}
						if !strings.Contains(e.Query, "limit=100") {
							return fmt.Errorf("listed with %q, want pages of 100", e.Query)
						}
						page := "first"
						if strings.Contains(e.Query, "cursor=") {
							page = "next"
						}
						pages = append(pages, page)
					}
					got := strings.Join(pages, " ")
					if want := strings.Repeat("first next next ", len(pages)/3); got+" " != want || got == "" {
						return fmt.Errorf("list requests %q: want each read to be three pages", got)
					}
					return nil
				},
			),
		},
	)
}
