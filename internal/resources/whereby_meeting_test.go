package resources_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/confkit/terraform-provider-conference/internal/acctest"
	"github.com/confkit/terraform-provider-conference/internal/emulator"
	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
	"github.com/confkit/terraform-provider-conference/internal/mapping/wherebymap"
	"github.com/confkit/terraform-provider-conference/internal/platforms"
)

const wbAddr = "conference_whereby_meeting.test"

var (
	wbUUID     = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	wbRoomName = regexp.MustCompile(`^/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
)

// wbClock is a test's times. end_date is checked at plan time against the
// wall clock, which the provider reads, so every date is in the wall clock's
// future; the emulator's clock starts frozen at now, whole seconds, so that
// start_date is exact.
type wbClock struct {
	now time.Time
}

func newWBClock() wbClock { return wbClock{now: time.Now().UTC().Truncate(time.Second)} }

// at is now+d in RFC 3339, UTC.
func (c wbClock) at(d time.Duration) string { return c.now.Add(d).Format(time.RFC3339) }

// atOffset is now+d written with a +02:00 offset: the same instant.
func (c wbClock) atOffset(d time.Duration) string {
	return c.now.Add(d).In(time.FixedZone("", 2*3600)).Format(time.RFC3339)
}

func (c wbClock) freeze(t *testing.T, emu *acctest.Emulator) func() {
	return func() { emu.FreezeClock(t, c.now.Format(time.RFC3339)) }
}

// wbHCL is the resource with end_date and more arguments (HCL lines).
func wbHCL(end string, args ...string) string {
	return fmt.Sprintf(`
resource "conference_whereby_meeting" "test" {
  end_date = %q
  %s
}
`, end, strings.Join(args, "\n  "))
}

// wbStored checks the meeting in state as the emulator stores it: with the
// settings no answer shows.
func wbStored(t *testing.T, emu *acctest.Emulator, check func(m map[string]any) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := acctest.StateAttr(s, wbAddr, "id")
		if err != nil {
			return err
		}
		m, ok := emu.WherebyStored(t)[id]
		if !ok {
			return fmt.Errorf("Whereby has no meeting %s", id)
		}
		return check(m)
	}
}

// wbNewMeeting is a step whose plan does action and leaves a meeting with an
// ID that ids has not seen.
func wbNewMeeting(config string, action plancheck.ResourceActionType, ids acctest.Tracker) resource.TestStep {
	return resource.TestStep{
		Config:            config,
		ConfigPlanChecks:  acctest.ExpectAction(wbAddr, action),
		ConfigStateChecks: []statecheck.StateCheck{ids.AddStateValue(wbAddr, tfjsonpath.New("id"))},
	}
}

// wbJSON is v as compact JSON, for comparing stored settings.
func wbJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestAccWherebyMeeting_minimal(t *testing.T) {
	emu := acctest.NewEmulator(t)
	c := newWBClock()
	end := c.at(2 * time.Hour)
	acctest.Test(t,
		resource.TestStep{
			PreConfig:        c.freeze(t, emu),
			Config:           emu.Config(wbHCL(end)),
			ConfigPlanChecks: acctest.ExpectAction(wbAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(wbAddr, "id", knownvalue.StringRegexp(wbUUID)),
				acctest.Attr(wbAddr, "room_name", knownvalue.StringRegexp(wbRoomName)),
				acctest.Attr(wbAddr, "start_date", knownvalue.StringExact(c.at(0))),
				acctest.Attr(wbAddr, "end_date", knownvalue.StringExact(end)),
				acctest.Attr(wbAddr, "host_room_url", knownvalue.Null()),
				acctest.Attr(wbAddr, "viewer_room_url", knownvalue.Null()),
				acctest.Attr(wbAddr, "is_locked", knownvalue.Null()),
				acctest.Attr(wbAddr, "room_mode", knownvalue.Null()),
				acctest.Attr(wbAddr, "recording", knownvalue.Null()),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				func(s *terraform.State) error {
					name, _ := acctest.StateAttr(s, wbAddr, "room_name")
					return resource.TestCheckResourceAttr(wbAddr, "room_url", whereby.DefaultPublicURL+name)(s)
				},
				// Nothing set, nothing sent: Whereby's defaults.
				wbStored(t, emu, func(m map[string]any) error {
					if m["isLocked"] != false || m["roomMode"] != "normal" || m["recording"] != nil || m["templateType"] != nil {
						return fmt.Errorf("stored %s", wbJSON(m))
					}
					return nil
				}),
			),
		},
		resource.TestStep{
			// Nothing to ignore: every setting is null, as an import reads it.
			ResourceName:      wbAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
	)
}

// wbFull sets every argument. The meeting is not a viewerMode one, so it has
// no viewer URL, though fields asks for it.
func wbFull(end string) string {
	return wbHCL(end, `is_locked         = true
  room_mode         = "group"
  room_name_prefix  = "board-"
  room_name_pattern = "human-short"
  fields            = ["hostRoomUrl", "viewerRoomUrl"]
  recording = {
    type          = "cloud"
    start_trigger = "automatic-2nd-participant"
    destination = {
      provider          = "s3"
      bucket            = "acme-recordings/board"
      region            = "eu-north-1"
      access_key_id     = "AKIAEXAMPLE"
      access_key_secret = "s3-secret-key"
      file_format       = "mp4"
    }
  }
  live_transcription = {
    start_trigger = "manual"
    language      = "en-GB"
    live_captions = true
    destination = {
      provider            = "s3"
      authentication_type = "roleBased"
      bucket              = "acme-transcripts"
      oidc_role_arn       = "arn:aws:iam::123456789012:role/whereby"
    }
  }
  streaming = {
    start_trigger = "prompt"
    destination   = { url = "rtmp://a.rtmp.youtube.com/live2/stream-key" }
  }`)
}

// wbFullStored is what wbFull sends: the settings in the API's own names.
var wbFullStored = map[string]any{
	"isLocked": true, "roomMode": "group", "templateType": nil,
	"recording": map[string]any{
		"type": "cloud", "startTrigger": "automatic-2nd-participant",
		"destination": map[string]any{
			"provider": "s3", "bucket": "acme-recordings/board", "region": "eu-north-1",
			"accessKeyId": "AKIAEXAMPLE", "accessKeySecret": "s3-secret-key", "fileFormat": "mp4",
		},
	},
	"liveTranscription": map[string]any{
		"startTrigger": "manual", "language": "en-GB", "liveCaptions": true,
		"destination": map[string]any{
			"provider": "s3", "authenticationType": "roleBased", "bucket": "acme-transcripts",
			"oidcRoleArn": "arn:aws:iam::123456789012:role/whereby",
		},
	},
	"streaming": map[string]any{
		"startTrigger": "prompt", "destination": map[string]any{"url": "rtmp://a.rtmp.youtube.com/live2/stream-key"},
	},
}

func wbCheckStored(want map[string]any) func(map[string]any) error {
	return func(m map[string]any) error {
		for k, w := range want {
			if wbJSON(m[k]) != wbJSON(w) {
				return fmt.Errorf("Whereby stored %s = %s, want %s", k, wbJSON(m[k]), wbJSON(w))
			}
		}
		return nil
	}
}

func TestAccWherebyMeeting_full(t *testing.T) {
	emu := acctest.NewEmulator(t)
	c := newWBClock()
	acctest.Test(t,
		resource.TestStep{
			PreConfig:        c.freeze(t, emu),
			Config:           emu.Config(wbFull(c.at(90 * time.Minute))),
			ConfigPlanChecks: acctest.ExpectAction(wbAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Attr(wbAddr, "room_name", knownvalue.StringRegexp(regexp.MustCompile(`^/board-[a-z2-9]{6}$`))),
				acctest.Attr(wbAddr, "host_room_url", knownvalue.StringRegexp(regexp.MustCompile(`^https://emulator\.whereby\.test/board-[a-z2-9]{6}\?roomKey=`))),
				acctest.Attr(wbAddr, "viewer_room_url", knownvalue.Null()),
				acctest.Attr(wbAddr, "recording.destination.file_format", knownvalue.StringExact("mp4")),
				acctest.Attr(wbAddr, "live_transcription.destination.region", knownvalue.Null()),
				statecheck.ExpectSensitiveValue(wbAddr, tfjsonpath.New("host_room_url")),
				statecheck.ExpectSensitiveValue(wbAddr, acctest.Path("recording.destination.access_key_secret")),
				statecheck.ExpectSensitiveValue(wbAddr, acctest.Path("streaming.destination.url")),
			},
			Check: wbStored(t, emu, wbCheckStored(wbFullStored)),
		},
		resource.TestStep{
			ResourceName:      wbAddr,
			ImportState:       true,
			ImportStateVerify: true,
			// Whereby returns none of the settings, so an import cannot read
			// them; and the host URL is returned only when fields asks for it.
			ImportStateVerifyIgnore: append([]string{"host_room_url", "viewer_room_url"}, wherebymap.SettingNames...),
		},
	)
}

