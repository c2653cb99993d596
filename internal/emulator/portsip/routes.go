package portsip

import (
	"net/http"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// maxBody bounds request bodies; the largest legitimate one (a room with its
// invitees and custom options) is a few kilobytes.
const maxBody = 1 << 20

// The handler style is the emulator's one (platform.Router): a handler turns a
// request whose body is read into a reply, under the PBX's lock.
type (
	reply       = platform.Reply
	request     = platform.Request
	handlerFunc = platform.Handler
)

func jsonReply(status int, body any) reply { return platform.JSON(status, body) }
func empty(status int) reply               { return platform.Empty(status) }

// Register implements platform.API. Every route is under /api (NOTES.md:
// base URL {endpoint}/api; only GET and POST).
func (a *API) Register(mux *http.ServeMux) {
	rt := &platform.Router{
		Mux:  mux,
		Lock: &a.mu,
		Auth: func(r *http.Request) (string, reply, bool) {
			user, rep, ok := a.authenticate(r)
			if !ok {
				rep = rep.WithHeader("WWW-Authenticate", `Bearer realm="PortSIP PBX"`)
			}
			return user, rep, ok
		},
		BodyError: func(err error, tooLarge bool) reply {
			if tooLarge {
				return invalid("", "request body must be at most %d bytes", maxBody)
			}
			return invalid("", "request body could not be read: %v", err)
		},
		MaxBody: maxBody,
	}
	// portsip-openapi-conference.json: /auth/sign_in and /auth/refresh_token
	// carry "security": [] (no token); everything else needs the bearer token.
	rt.Handle("POST /api/auth/sign_in", false, a.signIn)
	rt.Handle("POST /api/auth/refresh_token", false, a.refreshToken)
	rt.Handle("POST /api/auth/sign_out", true, a.signOut)
	rt.Handle("GET /api/auth/user", true, a.authUser)

	rt.Handle("GET /api/conference_servers", true, a.listServers)
	rt.Handle("POST /api/conference_servers", true, a.createServer)
	rt.Handle("GET /api/conference_servers/{id}", true, a.getServer)
	rt.Handle("POST /api/conference_servers/{id}", true, a.updateServer)
	rt.Handle("GET /api/conference_servers/{id}/status", true, a.serverStatus)
	rt.Handle("POST /api/conference_servers/{id}/destroy", true, a.destroyServer)

	rt.Handle("GET /api/conference_rooms", true, a.listRooms)
	rt.Handle("POST /api/conference_rooms", true, a.createRoom)
	rt.Handle("GET /api/conference_rooms/{id}", true, a.getRoom)
	rt.Handle("POST /api/conference_rooms/{id}", true, a.updateRoom)
	rt.Handle("POST /api/conference_rooms/{id}/destroy", true, a.destroyRoom)
	a.conferenceRoutes(rt, "/api/conference_rooms/{id}", a.roomTarget)
	rt.Handle("GET /api/conference_rooms/{id}/recordings", true, a.listRecordings)
	rt.Handle("POST /api/conference_rooms/{id}/recordings/{recording_id}/destroy", true, a.destroyRecording)
	rt.Handle("POST /api/conference_rooms/{id}/recordings/{recording_id}/set_read", true, a.setRecordingRead(true))
	rt.Handle("POST /api/conference_rooms/{id}/recordings/{recording_id}/set_unread", true, a.setRecordingRead(false))

	// The signed-in user's meetings (portsip-v22-user-meetings.txt).
	rt.Handle("GET /api/user/meetings", true, a.listMeetings)
	rt.Handle("POST /api/user/meetings", true, a.createMeeting)
	rt.Handle("GET /api/user/meetings/{id}", true, a.getMeeting)
	rt.Handle("POST /api/user/meetings/{id}", true, a.updateMeeting)
	rt.Handle("POST /api/user/meetings/{id}/destroy", true, a.destroyMeeting)
	rt.Handle("POST /api/user/meetings/{id}/start", true, a.startMeeting)
	rt.Handle("POST /api/user/meetings/{id}/stop", true, a.stopMeeting)
	a.conferenceRoutes(rt, "/api/user/meetings/{id}", a.meetingTarget)

	// Anything else under /api answers in the vendor's envelope: 405 when the
	// path exists for the other verb or the verb is neither GET nor POST, 404
	// otherwise.
	rt.Fallback("/api/", func(r *http.Request) reply {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodPost:
			if rt.MatchesOtherMethod(r, "/api/", http.MethodGet, http.MethodPost) {
				return failure(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "%s is not supported on %s", r.Method, r.URL.Path)
			}
			return failure(http.StatusNotFound, CodeNotFound, "no such resource: %s", r.URL.Path)
		default:
			// portsip-openapi-conference.json, "HTTP verbs": GET and POST only.
			return failure(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "method %s is not supported; the API uses GET and POST only", r.Method)
		}
	})
}
