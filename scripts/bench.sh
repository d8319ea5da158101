#!/usr/bin/env bash
# REST benchmark of Clientele: boots the built distribution on free ports, loads generated
# clients through the REST API and measures GET /api/health, GET /api/clients/{id} and a
# searched list page (see scripts/RestBench.java and docs/benchmark.md).
#
#   scripts/bench.sh [--keep DIR] [--archive FILE] [RestBench options...]
#
#   --keep DIR      use DIR (no blanks in the path) as the Karaf installation and keep it afterwards:
#                   unpacked there on the first run; when it already holds clients, the load is
#                   skipped (--skip-load) so that repeated runs measure the same data
#   --archive FILE  distribution tar.gz (default: karaf-distribution/target/clientele-distribution-*.tar.gz)
#
# Every other argument goes to RestBench unchanged, e.g. --clients 100000 --loaders 4 --threads 4
# --warmup 10 --duration 30 --seed 20261127 --skip-load --max-requests 2000000
# (java scripts/RestBench.java --help lists them). bench.sh itself passes --port, --user bench,
# --password bench-pw, --karaf-pid and --gc-log.
#
# Environment:
#   BENCH_KARAF_OPTS  JVM options of Karaf (default "-Xmx1g"); a GC log (-Xlog:gc) is always added
#   BENCH_JAVA_OPTS   JVM options of RestBench (default "-Xmx512m")
#   BENCH_BOOT_LIMIT  seconds to wait for /api/health 200 after starting Karaf (default 180)
#
# Without --keep, everything lives in a temp dir that is removed on exit; Karaf is always stopped.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"

keep=""
archive=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) [ $# -ge 2 ] || { echo "--keep needs a directory"; exit 2; }; keep=$2; shift 2 ;;
    --archive) [ $# -ge 2 ] || { echo "--archive needs a file"; exit 2; }; archive=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
archive=${archive:-$(clientele_archive "$root")}
karaf_opts=${BENCH_KARAF_OPTS:--Xmx1g}
java_opts=${BENCH_JAVA_OPTS:--Xmx512m}
boot_limit=${BENCH_BOOT_LIMIT:-180}

work=""
pid=""
jpid=""
cleanup() {
  clientele_stop "$pid"
  [ -n "$work" ] && rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$keep" ]; then
  dir=$keep
  case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
  case "$dir" in *" "*) echo "--keep: the path must not contain blanks"; exit 2 ;; esac
else
  work=$(mktemp -d /tmp/clientele-bench.XXXXXX)
  dir="$work/karaf"
fi

if [ -x "$dir/bin/karaf" ]; then
  echo "reusing the installation in $dir"
else
  mkdir -p "$dir"
  # the archive may be missing or being rewritten by a build: retry for up to 10 minutes
  unpacked=no
  for _ in $(seq 1 40); do
    if [ -f "$archive" ] && clientele_unpack "$archive" "$dir" 2>/dev/null && [ -x "$dir/bin/karaf" ]; then
      unpacked=yes; break
    fi
    echo "distribution archive ${archive:-(none)} missing or incomplete; retrying in 15 s"
    sleep 15
    archive=${archive:-$(clientele_archive "$root")}
  done
  [ "$unpacked" = yes ] || { echo "no usable distribution archive; build it first (mvn install)"; exit 2; }
  echo "unpacked $archive ($(stat -c '%y' "$archive" | cut -d. -f1)) into $dir"
fi
clientele_free_ports "$dir"
grep -q '^bench *=' "$dir/etc/users.properties" || clientele_add_user "$dir" bench bench-pw clients-editor
mkdir -p "$dir/data/log"
gclog="$dir/data/log/gc.log"
rm -f "$gclog" "$gclog".[0-9]

echo "machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2 " RAM, " $7 " available"}'), load average$(uptime | sed 's/.*load average//')"
echo "Karaf: KARAF_OPTS=\"$karaf_opts -Xlog:gc:file=$gclog:time,uptime,level,tags\", HTTP port $http"
start=$(date +%s)
KARAF_OPTS="$karaf_opts -Xlog:gc:file=$gclog:time,uptime,level,tags" "$dir/bin/karaf" server > "$dir/console.out" 2>&1 &
pid=$!
status=000
while :; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -u bench:bench-pw "http://127.0.0.1:$http/api/health" || true)
  [ "$status" = 200 ] && break
  [ $(( $(date +%s) - start )) -lt "$boot_limit" ] || break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if [ "$status" != 200 ]; then
  echo "Karaf did not serve /api/health within ${boot_limit}s (last status $status); end of karaf.log:"
  tail -n 30 "$dir/data/log/karaf.log" 2>/dev/null
  exit 1
fi
jpid=$(cat "$dir/karaf.pid" 2>/dev/null || true)
if [ -z "$jpid" ] || ! tr '\0' ' ' < "/proc/$jpid/cmdline" 2>/dev/null | grep -q "karaf.base=$dir "; then
  jpid=$(pgrep -P "$pid" java | head -1)
fi
echo "Karaf up after $(( $(date +%s) - start ))s, JVM pid $jpid"

if [ -n "$keep" ]; then
  stored=$(curl -s -u bench:bench-pw "http://127.0.0.1:$http/api/clients?limit=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
  if [ "${stored:-0}" -gt 0 ]; then
    echo "$dir already holds $stored clients: skipping the load"
    printf '%s\n' "${args[@]}" | grep -qx -- --skip-load || args+=(--skip-load)
  fi
fi

echo "+ java $java_opts scripts/RestBench.java --port $http --user bench --password bench-pw --karaf-pid $jpid --gc-log $gclog ${args[*]}"
# shellcheck disable=SC2086
java $java_opts "$root/scripts/RestBench.java" --port "$http" --user bench --password bench-pw \
  --karaf-pid "$jpid" --gc-log "$gclog" "${args[@]}"
rc=$?

echo
echo "Karaf JVM over the whole run: $(cat "$gclog".[0-9] "$gclog" 2>/dev/null | grep -c 'Pause') GC pauses, of them $(cat "$gclog".[0-9] "$gclog" 2>/dev/null | grep -c 'Pause Full') full; longest $(cat "$gclog".[0-9] "$gclog" 2>/dev/null | grep 'Pause' | grep -o '[0-9.]*ms$' | sort -n | tail -1)"
echo "Karaf log: $(grep -cE '\| ERROR +\|' "$dir/data/log/karaf.log" 2>/dev/null) ERROR lines, $(grep -cE '\| WARN +\|' "$dir/data/log/karaf.log" 2>/dev/null) WARN lines"
echo "load average at the end$(uptime | sed 's/.*load average//')"
exit $rc
