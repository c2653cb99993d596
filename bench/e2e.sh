#!/usr/bin/env bash
# make bench-e2e: what a resource costs end to end. For each managed type with
# a body in bench/types/<type>.tf, applies, plans (no-op) and destroys N
# instances (count = N) of it and of three floors, in one run, ROUNDS times,
# interleaved so that they share the machine's noise:
#   resource          the real resource against conference-emulator
#   same-shape floor  floor_<name>: the same attributes, doing nothing (bench/floor)
#   two-attribute     floor_two: the smallest resource the framework serves
#   terraform_data    the CLI's built-in resource
# and prints the medians, wall and CPU (user+system of the CLI and the provider
# processes it starts), and the ratios of the resource to its same-shape floor.
# The no-op plan's emulator journal must hold no write (a sign-in aside) and
# at most one GET per instance; for a type whose refresh reads by the page
# (LISTED below), at most ceil(N/100)+1 GETs; the requests of each no-op plan
# are reported. Then the WAN case: with WAN_MS of latency on every request
# (50 by default, 0 skips it), the no-op plan of the real resource, ROUNDS
# times, with its refresh by the page and with CONFERENCE_LISTINGS=off (a GET
# per instance, as before). Then one untimed round with
# CONFERENCE_PROFILE_DIR set writes the provider's CPU profiles and peak RSS.
#
#   N=500 ROUNDS=3 TYPES="conference_portsip_room conference_line_meeting_id" PARALLELISM=10 WAN_MS=50
#
# Speed is reported here, never asserted in tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
N=${N:-500}
ROUNDS=${ROUNDS:-3}
PARALLELISM=${PARALLELISM:-10}
WAN_MS=${WAN_MS:-50}
# The types whose list carries every attribute their read needs, which the
# client refreshes from a listing (client.Listing).
LISTED="conference_portsip_server conference_whereby_meeting"
TYPES=${TYPES:-$(cd "$root/bench/types" && ls -- *.tf | sed 's/\.tf$//' | xargs)}
tofu=${TF_CLI:-$root/bin/tofu}
work=$root/.tmp/bench-e2e
bin=$work/bin

# The journal keeps the last 2000 requests (internal/emulator/journal.go): a
# larger plan could not be checked.
if [ "$N" -ge 2000 ]; then
  echo "bench-e2e: N must be below 2000, the emulator journal's size" >&2
  exit 2
fi

rm -rf "$work" && mkdir -p "$bin"
echo "building the provider, the floor provider and the emulator..."
(cd "$root" &&
  go build -o "$bin/terraform-provider-conference" . &&
  go build -o "$bin/terraform-provider-floor" ./bench/cmd/floor-provider &&
  go build -o "$bin/conference-emulator" ./cmd/conference-emulator &&
  go build -o "$bin/providerblock" ./bench/cmd/providerblock)

write_dev_tfrc "$work/dev.tfrc" "$bin" conference floor
export TF_CLI_CONFIG_FILE=$work/dev.tfrc CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
# Nothing is asked of the logs: the CLI and the providers run as users run them.
unset TF_LOG TF_LOG_PATH TF_LOG_CORE TF_LOG_PROVIDER TF_LOG_PROVIDER_CONFERENCE TF_LOG_PROVIDER_FLOOR \
  TF_LOG_SDK TF_LOG_SDK_FRAMEWORK TF_LOG_SDK_PROTO CONFERENCE_PROFILE_DIR

"$bin/conference-emulator" -addr 127.0.0.1:0 -url-file "$work/url" -quiet &
emu=$!
trap 'kill $emu 2>/dev/null; wait $emu 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(cat "$work/url")

required_providers='terraform {
  required_providers {
    conference = { source = "confkit/conference" }
    floor      = { source = "confkit/floor" }
  }
}'

# The floor serves the provider's own schema, read once here.
mkdir -p "$work/schema"
echo 'terraform {
  required_providers {
    conference = { source = "confkit/conference" }
  }
}' >"$work/schema/main.tf"
(cd "$work/schema" && "$tofu" providers schema -json >"$work/schema.json")
export FLOOR_SCHEMA=$work/schema.json

variants="resource shape two data"

# @FUTURE@ in a body is midnight UTC a year from now, the same in every round:
# the meetings' times, which their platforms refuse in the past. @ROUND@ is
# $tag, which each apply of the real resources sets anew (fresh_config): what
# a destroy leaves on its platform (SQMeeting's users) is never met again.
future=$(date -u -d '+1 year' +%Y-%m-%dT00:00:00Z)
tag=0
body() { sed -e "s/@FUTURE@/$future/g" -e "s/@ROUND@/$tag/g" "$root/bench/types/$1.tf"; }

