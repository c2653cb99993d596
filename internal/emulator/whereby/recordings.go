package whereby

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// Recording is the document's Recording schema (whereby-openapi.json,
// components/schemas/Recording): its six required properties.
type Recording struct {
	RecordingID     string    `json:"recordingId"`
	RoomSessionID   string    `json:"roomSessionId"`
	Filename        string    `json:"filename"`
	StartDate       time.Time `json:"startDate"`
	EndDate         time.Time `json:"endDate"`
	SizeInMegaBytes float64   `json:"sizeInMegaBytes"`
}

// recording is a stored recording: the room it was made in, which the
// list filters on and sorts by but the Recording schema does not show.
type recording struct {
	Recording
	RoomName string `json:"roomName"`
}

// Transcription is the document's Transcription schema.
type Transcription struct {
	TranscriptionID   string    `json:"transcriptionId"`
	RoomSessionID     string    `json:"roomSessionId"`
	Filename          string    `json:"filename,omitempty"`
	RoomName          string    `json:"roomName"`
	StartDate         time.Time `json:"startDate"`
	EndDate           time.Time `json:"endDate"`
	State             string    `json:"state"`
	CreatedAt         time.Time `json:"createdAt"`
	DurationInSeconds float64   `json:"durationInSeconds"`
	Type              string    `json:"type"`
	StorageType       string    `json:"storageType,omitempty"`
}

// Page is a page of a list: "results", and "cursor", null after the last.
type Page[T any] struct {
	Results []T     `json:"results"`
	Cursor  *string `json:"cursor"`
}

// AccessLink is the answer of GET .../access-link.
type AccessLink struct {
	AccessLink string `json:"accessLink"`
	Expires    int64  `json:"expires"`
}

// seedRecording is a recording a seed document (the admin API's POST
// /_emulator/seed) makes appear, as a finished meeting of roomName would.
// A sessionless recording gets a new room session (insights count its
// recorder's minutes); Transcribed also makes
// its LIVE_TRANSCRIPTION, as a meeting with live transcription would.
type seedRecording struct {
	RoomName        string    `json:"roomName"`
	StartDate       time.Time `json:"startDate"`
	EndDate         time.Time `json:"endDate"`
	SizeInMegaBytes float64   `json:"sizeInMegaBytes"`
	RoomSessionID   string    `json:"roomSessionId"`
	Transcribed     bool      `json:"transcribed"`
}

func (a *API) addRecording(s seedRecording) error {
	if !strings.HasPrefix(s.RoomName, "/") || s.StartDate.IsZero() || !s.EndDate.After(s.StartDate) {
		return fmt.Errorf("a recording needs a roomName starting with \"/\" and a startDate before its endDate")
	}
	start, end := s.StartDate.UTC().Truncate(time.Millisecond), s.EndDate.UTC().Truncate(time.Millisecond)
	// The recording was made in a session, which its recorder joined.
	rs, err := a.session(s.RoomName, s.RoomSessionID, start, end)
	if err != nil {
		return err
	}
	s.RoomSessionID = rs.RoomSessionID
	a.join(rs, &participant{ParticipantInsight: ParticipantInsight{RoleName: roleRecorder, DisplayName: "Recorder", JoinedAt: start, LeftAt: end}})
	r := &recording{RoomName: s.RoomName, Recording: Recording{
		RecordingID: newUUID(), RoomSessionID: s.RoomSessionID, StartDate: start, EndDate: end, SizeInMegaBytes: s.SizeInMegaBytes,
		Filename: strings.TrimPrefix(s.RoomName, "/") + "-" + start.Format("2006-01-02T15:04:05.000Z") + ".mp4",
	}}
	a.recordings = append(a.recordings, r)
	if s.Transcribed {
		a.addTranscription(r, "LIVE_TRANSCRIPTION")
	}
	return nil
}

func (a *API) addTranscription(r *recording, typ string) *Transcription {
	t := &Transcription{
		TranscriptionID: newUUID(), RoomSessionID: r.RoomSessionID, RoomName: r.RoomName,
		StartDate: r.StartDate, EndDate: r.EndDate, State: "ready", CreatedAt: a.now(),
		DurationInSeconds: r.EndDate.Sub(r.StartDate).Seconds(), Type: typ, StorageType: "WHEREBY_HOSTED",
		Filename: strings.TrimPrefix(r.RoomName, "/") + "-" + r.StartDate.Format("2006-01-02T15:04:05.000Z") + ".md",
	}
	a.transcriptions = append(a.transcriptions, t)
	return t
}

