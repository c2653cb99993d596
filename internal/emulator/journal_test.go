package emulator

import (
	"testing"
)

func TestJournalKeepsTheLastEntriesInOrder(t *testing.T) {
	var j journal
	for i := range journalSize + 5 {
		j.add(JournalEntry{Status: i})
	}
	got := j.list()
	if len(got) != journalSize || got[0].Status != 5 || got[len(got)-1].Status != journalSize+4 {
		t.Fatalf("%d entries from %d to %d", len(got), got[0].Status, got[len(got)-1].Status)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Status != got[i-1].Status+1 {
			t.Fatalf("out of order at %d", i)
		}
	}
	j.clear()
	j.add(JournalEntry{Status: 1})
	if got := j.list(); len(got) != 1 || got[0].Status != 1 {
		t.Fatalf("after clear: %+v", got)
	}
}
