#!/usr/bin/env bash
# make demo: start conference-emulator, apply examples/demo with the provider
# built from this tree (dev_overrides, no registry), print the outputs, show
# that a second plan is empty, destroy, and stop the emulator.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
bin=$root/bin
tofu=${TF_CLI:-$bin/tofu}
work=$root/.tmp/demo
rm -rf "$work" && mkdir -p "$work"
cp "$root"/examples/demo/*.tf "$work"/

# The provider comes from bin/ through dev_overrides; nothing is downloaded.
write_dev_tfrc "$work/dev.tfrc" "$bin"
export TF_CLI_CONFIG_FILE=$work/dev.tfrc
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1

"$bin/conference-emulator" -addr 127.0.0.1:0 -url-file "$work/url" -quiet &
emu=$!
trap 'kill $emu 2>/dev/null; wait $emu 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(cat "$work/url")
echo "conference-emulator is serving at $url"

export PORTSIP_ENDPOINT=$url PORTSIP_USERNAME=admin PORTSIP_PASSWORD=emulator-password
export LINE_PLANET_ENDPOINT=$url LINE_PLANET_API_KEY=emulator-key LINE_PLANET_API_SECRET=emulator-secret
export SQMEETING_ENDPOINT=$url SQMEETING_USERNAME=admin SQMEETING_PASSWORD=emulator-password
export WHEREBY_ENDPOINT=$url WHEREBY_API_KEY=emulator-key
# The Whereby rooms end a week from now, written at +01:00: Whereby answers in
# UTC, and the empty second plan shows that the provider compares instants.
TF_VAR_meeting_end=$(TZ=UTC-1 date -d '+7 days' '+%Y-%m-%dT%H:%M:00+01:00' 2>/dev/null ||
  TZ=UTC-1 date -v+7d '+%Y-%m-%dT%H:%M:00+01:00')
export TF_VAR_meeting_end

cd "$work"
"$tofu" apply -auto-approve -input=false -compact-warnings
echo
echo "== outputs =="
"$tofu" output
echo
echo "== second plan (must be empty) =="
set +e
"$tofu" plan -input=false -no-color -detailed-exitcode -compact-warnings >plan.txt 2>&1
rc=$?
set -e
tail -n 3 plan.txt
if [ $rc -ne 0 ]; then
  echo "second plan is not empty (exit $rc):" >&2
  cat plan.txt >&2
  exit 1
fi
echo
echo "== emulator journal (last requests) =="
curl -fsS "$url/_emulator/journal" | python3 -c 'import json,sys; e=json.load(sys.stdin)["entries"]; print(len(e), "requests served;", sum(1 for x in e if x["status"]>=400), "answered with an error")' 2>/dev/null || true
"$tofu" destroy -auto-approve -input=false >/dev/null
echo "destroyed; demo done"