// sortKeys are the fields each list's sortBy accepts ("Accepted fields are:
// `roomName`, `startDate`, `duration` and `sizeInMegaBytes`" for recordings,
// "`roomName`, `startDate` and `durationInSeconds`" for transcriptions).
type sortKeys[T any] map[string]func(x, y T) int

// listPage answers a list: roomName filters (exactly) where the list has
// the filter (room is not nil), then sortedPage sorts and pages.
func listPage[T any](req *request, items []T, room func(T) string, keys sortKeys[T], bad func(string) reply) reply {
	var out []T
	for _, it := range items {
		if name := req.URL.Query().Get("roomName"); name == "" || room == nil || room(it) == name {
			out = append(out, it)
		}
	}
	return sortedPage(req, out, defaultLimit, keys, bad)
}

// sortedPage answers a list of items: sortBy ("field:asc|desc", default
// the items' order) orders, and cursor and limit (def when absent) page.
// The cursor is the offset of the page in the filtered, sorted list, as 32
// hex digits (the shape of the document's example cursor); a cursor past
// the end is an empty last page, and one that is not a cursor answers bad
// (404 where the operation declares it).
func sortedPage[T any](req *request, out []T, def int, keys sortKeys[T], bad func(string) reply) reply {
	q := req.URL.Query()
	limit, rep, ok := parseLimit(q, def)
	if !ok {
		return rep
	}
	offset := 0
	if v := q.Get("cursor"); v != "" {
		n, err := strconv.ParseUint(v, 16, 32)
		if len(v) != 32 || err != nil {
			return bad(v)
		}
		offset = int(n)
	}
	if v := q.Get("sortBy"); v != "" {
		field, dir, _ := strings.Cut(v, ":")
		cmp, ok := keys[field]
		if !ok || (dir != "asc" && dir != "desc") {
			names := make([]string, 0, len(keys))
			for k := range keys {
				names = append(names, "`"+k+"`")
			}
			slices.Sort(names)
			return badRequest(`"sortBy" must be field:asc or field:desc, the field one of %s`, strings.Join(names, ", "))
		}
		slices.SortStableFunc(out, func(x, y T) int {
			if dir == "desc" {
				return cmp(y, x)
			}
			return cmp(x, y)
		})
	}
	page := Page[T]{Results: []T{}}
	if offset < len(out) {
		end := min(offset+limit, len(out))
		page.Results = out[offset:end]
		if end < len(out) {
			c := fmt.Sprintf("%032x", end)
			page.Cursor = &c
		}
	}
	return platform.JSON(http.StatusOK, page)
}

func (a *API) listRecordings(req *request) reply {
	items := make([]Recording, 0, len(a.recordings))
	rooms := map[string]string{}
	for _, r := range a.recordings {
		items = append(items, r.Recording)
		rooms[r.RecordingID] = r.RoomName
	}
	room := func(r Recording) string { return rooms[r.RecordingID] }
	return listPage(req, items, room, sortKeys[Recording]{
		"roomName":  func(x, y Recording) int { return strings.Compare(room(x), room(y)) },
		"startDate": func(x, y Recording) int { return x.StartDate.Compare(y.StartDate) },
		"duration": func(x, y Recording) int {
			return cmpFloat(x.EndDate.Sub(x.StartDate).Seconds(), y.EndDate.Sub(y.StartDate).Seconds())
		},
		"sizeInMegaBytes": func(x, y Recording) int { return cmpFloat(x.SizeInMegaBytes, y.SizeInMegaBytes) },
	}, func(c string) reply { return notFound("no page at cursor %q", c) })
}

func (a *API) listTranscriptions(req *request) reply {
	items := make([]Transcription, 0, len(a.transcriptions))
	for _, t := range a.transcriptions {
		items = append(items, *t)
	}
	return listPage(req, items, func(t Transcription) string { return t.RoomName }, sortKeys[Transcription]{
		"roomName":          func(x, y Transcription) int { return strings.Compare(x.RoomName, y.RoomName) },
		"startDate":         func(x, y Transcription) int { return x.StartDate.Compare(y.StartDate) },
		"durationInSeconds": func(x, y Transcription) int { return cmpFloat(x.DurationInSeconds, y.DurationInSeconds) },
	}, func(c string) reply { return badRequest("no page at cursor %q", c) })
}

func cmpFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func (a *API) findRecording(id string) *recording {
	for _, r := range a.recordings {
		if r.RecordingID == id {
			return r
		}
	}
	return nil
}

