#!/usr/bin/env bash
# bench/report.sh RESULTS PROFILE_DIR PROVIDER_BINARY: bench/e2e.sh's summary.
# RESULTS has one line per type, variant and round:
#   TYPE VARIANT ROUND APPLY_WALL APPLY_CPU PLAN_WALL PLAN_CPU DESTROY_WALL DESTROY_CPU
set -euo pipefail
results=$1 profiles=$2 provider=$3

awk '
function median(key,   n, i, j, t, v) {
  n = split(vals[key], v, " ")
  for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j-1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j-1]; v[j-1] = t }
  return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
{
  if (!($1 in seen)) { seen[$1] = 1; types[++nt] = $1 }
  rounds[$1] = $3 > rounds[$1] ? $3 : rounds[$1]
  for (c = 4; c <= 9; c++) vals[$1 SUBSEP $2 SUBSEP c] = vals[$1 SUBSEP $2 SUBSEP c] " " $c
}
END {
  if (nt == 0) exit
  label["resource"] = "resource"; label["shape"] = "same-shape floor"
  label["two"] = "two-attribute floor"; label["data"] = "terraform_data"
  split("resource shape two data", order, " ")
  for (t = 1; t <= nt; t++) {
    ty = types[t]
    printf "%s: medians of %d rounds, seconds, wall / CPU\n", ty, rounds[ty]
    printf "  %-24s %-15s %-15s %-15s\n", "", "apply", "no-op plan", "destroy"
    for (o = 1; o <= 4; o++) {
      v = order[o]
      printf "  %-24s", label[v]
      for (c = 4; c <= 9; c += 2) printf " %6.2f / %-6.2f", median(ty SUBSEP v SUBSEP c), median(ty SUBSEP v SUBSEP (c + 1))
      printf "\n"
    }
    printf "  %-24s", "resource / same-shape"
    for (c = 4; c <= 9; c += 2) {
      w = median(ty SUBSEP "resource" SUBSEP c) / median(ty SUBSEP "shape" SUBSEP c)
      u = median(ty SUBSEP "resource" SUBSEP (c + 1)) / median(ty SUBSEP "shape" SUBSEP (c + 1))
      printf " %6.2f / %-6.2f", w, u
      if (w > 1.0) isover = 1
    }
    if (isover) over = over " " ty
    isover = 0
    printf "\n\n"
  }
  if (over != "") print "over the same-shape floor (wall ratio > 1.0):" over
  else print "every wall ratio to the same-shape floor is at most 1.0"
}' "$results"

# Peak RSS and the no-op plan's CPU profile, from the profiled round.
[ -d "$profiles" ] || exit 0
for dir in "$profiles"/*; do
  type=$(basename "$dir")
  printf '\n%s: provider peak RSS (MiB):' "$type"
  for op in apply plan destroy; do
    rss=$(cat "$dir/$op"/*.rss 2>/dev/null | sort -n | tail -n 1 || true)
    printf ' %s %s' "$op" "$(awk -v b="${rss:-0}" 'BEGIN { if (b > 0) printf "%.1f", b / 1048576; else printf "n/a" }')"
  done
  for op in plan apply destroy; do
    printf '\n%s: %s, CPU profile of the provider processes, by cumulative time (runtime and gRPC frames hidden):\n' "$type" "$op"
    # shellcheck disable=SC2046 # one argument per profile file
    go tool pprof -top -cum -nodecount="${PROFILE_LINES:-25}" -hide='^(runtime|internal/runtime|syscall|google\.golang\.org/grpc|golang\.org/x/net)' \
      "$provider" $(ls "$dir/$op"/*.pprof 2>/dev/null) 2>/dev/null | sed -n '/^ *Duration/p; /^ *flat/,$p' |
      awk 'NR == 1 { print "  " $0; next } NR == 2 { printf "  %6s %6s  %s\n", "cum", "cum%", "function"; next } { printf "  %6s %6s  %s\n", $4, $5, $6 }' || true
    # shellcheck disable=SC2046
    own=$(go tool pprof -top -cum -focus='github\.com/confkit/' "$provider" $(ls "$dir/$op"/*.pprof 2>/dev/null) 2>/dev/null |
      awk '/^ *flat/ { getline; print $4 " (" $5 ")"; exit }' || true)
    echo "  samples with the provider's own code (github.com/confkit/...) on the stack: ${own:-none}"
  done
done
