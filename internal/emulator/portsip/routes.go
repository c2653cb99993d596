package portsip

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

// maxBody bounds request bodies; the largest legitimate one (a room with its
// invitees and custom options) is a few kilobytes.
const maxBody = 1 << 20

// reply is what a handler produces: a status and an optional JSON body. A nil
// body writes no body at all (NOTES.md: update answers 200 with no body,
// destroy 204).
type reply struct {
	status int
	body   any
}

func ok(status int, body any) reply { return reply{status: status, body: body} }
func empty(status int) reply        { return reply{status: status} }

// request is an incoming request whose body has already been read, so that no
// handler ever reads from the network while holding the lock.
type request struct {
	*http.Request
	raw []byte
}

type handlerFunc func(req *request) reply

// Register implements platform.Platform. Every route is under /api (NOTES.md:
// base URL {endpoint}/api; only GET and POST).
func (a *API) Register(mux *http.ServeMux) {
	// portsip-openapi-conference.json: /auth/sign_in and /auth/refresh_token
	// carry "security": [] (no token); everything else needs the bearer token.
	a.route(mux, "POST /api/auth/sign_in", false, a.signIn)
	a.route(mux, "POST /api/auth/refresh_token", false, a.refreshToken)
	a.route(mux, "POST /api/auth/sign_out", true, a.signOut)
	a.route(mux, "GET /api/auth/user", true, a.authUser)

	a.route(mux, "GET /api/conference_servers", true, a.listServers)
	a.route(mux, "POST /api/conference_servers", true, a.createServer)
	a.route(mux, "GET /api/conference_servers/{id}", true, a.getServer)
	a.route(mux, "POST /api/conference_servers/{id}", true, a.updateServer)
	a.route(mux, "GET /api/conference_servers/{id}/status", true, a.serverStatus)
	a.route(mux, "POST /api/conference_servers/{id}/destroy", true, a.destroyServer)

	a.route(mux, "GET /api/conference_rooms", true, a.listRooms)
	a.route(mux, "POST /api/conference_rooms", true, a.createRoom)
	a.route(mux, "GET /api/conference_rooms/{id}", true, a.getRoom)
	a.route(mux, "POST /api/conference_rooms/{id}", true, a.updateRoom)
	a.route(mux, "POST /api/conference_rooms/{id}/destroy", true, a.destroyRoom)
	a.route(mux, "GET /api/conference_rooms/{id}/status", true, a.roomStatus)
	a.route(mux, "POST /api/conference_rooms/{id}/mute", true, a.roomFlag(flagMuted, true))
	a.route(mux, "POST /api/conference_rooms/{id}/unmute", true, a.roomFlag(flagMuted, false))
	a.route(mux, "POST /api/conference_rooms/{id}/lock", true, a.roomFlag(flagLocked, true))
	a.route(mux, "POST /api/conference_rooms/{id}/unlock", true, a.roomFlag(flagLocked, false))
	a.route(mux, "POST /api/conference_rooms/{id}/start_recording", true, a.startRecording)
	a.route(mux, "POST /api/conference_rooms/{id}/stop_recording", true, a.stopRecording)

	a.route(mux, "GET /api/conference_rooms/{id}/participants", true, a.listParticipants)
	a.route(mux, "POST /api/conference_rooms/{id}/participants/layout", true, a.participantsLayout)
	a.route(mux, "POST /api/conference_rooms/{id}/participants/invite", true, a.inviteParticipant)
	a.route(mux, "GET /api/conference_rooms/{id}/participants/{participant_id}", true, a.getParticipant)
	a.route(mux, "POST /api/conference_rooms/{id}/participants/{participant_id}/mute", true, a.muteParticipant(true))
	a.route(mux, "POST /api/conference_rooms/{id}/participants/{participant_id}/unmute", true, a.muteParticipant(false))
	a.route(mux, "POST /api/conference_rooms/{id}/participants/{participant_id}/chairman", true, a.chairman)
	a.route(mux, "POST /api/conference_rooms/{id}/participants/{participant_id}/position", true, a.position)
	a.route(mux, "POST /api/conference_rooms/{id}/participants/{participant_id}/destroy", true, a.kick)

	a.route(mux, "GET /api/conference_rooms/{id}/recordings", true, a.listRecordings)
	a.route(mux, "POST /api/conference_rooms/{id}/recordings/{recording_id}/destroy", true, a.destroyRecording)
	a.route(mux, "POST /api/conference_rooms/{id}/recordings/{recording_id}/set_read", true, a.setRecordingRead(true))
	a.route(mux, "POST /api/conference_rooms/{id}/recordings/{recording_id}/set_unread", true, a.setRecordingRead(false))

	// Anything else under /api answers in the vendor's envelope: 405 when the
	// path exists for the other verb or the verb is neither GET nor POST, 404
	// otherwise.
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		var rep reply
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodPost:
			other := r.Clone(r.Context())
			other.Method = http.MethodPost
			if r.Method == http.MethodPost {
				other.Method = http.MethodGet
			}
			if _, pattern := mux.Handler(other); pattern != "" && pattern != "/api/" {
				rep = failure(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "%s is not supported on %s", r.Method, r.URL.Path)
			} else {
				rep = failure(http.StatusNotFound, CodeNotFound, "no such resource: %s", r.URL.Path)
			}
		default:
			// portsip-openapi-conference.json, "HTTP verbs": GET and POST only.
			rep = failure(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "method %s is not supported; the API uses GET and POST only", r.Method)
		}
		write(w, rep.status, mustJSON(rep.body))
	})
}

// route wraps h: authentication, reading the body, locking (read lock for GET,
// write lock otherwise), encoding the reply under the lock and writing it after.
func (a *API) route(mux *http.ServeMux, pattern string, auth bool, h handlerFunc) {
	readOnly := len(pattern) > 4 && pattern[:4] == "GET "
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if auth {
			if rep, ok := a.authenticate(r); !ok {
				w.Header().Set("WWW-Authenticate", `Bearer realm="PortSIP PBX"`)
				write(w, rep.status, mustJSON(rep.body))
				return
			}
		}
		raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			rep := invalid("", "request body could not be read: %v", err)
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				rep = invalid("", "request body must be at most %d bytes", maxBody)
			}
			write(w, rep.status, mustJSON(rep.body))
			return
		}
		req := &request{Request: r, raw: raw}
		var rep reply
		var data []byte
		if readOnly {
			a.mu.RLock()
			rep = h(req)
			data = mustJSON(rep.body)
			a.mu.RUnlock()
		} else {
			a.mu.Lock()
			rep = h(req)
			data = mustJSON(rep.body)
			a.mu.Unlock()
		}
		write(w, rep.status, data)
	})
}

func mustJSON(v any) []byte {
	if v == nil {
		return nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		// Only our own types are encoded; failing here is a bug.
		panic("portsip: encoding reply: " + err.Error())
	}
	return append(data, '\n')
}

func write(w http.ResponseWriter, status int, data []byte) {
	if data != nil {
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(status)
	if data != nil {
		_, _ = w.Write(data)
	}
}
