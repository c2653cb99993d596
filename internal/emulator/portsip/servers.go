package portsip

import (
	"math"
	"net/http"
	"net/netip"
)

// Conference server types (portsip-openapi-conference.json, conference server
// "type", read-only): the PBX's own server is INTERNAL, every added one EXTERNAL.
const (
	ServerTypeInternal = "INTERNAL"
	ServerTypeExternal = "EXTERNAL"
)

// Server is a conference server exactly as GET /conference_servers/{id} and the
// list return it. ipv4 and ipv6 are left out when empty: the spec types them as
// plain strings, so null would not validate against it.
type Server struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	Enabled         bool   `json:"enabled"`
	Type            string `json:"type"`
	IPv4            string `json:"ipv4,omitempty"`
	IPv6            string `json:"ipv6,omitempty"`
	MaxRooms        int64  `json:"max_rooms"`
	MaxParticipants int64  `json:"max_participants"`
}

// ServerStatus is GET /conference_servers/{id}/status.
type ServerStatus struct {
	RoomsCount        int64  `json:"rooms_count"`
	ParticipantsCount int64  `json:"participants_count"`
	CPUUsage          int64  `json:"cpu_usage"`
	MemoryUsage       int64  `json:"memory_usage"`
	Status            string `json:"status"`
}

// Server statuses (getConferenceServerStatus).
const (
	StatusOnline  = "ONLINE"
	StatusOffline = "OFFLINE"
	// StatusOnCall is a room status only.
	StatusOnCall = "ON_CALL"
)

// IDResponse is the body of a create: {"id": "..."}.
type IDResponse struct {
	ID string `json:"id"`
}

var serverCollection = &collection{
	fields: map[string]fieldKind{
		"id": kindString, "name": kindString, "enabled": kindBool, "type": kindString,
		"ipv4": kindString, "ipv6": kindString, "max_rooms": kindNumber, "max_participants": kindNumber,
	},
	search: []string{"name", "ipv4", "ipv6"},
}

var (
	serverCreateFields = []string{"name", "enabled", "ipv4", "ipv6", "max_rooms", "max_participants"}
	serverUpdateFields = []string{"enabled", "max_rooms", "max_participants"}
	serverReadOnly     = map[string]string{"id": "is read-only", "type": "is read-only"}
	// NOTES.md: server name, ipv4, ipv6 are not in the update body.
	serverImmutable = map[string]string{
		"id": "is read-only", "type": "is read-only",
		"name": "cannot be updated", "ipv4": "cannot be updated", "ipv6": "cannot be updated",
	}
)

// max_rooms and max_participants: portsip-openapi-conference.json gives them
// "format": "int32", "minimum": 0.
const maxInt32 = math.MaxInt32

func (a *API) listServers(req *request) reply {
	var p problems
	lq := parseListQuery(req.URL.Query(), serverCollection, &p)
	if !p.ok() {
		return p.reply()
	}
	items := make([]listItem, 0, len(a.serverOrder))
	for _, id := range a.serverOrder {
		items = append(items, serverCollection.item(*a.servers[id]))
	}
	return jsonReply(http.StatusOK, lq.apply(items, serverCollection))
}

// createServer is POST /conference_servers; NOTES.md: it answers 200 {id}.
func (a *API) createServer(req *request) reply {
	var p problems
	b := decodeBody(req.Body, &p)
	if b == nil {
		return p.reply()
	}
	b.allow(serverCreateFields, serverReadOnly)
	b.require("name", "max_rooms", "max_participants")
	b.notNull("enabled")
	s := &Server{Enabled: true, Type: ServerTypeExternal}
	if v, ok := b.str("name"); ok && b.length("name", v, 64) {
		s.Name = v
	}
	if v, ok := b.boolean("enabled"); ok {
		s.Enabled = v
	}
	// portsip-conference.txt: "at least one of ipv4 or ipv6 must be specified."
	ipv4, ok4 := b.str("ipv4")
	ipv6, ok6 := b.str("ipv6")
	badIP := false
	if ok4 && ipv4 != "" {
		if addr, err := netip.ParseAddr(ipv4); err != nil || !addr.Is4() {
			p.add("ipv4", "ipv4 must be an IPv4 address such as 192.0.2.10")
			badIP = true
		}
		s.IPv4 = ipv4
	}
	if ok6 && ipv6 != "" {
		if addr, err := netip.ParseAddr(ipv6); err != nil || !addr.Is6() || addr.Zone() != "" {
			p.add("ipv6", "ipv6 must be an IPv6 address such as 2001:db8::10")
			badIP = true
		}
		s.IPv6 = ipv6
	}
	wrongType := (b.given("ipv4") && !ok4) || (b.given("ipv6") && !ok6)
	if s.IPv4 == "" && s.IPv6 == "" && !badIP && !wrongType {
		p.add("ipv4", "at least one of ipv4 or ipv6 must be specified")
	}
	if v, ok := b.integer("max_rooms", 0, maxInt32); ok {
		s.MaxRooms = v
	}
	if v, ok := b.integer("max_participants", 0, maxInt32); ok {
		s.MaxParticipants = v
	}
	if !p.ok() {
		return p.reply()
	}
	s.ID = a.unusedID()
	a.servers[s.ID] = s
	a.serverOrder = append(a.serverOrder, s.ID)
	a.placeConferences()
	return jsonReply(http.StatusOK, IDResponse{ID: s.ID})
}

