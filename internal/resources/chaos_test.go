package resources_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
)

// The chaos test: every platform fails 30% of the requests at random, in
// every way a network and a server can, and an apply of many resources of
// every type still succeeds on the first try, makes each object once, plans
// nothing more, and a destroy under the same faults leaves nothing but what
// the types' destroy keeps (acctest.DestroyLeaves: the users, once each).
//
// CI runs chaosSeeds with chaosResources resources. CHAOS_SEEDS (seeds,
// comma-separated, or "random") and CHAOS_RESOURCES (how many) run more.

var (
	chaosSeeds     = []int64{1, 2, 3}
	chaosResources = 50
)

// chaosMaxRetries is what a user behind a network that fails 30% of the
// requests would configure: a request then fails for good with a chance of
// 0.3^(max_retries+1), one in six million at 12, over the thousands of
// requests of an apply, a refresh and a destroy.
const chaosMaxRetries = 12

// chaosRate is the share of requests that fail.
const chaosRate = 0.3

// chaosFaults are the failures, in equal shares of chaosRate: refusals that
// change nothing (503, 429 with Retry-After, a dropped connection), and
// failures after the platform did the work (after_write: a 500, a 503, a
// dropped connection).
var chaosFaults = []map[string]any{
	{"status": 503},
	{"status": 429, "retry_after": 1},
	{"drop": true},
	{"status": 500, "after_write": true},
	{"status": 503, "after_write": true},
	{"drop": true, "after_write": true},
}

func TestAccChaos(t *testing.T) {
	seeds, n := chaosSeeds, chaosResources
	if v := os.Getenv("CHAOS_SEEDS"); v != "" {
		seeds = nil
		for _, s := range strings.Split(v, ",") {
			if s == "random" {
				seeds = append(seeds, time.Now().UnixNano()%1_000_000)
				continue
			}
			seed, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
			if err != nil {
				t.Fatalf("CHAOS_SEEDS: %q is not a number", s)
			}
			seeds = append(seeds, seed)
		}
	}
	if v := os.Getenv("CHAOS_RESOURCES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			t.Fatalf("CHAOS_RESOURCES: %q is not a positive number", v)
		}
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprintf("seed_%d", seed), func(t *testing.T) { chaosRun(t, seed, n) })
	}
}

func chaosRun(t *testing.T, seed int64, n int) {
	emu := acctest.NewEmulator(t)
	before := emu.Objects(t)
	// Each rule fires on its share of the requests that reach it: the rules
	// are tried in order, so the k-th of m fires on 1/(m-k) of what the
	// ones before let through, for equal shares of the whole.
	share := chaosRate / float64(len(chaosFaults))
	left := 1.0
	for i, f := range chaosFaults {
		rule := map[string]any{"path_prefix": "/", "rate": share / left, "seed": seed*100 + int64(i)}
		for k, v := range f {
			rule[k] = v
		}
		emu.Admin(t, http.MethodPost, "faults", rule)
		left -= share
	}
	var start time.Time
	// A user needs a CLI that takes write-only arguments (its password).
	users := acctest.CLIRuns(t, writeOnlyCLIs)
	if !users {
		t.Logf("seed %d: no users: this CLI takes no write-only arguments", seed)
	}
	config := emu.ConfigRetrying(chaosMaxRetries, chaosConfig(n, users))
	acctest.Run(t, resource.TestCase{
		PreCheck: func() {
			start = time.Now() // once the test runs: ParallelTest waits its turn first
		},
		CheckDestroy: func(s *terraform.State) error {
			left, want := chaosMade(emu.Objects(t), before), acctest.DestroyLeaves(s)
			if !maps.EqualFunc(left, want, slices.Equal) {
				return fmt.Errorf("the destroy left %v, want %v", left, want)
			}
			t.Logf("seed %d: the destroy left %d users, those in the state", seed, len(left["conference_sqmeeting_user"]))
			return nil
		},
		Steps: []resource.TestStep{{
			Config:           config,
			ConfigPlanChecks: acctest.EmptyPlanAfterApply(),
			Check: func(s *terraform.State) error {
				lost := chaosLostCreates(emu, chaosIsCreate)
				lostUsers := chaosLostCreates(emu, func(path string) bool { return path == "/api/v1/user/users" })
				made := chaosMade(emu.Objects(t), before)
				t.Logf("seed %d: %d resources applied in %s (%d users); %d create answers lost after the write (%d of users)",
					seed, n, time.Since(start).Round(time.Second), len(made["conference_sqmeeting_user"]), lost, lostUsers)
				return chaosSameAsState(s, made)
			},
		}},
	})
	var got struct {
		Faults []struct{ Matched, Hits int }
	}
	if err := json.Unmarshal(emu.Admin(t, http.MethodGet, "faults", nil), &got); err != nil {
		t.Fatal(err)
	}
	rules := got.Faults
	hits := make([]string, len(rules))
	total := 0
	for i, r := range rules {
		hits[i] = fmt.Sprint(r.Hits)
		total += r.Hits
	}
	t.Logf("seed %d: %d requests in %s, %d faulted (503, 429, drop, after_write 500, 503, drop: %s)",
		seed, rules[0].Matched, time.Since(start).Round(time.Second), total, strings.Join(hits, ", "))
}