// viewerMode makes a locked group room with both URLs, without fields.
func TestAccWherebyMeeting_viewerMode(t *testing.T) {
	emu := acctest.NewEmulator(t)
	c := newWBClock()
	acctest.Test(t, resource.TestStep{
		Config:           emu.Config(wbHCL(c.at(time.Hour), `template_type = "viewerMode"`)),
		ConfigPlanChecks: acctest.ExpectAction(wbAddr, plancheck.ResourceActionCreate),
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.Attr(wbAddr, "host_room_url", knownvalue.StringRegexp(regexp.MustCompile(`\?roomKey=`))),
			acctest.Attr(wbAddr, "viewer_room_url", knownvalue.StringRegexp(regexp.MustCompile(`\?viewerKey=`))),
		},
		Check: wbStored(t, emu, wbCheckStored(map[string]any{"isLocked": true, "roomMode": "group", "templateType": "viewerMode"})),
	})
}

// Whereby has no update API: every argument's change replaces the meeting,
// nested ones and removals included.
func TestAccWherebyMeeting_everyArgumentChangeReplaces(t *testing.T) {
	emu := acctest.NewEmulator(t)
	c := newWBClock()
	ids := acctest.NewEachStep()
	step := func(end string, args ...string) resource.TestStep {
		return wbNewMeeting(emu.Config(wbHCL(end, args...)), plancheck.ResourceActionDestroyBeforeCreate, ids)
	}
	end := c.at(2 * time.Hour)
	const (
		recordingLocal = `recording = { type = "local" }`
		streaming      = `streaming = { destination = { url = "rtmps://live.example.com/app/key-1" } }`
		transcription  = `live_transcription = { start_trigger = "manual", destination = { provider = "whereby" } }`
	)
	acctest.Test(t,
		wbNewMeeting(emu.Config(wbHCL(c.at(time.Hour))), plancheck.ResourceActionCreate, ids),
		step(end),
		step(end, `is_locked = true`),
		step(end, `is_locked = true`, `room_mode = "group"`),
		step(end, `is_locked = true`, `room_mode = "group"`, `room_name_prefix = "team-"`),
		step(end, `is_locked = true`, `room_mode = "group"`, `room_name_prefix = "team-"`, `room_name_pattern = "human-short"`),
		step(end, `room_mode = "group"`, `room_name_prefix = "team-"`, `room_name_pattern = "human-short"`),
		step(end, `template_type = "viewerMode"`),
		step(end, `fields = ["hostRoomUrl"]`),
		step(end, `fields = ["hostRoomUrl", "viewerRoomUrl"]`),
		step(end, recordingLocal),
		step(end, `recording = { type = "cloud", destination = { provider = "whereby", file_format = "mkv" } }`),
		step(end, `recording = { type = "cloud", destination = { provider = "whereby", file_format = "mp4" } }`),
		step(end, streaming),
		step(end, strings.Replace(streaming, "key-1", "key-2", 1)),
		step(end, transcription),
		step(end, strings.Replace(transcription, "manual", "automatic", 1)),
	)
}

