package whereby

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// Summary is the document's Summary schema.
type Summary struct {
	SummaryID       string            `json:"summaryId"`
	TranscriptionID string            `json:"transcriptionId"`
	Summary         map[string]string `json:"summary"`
	RoomSessionID   string            `json:"roomSessionId"`
	RoomName        string            `json:"roomName"`
	StartDate       time.Time         `json:"startDate"`
	EndDate         time.Time         `json:"endDate"`
	State           string            `json:"state"`
	CreatedAt       time.Time         `json:"createdAt"`
	ModifiedAt      time.Time         `json:"modifiedAt"`
	Template        string            `json:"template"`
}

// summaryTemplates are POST /summaries' "template" enum.
var summaryTemplates = []string{"SOAP", "Extended SOAP", "General Narrative", "General Bulleted", "Educational Lecture", "Educational Tutoring"}

// defaultTemplate is the template of a summary created without one (the
// document's example summary's).
const defaultTemplate = "General Narrative"

// createSummary is POST /summaries {"transcriptionId", "template"}: 201
// {"summaryId"}; an unknown transcription 404. The emulated job finishes at
// once: the summary is "completed".
func (a *API) createSummary(req *request) reply {
	var in struct {
		TranscriptionID string `json:"transcriptionId"`
		Template        string `json:"template"`
	}
	if err := json.Unmarshal(req.Body, &in); err != nil || in.TranscriptionID == "" {
		return badRequest(`the body must be {"transcriptionId": "...", "template": "..."}`)
	}
	if in.Template == "" {
		in.Template = defaultTemplate
	}
	if !slices.Contains(summaryTemplates, in.Template) {
		return badRequest(`"template" must be one of %s`, strings.Join(summaryTemplates, ", "))
	}
	t := a.findTranscription(in.TranscriptionID)
	if t == nil {
		return notFound("no transcription %q", in.TranscriptionID)
	}
	now := a.now()
	s := &Summary{
		SummaryID: newUUID(), TranscriptionID: t.TranscriptionID, RoomSessionID: t.RoomSessionID, RoomName: t.RoomName,
		StartDate: t.StartDate, EndDate: t.EndDate, State: "completed", CreatedAt: now, ModifiedAt: now, Template: in.Template,
		Summary: map[string]string{"summary": in.Template + " summary of the session in " + t.RoomName},
	}
	a.summaries = append(a.summaries, s)
	return platform.JSON(http.StatusCreated, map[string]string{"summaryId": s.SummaryID})
}

// listSummaries is GET /summaries?cursor=&limit=&sortBy=: the list has no
// room filter.
func (a *API) listSummaries(req *request) reply {
	items := make([]Summary, 0, len(a.summaries))
	for _, s := range a.summaries {
		items = append(items, *s)
	}
	dur := func(s Summary) float64 { return s.EndDate.Sub(s.StartDate).Seconds() }
	return listPage(req, items, nil, sortKeys[Summary]{
		"roomName":          func(x, y Summary) int { return strings.Compare(x.RoomName, y.RoomName) },
		"startDate":         func(x, y Summary) int { return x.StartDate.Compare(y.StartDate) },
		"durationInSeconds": func(x, y Summary) int { return cmpFloat(dur(x), dur(y)) },
	}, func(c string) reply { return badRequest("no page at cursor %q", c) })
}

func (a *API) getSummary(req *request) reply {
	id := req.PathValue("summaryId")
	for _, s := range a.summaries {
		if s.SummaryID == id {
			return platform.JSON(http.StatusOK, s)
		}
	}
	return notFound("no summary %q", id)
}

// deleteSummary: idempotent, 204 for any ID.
func (a *API) deleteSummary(req *request) reply {
	id := req.PathValue("summaryId")
	a.summaries = slices.DeleteFunc(a.summaries, func(s *Summary) bool { return s.SummaryID == id })
	return platform.Empty(http.StatusNoContent)
}
