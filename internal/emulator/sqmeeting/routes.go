package sqmeeting

import (
	"net/http"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// maxBody bounds request bodies; the largest legitimate one (a meeting with
// its invitees) is a few kilobytes.
const maxBody = 1 << 20

// The handler style is the emulator's one (platform.Router).
type (
	reply   = platform.Reply
	request = platform.Request
	handler = platform.Handler
)

func ok200(body any) reply { return platform.JSON(http.StatusOK, body) }

// empty204 is the document's "http 200 or 204 / empty" answer.
func empty204() reply { return platform.Empty(http.StatusNoContent) }

// Register implements platform.API.
//
// Methods: where the document and the vendor's clients disagree, the
// emulator answers both (NOTES.md): user/info, meeting_room and
// user/public/users answer GET (the clients) and POST (the document). The
// document's GET for creating and updating a recurrence cannot be right (GET
// /recurrence/{id} is also its read): those are POST, as the clients send them.
func (a *API) Register(mux *http.ServeMux) {
	rt := &platform.Router{
		Mux:  mux,
		Lock: &a.mu,
		Auth: a.authenticate,
		BodyError: func(err error, tooLarge bool) reply {
			if tooLarge {
				return invalid("request body must be at most %d bytes", maxBody)
			}
			return invalid("request body could not be read: %v", err)
		},
		MaxBody: maxBody,
	}
	const v1 = "/api/v1"
	rt.Handle("POST "+v1+"/user/sign_in", false, a.signIn)
	rt.Handle("POST "+v1+"/user/sign_out", true, a.signOut)
	for _, m := range []string{"GET ", "POST "} {
		rt.Handle(m+v1+"/user/info", true, a.info)
		// "Find Users by Page ... SignedIn False".
		rt.Handle(m+v1+"/user/public/users", false, unsigned(a.publicUsers))
		rt.Handle(m+v1+"/meeting_room", true, a.meetingRooms)
	}
	rt.Handle("POST "+v1+"/user/users", true, a.createUser)
	rt.Handle("POST "+v1+"/user/users/{user_id}", true, a.updateUser)
	rt.Handle("POST "+v1+"/system/capacity", true, a.capacity)
	rt.Handle("POST "+v1+"/system/version", true, a.version)

	rt.Handle("POST "+v1+"/meeting_schedule", true, a.createSchedule)
	rt.Handle("GET "+v1+"/meeting_schedule", true, a.listSchedules)
	rt.Handle("GET "+v1+"/meeting_schedule/{reservation_id}", true, a.getSchedule)
	rt.Handle("POST "+v1+"/meeting_schedule/{reservation_id}", true, a.updateSchedule)
	rt.Handle("DELETE "+v1+"/meeting_schedule/{reservation_id}", true, a.deleteSchedule)

	rt.Handle("POST "+v1+"/meeting_schedule/recurrence", true, a.createRecurrence)
	rt.Handle("GET "+v1+"/meeting_schedule/recurrence", false, func(*request) reply {
		return failure(http.StatusMethodNotAllowed, statusCode(http.StatusMethodNotAllowed),
			"create a recurrence with POST /api/v1/meeting_schedule/recurrence")
	})
	rt.Handle("GET "+v1+"/meeting_schedule/recurrence/{id}", true, a.getRecurrence)
	rt.Handle("POST "+v1+"/meeting_schedule/recurrence/{id}", true, a.updateRecurrence)

	// Anything else under /api/v1 answers in the vendor's envelope (PortSIP's
	// fallback owns the rest of /api/).
	rt.Fallback(v1+"/", func(r *http.Request) reply {
		if rt.MatchesOtherMethod(r, v1+"/", http.MethodGet, http.MethodPost, http.MethodDelete) {
			return failure(http.StatusMethodNotAllowed, statusCode(http.StatusMethodNotAllowed), "%s is not supported on %s", r.Method, r.URL.Path)
		}
		return failure(http.StatusNotFound, statusCode(http.StatusNotFound), "no such API: %s", r.URL.Path)
	})
}
