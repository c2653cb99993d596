package whereby

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// Usage is what room and room session insights count.
type Usage struct {
	TotalParticipantMinutes int64    `json:"totalParticipantMinutes"`
	TotalRecorderMinutes    int64    `json:"totalRecorderMinutes"`
	TotalStreamerMinutes    int64    `json:"totalStreamerMinutes"`
	TotalUniqueParticipants int64    `json:"totalUniqueParticipants"`
	TotalUniqueRecorders    int64    `json:"totalUniqueRecorders"`
	TotalUniqueStreamers    int64    `json:"totalUniqueStreamers"`
	Rating                  *float64 `json:"rating"`
	TotalRatings            *float64 `json:"totalRatings"`
}

// Room is what room and room session insights say of the room.
type Room struct {
	RoomName  string    `json:"roomName"`
	CreatedAt time.Time `json:"createdAt"`
	EndAt     time.Time `json:"endAt"`
}

// RoomInsight is a row of GET /insights/rooms.
type RoomInsight struct {
	Room
	FirstSessionStartedAt time.Time `json:"firstSessionStartedAt"`
	LastSessionStartedAt  time.Time `json:"lastSessionStartedAt"`
	TotalSessions         int64     `json:"totalSessions"`
	Usage
}

// RoomSessionInsight is a row of GET /insights/room-sessions.
type RoomSessionInsight struct {
	RoomSessionID string `json:"roomSessionId"`
	Room
	StartedAt time.Time `json:"startedAt"`
	EndedAt   time.Time `json:"endedAt"`
	Usage
}

// ParticipantInsight is a row of GET /insights/participants.
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

// ParticipantDetail is an item of GET /insights/participant. Samples and
// Events, which the document leaves loosely described, are kept as JSON.
type ParticipantDetail struct {
	DisplayName  string          `json:"displayName"`
	UserRole     string          `json:"userRole"`
	UserAgent    string          `json:"userAgent"`
	TimeStamp    time.Time       `json:"timeStamp"`
	SampleRateMs *float64        `json:"sampleRateMs"`
	Samples      json.RawMessage `json:"samples"`
	Events       json.RawMessage `json:"events"`
}

// RoomInsightFilter is GET /insights/rooms' filters: roomName[exact],
// roomName[startsWith], roomName[contains], createdAt[from], createdAt[to];
// and sortBy.
type RoomInsightFilter struct {
	RoomName, RoomNamePrefix, RoomNameContains string
	CreatedFrom, CreatedTo                     time.Time
	SortBy                                     string
}

func (f RoomInsightFilter) query() url.Values {
	q := url.Values{}
	setIf(q, "roomName[exact]", f.RoomName)
	setIf(q, "roomName[startsWith]", f.RoomNamePrefix)
	setIf(q, "roomName[contains]", f.RoomNameContains)
	if !f.CreatedFrom.IsZero() {
		q.Set("createdAt[from]", f.CreatedFrom.UTC().Format(time.RFC3339Nano))
	}
	if !f.CreatedTo.IsZero() {
		q.Set("createdAt[to]", f.CreatedTo.UTC().Format(time.RFC3339Nano))
	}
	setIf(q, "sortBy", f.SortBy)
	return q
}

// setIf sets q's key to v unless v is empty.
func setIf(q url.Values, key, v string) {
	if v != "" {
		q.Set(key, v)
	}
}

// ListRoomInsights reads every page of GET /insights/rooms.
func (c *Client) ListRoomInsights(ctx context.Context, f RoomInsightFilter) ([]RoomInsight, error) {
	return listQuery[RoomInsight](ctx, c, "/insights/rooms", f.query())
}

// RoomSessionInsightFilter is GET /insights/room-sessions' query: roomName
// (required), optionally one session (roomSessionId); and sortBy.
type RoomSessionInsightFilter struct {
	RoomName, RoomSessionID, SortBy string
}

// ListRoomSessionInsights reads every page of GET /insights/room-sessions.
func (c *Client) ListRoomSessionInsights(ctx context.Context, f RoomSessionInsightFilter) ([]RoomSessionInsight, error) {
	q := url.Values{"roomName": {f.RoomName}}
	setIf(q, "roomSessionId", f.RoomSessionID)
	setIf(q, "sortBy", f.SortBy)
	return listQuery[RoomSessionInsight](ctx, c, "/insights/room-sessions", q)
}

// ParticipantInsightFilter is GET /insights/participants' query: a
// session's participants (roomSessionId), or an external ID's (externalId):
// one of the two is required, both narrow; and sortBy.
type ParticipantInsightFilter struct {
	RoomSessionID, ExternalID, SortBy string
}

// ListParticipantInsights reads every page of GET /insights/participants.
func (c *Client) ListParticipantInsights(ctx context.Context, f ParticipantInsightFilter) ([]ParticipantInsight, error) {
	q := url.Values{}
	setIf(q, "roomSessionId", f.RoomSessionID)
	setIf(q, "externalId", f.ExternalID)
	setIf(q, "sortBy", f.SortBy)
	return listQuery[ParticipantInsight](ctx, c, "/insights/participants", q)
}

// ParticipantInsight is GET /insights/participant: the participant's
// connections to the session, with their network samples.
func (c *Client) ParticipantInsight(ctx context.Context, roomSessionID, participantID string) ([]ParticipantDetail, error) {
	q := url.Values{"roomSessionId": {roomSessionID}, "participantId": {participantID}}
	out := []ParticipantDetail{}
	if err := c.do(ctx, client.Request{Method: http.MethodGet, Path: "/insights/participant", Query: q}, &out); err != nil {
		return nil, err
	}
	return out, nil
}