func (a *API) serverFor(req *request) (*Server, reply) {
	id := req.PathValue("id")
	s := a.servers[id]
	if s == nil {
		return nil, notFound("conference server", id)
	}
	return s, reply{}
}

func (a *API) getServer(req *request) reply {
	s, rep := a.serverFor(req)
	if s == nil {
		return rep
	}
	return jsonReply(http.StatusOK, *s)
}

// updateServer is POST /conference_servers/{id}: only enabled, max_rooms and
// max_participants; what is left out is kept. 200 with no body (NOTES.md).
func (a *API) updateServer(req *request) reply {
	s, rep := a.serverFor(req)
	if s == nil {
		return rep
	}
	var p problems
	b := decodeBody(req.Body, &p)
	if b == nil {
		return p.reply()
	}
	b.allow(serverUpdateFields, serverImmutable)
	b.notNull(serverUpdateFields...)
	next := *s
	if v, ok := b.boolean("enabled"); ok {
		next.Enabled = v
	}
	if v, ok := b.integer("max_rooms", 0, maxInt32); ok {
		next.MaxRooms = v
	}
	if v, ok := b.integer("max_participants", 0, maxInt32); ok {
		next.MaxParticipants = v
	}
	if !p.ok() {
		return p.reply()
	}
	*s = next
	a.placeConferences()
	return empty(http.StatusOK)
}

// serverStatus is GET /conference_servers/{id}/status. The emulated figures
// follow from the conferences the server hosts (rooms, and started meetings,
// which take a room on the server as a room does): cpu_usage is the share
// (percent) of max_participants in use, memory_usage the share of max_rooms.
// A disabled server is OFFLINE and idle.
func (a *API) serverStatus(req *request) reply {
	s, rep := a.serverFor(req)
	if s == nil {
		return rep
	}
	return jsonReply(http.StatusOK, a.serverStatusOf(s))
}

func (a *API) serverStatusOf(s *Server) ServerStatus {
	st := ServerStatus{Status: StatusOffline}
	for _, c := range a.conferences() {
		if c.ServerID == s.ID {
			st.RoomsCount++
			st.ParticipantsCount += int64(len(c.Participants))
		}
	}
	if !s.Enabled {
		return st
	}
	st.Status = StatusOnline
	st.CPUUsage = percent(st.ParticipantsCount, s.MaxParticipants)
	st.MemoryUsage = percent(st.RoomsCount, s.MaxRooms)
	return st
}

func percent(n, of int64) int64 {
	if of <= 0 {
		return 0
	}
	return min(100, n*100/of)
}

// destroyServer is POST /conference_servers/{id}/destroy, 204. Its rooms move to
// another server. The built-in server cannot go: the spec's 400 ("Invalid server
// id supplied") is the answer.
func (a *API) destroyServer(req *request) reply {
	s, rep := a.serverFor(req)
	if s == nil {
		return rep
	}
	if s.Type == ServerTypeInternal {
		return invalid("id", "the built-in INTERNAL conference server cannot be destroyed")
	}
	a.removeServer(s.ID)
	return empty(http.StatusNoContent)
}

func (a *API) removeServer(id string) {
	delete(a.servers, id)
	a.serverOrder = removeID(a.serverOrder, id)
	a.placeConferences()
}

// conferences lists, in a fixed order, every live conference that wants a
// conference server: every room's, then every started meeting's.
func (a *API) conferences() []*liveConference {
	out := make([]*liveConference, 0, len(a.roomOrder)+len(a.meetingOrder))
	for _, id := range a.roomOrder {
		out = append(out, &a.rooms[id].liveConference)
	}
	for _, id := range a.meetingOrder {
		if mr := a.meetings[id]; mr.Started {
			out = append(out, &mr.liveConference)
		}
	}
	return out
}

// placeConferences hosts every conference that has no server (or whose server
// is gone) on the enabled server with the fewest conferences and a room to
// spare, earliest server first on a tie. A conference no server can take
// stays unhosted, and OFFLINE. Conferences on a disabled server stay there,
// OFFLINE, until it is enabled again.
func (a *API) placeConferences() {
	all := a.conferences()
	hosted := map[string]int64{}
	for _, c := range all {
		if _, ok := a.servers[c.ServerID]; ok {
			hosted[c.ServerID]++
		} else {
			c.ServerID = ""
		}
	}
	for _, c := range all {
		if c.ServerID != "" {
			continue
		}
		best := ""
		for _, sid := range a.serverOrder {
			s := a.servers[sid]
			if !s.Enabled || hosted[sid] >= s.MaxRooms {
				continue
			}
			if best == "" || hosted[sid] < hosted[best] {
				best = sid
			}
		}
		if best != "" {
			c.ServerID = best
			hosted[best]++
		}
	}
}

// unusedID returns an ID no server, room or meeting has.
func (a *API) unusedID() string {
	for {
		id := newID()
		_, s := a.servers[id]
		_, r := a.rooms[id]
		_, m := a.meetings[id]
		if !s && !r && !m {
			return id
		}
	}
}
