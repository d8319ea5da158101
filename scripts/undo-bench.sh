#!/usr/bin/env bash
# Times an import and its undo over REST: boots the built distribution in a temp dir on free
# ports (optionally on a copy of another installation's database), imports ROWS generated
# clients from CSV, asks for the undo and polls the job until it is UNDONE.
#
#   scripts/undo-bench.sh [ROWS] [DATA_FROM]
#
#   ROWS       rows of the generated CSV (default 5000)
#   DATA_FROM  an installation whose data/derby is copied in first, e.g. the one that
#              `scripts/bench.sh --keep DIR` loaded with 100,000 clients (Karaf there must be
#              stopped); default: an empty database
#   UNDO_KARAF_OPTS (environment) more JVM options for Karaf, e.g. a JFR recording
#
# Prints the time of the import, the undo request's answer time and status, and the time
# until the undo ended, with the job's message. Karaf is stopped and the temp dir removed on exit.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
rows=${1:-5000}
from=${2:-}
dir=$(mktemp -d /tmp/clientele-undo.XXXXXX)
pid=""
trap 'clientele_stop "$pid"; rm -rf "$dir"' EXIT
clientele_unpack "$(clientele_archive "$root")" "$dir"
clientele_free_ports "$dir"
clientele_add_user "$dir" undo undo-pw clients-admin,clients-editor,clients-viewer
if [ -n "$from" ]; then
  mkdir -p "$dir/data" && cp -r "$from/data/derby" "$dir/data/"
fi
(cd "$dir" && KARAF_OPTS="-Xmx1g ${UNDO_KARAF_OPTS:-}" exec bin/karaf server > "$dir/console.out" 2>&1) &
pid=$!
auth=(-s -u undo:undo-pw)
api=http://127.0.0.1:$http/api
json() { python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
for _ in $(seq 1 180); do
  [ "$(curl "${auth[@]}" -o /dev/null -w '%{http_code}' "$api/health")" = 200 ] && break
  sleep 1
done
echo "clients before: $(curl "${auth[@]}" "$api/clients?limit=1" | json 'j["total"]')"
python3 - "$rows" > "$dir/undo.csv" <<'PY'
import sys
print("number;legalName;street;postalCode;city;country")
for i in range(int(sys.argv[1])):
    print(f"UNDO-{i:06d};Undo Bench {i} GmbH;Weg {i};{10000 + i % 80000:05d};Berlin;DE")
PY
t0=$(date +%s.%N)
job=$(curl "${auth[@]}" -H 'Content-Type: text/csv' --data-binary @"$dir/undo.csv" "$api/clients/imports?onError=skip" | json 'j["id"]')
until curl "${auth[@]}" "$api/clients/imports/$job" | json 'j["state"]' | grep -qE 'DONE|FAILED'; do sleep 0.2; done
t1=$(date +%s.%N)
echo "import of $rows rows: $(curl "${auth[@]}" "$api/clients/imports/$job" | json 'j["state"], j["counts"]') in $(secs "$t0" "$t1") s"
status=$(curl "${auth[@]}" -o "$dir/undo.json" -w '%{http_code}' -X POST "$api/clients/imports/$job/undo")
t2=$(date +%s.%N)
echo "undo request: HTTP $status, state $(json 'j["state"]' < "$dir/undo.json"), answered in $(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.3f", b - a }') s"
until curl "${auth[@]}" "$api/clients/imports/$job" | json 'j["state"]' | grep -q '^UNDONE'; do sleep 0.2; done
t3=$(date +%s.%N)
echo "undo ended after $(secs "$t1" "$t3") s: $(curl "${auth[@]}" "$api/clients/imports/$job" | json 'j["message"]')"
echo "clients after: $(curl "${auth[@]}" "$api/clients?limit=1" | json 'j["total"]')"
