#!/usr/bin/env bash
# Boots fresh copies of the Clientele distribution, one after the other, and checks that
# each one serves GET /api/health within the time limit and still serves it a while later,
# and that the whole module came up: a new client has all seven shipped tabs (so the
# overview bundle and every extension are served) and the page /clientele/ answers.
#
#   scripts/boot-check.sh [BOOTS] [ARCHIVE]
#
# BOOTS defaults to 20; ARCHIVE to the tar.gz built by karaf-distribution. Every boot uses
# its own unpacked copy (fresh data/, fresh Derby), free ports and a test editor user.
# A boot also fails when karaf.log shows a bundle refresh (STACK.md pitfall 10), or service
# churn: the REST servlet registered more than once, or the transaction manager or the
# clientele DataSource lost while the module starts (see RESTARTS below), or a warning from
# EclipseLink (a restart used to log ten, with stack traces, for constraints that exist).
#
# RESTARTS=N (default 0) also restarts every N-th copy once on its own data, as an operator
# restarting Karaf does (the framework then starts the installed bundles by start level
# instead of installing features): the restart must pass the same checks, judged on its part
# of karaf.log (no service churn: a transaction manager or DataSource that is replaced while
# the module starts takes the API down again).
# Prints one line per boot and ends with "N passed, M failed"; exits non-zero on a failure.
set -u
boots=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
archive=${2:-$(clientele_archive "$root")}
limit=${BOOT_LIMIT_SECONDS:-90}
restarts=${RESTARTS:-0}
[ -f "$archive" ] || { echo "no distribution archive; build it first (mvn install)"; exit 2; }

work=$(mktemp -d /tmp/clientele-boots.XXXXXX)
pid=""
cleanup() { clientele_stop "$pid"; rm -rf "$work"; }
trap cleanup EXIT

# Starts the installation in $dir, waits for /api/health and checks the module; sets
# status, elapsed, later, tabs, page and leaves the Karaf script's pid in $pid.
boot_and_check() {
  local start now id
  start=$(date +%s.%N)
  KARAF_OPTS="-Xmx512m" "$dir/bin/karaf" server >> "$dir/console.out" 2>&1 &
  pid=$!
  status=000; elapsed=""
  while :; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -u bootcheck:bootcheck-pw "http://127.0.0.1:$http/api/health" || true)
    now=$(date +%s.%N)
    elapsed=$(python3 -c "print(f'{$now-$start:.1f}')")
    [ "$status" = 200 ] && break
    python3 -c "import sys; sys.exit(0 if $now-$start < $limit else 1)" || break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  later=000; tabs=""; page=000
  if [ "$status" = 200 ]; then
    sleep 10
    later=$(curl -s -o /dev/null -w '%{http_code}' -u bootcheck:bootcheck-pw "http://127.0.0.1:$http/api/health" || true)
    # and the whole module is there: a client gets every shipped tab, the page is served
    id=$(curl -s -u bootcheck:bootcheck-pw -H 'Content-Type: application/json' "http://127.0.0.1:$http/api/clients" \
      -d '{"legalName":"Boot Check GmbH","address":{"street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"}}' \
      | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id",""))' 2>/dev/null || true)
    tabs=$(curl -s -u bootcheck:bootcheck-pw "http://127.0.0.1:$http/api/clients/$id/tabs" \
      | python3 -c 'import json,sys; print(",".join(t["id"] for t in json.load(sys.stdin)))' 2>/dev/null || true)
    page=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/clientele/" || true)
  fi
}

# Judges the boot just checked from the log lines $2 (its part of karaf.log): it passes when it
# served health twice, all tabs and the page, registered the API servlet once, lost no
# transaction manager or DataSource (service churn while the module starts) and logged no
# bundle refresh (the cause of the prototype's failed boots, STACK.md pitfall 10). $1 names it.
judge() {
  local registrations losses refreshes warnings
  warnings=$(grep -c "WARN .*org\.eclipse\.persistence" <<< "$2" || true)
  registrations=$(grep -c "Registering ServletModel.*name='clientele-api'" <<< "$2" || true)
  losses=$(grep -c "TransactionManager service lost\|Lost DataSource for clientele " <<< "$2" || true)
  refreshes=$(grep -c "Refreshing bundles" <<< "$2" || true)
  if [ "$status" = 200 ] && [ "$later" = 200 ] && [ "$tabs" = "$want" ] && [ "$page" = 200 ] \
      && [ "$registrations" = 1 ] && [ "$losses" = 0 ] && [ "$refreshes" = 0 ] && [ "$warnings" = 0 ]; then
    passed=$((passed+1)); echo "$1: OK, /api/health 200 after ${elapsed}s and again 10s later, all 7 tabs, page 200; bundle refreshes: 0; API registered once, no transaction manager or DataSource lost, no EclipseLink warning"
  else
    failed=$((failed+1)); echo "$1: FAILED (status $status after ${elapsed}s, later $later, tabs '$tabs', page $page); bundle refreshes: $refreshes; API registered $registrations times, transaction manager/DataSource lost $losses times, EclipseLink warnings: $warnings"
    mkdir -p "$root/target/boot-failures"; cp "$dir/data/log/karaf.log" "$root/target/boot-failures/karaf-${1// /-}.log" 2>/dev/null
    # a CI log is all there is of a clean-clone run: the lines that tell a failed boot apart
    grep -E "ERROR|WARN .*org\.eclipse\.persistence|No matching target|clientele-api|clientele-web|/clientele|OsgiServletContext|Refreshing bundles|service lost|Lost DataSource" <<< "$2" \
      | cut -c1-400 | tail -n 40 | sed "s/^/  $1 log: /"
  fi
}

want="overview,contact,projects,orders,deals,files,history"
passed=0; failed=0
for i in $(seq 1 "$boots"); do
  dir="$work/boot-$i"; mkdir -p "$dir"
  clientele_unpack "$archive" "$dir"
  clientele_free_ports "$dir"
  clientele_add_user "$dir" bootcheck bootcheck-pw clients-editor

  boot_and_check
  judge "boot $i" "$(cat "$dir/data/log/karaf.log" 2>/dev/null)"
  clientele_stop "$pid"; pid=""

  if [ "$restarts" -gt 0 ] && [ $((i % restarts)) = 0 ]; then
    # the same copy again: its data, its installed bundles, its configuration cache
    before=$(wc -l < "$dir/data/log/karaf.log")
    boot_and_check
    judge "restart $i" "$(tail -n +"$((before + 1))" "$dir/data/log/karaf.log")"
    clientele_stop "$pid"; pid=""
  fi
  rm -rf "$dir"
done
echo "boot-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