# config TYPE VARIANT: the configuration of N instances.
config() {
  local type=$1 variant=$2 name=${1#conference_}
  echo "$required_providers"
  case $variant in
  resource)
    # Whereby's pacing at its default budget (100 points a minute, 3 a create)
    # would make N creates take N/33 minutes: the emulator's budget is off, and
    # the provider's is raised to its maximum, so that the pacing is not measured.
    "$bin/providerblock" "$url" whereby.points_per_minute=1000000
    printf 'resource "%s" "r" {\n  count = %d\n%s\n}\n' "$type" "$N" "$(body "$type")" ;;
  shape)
    printf 'resource "floor_%s" "r" {\n  count = %d\n%s\n}\n' "$name" "$N" "$(body "$type")" ;;
  two)
    printf 'resource "floor_two" "r" {\n  count = %d\n  value = "v${count.index}"\n}\n' "$N" ;;
  data)
    printf 'resource "terraform_data" "r" {\n  count = %d\n  input = "v${count.index}"\n}\n' "$N" ;;
  esac
}

# fresh_config TYPE TAG: the real resource's configuration with @ROUND@ as
# TAG, before an apply.
fresh_config() {
  tag=$2
  config "$1" resource >"$work/$1/resource/main.tf"
}

# timed OUT CMD...: runs CMD, appending "wall cpu" in seconds to OUT.time;
# its output goes to OUT.log. CPU counts the CLI and every process it waited
# for: the provider.
timed() {
  local out=$1 t
  shift
  TIMEFORMAT='%R %U %S'
  if ! { time "$@" >"$out.log" 2>&1; } 2>"$out.t"; then
    echo "bench-e2e: failed: $* (in $PWD); see $out.log" >&2
    tail -n 30 "$out.log" >&2
    return 1
  fi
  read -r real user sys <"$out.t"
  awk -v r="$real" -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f %.3f\n", r, u + s }'
}

# journal_check TYPE: the no-op plan wrote nothing and sent at most a GET per
# instance, or for a LISTED type at most ceil(N/100)+1 GETs. Sign-ins
# (PortSIP /api/auth/sign_in, SQMeeting /api/v1/user/sign_in) are the only
# non-GET requests a plan may make. The plan's requests are appended to
# TYPE.requests.
journal_check() {
  local type=$1 counts gets signins writes want=$N
  case " $LISTED " in *" $type "*) want=$(((N + 99) / 100 + 1)) ;; esac
  counts=$(curl -fsS "$url/_emulator/journal" | jq -r '.entries
    | [ (map(select(.method == "GET")) | length),
        (map(select(.method != "GET" and (.path | test("/sign_in$")))) | length),
        (map(select(.method != "GET" and (.path | test("/sign_in$") | not))) | length) ] | @tsv')
  read -r gets signins writes <<<"$counts"
  if [ "$gets" -gt "$want" ] || [ "$writes" -ne 0 ]; then
    echo "bench-e2e: $type: the no-op plan sent $gets GETs and $writes writes; want at most $want and 0" >&2
    return 1
  fi
  echo "$signins" >"$work/$type.signins"
  echo $((gets + signins)) >>"$work/$type.requests"
}

results=$work/results.txt
: >"$results"
for type in $TYPES; do
  [ -f "$root/bench/types/$type.tf" ] || { echo "bench-e2e: no bench/types/$type.tf" >&2; exit 2; }
  for v in $variants; do
    mkdir -p "$work/$type/$v"
    config "$type" "$v" >"$work/$type/$v/main.tf"
  done
done

echo "N=$N rounds=$ROUNDS parallelism=$PARALLELISM types: $TYPES"
echo "load before: $(uptime | sed 's/.*load average: //')"
# Each operation runs for every variant back to back, and the variants take
# turns at going first, so that a burst of load on a shared machine falls on
# all of them rather than on one.
declare -A t
for round in $(seq "$ROUNDS"); do
  order=$variants
  [ $((round % 2)) -eq 0 ] && order=$(echo "$variants" | tr ' ' '\n' | tac | xargs)
  for type in $TYPES; do
    fresh_config "$type" "$round"
    t=()
    for op in apply plan destroy; do
      for v in $order; do
        cd "$work/$type/$v"
        case $op in
        apply) t[$v.$op]=$(timed apply "$tofu" apply -auto-approve -input=false -no-color -parallelism="$PARALLELISM") ;;
        plan)
          [ "$v" = resource ] && curl -fsS -X DELETE "$url/_emulator/journal" >/dev/null
          t[$v.$op]=$(timed plan "$tofu" plan -input=false -no-color -detailed-exitcode -parallelism="$PARALLELISM")
          [ "$v" = resource ] && journal_check "$type" ;;
        destroy) t[$v.$op]=$(timed destroy "$tofu" destroy -auto-approve -input=false -no-color -parallelism="$PARALLELISM") ;;
        esac
      done
    done
    for v in $variants; do
      echo "$type $v $round ${t[$v.apply]} ${t[$v.plan]} ${t[$v.destroy]}" >>"$results"
      printf '  round %d %-28s %-8s apply %s  plan %s  destroy %s (wall cpu)\n' "$round" "$type" "$v" "${t[$v.apply]}" "${t[$v.plan]}" "${t[$v.destroy]}"
    done
  done
