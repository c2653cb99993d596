package portsip

import (
	"net/http"
	"slices"
	"time"
)

// Recording is one recording of a room, exactly as GET
// /conference_rooms/{id}/recordings lists it. While the recording runs,
// ended_at is left out and duration and file_size grow with the clock.
// Meetings record too, but the documents give them no recordings path: a
// meeting's recordings only show as its status's recording flag.
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

// startRecording is POST /start_recording: 200, no body. A conference already
// recording keeps its recording (idempotent, like lock and mute); a meeting
// that is not started has nothing to record (409).
func (a *API) startRecording(_ *request, t *confTarget) reply {
	if t.closed != "" {
		return conflict("%s", t.closed)
	}
	if t.live.RecordingID == "" {
		a.beginRecording(t)
	}
	return empty(http.StatusOK)
}

func (a *API) beginRecording(t *confTarget) {
	now := a.now()
	live := t.live
	rec := &recordingRec{Recording: Recording{
		ID:         unusedRecordingID(live),
		AnsweredAt: now,
		FileName:   t.conf.ExtensionNumber + "_" + now.Format("20060102150405") + ".wav",
		FileURL:    "/api/blobs/" + newBlobID(),
	}}
	live.Recordings = append(live.Recordings, rec)
	live.RecordingID = rec.ID
}

// stopRecording is POST /stop_recording: 200, no body; a conference that is
// not recording is left as it is.
func (a *API) stopRecording(_ *request, t *confTarget) reply {
	a.endRecording(t.live)
	return empty(http.StatusOK)
}

// endRecording stops the running recording, if any, fixing its duration and
// size.
func (a *API) endRecording(live *liveConference) {
	for _, rec := range live.Recordings {
		if rec.ID == live.RecordingID {
			rec.Recording = a.recordingView(rec, live)
			ended := a.now()
			rec.EndedAt = &ended
		}
	}
	live.RecordingID = ""
}

// recordingView is rec as the API shows it now: a running recording's duration
// and size follow the clock.
func (a *API) recordingView(rec *recordingRec, live *liveConference) Recording {
	v := rec.Recording
	if rec.ID == live.RecordingID {
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
		items = append(items, recordingCollection.item(a.recordingView(rec, &rr.liveConference)))
	}
	return jsonReply(http.StatusOK, lq.apply(items, recordingCollection))
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

func unusedRecordingID(live *liveConference) string {
	for {
		id := newID()
		if !slices.ContainsFunc(live.Recordings, func(r *recordingRec) bool { return r.ID == id }) {
			return id
		}
	}
}