// end_date is compared as an instant: written with an offset it is what
// Whereby answers in UTC, and no diff; another instant replaces the meeting.
func TestAccWherebyMeeting_offsetEndDate(t *testing.T) {
	emu := acctest.NewEmulator(t)
	c := newWBClock()
	ids := acctest.NewEachStep()
	offset := c.atOffset(2 * time.Hour)
	acctest.Test(t,
		resource.TestStep{
			Config:           emu.Config(wbHCL(offset)),
			ConfigPlanChecks: acctest.ExpectAction(wbAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				// The configuration's spelling stays; the instant is Whereby's.
				acctest.Attr(wbAddr, "end_date", knownvalue.StringExact(offset)),
				acctest.Attr(wbAddr, "end_date", acctest.Instant(c.at(2*time.Hour))),
				ids.AddStateValue(wbAddr, tfjsonpath.New("id")),
			},
			Check: func(s *terraform.State) error {
				id, _ := acctest.StateAttr(s, wbAddr, "id")
				body := string(emu.Whereby(t, http.MethodGet, "/meetings/"+id, nil, http.StatusOK))
				if want := `"endDate":"` + c.at(2*time.Hour) + `"`; !strings.Contains(body, want) {
					return fmt.Errorf("Whereby answers %s, want %s", body, want)
				}
				return nil
			},
		},
		resource.TestStep{
			// The same instant in UTC, and in another offset: no change.
			Config:   emu.Config(wbHCL(c.at(2 * time.Hour))),
			PlanOnly: true,
		},
		resource.TestStep{
			Config:   emu.Config(wbHCL(c.now.Add(2 * time.Hour).In(time.FixedZone("", -5*3600)).Format(time.RFC3339))),
			PlanOnly: true,
		},
		wbNewMeeting(emu.Config(wbHCL(c.atOffset(3*time.Hour))), plancheck.ResourceActionDestroyBeforeCreate, ids),
	)
}

