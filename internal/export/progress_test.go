package export

import (
	"bytes"
	"os"
	"testing"
	"time"
)

// The counter redraws one line: at once when what it reads changes, else at
// most every redrawEvery; it erases the line when done. nil draws nothing.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &Progress{w: &buf, now: func() time.Time { return now }}
	p.Reading("PortSIP conference rooms")
	p.Answered() // too soon: not drawn
	p.Found(100)
	now = now.Add(redrawEvery)
	p.Answered()
	p.Reading("Whereby meetings")
	p.Done()
	line := "\r\x1b[Kconference-export: "
	want := line + "0 objects, 0 requests; reading PortSIP conference rooms" +
		line + "100 objects, 2 requests; reading PortSIP conference rooms" +
		line + "100 objects, 2 requests; reading Whereby meetings" +
		"\r\x1b[K"
	if got := buf.String(); got != want {
		t.Errorf("drew %q\nwant %q", got, want)
	}

	var none *Progress
	none.Reading("anything")
	none.Found(1)
	none.Answered()
	none.Done()
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if NewProgress(f) != nil {
		t.Error("a counter on a file that is not a terminal")
	}
}
