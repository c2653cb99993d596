package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

func (e *Emulator) registerAdmin() {
	e.mux.HandleFunc("GET /_emulator/health", func(w http.ResponseWriter, _ *http.Request) {
		platform.WriteJSON(w, http.StatusOK, map[string]any{"status": "ok", "platforms": e.names()})
	})
	e.mux.HandleFunc("POST /_emulator/reset", e.postReset)
	e.mux.HandleFunc("POST /_emulator/seed", e.postSeed)
	e.mux.HandleFunc("GET /_emulator/clock", e.getClock)
	e.mux.HandleFunc("POST /_emulator/clock", e.setClock)
	e.mux.HandleFunc("GET /_emulator/faults", func(w http.ResponseWriter, _ *http.Request) {
		platform.WriteJSON(w, http.StatusOK, map[string]any{"faults": e.faults.list()})
	})
	e.mux.HandleFunc("POST /_emulator/faults", func(w http.ResponseWriter, r *http.Request) {
		var f Fault
		if err := json.NewDecoder(r.Body).Decode(&f); err != nil {
			adminBadRequest(w, "invalid JSON: "+err.Error())
			return
		}
		added, err := e.faults.add(f, e.names())
		if err != nil {
			adminBadRequest(w, err.Error())
			return
		}
		platform.WriteJSON(w, http.StatusCreated, added)
	})
	e.mux.HandleFunc("DELETE /_emulator/faults", func(w http.ResponseWriter, _ *http.Request) {
		e.faults.clear()
		w.WriteHeader(http.StatusNoContent)
	})
	e.mux.HandleFunc("GET /_emulator/journal", func(w http.ResponseWriter, _ *http.Request) {
		platform.WriteJSON(w, http.StatusOK, map[string]any{"entries": e.journal.list()})
	})
	e.mux.HandleFunc("DELETE /_emulator/journal", func(w http.ResponseWriter, _ *http.Request) {
		e.journal.clear()
		w.WriteHeader(http.StatusNoContent)
	})
}

// postReset takes an optional {"platform": "whereby"} to reset one platform
// and leave the others, the faults, the journal and the clock alone.
func (e *Emulator) postReset(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Platform string `json:"platform"`
	}
	if !decodeOptional(w, r, &b) {
		return
	}
	var err error
	if b.Platform == "" {
		err = e.Reset()
	} else {
		err = e.ResetPlatform(b.Platform)
	}
	if err != nil {
		adminBadRequest(w, err.Error())
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// postSeed loads a seed document (see Seed) into the running emulator.
func (e *Emulator) postSeed(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxSeed))
	if err != nil {
		adminBadRequest(w, "reading the seed: "+err.Error())
		return
	}
	if err := e.Seed(data); err != nil {
		adminBadRequest(w, err.Error())
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// decodeOptional reads a JSON body that may be absent, answering 400 and
// reporting false when it is there and malformed.
func decodeOptional(w http.ResponseWriter, r *http.Request, v any) bool {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err == nil && len(bytes.TrimSpace(data)) > 0 {
		err = json.Unmarshal(data, v)
	}
	if err != nil {
		adminBadRequest(w, "invalid JSON: "+err.Error())
		return false
	}
	return true
}

type clockBody struct {
	Now     string `json:"now,omitempty"`
	Advance string `json:"advance,omitempty"`
	Freeze  bool   `json:"freeze,omitempty"`
	Reset   bool   `json:"reset,omitempty"`
}

func (e *Emulator) getClock(w http.ResponseWriter, _ *http.Request) {
	platform.WriteJSON(w, http.StatusOK, map[string]any{
		"now":    e.Clock.Now().UTC().Format(time.RFC3339Nano),
		"offset": e.Clock.Offset().Round(time.Millisecond).String(),
	})
}

// setClock takes {"advance": "25h"}, {"now": "2030-01-01T00:00:00Z"},
// {"freeze": true} or {"reset": true}.
func (e *Emulator) setClock(w http.ResponseWriter, r *http.Request) {
	var b clockBody
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		adminBadRequest(w, "invalid JSON: "+err.Error())
		return
	}
	switch {
	case b.Reset:
		e.Clock.Reset()
	case b.Now != "":
		t, err := time.Parse(time.RFC3339Nano, b.Now)
		if err != nil {
			adminBadRequest(w, "now must be an RFC 3339 time")
			return
		}
		if b.Freeze {
			e.Clock.Freeze(t)
		} else {
			e.Clock.Set(t)
		}
	case b.Advance != "":
		d, err := time.ParseDuration(b.Advance)
		if err != nil {
			adminBadRequest(w, `advance must be a Go duration such as "25h" or "90m"`)
			return
		}
		e.Clock.Advance(d)
	case b.Freeze:
		e.Clock.Freeze(time.Time{})
	default:
		adminBadRequest(w, "give one of now, advance, freeze or reset")
		return
	}
	e.getClock(w, r)
}

// adminBadRequest answers a malformed admin request: the admin API has no other
// failure, since every call acts on in-memory state.
func adminBadRequest(w http.ResponseWriter, msg string) {
	platform.WriteJSON(w, http.StatusBadRequest, map[string]string{"error": msg})
}