// An hour after end_date Whereby deletes the room (on the emulator's clock):
// the refresh drops it from the state and the plan creates it.
func TestAccWherebyMeeting_expiry(t *testing.T) {
	emu := acctest.NewEmulator(t)
	c := newWBClock()
	ids := acctest.NewEachStep()
	config := emu.Config(wbHCL(c.at(2 * time.Hour)))
	c.freeze(t, emu)()
	acctest.Test(t,
		wbNewMeeting(config, plancheck.ResourceActionCreate, ids),
		resource.TestStep{
			// A minute before the hour is up, the room is still there.
			PreConfig: func() { emu.AdvanceClock(t, 3*time.Hour-time.Minute) },
			Config:    config,
			PlanOnly:  true,
		},
		resource.TestStep{
			// The end_date is still in the wall clock's future, so the create
			// is planned without complaint.
			PreConfig:          func() { emu.AdvanceClock(t, time.Minute) },
			Config:             config,
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(wbAddr, plancheck.ResourceActionCreate),
			}},
		},
		// Whereby's clock is now past that end_date too: a new meeting needs
		// a later one.
		wbNewMeeting(emu.Config(wbHCL(c.at(5*time.Hour))), plancheck.ResourceActionCreate, ids),
	)
}

// A meeting deleted behind Terraform's back is created again; a delete that
// finds the meeting gone succeeds.
func TestAccWherebyMeeting_deletedOutsideTerraform(t *testing.T) {
	emu := acctest.NewEmulator(t)
	c := newWBClock()
	ids := acctest.NewEachStep()
	config := emu.Config(wbHCL(c.at(time.Hour), `room_name_prefix = "drift-"`))
	var id string
	// A create, not a replacement: the refresh dropped the meeting.
	deleted := wbNewMeeting(config, plancheck.ResourceActionCreate, ids)
	deleted.PreConfig = func() { emu.Whereby(t, http.MethodDelete, "/meetings/"+id, nil, http.StatusNoContent) }
	acctest.Test(t,
		resource.TestStep{
			Config:            config,
			ConfigPlanChecks:  acctest.ExpectAction(wbAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{ids.AddStateValue(wbAddr, tfjsonpath.New("id"))},
			Check: func(s *terraform.State) (err error) {
				id, err = acctest.StateAttr(s, wbAddr, "id")
				return err
			},
		},
		deleted,
		resource.TestStep{
			// Whereby answers a delete of a meeting that is already gone with
			// 204; a 404 from anything in between is success as well.
			PreConfig: func() {
				emu.Admin(t, http.MethodPost, "faults", map[string]any{
					"method": "DELETE", "path_prefix": "/v1/meetings/", "status": 404, "count": 1,
				})
			},
			Config:  config,
			Destroy: true,
			Check: func(*terraform.State) error {
				for _, e := range emu.Journal(t) {
					if e.Method == http.MethodDelete && e.Status == http.StatusNotFound && e.Fault {
						return nil
					}
				}
				return fmt.Errorf("the destroy did not meet the injected 404")
			},
		},
	)
}

// wbWrites counts the journal's requests that change something at Whereby.
func wbWrites(t *testing.T, emu *acctest.Emulator) int {
	n := 0
	for _, e := range emu.Journal(t) {
		if e.Method != http.MethodGet && strings.HasPrefix(e.Path, "/v1/") {
			n++
		}
	}
	return n
}

// Import by meeting ID. The settings Whereby does not return are null after
// the import; the first apply records the configured ones without touching
// the meeting, and from then on a change replaces it as usual.
func TestAccWherebyMeeting_import(t *testing.T) {
	emu := acctest.NewEmulator(t)
	c := newWBClock()
	end := c.at(3 * time.Hour)
	settings := []string{`is_locked = true`, `room_mode = "group"`, `room_name_prefix = "ext-"`, `fields = ["hostRoomUrl"]`}
	config := emu.Config(wbHCL(end, settings...))
	same := acctest.SameAcrossSteps()
	var id string
	acctest.Test(t,
		resource.TestStep{
			PreConfig: func() {
				id = emu.WherebyCreate(t, map[string]any{
					"endDate": end, "isLocked": true, "roomMode": "group", "roomNamePrefix": "ext-",
				})
			},
			Config:             config,
			ResourceName:       wbAddr,
			ImportState:        true,
			ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
			ImportStatePersist: true,
			ImportStateCheck: func(states []*terraform.InstanceState) error {
				a := states[0].Attributes
				if a["id"] != id || !strings.HasPrefix(a["room_name"], "/ext-") || a["end_date"] != end {
					return fmt.Errorf("imported %v", a)
				}
				for _, name := range []string{"is_locked", "room_mode", "room_name_prefix", "host_room_url"} {
					if v, ok := a[name]; ok && v != "" {
						return fmt.Errorf("%s = %q after an import, which cannot read it", name, v)
					}
				}
				return nil
			},
		},
		resource.TestStep{
			Config: config,
			ConfigPlanChecks: acctest.ExpectAction(wbAddr, plancheck.ResourceActionUpdate,
				plancheck.ExpectUnknownValue(wbAddr, tfjsonpath.New("host_room_url"))),
			ConfigStateChecks: []statecheck.StateCheck{
				same.AddStateValue(wbAddr, tfjsonpath.New("id")),
				acctest.Attr(wbAddr, "room_mode", knownvalue.StringExact("group")),
				acctest.Attr(wbAddr, "host_room_url", knownvalue.StringRegexp(regexp.MustCompile(`/ext-.*\?roomKey=`))),
			},
			Check: func(*terraform.State) error {
				if n := wbWrites(t, emu); n != 1 {
					return fmt.Errorf("%d writes to Whereby, want 1 (the meeting made elsewhere)", n)
				}
				return nil
			},
		},
		resource.TestStep{
			Config:            emu.Config(wbHCL(end, append(settings, `room_name_pattern = "human-short"`)...)),
			ConfigPlanChecks:  acctest.ExpectAction(wbAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{acctest.Attr(wbAddr, "room_name", knownvalue.StringRegexp(regexp.MustCompile(`^/ext-[a-z2-9]{6}$`)))},
		},
		resource.TestStep{
			ResourceName:  wbAddr,
			ImportState:   true,
			ImportStateId: "not/an-id",
			ExpectError:   regexp.MustCompile(`Expected a Whereby meeting ID`),
		},
	)
}

// The first plan after an import compares the settings Whereby does not
// return with what the meeting shows of them: its room name ("/" + prefix +
// a generated part in the pattern) and its viewer room URL, which only a
// viewerMode room (locked, group) has. A contradiction plans a replacement
// whose warning names both values; agreement records the configured values
// in place, without a write to Whereby; settings left out are not compared.
func TestAccWherebyMeeting_importContradicted(t *testing.T) {
	const uuid = `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`
	cases := map[string]struct {
		created  map[string]any
		settings []string
		// replace is the attribute whose contradiction replaces the
		// meeting, with the reason; "" records the settings.
		replace, reason string
		roomName        string
	}{
		"another prefix": {
			map[string]any{"roomNamePrefix": "a-"}, []string{`room_name_prefix = "b-"`},
			"room_name_prefix", `^room_name_prefix = "b-" contradicts the imported meeting's room_name "/a-` + uuid + `", which has the prefix "a-": Whereby puts the prefix right after the slash`,
			`^/b-` + uuid + `$`,
		},
		"the prefix": {
			map[string]any{"roomNamePrefix": "a-"}, []string{`room_name_prefix = "a-"`}, "", "", `^/a-` + uuid + `$`,
		},
		"a prefix where the meeting has none": {
			map[string]any{}, []string{`room_name_prefix = "a-"`},
			"room_name_prefix", `^room_name_prefix = "a-" contradicts the imported meeting's room_name "/` + uuid + `", which has no prefix`,
			`^/a-` + uuid + `$`,
		},
		// As a configuration generated from the import has them.
		"every setting left out": {
			map[string]any{"roomNamePrefix": "a-", "roomNamePattern": "human-short", "templateType": "viewerMode"}, nil,
			"", "", `^/a-[a-z2-9]{6}$`,
		},
		"uuid where the name is human-short": {
			map[string]any{"roomNamePattern": "human-short"}, []string{`room_name_pattern = "uuid"`},
			"room_name_pattern", `^room_name_pattern = "uuid" contradicts the imported meeting's room_name "/[a-z2-9]{6}", whose generated part is six characters, the "human-short" pattern`,
			`^/` + uuid + `$`,
		},
		"the prefix, the pattern left out": {
			map[string]any{"roomNamePattern": "human-short", "roomNamePrefix": "hs-"}, []string{`room_name_prefix = "hs-"`},
			"", "", `^/hs-[a-z2-9]{6}$`,
		},
		"human-short where the name is a uuid": {
			map[string]any{"roomNamePrefix": "x-"}, []string{`room_name_prefix = "x-"`, `room_name_pattern = "human-short"`},
			"room_name_pattern", `^room_name_pattern = "human-short" contradicts the imported meeting's room_name "/x-` + uuid + `", whose generated part is a uuid`,
			`^/x-[a-z2-9]{6}$`,
		},
		"the pattern": {
			map[string]any{"roomNamePattern": "human-short", "roomNamePrefix": "hs-"}, []string{`room_name_prefix = "hs-"`, `room_name_pattern = "human-short"`},
			"", "", `^/hs-[a-z2-9]{6}$`,
		},
		"viewerMode where the meeting has no viewer URL": {
			map[string]any{"roomMode": "group"}, []string{`template_type = "viewerMode"`},
			"template_type", `^template_type = "viewerMode" contradicts the imported meeting, which has no viewer room URL`,
			`^/` + uuid + `$`,
		},
		"a normal room where the meeting is a viewerMode room": {
			map[string]any{"templateType": "viewerMode"}, []string{`room_mode = "normal"`},
			"room_mode", `^room_mode = "normal" contradicts the imported meeting's viewer room URL \(viewer_room_url\): it is a viewerMode room, which Whereby makes a "group" room`,
			`^/` + uuid + `$`,
		},
		"the group mode of a viewerMode room, the template left out": {
			map[string]any{"templateType": "viewerMode"}, []string{`room_mode = "group"`}, "", "", `^/` + uuid + `$`,
		},
		"an unlocked room where the meeting is a viewerMode room": {
			map[string]any{"templateType": "viewerMode"}, []string{`is_locked = false`},
			"is_locked", `^is_locked = false contradicts the imported meeting's viewer room URL \(viewer_room_url\): it is a viewerMode room, which Whereby locks`,
			`^/` + uuid + `$`,
		},
		"the viewerMode room": {
			map[string]any{"templateType": "viewerMode"}, []string{`template_type = "viewerMode"`, `room_mode = "group"`}, "", "", `^/` + uuid + `$`,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			emu := acctest.NewEmulator(t)
			end := newWBClock().at(3 * time.Hour)
			config := emu.Config(wbHCL(end, tc.settings...))
			var warnings acctest.PlanWarnings
			var id string
			action, checks := plancheck.ResourceActionUpdate, []plancheck.PlanCheck{warnings.None("Changing " + tc.replace + " replaces the resource")}
			if len(tc.settings) == 0 {
				action = plancheck.ResourceActionNoop
			}
			if tc.replace != "" {
				action, checks = plancheck.ResourceActionDestroyBeforeCreate, []plancheck.PlanCheck{warnings.Expect("Changing "+tc.replace+" replaces the resource", tc.reason)}
			}
			acctest.TestRecordingPlanWarnings(t, &warnings,
				resource.TestStep{
					PreConfig: func() {
						id = emu.WherebyCreate(t, maps.Collect(func(yield func(string, any) bool) {
							yield("endDate", end)
							for k, v := range tc.created {
								if !yield(k, v) {
									return
								}
							}
						}))
					},
					Config:             config,
					ResourceName:       wbAddr,
					ImportState:        true,
					ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
					ImportStatePersist: true,
				},
				resource.TestStep{
					PreConfig:         warnings.Reset,
					Config:            config,
					ConfigPlanChecks:  acctest.ExpectAction(wbAddr, action, checks...),
					ConfigStateChecks: []statecheck.StateCheck{acctest.Attr(wbAddr, "room_name", knownvalue.StringRegexp(regexp.MustCompile(tc.roomName)))},
					Check: func(s *terraform.State) error {
						got, err := acctest.StateAttr(s, wbAddr, "id")
						if err != nil {
							return err
						}
						if replaced := got != id; replaced != (tc.replace != "") {
							return fmt.Errorf("meeting %s after the apply, imported %s", got, id)
						}
						// The import's own create, and a replacement's delete and create.
						if n, want := wbWrites(t, emu), map[bool]int{true: 3, false: 1}[tc.replace != ""]; n != want {
							return fmt.Errorf("%d writes to Whereby, want %d", n, want)
						}
						return nil
					},
				},
			)
		})
	}
}

// An end_date in the past is refused at plan time for a meeting to be
// created (a replacement included), never for one that exists.
func TestAccWherebyMeeting_pastEndDateRejectedAtPlanTime(t *testing.T) {
	emu := acctest.NewEmulator(t)
	c := newWBClock()
	past := c.at(-24 * time.Hour)
	var id string
	acctest.Test(t,
		resource.TestStep{
			Config:      emu.Config(wbHCL(past)),
			ExpectError: acctest.ErrorMatching("end_date is in the past"),
		},
		resource.TestStep{
			// A meeting that exists with that end_date (made when Whereby's
			// clock, the emulator's here, said it was still ahead).
			PreConfig: func() {
				if n := wbWrites(t, emu); n != 0 {
					t.Fatalf("the refused plan still sent %d writes", n)
				}
				emu.FreezeClock(t, c.at(-48*time.Hour))
				id = emu.WherebyCreate(t, map[string]any{"endDate": past})
			},
			Config:             emu.Config(wbHCL(past)),
			ResourceName:       wbAddr,
			ImportState:        true,
			ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
			ImportStatePersist: true,
		},
		resource.TestStep{
			Config:   emu.Config(wbHCL(past)),
			PlanOnly: true,
		},
		resource.TestStep{
			// Replacing it would create a meeting with a past end_date.
			Config:      emu.Config(wbHCL(c.at(-23 * time.Hour))),
			ExpectError: acctest.ErrorMatching("end_date is in the past"),
		},
	)
}

// Every documented constraint fails at plan time, naming the attribute, and
// never reaches Whereby.
func TestAccWherebyMeeting_planTimeErrors(t *testing.T) {
	emu := acctest.NewEmulator(t)
	end := newWBClock().at(time.Hour)
	bad := func(msg string, args ...string) resource.TestStep {
		return resource.TestStep{Config: emu.Config(wbHCL(end, args...)), PlanOnly: true, ExpectError: acctest.ErrorMatching(msg)}
	}
	acctest.Test(t,
		resource.TestStep{Config: emu.Config(wbHCL("tomorrow")), PlanOnly: true, ExpectError: acctest.ErrorMatching("Invalid RFC 3339 time")},
		resource.TestStep{Config: emu.Config(wbHCL("2027-02-30T19:00:00+02:00")), PlanOnly: true,
			ExpectError: acctest.ErrorMatching("end_date must be a time that exists; 2027-02-30 does not exist: February 2027 has 28 days.")},
		bad("must be 1 to 39 lowercase letters", `room_name_prefix = "Team Room"`),
		bad("must be 1 to 39 lowercase letters", `room_name_prefix = "`+strings.Repeat("a", 40)+`"`),
		bad(`room_mode must be one of "normal" or "group"; got "large".`, `room_mode = "large"`),
		bad(`room_mode must be written "group", not "GROUP"`, `room_mode = "GROUP"`),
		bad(`room_name_pattern must be one of "uuid" or "human-short"; got "short".`, `room_name_pattern = "short"`),
		bad(`template_type must be one of "viewerMode"; got "webinar".`, `template_type = "webinar"`),
		bad(`fields must be one of "hostRoomUrl" or "viewerRoomUrl"; got "roomUrl".`, `fields = ["roomUrl"]`),
		bad("is_locked = false contradicts it", `template_type = "viewerMode"`, `is_locked = false`),
		bad(`room_mode = "normal" contradicts it`, `template_type = "viewerMode"`, `room_mode = "normal"`),
		bad(`provider "s3" with access keys needs bucket, region, access_key_id, access_key_secret`,
			`recording = { type = "cloud", destination = { provider = "s3", bucket = "b", access_key_id = "k", access_key_secret = "s" } }`),
		bad(`Missing oidc_role_arn`,
			`live_transcription = { start_trigger = "manual", destination = { provider = "s3", authentication_type = "roleBased", bucket = "b" } }`),
		bad(`oidc_role_arn is only available when authentication_type is "roleBased"`,
			`recording = { type = "cloud", destination = { provider = "whereby", oidc_role_arn = "arn:aws:iam::1:role/r" } }`),
		bad(`recording.type must be one of "none", "local" or "cloud"; got "always".`, `recording = { type = "always" }`),
		bad(`streaming.start_trigger must be one of "none", "prompt" or "automatic"; got "manual".`,
			`streaming = { start_trigger = "manual", destination = { url = "rtmp://live.example.com/app/key" } }`),
		bad("must be an rtmp:// or rtmps:// URL", `streaming = { destination = { url = "https://live.example.com/app/key" } }`),
		bad("The streaming destination needs the ingest URL with the stream key: set exactly one of url and url_wo", `streaming = { destination = {} }`),
		bad(`live_transcription.language must be one of "ca", "zh", "zh-TW"`, `live_transcription = { start_trigger = "none", language = "klingon" }`),
		bad(`attribute "type" is required`, `recording = { start_trigger = "prompt" }`),
	)
	if n := len(emu.Journal(t)); n != 0 {
		t.Errorf("plan-time errors sent %d requests", n)
	}
}

// 150 meetings (450 points of creates) against an organization with the Build
// plan's 100 points a minute, and a provider told its budget is 98: the
// apply paces its creates so that Whereby throttles none of them, and creates
// each meeting once. The two points it leaves are the plans' (the test's plan,
// and the apply's own) proofs of the API key, one GET each, which the apply's
// pacing cannot know of. The commands after it (refresh, plan, destroy) start
// with a budget the apply has partly spent, which their own pacing cannot
// know; whatever Whereby throttles there, they wait out (msLeft) without an
// error. The provider's clients keep time by the emulator's clock and wait by
// moving it (acctest.TestOnEmulatorClock): the minutes of pacing take none.
func TestAccWherebyMeeting_150MeetingsUnderA100PointBudget(t *testing.T) {
	const n = 150
	emu := acctest.NewEmulatorWith(t, emulator.Options{Whereby: whereby.Options{PointsPerMinute: 100}})
	end := newWBClock().at(24 * time.Hour)
	config := acctest.ProviderBlock("", emu.URL, map[string]platforms.Values{"whereby": {"points_per_minute": "98"}}) + fmt.Sprintf(`
resource "conference_whereby_meeting" "many" {
  count            = %d
  end_date         = %q
  room_name_prefix = "load-${count.index}-"
}
`, n, end)
	emu.TestOnEmulatorClock(t, resource.TestStep{
		Config: config,
		Check: func(s *terraform.State) error {
			posts := 0
			for _, e := range emu.Journal(t) {
				if e.Status == http.StatusTooManyRequests {
					return fmt.Errorf("Whereby throttled %s %s during the apply", e.Method, e.Path)
				}
				if e.Method == http.MethodPost {
					posts++
				}
			}
			if posts != n {
				return fmt.Errorf("%d creates, want %d", posts, n)
			}
			stored := emu.WherebyStored(t)
			if len(stored) != n {
				return fmt.Errorf("Whereby has %d meetings, want %d", len(stored), n)
			}
			var first, last time.Time
			for i := range n {
				addr := fmt.Sprintf("conference_whereby_meeting.many.%d", i)
				id, err := acctest.StateAttr(s, addr, "id")
				if err != nil {
					return err
				}
				m, ok := stored[id]
				if !ok {
					return fmt.Errorf("%s is %s, which Whereby does not have", addr, id)
				}
				if name, _ := m["roomName"].(string); !strings.HasPrefix(name, fmt.Sprintf("/load-%d-", i)) {
					return fmt.Errorf("%s has room %s", addr, name)
				}
				date, _ := m["startDate"].(string)
				start, err := time.Parse(time.RFC3339, date)
				if err != nil {
					return err
				}
				if first.IsZero() || start.Before(first) {
					first = start
				}
				if start.After(last) {
					last = start
				}
			}
			// 450 points at 100 a minute: the last create is in the fifth
			// minute at the earliest.
			if spread := last.Sub(first); spread < 4*time.Minute {
				return fmt.Errorf("the creates spread over %s of Whereby's time; 450 points at 100 a minute need more than 4 minutes", spread)
			}
			return nil
		},
	})
}
