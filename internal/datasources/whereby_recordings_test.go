package datasources_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// seedWherebyRecordings makes n recordings of room appear (with their live
// transcriptions), as finished meetings leave them: the admin API's seed.
func seedWherebyRecordings(t *testing.T, emu *acctest.Emulator, room string, n int) {
	t.Helper()
	start := time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC)
	recs := make([]map[string]any, n)
	for i := range recs {
		s := start.Add(time.Duration(i) * time.Hour)
		recs[i] = map[string]any{"roomName": room, "startDate": s, "endDate": s.Add(time.Duration(i+1) * time.Minute),
			"sizeInMegaBytes": float64(i + 1), "transcribed": true}
	}
	emu.Admin(t, http.MethodPost, "seed", map[string]any{"whereby": map[string]any{"recordings": recs}})
}

// wherebyListRequests counts the list requests the emulator served on path.
func wherebyListRequests(emu *acctest.Emulator, path string) int {
	n := 0
	for _, e := range emu.JournalEntries() {
		if e.Method == http.MethodGet && e.Path == path {
			n++
		}
	}
	return n
}

// Every page (130 recordings: two pages of at most 100), the room filter
// and the order; the same for transcriptions.
func TestAccWherebyRecordingsAndTranscriptions(t *testing.T) {
	emu := acctest.NewEmulator(t)
	seedWherebyRecordings(t, emu, "/alpha", 125)
	seedWherebyRecordings(t, emu, "/beta", 5)
	acctest.Test(t,
		resource.TestStep{
			Config: emu.Config(`
data "conference_whereby_recordings" "bad" {
  room_name = "alpha"
}`),
			ExpectError: acctest.ErrorMatching("must be a room name starting with /"),
		},
		resource.TestStep{
			Config: emu.Config(`
data "conference_whereby_transcriptions" "bad" {
  sort_by = "duration:asc"
}`),
			ExpectError: acctest.ErrorMatching("durationInSeconds:asc"),
		},
		resource.TestStep{
			PreConfig: func() {
				// A summary of /beta's first transcription, as Whereby makes one.
				raw := emu.Whereby(t, http.MethodGet, "/transcriptions?roomName=/beta&sortBy=startDate:asc", nil, http.StatusOK)
				var ts struct {
					Results []struct {
						ID string `json:"transcriptionId"`
					} `json:"results"`
				}
				if err := json.Unmarshal(raw, &ts); err != nil || len(ts.Results) == 0 {
					t.Fatalf("transcriptions of /beta: %v %s", err, raw)
				}
				emu.Whereby(t, http.MethodPost, "/summaries", map[string]any{"transcriptionId": ts.Results[0].ID, "template": "SOAP"}, http.StatusCreated)
				emu.Admin(t, http.MethodDelete, "journal", nil)
			},
			Config: emu.Config(`
data "conference_whereby_recordings" "all" {}

data "conference_whereby_recordings" "beta" {
  room_name = "/beta"
  sort_by   = "sizeInMegaBytes:desc"
}

data "conference_whereby_transcriptions" "alpha" {
  room_name = "/alpha"
  sort_by   = "durationInSeconds:desc"
}

data "conference_whereby_summaries" "all" {}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr("data.conference_whereby_recordings.beta", "recordings.0.size_in_megabytes", knownvalue.Float64Exact(5)),
				acctest.Attr("data.conference_whereby_recordings.beta", "recordings.4.start_date", knownvalue.StringExact("2030-01-01T09:00:00Z")),
				acctest.Attr("data.conference_whereby_transcriptions.alpha", "transcriptions.0.duration_in_seconds", knownvalue.Float64Exact(125*60)),
				acctest.Attr("data.conference_whereby_transcriptions.alpha", "transcriptions.0.type", knownvalue.StringExact("LIVE_TRANSCRIPTION")),
				acctest.Attr("data.conference_whereby_transcriptions.alpha", "transcriptions.0.room_name", knownvalue.StringExact("/alpha")),
				acctest.Attr("data.conference_whereby_summaries.all", "summaries", knownvalue.ListSizeExact(1)),
				acctest.Attr("data.conference_whereby_summaries.all", "summaries.0.template", knownvalue.StringExact("SOAP")),
				acctest.Attr("data.conference_whereby_summaries.all", "summaries.0.room_name", knownvalue.StringExact("/beta")),
				acctest.Attr("data.conference_whereby_summaries.all", "summaries.0.start_date", knownvalue.StringExact("2030-01-01T09:00:00Z")),
				acctest.Attr("data.conference_whereby_summaries.all", "summaries.0.text", knownvalue.NotNull()),
			},
			Check: func(s *terraform.State) error {
				for addr, want := range map[string]string{
					"data.conference_whereby_recordings.all":       "130",
					"data.conference_whereby_recordings.beta":      "5",
					"data.conference_whereby_transcriptions.alpha": "125",
				} {
					list := "recordings.#"
					if strings.Contains(addr, "transcriptions") {
						list = "transcriptions.#"
					}
					if got, err := acctest.StateAttr(s, addr, list); err != nil || got != want {
						return fmt.Errorf("%s holds %s items, want %s (%w)", addr, got, want, err)
					}
				}
				// Pages of 100: two for all 130, one for /beta, two for /alpha's
				// transcriptions, per read (the plan's and the apply's).
				if n := wherebyListRequests(emu, "/v1/recordings"); n%3 != 0 || n == 0 {
					return fmt.Errorf("%d GET /v1/recordings, want 3 per read", n)
				}
				return nil
			},
		},
	)
}