// chaosConfig is n resources, of every type in turn (users too, when
// users), each with a key of its own.
func chaosConfig(n int, users bool) string {
	end := time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339)
	types := 9
	if users {
		types = 10
	}
	var b strings.Builder
	for i := range n {
		switch i % types {
		case 0:
			fmt.Fprintf(&b, `
resource "conference_portsip_server" "s%d" {
  name             = "chaos-%d"
  ipv4             = "198.51.100.%d"
  max_rooms        = 10
  max_participants = 100
}
`, i, i, i%250+1)
		case 1:
			fmt.Fprintf(&b, `
resource "conference_portsip_room" "r%d" {
  extension_number = "%d"
  mode             = "AUDIO"
  subject          = "Chaos %d"
  capacity         = 10
}
`, i, 7000+i, i)
		case 2:
			fmt.Fprintf(&b, `
resource "conference_portsip_meeting" "m%d" {
  mode     = "AUDIO"
  subject  = "Chaos %d"
  timezone = "UTC"
}
`, i, i)
		case 3:
			fmt.Fprintf(&b, `
resource "conference_line_meeting_id" "l%d" {
  room_service_id = "chaos"
  room_id         = "room-%d"
  type            = "S"
  title           = "Chaos %d"
}
`, i, i, i)
		case 4:
			start := time.Date(2031, 1, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
			fmt.Fprintf(&b, `
resource "conference_sqmeeting_meeting" "q%d" {
  name       = "Chaos %d"
  start_time = %q
  end_time   = %q
}
`, i, i, start.Format(time.RFC3339), start.Add(30*time.Minute).Format(time.RFC3339))
		case 5:
			fmt.Fprintf(&b, `
resource "conference_whereby_meeting" "w%d" {
  end_date         = %q
  room_name_prefix = "chaos-%d-"
}
`, i, end, i)
		case 6:
			fmt.Fprintf(&b, `
resource "conference_sqmeeting_meeting" "i%d" {
  name = "Chaos now %d"
  type = "instant"
}
`, i, i)
		case 7:
			start := time.Date(2031, 2, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i) * 24 * time.Hour)
			fmt.Fprintf(&b, `
resource "conference_sqmeeting_recurring_meeting" "c%d" {
  name            = "Chaos series %d"
  recurrence_type = "DAILY"
  start_time      = %q
  end_time        = %q
  last_day        = %q
}
`, i, i, start.Format(time.RFC3339), start.Add(30*time.Minute).Format(time.RFC3339), start.AddDate(0, 0, 2).Format(time.DateOnly))
		case 8:
			// A theme and its room: the theme's PUTs (an upload among
			// them) are retried through the faults.
			fmt.Fprintf(&b, `
resource "conference_whereby_meeting" "tr%d" {
  end_date         = %q
  room_name_prefix = "chaos-theme-%d-"
}

resource "conference_whereby_room_theme" "t%d" {
  room_name     = conference_whereby_meeting.tr%d.room_name
  primary_color = "#1a73e8"
  logo_file     = %q
}
`, i, end, i, i, i, testdataFile("logo.png"))
		case 9:
			fmt.Fprintf(&b, `
resource "conference_sqmeeting_user" "u%d" {
  username            = "chaos-user-%d"
  real_name           = "Chaos User %d"
  role                = "Normal"
  password_wo         = "chaos-password-%d"
  password_wo_version = 1
}
`, i, i, i, i)
		}
	}
	return b.String()
}

// chaosMade is what the emulator holds that it did not hold before, by
// resource type; an object twice is there twice.
func chaosMade(now, before map[string][]string) map[string][]string {
	out := map[string][]string{}
	for typ, ids := range now {
		for _, id := range ids {
			if !slices.Contains(before[typ], id) {
				out[typ] = append(out[typ], id)
			}
		}
	}
	return out
}

// chaosSameAsState checks that made holds exactly the objects in the state:
// none left behind, none twice.
func chaosSameAsState(s *terraform.State, made map[string][]string) error {
	inState := map[string][]string{}
	for _, rs := range s.RootModule().Resources {
		inState[rs.Type] = append(inState[rs.Type], rs.Primary.ID)
	}
	types := map[string]bool{}
	for typ := range inState {
		types[typ] = true
	}
	for typ := range made {
		types[typ] = true
	}
	var problems []string
	for _, typ := range slices.Sorted(maps.Keys(types)) {
		want, got := slices.Sorted(slices.Values(inState[typ])), slices.Sorted(slices.Values(made[typ]))
		if !slices.Equal(want, got) {
			problems = append(problems, fmt.Sprintf("%s: the state holds %v, the emulator %v", typ, want, got))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("the emulator and the state differ:\n%s", strings.Join(problems, "\n"))
	}
	return nil
}

// chaosLostCreates counts the creates (POSTs to a path that isCreate
// takes) that the platform made and whose answer the provider lost (what it
// had to adopt), in the journal.
func chaosLostCreates(emu *acctest.Emulator, isCreate func(path string) bool) int {
	n := 0
	for _, e := range emu.JournalEntries() {
		if e.Method == http.MethodPost && e.Fault && e.Served >= 200 && e.Served < 300 && isCreate(e.Path) {
			n++
		}
	}
	return n
}

// chaosIsCreate reports whether a POST to path creates an object.
func chaosIsCreate(path string) bool {
	switch path {
	case "/api/conference_servers", "/api/conference_rooms", "/api/user/meetings",
		"/api/v1/meeting_schedule", "/api/v1/meeting_schedule/recurrence", "/v1/meetings", "/api/v1/user/users":
		return true
	}
	return strings.HasPrefix(path, "/tas/v2/gcall/") && strings.HasSuffix(path, "/mtg")
}
