package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/whereby"
)

// TestStateFileSurvivesSIGKILL kills the emulator again and again while
// clients create objects, and checks that every restart loads a complete,
// valid state file (written to a temporary file, flushed, renamed) that
// holds every object whose create was answered: the emulator answers a
// change only once the file holds it.
func TestStateFileSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := buildEmulator(t)
	dir := t.TempDir()
	state := filepath.Join(dir, "state.json")
	var acked []string
	const rounds, writers = 8, 8
	for round := range rounds {
		urlFile := filepath.Join(dir, fmt.Sprintf("url-%d", round))
		cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-url-file", urlFile, "-state-file", state, "-quiet")
		var logs processLog
		cmd.Stderr = &logs
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		base := waitURL(t, urlFile, &logs)
		checkState(t, state, base, acked)

		var mu sync.Mutex
		ctx, stop := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		for range writers {
			wg.Go(func() {
				for ctx.Err() == nil {
					if id, ok := createMeeting(ctx, base); ok {
						mu.Lock()
						acked = append(acked, id)
						mu.Unlock()
					}
				}
			})
		}
		time.Sleep(time.Duration(100+rand.IntN(300)) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		stop()
		wg.Wait()
	}
	if len(acked) < rounds {
		t.Fatalf("only %d creates were answered in %d rounds: the test proved little", len(acked), rounds)
	}
	// A last start checks the state the last kill left.
	urlFile := filepath.Join(dir, "url-last")
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-url-file", urlFile, "-state-file", state, "-quiet")
	var logs processLog
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	checkState(t, state, waitURL(t, urlFile, &logs), acked)
	t.Logf("%d creates answered across %d kills; all survived", len(acked), rounds)
}

// createMeeting creates a Whereby meeting and returns its ID when the
// emulator answered 201.
func createMeeting(ctx context.Context, base string) (string, bool) {
	body := `{"endDate":"2035-01-01T00:00:00Z"}`
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/meetings", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+whereby.DefaultAPIKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", false
	}
	defer resp.Body.Close()
	var m whereby.Meeting
	if resp.StatusCode != http.StatusCreated || json.NewDecoder(resp.Body).Decode(&m) != nil {
		return "", false
	}
	return m.MeetingID, true
}

// checkState reads the state file as it is on disk, complete JSON of the
// emulator's format, and asks the restarted emulator for every meeting whose
// create was answered.
func checkState(t *testing.T, path, base string, acked []string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if len(acked) == 0 && os.IsNotExist(err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		Version   int                        `json:"version"`
		Platforms map[string]json.RawMessage `json:"platforms"`
	}
	if err := json.Unmarshal(data, &st); err != nil || st.Version != 1 || len(st.Platforms) != 4 {
		t.Fatalf("state file is not a complete state (%v): %.200s", err, data)
	}
	for _, id := range acked {
		req, _ := http.NewRequest(http.MethodGet, base+"/v1/meetings/"+id, nil)
		req.Header.Set("Authorization", "Bearer "+whereby.DefaultAPIKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("meeting %s was answered 201 before a kill and is gone after it (%d)", id, resp.StatusCode)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*"))
	if len(leftovers) > 1 {
		// The kill may leave the temporary file of the save it cut short;
		// the next start clears it, so there is never more than one.
		t.Fatalf("temporary files pile up: %v", leftovers)
	}
}
