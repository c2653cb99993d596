package portsip

import (
	"net/http"
	"slices"
	"time"
)

// Recording is one recording of a room, exactly as GET
// /conference_rooms/{id}/recordings lists it. While the recording runs,
// ended_at is left out and duration and file_size grow with the clock.
type Recording struct {
	ID         string     `json:"id"`
	AnsweredAt time.Time  `json:"answered_at"`
	EndedAt    *time.Time `json:"ended_at,omitempty"`
	Duration   int64      `json:"duration"`
	FileName   string     `json:"file_name"`
	FileSize   int64      `json:"file_size"`
	FileURL    string     `json:"file_url"`
}

// recordingRec is a recording as stored: whether it has been read
// (set_read/set_unread) is not part of the API object.
type recordingRec struct {
	Recording
	Read bool `json:"read"`
}

// recordingBytesPerSecond sizes the emulated files: 8 kHz 16-bit mono WAV.
const recordingBytesPerSecond = 16000

var recordingCollection = &collection{
	fields: map[string]fieldKind{
		"id": kindString, "answered_at": kindTime, "ended_at": kindTime, "duration": kindNumber,
		"file_name": kindString, "file_size": kindNumber, "file_url": kindString,
	},
	search: []string{"file_name"},
}

// startRecording is POST /start_recording: 200, no body. A room already
// recording keeps its recording (idempotent, like lock and mute).
func (a *API) startRecording(req *request) reply {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return rep
	}
	if rr.RecordingID == "" {
		a.beginRecording(rr)
	}
	return empty(http.StatusOK)
}

func (a *API) beginRecording(rr *roomRec) {
	now := a.now()
	rec := &recordingRec{Recording: Recording{
		ID:         a.unusedRecordingID(rr),
		AnsweredAt: now,
		FileName:   rr.Room.ExtensionNumber + "_" + now.Format("20060102150405") + ".wav",
		FileURL:    "/api/blobs/" + newBlobID(),
	}}
	rr.Recordings = append(rr.Recordings, rec)
	rr.RecordingID = rec.ID
}

// stopRecording is POST /stop_recording: 200, no body; a room that is not
// recording is left as it is.
func (a *API) stopRecording(req *request) reply {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return rep
	}
	for _, rec := range rr.Recordings {
		if rec.ID == rr.RecordingID {
			rec.Recording = a.recordingView(rec, rr)
			ended := a.now()
			rec.EndedAt = &ended
		}
	}
	rr.RecordingID = ""
	return empty(http.StatusOK)
}

// recordingView is rec as the API shows it now: a running recording's duration
// and size follow the clock.
func (a *API) recordingView(rec *recordingRec, rr *roomRec) Recording {
	v := rec.Recording
	if rec.ID == rr.RecordingID {
		v.Duration = max(0, int64(a.now().Sub(v.AnsweredAt)/time.Second))
		v.FileSize = v.Duration * recordingBytesPerSecond
		v.EndedAt = nil
	}
	return v
}

func (a *API) listRecordings(req *request) reply {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return rep
	}
	var p problems
	lq := parseListQuery(req.URL.Query(), recordingCollection, &p)
	if !p.ok() {
		return p.reply()
	}
	items := make([]listItem, 0, len(rr.Recordings))
	for _, rec := range rr.Recordings {
		items = append(items, recordingCollection.item(a.recordingView(rec, rr)))
	}
	return ok(http.StatusOK, lq.apply(items, recordingCollection))
}

func (a *API) recordingFor(req *request) (*roomRec, *recordingRec, reply) {
	rr, rep := a.roomFor(req)
	if rr == nil {
		return nil, nil, rep
	}
	id := req.PathValue("recording_id")
	for _, rec := range rr.Recordings {
		if rec.ID == id {
			return rr, rec, reply{}
		}
	}
	return nil, nil, notFound("recording", id)
}

// destroyRecording is POST /recordings/{recording_id}/destroy: 204. Deleting
// the running recording stops it.
func (a *API) destroyRecording(req *request) reply {
	rr, rec, rep := a.recordingFor(req)
	if rec == nil {
		return rep
	}
	rr.Recordings = slices.DeleteFunc(slices.Clone(rr.Recordings), func(r *recordingRec) bool { return r == rec })
	if rr.RecordingID == rec.ID {
		rr.RecordingID = ""
	}
	return empty(http.StatusNoContent)
}

// setRecordingRead serves set_read and set_unread: 200, no body. The flag is
// kept but, as in the spec's recording schema, not shown; RecordingRead
// reads it.
func (a *API) setRecordingRead(read bool) handlerFunc {
	return func(req *request) reply {
		_, rec, rep := a.recordingFor(req)
		if rec == nil {
			return rep
		}
		rec.Read = read
		return empty(http.StatusOK)
	}
}

func (a *API) unusedRecordingID(rr *roomRec) string {
	for {
		id := newID()
		if !slices.ContainsFunc(rr.Recordings, func(r *recordingRec) bool { return r.ID == id }) {
			return id
		}
	}
}
