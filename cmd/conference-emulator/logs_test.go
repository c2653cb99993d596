package main

import (
	"strings"
	"sync"
)

// processLog collects a child process's output, which os/exec copies from
// another goroutine: a test may read it while the process still runs.
type processLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *processLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *processLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
