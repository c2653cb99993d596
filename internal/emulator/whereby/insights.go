package whereby

import (
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

// insightsLimit is the insights lists' default page size ("limit ...
// default 10", where the other lists' is 50).
const insightsLimit = 10

// Usage is what the room and room session insights count (their total*
// properties). Minutes are "rounded up per individual connection";
// recorders and streamers are the bots of those roles, counted apart from
// the participants; distinct means distinct userId.
type Usage struct {
	TotalParticipantMinutes int `json:"totalParticipantMinutes"`
	TotalRecorderMinutes    int `json:"totalRecorderMinutes"`
	TotalStreamerMinutes    int `json:"totalStreamerMinutes"`
	TotalUniqueParticipants int `json:"totalUniqueParticipants"`
	TotalUniqueRecorders    int `json:"totalUniqueRecorders"`
	TotalUniqueStreamers    int `json:"totalUniqueStreamers"`
	// Rating is the average of the session's ratings and TotalRatings their
	// number; both null when nobody rated it.
	Rating       *float64 `json:"rating"`
	TotalRatings *float64 `json:"totalRatings"`
}

// RoomInsight is a row of GET /insights/rooms.
type RoomInsight struct {
	RoomName              string    `json:"roomName"`
	CreatedAt             time.Time `json:"createdAt"`
	EndAt                 time.Time `json:"endAt"`
	FirstSessionStartedAt time.Time `json:"firstSessionStartedAt"`
	LastSessionStartedAt  time.Time `json:"lastSessionStartedAt"`
	TotalSessions         int       `json:"totalSessions"`
	Usage
}

// RoomSessionInsight is a row of GET /insights/room-sessions. createdAt and
// endAt, which the document does not describe, are the room's.
type RoomSessionInsight struct {
	RoomSessionID string    `json:"roomSessionId"`
	RoomName      string    `json:"roomName"`
	CreatedAt     time.Time `json:"createdAt"`
	EndAt         time.Time `json:"endAt"`
	StartedAt     time.Time `json:"startedAt"`
	EndedAt       time.Time `json:"endedAt"`
	Usage
}

// ParticipantInsight is a row of GET /insights/participants. Rating, Tags
// and Comment are the session rating the participant gave ("Requires
// session ratings to be enabled"): null when none.
type ParticipantInsight struct {
	RoomSessionID string    `json:"roomSessionId"`
	ParticipantID string    `json:"participantId"`
	DeviceID      string    `json:"deviceId"`
	UserID        string    `json:"userId"`
	RoleName      string    `json:"roleName"`
	DisplayName   string    `json:"displayName"`
	JoinedAt      time.Time `json:"joinedAt"`
	LeftAt        time.Time `json:"leftAt"`
	ExternalID    string    `json:"externalId"`
	Rating        *float64  `json:"rating"`
	Tags          []string  `json:"tags"`
	Comment       *string   `json:"comment"`
}

// ParticipantDetail is an item of GET /insights/participant: one
// connection.
type ParticipantDetail struct {
	DisplayName  string               `json:"displayName"`
	UserRole     string               `json:"userRole"`
	UserAgent    string               `json:"userAgent"`
	TimeStamp    time.Time            `json:"timeStamp"`
	SampleRateMs float64              `json:"sampleRateMs"`
	Samples      map[string][]float64 `json:"samples"`
	Events       []ParticipantEvent   `json:"events"`
}

// ParticipantEvent is an item of a detail's events, which the document
// requires without describing: the emulator records the connection's join
// and leave.
type ParticipantEvent struct {
	Type      string    `json:"type"`
	TimeStamp time.Time `json:"timeStamp"`
}

// sampleRateMs is the interval of the emulated network samples (the
// document's example).
const sampleRateMs = 2000

// sampleKinds are the samples' arrays ("packetLossSend, packetLossRecv,
// bitrateSend and bitrateRecv"): empty when the seed gave none.
var sampleKinds = []string{"packetLossSend", "packetLossRecv", "bitrateSend", "bitrateRecv"}

// defaultUserAgent is the user agent of a seeded participant that names
// none: the document's example.
const defaultUserAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36"

// usageOf counts sessions' connections; the rating is the last session's.
func usageOf(sessions ...*roomSession) Usage {
	var u Usage
	seen := map[string]map[string]bool{}
	count := func(role, user string) int {
		if seen[role] == nil {
			seen[role] = map[string]bool{}
		}
		seen[role][user] = true
		return len(seen[role])
	}
	for _, rs := range sessions {
		for _, p := range rs.Participants {
			minutes := int(math.Ceil(p.LeftAt.Sub(p.JoinedAt).Minutes()))
			switch p.RoleName {
			case roleRecorder:
				u.TotalRecorderMinutes += minutes
				u.TotalUniqueRecorders = count(roleRecorder, p.UserID)
			case roleStreamer:
				u.TotalStreamerMinutes += minutes
				u.TotalUniqueStreamers = count(roleStreamer, p.UserID)
			default:
				u.TotalParticipantMinutes += minutes
				u.TotalUniqueParticipants = count("", p.UserID)
			}
		}
	}
	if len(sessions) == 0 {
		return u
	}
	var sum, n float64
	for _, p := range sessions[len(sessions)-1].Participants {
		if p.Rating != nil {
			sum, n = sum+*p.Rating, n+1
		}
	}
	if n > 0 {
		avg := sum / n
		u.Rating, u.TotalRatings = &avg, &n
	}
	return u
}

// usageKeys are the sortBy fields every insights row with usage accepts.
func usageKeys[T any](u func(T) Usage) sortKeys[T] {
	byInt := func(f func(Usage) int) func(x, y T) int {
		return func(x, y T) int { return f(u(x)) - f(u(y)) }
	}
	return sortKeys[T]{
		"totalParticipantMinutes": byInt(func(u Usage) int { return u.TotalParticipantMinutes }),
		"totalRecorderMinutes":    byInt(func(u Usage) int { return u.TotalRecorderMinutes }),
		"totalStreamerMinutes":    byInt(func(u Usage) int { return u.TotalStreamerMinutes }),
		"totalUniqueParticipants": byInt(func(u Usage) int { return u.TotalUniqueParticipants }),
		"totalUniqueRecorders":    byInt(func(u Usage) int { return u.TotalUniqueRecorders }),
		"totalUniqueStreamers":    byInt(func(u Usage) int { return u.TotalUniqueStreamers }),
	}
}

func byTime[T any](f func(T) time.Time) func(x, y T) int {
	return func(x, y T) int { return f(x).Compare(f(y)) }
}

// badCursor: the insights declare no 404, so a cursor this API could not
// have returned is a bad request.
func badCursor(c string) reply { return badRequest("no page at cursor %q", c) }

// roomFilter is GET /insights/rooms' roomName and createdAt, objects
// written roomName[exact]=, roomName[startsWith]=, roomName[contains]=,
// createdAt[from]=, createdAt[to]= (the document's examples).
type roomFilter struct {
	exact, startsWith, contains string
	from, to                    time.Time
}

func parseRoomFilter(q url.Values) (roomFilter, reply, bool) {
	var f roomFilter
	for key := range q {
		v := q.Get(key)
		var err error
		switch key {
		case "roomName[exact]":
			f.exact = v
		case "roomName[startsWith]":
			f.startsWith = v
		case "roomName[contains]":
			f.contains = v
		case "createdAt[from]":
			f.from, err = time.Parse(time.RFC3339, v)
		case "createdAt[to]":
			f.to, err = time.Parse(time.RFC3339, v)
		default:
			if strings.HasPrefix(key, "roomName") || strings.HasPrefix(key, "createdAt") {
				return f, badRequest(`%q is not a filter: "roomName" takes roomName[exact], roomName[startsWith] or roomName[contains], `+
					`"createdAt" takes createdAt[from] and createdAt[to]`, key), false
			}
		}
		if err != nil {
			return f, badRequest(`%q must be a date-time such as 2025-01-01T00:00:00.000Z`, key), false
		}
	}
	return f, reply{}, true
}

func (f roomFilter) match(r RoomInsight) bool {
	return (f.exact == "" || r.RoomName == f.exact) &&
		strings.HasPrefix(r.RoomName, f.startsWith) && strings.Contains(r.RoomName, f.contains) &&
		(f.from.IsZero() || !r.CreatedAt.Before(f.from)) && (f.to.IsZero() || !r.CreatedAt.After(f.to))
}

// listRoomInsights is GET /insights/rooms: a row per room that held a
// session, in the order the rooms were first used.
func (a *API) listRoomInsights(req *request) reply {
	f, rep, ok := parseRoomFilter(req.URL.Query())
	if !ok {
		return rep
	}
	var rooms []string
	byRoom := map[string][]*roomSession{}
	for _, rs := range a.sessions {
		if byRoom[rs.RoomName] == nil {
			rooms = append(rooms, rs.RoomName)
		}
		byRoom[rs.RoomName] = append(byRoom[rs.RoomName], rs)
	}
	var out []RoomInsight
	for _, name := range rooms {
		sessions := sortedSessions(byRoom[name])
		r := RoomInsight{
			RoomName: name, CreatedAt: sessions[0].RoomCreatedAt, EndAt: sessions[0].RoomEndAt,
			FirstSessionStartedAt: sessions[0].StartedAt, LastSessionStartedAt: sessions[len(sessions)-1].StartedAt,
			TotalSessions: len(sessions), Usage: usageOf(sessions...),
		}
		if f.match(r) {
			out = append(out, r)
		}
	}
	keys := usageKeys(func(r RoomInsight) Usage { return r.Usage })
	keys["roomName"] = func(x, y RoomInsight) int { return strings.Compare(x.RoomName, y.RoomName) }
	keys["createdAt"] = byTime(func(r RoomInsight) time.Time { return r.CreatedAt })
	keys["endAt"] = byTime(func(r RoomInsight) time.Time { return r.EndAt })
	keys["firstSessionStartedAt"] = byTime(func(r RoomInsight) time.Time { return r.FirstSessionStartedAt })
	keys["lastSessionStartedAt"] = byTime(func(r RoomInsight) time.Time { return r.LastSessionStartedAt })
	keys["totalSessions"] = func(x, y RoomInsight) int { return x.TotalSessions - y.TotalSessions }
	return sortedPage(req, out, insightsLimit, keys, badCursor)
}

// sortedSessions are sessions by start.
func sortedSessions(sessions []*roomSession) []*roomSession {
	out := slices.Clone(sessions)
	slices.SortStableFunc(out, func(x, y *roomSession) int { return x.StartedAt.Compare(y.StartedAt) })
	return out
}

// required reads the query parameters names, answering 400 naming the
// first missing one.
func required(q url.Values, names ...string) (reply, bool) {
	for _, n := range names {
		if q.Get(n) == "" {
			return badRequest("%q is required", n), false
		}
	}
	return reply{}, true
}

// listRoomSessionInsights is GET /insights/room-sessions?roomName= (required,
// exact) &roomSessionId=: the room's sessions by start.
func (a *API) listRoomSessionInsights(req *request) reply {
	q := req.URL.Query()
	if rep, ok := required(q, "roomName"); !ok {
		return rep
	}
	var out []RoomSessionInsight
	for _, rs := range a.sessions {
		if rs.RoomName != q.Get("roomName") || (q.Get("roomSessionId") != "" && rs.RoomSessionID != q.Get("roomSessionId")) {
			continue
		}
		out = append(out, RoomSessionInsight{
			RoomSessionID: rs.RoomSessionID, RoomName: rs.RoomName, CreatedAt: rs.RoomCreatedAt, EndAt: rs.RoomEndAt,
			StartedAt: rs.StartedAt, EndedAt: rs.EndedAt, Usage: usageOf(rs),
		})
	}
	keys := usageKeys(func(r RoomSessionInsight) Usage { return r.Usage })
	keys["startedAt"] = byTime(func(r RoomSessionInsight) time.Time { return r.StartedAt })
	keys["endedAt"] = byTime(func(r RoomSessionInsight) time.Time { return r.EndedAt })
	return sortedPage(req, out, insightsLimit, keys, badCursor)
}

// listParticipantInsights is GET /insights/participants?roomSessionId=
// &externalId=: "Either roomSessionId or externalId is required" (both
// narrow).
func (a *API) listParticipantInsights(req *request) reply {
	q := req.URL.Query()
	session, external := q.Get("roomSessionId"), q.Get("externalId")
	if session == "" && external == "" {
		return badRequest(`either "roomSessionId" or "externalId" is required`)
	}
	var out []ParticipantInsight
	for _, rs := range a.sessions {
		if session != "" && rs.RoomSessionID != session {
			continue
		}
		for _, p := range rs.Participants {
			if external != "" && p.ExternalID != external {
				continue
			}
			out = append(out, p.ParticipantInsight)
		}
	}
	return sortedPage(req, out, insightsLimit, sortKeys[ParticipantInsight]{
		"joinedAt": byTime(func(p ParticipantInsight) time.Time { return p.JoinedAt }),
		"leftAt":   byTime(func(p ParticipantInsight) time.Time { return p.LeftAt }),
	}, badCursor)
}

// getParticipantInsight is GET /insights/participant?roomSessionId=
// &participantId= (both required): the participant's connections to the
// session, [] when there is none. The document's example participantId is
// a userId ("32ba120a-..."), where the participants list's are "/..."
// connection IDs: either names the participant here.
func (a *API) getParticipantInsight(req *request) reply {
	q := req.URL.Query()
	if rep, ok := required(q, "roomSessionId", "participantId"); !ok {
		return rep
	}
	id := q.Get("participantId")
	out := []ParticipantDetail{}
	for _, rs := range a.sessions {
		if rs.RoomSessionID != q.Get("roomSessionId") {
			continue
		}
		for _, p := range rs.Participants {
			if p.ParticipantID != id && p.UserID != id {
				continue
			}
			d := ParticipantDetail{
				DisplayName: p.DisplayName, UserRole: p.RoleName, UserAgent: p.UserAgent, TimeStamp: p.JoinedAt,
				SampleRateMs: sampleRateMs, Samples: map[string][]float64{},
				Events: []ParticipantEvent{{Type: "joined", TimeStamp: p.JoinedAt}, {Type: "left", TimeStamp: p.LeftAt}},
			}
			if d.UserAgent == "" {
				d.UserAgent = defaultUserAgent
			}
			for _, k := range sampleKinds {
				d.Samples[k] = append([]float64{}, p.Samples[k]...)
			}
			out = append(out, d)
		}
	}
	return platform.JSON(http.StatusOK, out)
}