func (a *API) findTranscription(id string) *Transcription {
	for _, t := range a.transcriptions {
		if t.TranscriptionID == id {
			return t
		}
	}
	return nil
}

func (a *API) getRecording(req *request) reply {
	r := a.findRecording(req.PathValue("recordingId"))
	if r == nil {
		return notFound("no recording %q", req.PathValue("recordingId"))
	}
	return platform.JSON(http.StatusOK, r.Recording)
}

func (a *API) getTranscription(req *request) reply {
	t := a.findTranscription(req.PathValue("transcriptionId"))
	if t == nil {
		return notFound("no transcription %q", req.PathValue("transcriptionId"))
	}
	return platform.JSON(http.StatusOK, t)
}

// deleteRecording: "The endpoint is idempotent": 204 for any ID.
func (a *API) deleteRecording(req *request) reply {
	a.dropRecordings([]string{req.PathValue("recordingId")})
	return platform.Empty(http.StatusNoContent)
}

// bulkDeleteRecordings is POST /recordings/bulk-delete {"recordingIds": [...]}:
// 204, idempotent. The document's deletion is a background job; the
// emulator's is done before the answer.
func (a *API) bulkDeleteRecordings(req *request) reply {
	var in struct {
		RecordingIDs []string `json:"recordingIds"`
	}
	if err := json.Unmarshal(req.Body, &in); err != nil || in.RecordingIDs == nil {
		return badRequest(`the body must be {"recordingIds": [...]}`)
	}
	a.dropRecordings(in.RecordingIDs)
	return platform.Empty(http.StatusNoContent)
}

func (a *API) dropRecordings(ids []string) {
	a.recordings = slices.DeleteFunc(a.recordings, func(r *recording) bool { return slices.Contains(ids, r.RecordingID) })
}

func (a *API) deleteTranscription(req *request) reply {
	id := req.PathValue("transcriptionId")
	a.transcriptions = slices.DeleteFunc(a.transcriptions, func(t *Transcription) bool { return t.TranscriptionID == id })
	return platform.Empty(http.StatusNoContent)
}

func (a *API) bulkDeleteTranscriptions(req *request) reply {
	var in struct {
		TranscriptionIDs []string `json:"transcriptionIds"`
	}
	if err := json.Unmarshal(req.Body, &in); err != nil || in.TranscriptionIDs == nil {
		return badRequest(`the body must be {"transcriptionIds": [...]}`)
	}
	a.transcriptions = slices.DeleteFunc(a.transcriptions, func(t *Transcription) bool { return slices.Contains(in.TranscriptionIDs, t.TranscriptionID) })
	return platform.Empty(http.StatusNoContent)
}

// createTranscription is POST /transcriptions {"recordingId"}: 201
// {"transcriptionId"}; an unknown recording 404. The emulated job finishes
// at once: the transcription is "ready".
func (a *API) createTranscription(req *request) reply {
	var in struct {
		RecordingID string `json:"recordingId"`
	}
	if err := json.Unmarshal(req.Body, &in); err != nil || in.RecordingID == "" {
		return badRequest(`the body must be {"recordingId": "..."}`)
	}
	r := a.findRecording(in.RecordingID)
	if r == nil {
		return notFound("no recording %q", in.RecordingID)
	}
	t := a.addTranscription(r, "RECORDING_TRANSCRIPTION")
	return platform.JSON(http.StatusCreated, map[string]string{"transcriptionId": t.TranscriptionID})
}

// accessLink answers GET .../access-link?validForSeconds= (1..43200, default
// 3600): a signed URL under the emulator's public URL that expires then.
func (a *API) accessLink(kind string, exists func(string) bool) handlerFunc {
	return func(req *request) reply {
		id := req.PathValue(kind + "Id")
		valid := 3600
		if v := req.URL.Query().Get("validForSeconds"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 43200 {
				return badRequest(`"validForSeconds" must be an integer from 1 to 43200`)
			}
			valid = n
		}
		if !exists(id) {
			return notFound("no %s %q", kind, id)
		}
		exp := a.now().Add(time.Duration(valid) * time.Second)
		return platform.JSON(http.StatusOK, AccessLink{
			AccessLink: fmt.Sprintf("%s/files/%ss/%s?expires=%d&signature=%s", a.opts.PublicURL, kind, id, exp.UnixMilli(), newUUID()),
			Expires:    exp.UnixMilli(),
		})
	}
}
