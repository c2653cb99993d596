package lineplanet

import (
	"fmt"
	"strconv"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// createResponse is the create response's data: {mtg, sipProxy, sipProxyPort}.
type createResponse struct {
	Mtg          Meeting `json:"mtg"`
	SIPProxy     string  `json:"sipProxy"`
	SIPProxyPort int     `json:"sipProxyPort"`
}

// create is POST .../mtg.
func (a *API) create(req *platform.Request) platform.Reply {
	in, msg := parseInput(req.Body)
	if msg != "" {
		return a.failure(codeBadRequest, msg)
	}
	k := roomKey{req.PathValue("svc"), req.PathValue("room")}
	if a.liveLocked(k) != nil {
		// "405 (meeting already exists)"
		return a.failure(codeAlreadyExists, "meeting already exists")
	}
	now := a.clock.Now()
	m := &Meeting{
		ID:        a.uniqueIDLocked(),
		Type:      "I",
		ChatSvcID: k.svc,
		ChatID:    k.room,
		Created:   now.UnixMilli(),
	}
	if in.typ != nil {
		m.Type = *in.typ
	}
	if in.passcode != nil {
		m.Passcode = *in.passcode
	} else {
		m.Passcode = a.newPasscode() // "Default value: Random"
	}
	if in.title.set {
		m.Title = in.title.value
	}
	if in.data.set {
		m.Data = in.data.value
	}
	m.ExpireAt = now.Add(lifetimes[m.Type]).UnixMilli()
	a.meetings[k] = m
	return a.success(createResponse{Mtg: *m, SIPProxy: a.opts.SIPProxy, SIPProxyPort: a.opts.SIPProxyPort})
}

// list is GET .../mtgs.
func (a *API) list(req *platform.Request) platform.Reply {
	// "Only one MeetingObject is returned currently."
	mtgs := []Meeting{}
	if m := a.liveLocked(roomKey{req.PathValue("svc"), req.PathValue("room")}); m != nil {
		mtgs = append(mtgs, *m)
	}
	return a.success(map[string]any{"mtgs": mtgs})
}

// update is PUT .../mtg(s)/{mtgId}. The body is checked before the meeting is
// looked up.
func (a *API) update(req *platform.Request) platform.Reply {
	in, msg := parseInput(req.Body)
	if msg != "" {
		return a.failure(codeBadRequest, msg)
	}
	_, m, rep := a.findLocked(req)
	if m == nil {
		return rep
	}
	next := *m
	if in.typ != nil && *in.typ != m.Type {
		if !allowedTransitions[[2]string{m.Type, *in.typ}] {
			// NOTES.md decides 435 for every disallowed change; the doc's Example 2
			// shows code "405" for R -> S with this very message.
			return a.failure(codeTypeNotConverted,
				fmt.Sprintf("current type cannot be converted to nextType. %s -> %s", m.Type, *in.typ))
		}
		next.Type = *in.typ
		// NOTES.md: an S -> R update sets expireAt to update time + 365 days
		// (Example 1: 1656503617461 + 365 days = 1688039617461).
		next.ExpireAt = a.clock.Now().Add(lifetimes[next.Type]).UnixMilli()
	}
	if in.passcode != nil {
		next.Passcode = *in.passcode
	}
	if in.title.set {
		next.Title = in.title.value
	}
	if in.data.set {
		next.Data = in.data.value
	}
	*m = next
	// Example 1: data is the MeetingObject itself, not {mtg: ...}.
	return a.success(next)
}

// delete is DELETE .../mtg(s)/{mtgId}; its data is null.
func (a *API) delete(req *platform.Request) platform.Reply {
	k, m, rep := a.findLocked(req)
	if m == nil {
		return rep
	}
	delete(a.meetings, k)
	return a.success(nil)
}

// findLocked returns the room's live meeting with the path's mtgId, or a nil
// meeting and the error reply.
func (a *API) findLocked(req *platform.Request) (roomKey, *Meeting, platform.Reply) {
	k := roomKey{req.PathValue("svc"), req.PathValue("room")}
	id, err := strconv.ParseInt(req.PathValue("id"), 10, 64)
	if err != nil {
		return k, nil, a.failure(codeBadRequest, fmt.Sprintf("mtgId must be a number; got %q", req.PathValue("id")))
	}
	m := a.liveLocked(k)
	if m == nil || m.ID != id {
		return k, nil, a.failure(codeNotFound, fmt.Sprintf("meeting %d not found in room %s/%s", id, k.svc, k.room))
	}
	return k, m, platform.Reply{}
}
