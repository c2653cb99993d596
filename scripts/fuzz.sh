#!/usr/bin/env bash
# make fuzz: run every fuzz target of the module for FUZZTIME each (default
# 10s). The targets are found, not listed: a new `func FuzzX(f *testing.F)`
# runs without touching this script. An input that fails is written to the
# package's testdata/fuzz/FuzzX/; commit it with the fix, and it stays a test.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-10s}
targets=$(grep -rE --include='*_test.go' -l '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' internal cmd 2>/dev/null | sort)
[ -n "$targets" ] || { echo "no fuzz targets found" >&2; exit 1; }
for file in $targets; do
  pkg=./$(dirname "$file")
  for name in $(sed -nE 's/^func (Fuzz[A-Za-z0-9_]*)\(f \*testing\.F\).*/\1/p' "$file"); do
    echo "== fuzz $pkg $name ($fuzztime) =="
    go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "$pkg"
  done
done