done
echo "load after: $(uptime | sed 's/.*load average: //')"

# The WAN case: the real resource's no-op plan with WAN_MS of latency on
# every request, by the page and with a GET per instance, taking turns.
wan=$work/wan.txt
: >"$wan"
if [ "$WAN_MS" -gt 0 ]; then
  for type in $TYPES; do
    fresh_config "$type" wan
    cd "$work/$type/resource"
    timed apply "$tofu" apply -auto-approve -input=false -no-color -parallelism="$PARALLELISM" >/dev/null
    curl -fsS -X POST "$url/_emulator/faults" -d "{\"path_prefix\": \"/\", \"latency_ms\": $WAN_MS}" >/dev/null
    for round in $(seq "$ROUNDS"); do
      order="page get"
      [ $((round % 2)) -eq 0 ] && order="get page"
      for how in $order; do
        listings=on
        [ "$how" = get ] && listings=off
        curl -fsS -X DELETE "$url/_emulator/journal" >/dev/null
        w=$(CONFERENCE_LISTINGS=$listings timed plan "$tofu" plan -input=false -no-color -detailed-exitcode -parallelism="$PARALLELISM")
        reqs=$(curl -fsS "$url/_emulator/journal" | jq '.entries | length')
        echo "$type $how $round $w $reqs" >>"$wan"
        printf '  WAN %sms round %d %-28s %-4s plan %s (wall cpu), %s requests\n' "$WAN_MS" "$round" "$type" "$how" "$w" "$reqs"
      done
    done
    curl -fsS -X DELETE "$url/_emulator/faults" >/dev/null
    timed destroy "$tofu" destroy -auto-approve -input=false -no-color -parallelism="$PARALLELISM" >/dev/null
  done
fi

# One untimed round of the real resources with profiling on.
for type in $TYPES; do
  fresh_config "$type" profile
  cd "$work/$type/resource"
  for op in apply plan destroy; do
    mkdir -p "$work/profile/$type/$op"
    case $op in
    apply) args=(apply -auto-approve) ;;
    plan) args=(plan) ;;
    destroy) args=(destroy -auto-approve) ;;
    esac
    CONFERENCE_PROFILE_DIR=$work/profile/$type/$op "$tofu" "${args[@]}" -input=false -no-color \
      -parallelism="$PARALLELISM" >"$work/profile/$type/$op.log" 2>&1
  done
done

echo
"$root/bench/report.sh" "$results" "$work/profile" "$bin/terraform-provider-conference"
echo
for type in $TYPES; do
  echo "$type: no-op plans sent $(sort -n "$work/$type.requests" | uniq | xargs | tr ' ' '/') requests for $N instances ($(cat "$work/$type.signins") sign-in(s)) and no write"
done
if [ -s "$wan" ]; then
  echo
  echo "WAN: no-op plan with ${WAN_MS} ms on every request, medians of $ROUNDS rounds, wall / CPU seconds, requests"
  echo "| type | a GET per instance | by the page | wall ratio |"
  echo "| --- | --- | --- | --- |"
  for type in $TYPES; do
    awk -v t="$type" '
      function median(a, n,   i, j, x) { for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j > 0 && a[j] > x; j--) a[j+1] = a[j]; a[j+1] = x }
        return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
      $1 == t { n[$2]++; w[$2, n[$2]] = $4; c[$2, n[$2]] = $5; r[$2] = $6 }
      END {
        for (h in n) { delete a; for (i = 1; i <= n[h]; i++) a[i] = w[h, i]; mw[h] = median(a, n[h])
                       delete a; for (i = 1; i <= n[h]; i++) a[i] = c[h, i]; mc[h] = median(a, n[h]) }
        printf "| %s | %.2f / %.2f, %d | %.2f / %.2f, %d | **%.2f** |\n", t, mw["get"], mc["get"], r["get"], mw["page"], mc["page"], r["page"], mw["page"] / mw["get"]
      }' "$wan"
  done
fi
