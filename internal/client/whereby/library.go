package whereby

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/client"
)

// RecordingFile is the document's Recording: a meeting's recording kept by
// Whereby (RecordingFile, since Recording is a meeting's recording settings).
type RecordingFile struct {
	RecordingID     string    `json:"recordingId"`
	RoomSessionID   string    `json:"roomSessionId"`
	Filename        string    `json:"filename"`
	StartDate       time.Time `json:"startDate"`
	EndDate         time.Time `json:"endDate"`
	SizeInMegaBytes float64   `json:"sizeInMegaBytes"`
}

// Transcription is the document's Transcription.
type Transcription struct {
	TranscriptionID   string    `json:"transcriptionId"`
	RoomSessionID     string    `json:"roomSessionId"`
	Filename          string    `json:"filename"`
	RoomName          string    `json:"roomName"`
	StartDate         time.Time `json:"startDate"`
	EndDate           time.Time `json:"endDate"`
	State             string    `json:"state"`
	CreatedAt         time.Time `json:"createdAt"`
	DurationInSeconds *float64  `json:"durationInSeconds"`
	Type              string    `json:"type"`
	StorageType       string    `json:"storageType"`
}

// ListFilter is what the recording and transcription lists take: roomName
// (the exact room name, starting with "/"), and sortBy ("startDate:desc").
type ListFilter struct {
	RoomName, SortBy string
}

func (f ListFilter) query() url.Values {
	q := url.Values{}
	setIf(q, "roomName", f.RoomName)
	setIf(q, "sortBy", f.SortBy)
	return q
}

// ListRecordings reads every page of GET /recordings.
func (c *Client) ListRecordings(ctx context.Context, f ListFilter) ([]RecordingFile, error) {
	out, err := listQuery[RecordingFile](ctx, c, "/recordings", f.query())
	for i := range out {
		out[i].StartDate, out[i].EndDate = out[i].StartDate.UTC(), out[i].EndDate.UTC()
	}
	return out, err
}

// ListTranscriptions reads every page of GET /transcriptions.
func (c *Client) ListTranscriptions(ctx context.Context, f ListFilter) ([]Transcription, error) {
	out, err := listQuery[Transcription](ctx, c, "/transcriptions", f.query())
	for i := range out {
		t := &out[i]
		t.StartDate, t.EndDate, t.CreatedAt = t.StartDate.UTC(), t.EndDate.UTC(), t.CreatedAt.UTC()
	}
	return out, err
}

// AccessLink is a signed URL to download a recording or a transcription,
// valid until Expires.
type AccessLink struct {
	URL     string
	Expires time.Time
}

// RecordingAccessLink is GET /recordings/{id}/access-link; valid is
// 1s..12h (0: Whereby's default, an hour).
func (c *Client) RecordingAccessLink(ctx context.Context, id string, valid time.Duration) (*AccessLink, error) {
	return c.accessLink(ctx, "/recordings/", id, valid)
}

// TranscriptionAccessLink is GET /transcriptions/{id}/access-link.
func (c *Client) TranscriptionAccessLink(ctx context.Context, id string, valid time.Duration) (*AccessLink, error) {
	return c.accessLink(ctx, "/transcriptions/", id, valid)
}

func (c *Client) accessLink(ctx context.Context, prefix, id string, valid time.Duration) (*AccessLink, error) {
	q := url.Values{}
	if valid > 0 {
		q.Set("validForSeconds", strconv.Itoa(int(valid/time.Second)))
	}
	var out struct {
		AccessLink string `json:"accessLink"`
		Expires    int64  `json:"expires"`
	}
	if err := c.do(ctx, client.Request{Method: http.MethodGet, Path: prefix + url.PathEscape(id) + "/access-link", Query: q}, &out); err != nil {
		return nil, err
	}
	return &AccessLink{URL: out.AccessLink, Expires: time.UnixMilli(out.Expires).UTC()}, nil
}

// Summary is the document's Summary: a summary made of a transcription.
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

// ListSummaries reads every page of GET /summaries (which has no room
// filter: f.RoomName must be empty).
func (c *Client) ListSummaries(ctx context.Context, f ListFilter) ([]Summary, error) {
	out, err := listQuery[Summary](ctx, c, "/summaries", f.query())
	for i := range out {
		s := &out[i]
		s.StartDate, s.EndDate, s.CreatedAt, s.ModifiedAt = s.StartDate.UTC(), s.EndDate.UTC(), s.CreatedAt.UTC(), s.ModifiedAt.UTC()
	}
	return out, err
}
