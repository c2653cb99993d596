package whereby

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// maxBody bounds request bodies; the largest legitimate one (a meeting with
// its recording, transcription and streaming settings) is about a kilobyte.
const maxBody = 64 << 10

// The handler style is the emulator's one (platform.Router).
type (
	reply       = platform.Reply
	request     = platform.Request
	handlerFunc = platform.Handler
)

// Register implements platform.API.
func (a *API) Register(mux *http.ServeMux) {
	rt := &platform.Router{
		Mux:       mux,
		Lock:      &a.mu,
		Auth:      a.authenticate,
		BodyError: bodyError(maxBody),
		MaxBody:   maxBody,
	}
	rt.Handle("POST /v1/meetings", true, a.metered(a.createMeeting))
	rt.Handle("GET /v1/meetings", true, a.metered(a.listMeetings))
	rt.Handle("GET /v1/meetings/{meetingId}", true, a.metered(a.getMeeting))
	rt.Handle("DELETE /v1/meetings/{meetingId}", true, a.metered(a.deleteMeeting))

	rt.Handle("GET /v1/recordings", true, a.metered(a.listRecordings))
	rt.Handle("GET /v1/recordings/{recordingId}", true, a.metered(a.getRecording))
	rt.Handle("DELETE /v1/recordings/{recordingId}", true, a.metered(a.deleteRecording))
	rt.Handle("GET /v1/recordings/{recordingId}/access-link", true,
		a.metered(a.accessLink("recording", func(id string) bool { return a.findRecording(id) != nil })))
	rt.Handle("POST /v1/recordings/bulk-delete", true, a.metered(a.bulkDeleteRecordings))
	rt.Handle("POST /v1/transcriptions", true, a.metered(a.createTranscription))
	rt.Handle("GET /v1/transcriptions", true, a.metered(a.listTranscriptions))
	rt.Handle("GET /v1/transcriptions/{transcriptionId}", true, a.metered(a.getTranscription))
	rt.Handle("DELETE /v1/transcriptions/{transcriptionId}", true, a.metered(a.deleteTranscription))
	rt.Handle("GET /v1/transcriptions/{transcriptionId}/access-link", true,
		a.metered(a.accessLink("transcription", func(id string) bool { return a.findTranscription(id) != nil })))
	rt.Handle("POST /v1/transcriptions/bulk-delete", true, a.metered(a.bulkDeleteTranscriptions))
	rt.Handle("POST /v1/summaries", true, a.metered(a.createSummary))
	rt.Handle("GET /v1/summaries", true, a.metered(a.listSummaries))
	rt.Handle("GET /v1/summaries/{summaryId}", true, a.metered(a.getSummary))
	rt.Handle("DELETE /v1/summaries/{summaryId}", true, a.metered(a.deleteSummary))
	rt.Handle("GET /v1/insights/rooms", true, a.metered(a.listRoomInsights))
	rt.Handle("GET /v1/insights/room-sessions", true, a.metered(a.listRoomSessionInsights))
	rt.Handle("GET /v1/insights/participants", true, a.metered(a.listParticipantInsights))
	rt.Handle("GET /v1/insights/participant", true, a.metered(a.getParticipantInsight))

	// The theme uploads carry images: their bodies have a limit of their
	// own (themes.go).
	uploads := *rt
	uploads.MaxBody = maxUpload
	uploads.BodyError = bodyError(maxUpload)
	rt.Handle("PUT /v1/rooms/{roomName}/theme/tokens", true, a.metered(a.setTokens))
	uploads.Handle("PUT /v1/rooms/{roomName}/theme/logo", true, a.metered(a.setLogo))
	uploads.Handle("PUT /v1/rooms/{roomName}/theme/room-background", true,
		a.metered(a.setBackground(func(t *Theme) *Background { return &t.RoomBackground })))
	uploads.Handle("PUT /v1/rooms/{roomName}/theme/room-knock-page-background", true,
		a.metered(a.setBackground(func(t *Theme) *Background { return &t.KnockPageBackground })))

	// Everything else under /v1 (the document's other APIs, unknown paths,
	// other methods) answers in the same envelope: 405 where the path exists
	// for another method, 404 otherwise.
	rt.Fallback("/v1/", func(r *http.Request) reply {
		if rt.MatchesOtherMethod(r, "/v1/", http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete) {
			return failure(http.StatusMethodNotAllowed, "%s is not supported on %s", r.Method, r.URL.Path)
		}
		return notFound("%s %s", r.Method, r.URL.Path)
	})
}

// authenticate checks "Authorization: Bearer <api key>" (NOTES.md;
// whereby-openapi.json, securitySchemes.BearerAuth: "Every API call needs to
// contain this token").
func (a *API) authenticate(r *http.Request) (string, reply, bool) {
	scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	token = strings.TrimSpace(token)
	if strings.EqualFold(scheme, "Bearer") && token != "" &&
		subtle.ConstantTimeCompare([]byte(token), []byte(a.opts.APIKey)) == 1 {
		return "organization", reply{}, true
	}
	rep := failure(http.StatusUnauthorized, msgUnauthorized).WithHeader("WWW-Authenticate", `Bearer realm="Whereby"`)
	return "", rep, false
}

// bodyError answers a body that could not be read, or that is over limit,
// in Whereby's envelope.
func bodyError(limit int) func(err error, tooLarge bool) reply {
	return func(err error, tooLarge bool) reply {
		if tooLarge {
			return badRequest("the request body must be at most %d bytes", limit)
		}
		return badRequest("the request body could not be read: %v", err)
	}
}
