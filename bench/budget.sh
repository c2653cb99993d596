#!/usr/bin/env bash
# bench/budget.sh: a no-op plan of N Whereby meetings under the Build plan's
# budget of 100 points a minute, enforced by the emulator and kept by the
# provider at its default pacing. The meetings are applied against an
# emulator without a budget (at 3 points a create, N creates would take N/33
# minutes), which is then restarted on the same state file with the budget.
#
#   fresh  the plan starts with the minute's budget unspent
#   spent  100 GETs spend the budget first, as a large apply just before
#          would: the plan meets the 429 once and waits it out once
#
# Prints the wall time, the requests, the 429s met. Speed is reported here,
# never asserted in tests.
#
#   N=500 bench/budget.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
N=${N:-500}
PARALLELISM=${PARALLELISM:-10}
tofu=${TF_CLI:-$root/bin/tofu}
work=$root/.tmp/bench-budget
bin=$work/bin

rm -rf "$work" && mkdir -p "$bin" "$work/tf"
(cd "$root" &&
  go build -o "$bin/terraform-provider-conference" . &&
  go build -o "$bin/conference-emulator" ./cmd/conference-emulator &&
  go build -o "$bin/providerblock" ./bench/cmd/providerblock)
write_dev_tfrc "$work/dev.tfrc" "$bin" conference
export TF_CLI_CONFIG_FILE=$work/dev.tfrc CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

emu=
start_emulator() {
  rm -f "$work/url"
  "$bin/conference-emulator" -addr 127.0.0.1:0 -url-file "$work/url" -state-file "$work/state.json" -quiet "$@" &
  emu=$!
  for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
  url=$(cat "$work/url")
}
stop_emulator() { kill "$emu" 2>/dev/null; wait "$emu" 2>/dev/null || true; }
trap stop_emulator EXIT

future=$(date -u -d '+1 year' +%Y-%m-%dT00:00:00Z)
# config [SETTING=VALUE...]: N meetings and a provider block for the running
# emulator (each start listens on a port of its own).
config() {
  echo 'terraform {
  required_providers {
    conference = { source = "confkit/conference" }
  }
}'
  "$bin/providerblock" "$url" "$@"
  printf 'resource "conference_whereby_meeting" "r" {\n  count = %d\n  end_date = "%s"\n  room_name_prefix = "budget-${count.index}-"\n}\n' "$N" "$future"
}

start_emulator
config whereby.points_per_minute=1000000 >"$work/tf/main.tf"
(cd "$work/tf" && "$tofu" apply -auto-approve -input=false -no-color -parallelism="$PARALLELISM" >"$work/apply.log")
stop_emulator

start_emulator -whereby-points-per-minute 100
config >"$work/tf/main.tf"
key=$(sed -n '/whereby {/,/}/s/.*api_key *= *"\(.*\)"/\1/p' "$work/tf/main.tf")
for case in fresh spent; do
  if [ "$case" = spent ]; then
    # Spend what is left of the minute's budget, as an apply would.
    for _ in $(seq 100); do curl -s -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer $key" "$url/v1/meetings?limit=1"; done | sort | uniq -c | sed "s/^/  spending: /"
  fi
  curl -fsS -X DELETE "$url/_emulator/journal" >/dev/null
  start=$(date +%s.%N)
  (cd "$work/tf" && "$tofu" plan -input=false -no-color -detailed-exitcode -parallelism="$PARALLELISM" >"$work/plan-$case.log")
  end=$(date +%s.%N)
  read -r reqs throttled <<<"$(curl -fsS "$url/_emulator/journal" | jq -r '.entries | [length, (map(select(.status == 429)) | length)] | @tsv')"
  printf '%s budget: no-op plan of %d meetings in %.2f s wall, %d requests, %d answered 429\n' \
    "$case" "$N" "$(echo "$end - $start" | bc)" "$reqs" "$throttled"
done
