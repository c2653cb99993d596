package acctest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/confkit/terraform-provider-conference/internal/emulator/platform"
)

var t0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

func frozenTime() *emulatorTime {
	c := platform.NewClock()
	c.Freeze(t0)
	return &emulatorTime{clock: c}
}

// The clock moves only once every call in progress waits for it, to the
// earliest wake-up, and wakes only those due.
func TestEmulatorTimeMovesWhenEveryCallWaits(t *testing.T) {
	et := frozenTime()
	endA, endB := et.call(), et.call()
	woke := make(chan time.Time, 2)
	go func() {
		_ = et.sleep(context.Background(), 30*time.Second)
		woke <- et.clock.Now()
		endA()
	}()
	// B is busy (sending a request, say): A's wait must not pass.
	time.Sleep(20 * time.Millisecond)
	if got := et.clock.Now(); !got.Equal(t0) {
		t.Fatalf("the clock moved to %v while a call was busy", got)
	}
	go func() {
		_ = et.sleep(context.Background(), 50*time.Second)
		woke <- et.clock.Now()
		endB()
	}()
	if got := <-woke; !got.Equal(t0.Add(30 * time.Second)) {
		t.Errorf("the first sleeper woke at %v, want t0+30s", got)
	}
	if got := <-woke; !got.Equal(t0.Add(50 * time.Second)) {
		t.Errorf("the second sleeper woke at %v, want t0+50s", got)
	}
}

func TestEmulatorTimeSleepEndsWithItsContext(t *testing.T) {
	et := frozenTime()
	end := et.call()
	defer end()
	other := et.call() // never sleeps: the clock cannot move
	defer other()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := et.sleep(ctx, time.Minute); !errors.Is(err, context.Canceled) {
		t.Fatalf("sleep = %v, want context.Canceled", err)
	}
	if len(et.sleepers) != 0 || !et.clock.Now().Equal(t0) {
		t.Errorf("after a canceled sleep: %d sleepers, clock %v", len(et.sleepers), et.clock.Now())
	}
}
