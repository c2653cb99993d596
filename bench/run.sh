#!/usr/bin/env bash
# make bench: the project's benchmarks. Speed is measured here, never asserted in
# tests. Compare runs with benchstat (go run golang.org/x/perf/cmd/benchstat).
#   bench/run.sh > new.txt; benchstat old.txt new.txt
set -euo pipefail
cd "$(dirname "$0")/.."
count=${BENCH_COUNT:-5}
go test -run '^$' -bench "${BENCH:-.}" -benchmem -count "$count" \
  ./internal/client/... ./internal/emulator/...
