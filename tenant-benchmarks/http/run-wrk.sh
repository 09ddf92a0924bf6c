#!/usr/bin/env bash
# HTTP overhead of tenancy: the same endpoint of the same app, started twice (tenancy on, tenancy off),
# driven by wrk on loopback in alternating, bounded runs. Prints per-run figures, the server CPU time per
# request and its ratio on/off (target: <= 1.05), the throughput ratio on/off (target: >= 0.95) and the
# latency percentiles. Never asserts anything.
#
# Server CPU per request is the app process's user + system CPU time (/proc/<pid>/stat) over a measured
# run, divided by the requests wrk completed in it. It does not depend on how much CPU the load generator
# or anything else on the machine takes, so on a shared machine it is far steadier than throughput.
#
# Usage (from the repository root):
#   tenant-benchmarks/http/run-wrk.sh
# Everything is configurable through the environment. By default both sides serve the sample app's
# /api/site for jp: tenancy on through TenantKit's web entry (header X-Tenant-Id resolved, validated,
# looked up, entered, echoed; tenant tag on the request metrics), tenancy off with profile tenancy-off,
# where the web entry and the tag are off and a plain filter serves every request as jp (what a
# single-country deployment of the same app does). The two sides must answer the same body.
#   JAR        app jar to run as it is; when not set, the sample app is built afresh from this working tree
#              (./mvnw -q -pl tenant-samples/marketplace-app -am package -DskipTests) and its jar used
#   JAR_OFF    jar for the tenancy-off side, if it is a different (minimal equivalent) app (default: $JAR)
#   PATH_ON    request path with tenancy on  (default: /api/site)
#   PATH_OFF   request path with tenancy off (default: $PATH_ON)
#   FLAGS_ON   app arguments with tenancy on  (default: none)
#   FLAGS_OFF  app arguments with tenancy off (default: --spring.profiles.active=tenancy-off)
#   HEADER     request header sent on both sides (default: "X-Tenant-Id: jp")
#   SAME_BODY  1 = fail unless both sides answer the same body (default: 1)
#   JAVA_OPTS  JVM options of both apps (default: -Xms256m -Xmx256m)
#   ROUNDS     on/off pairs, alternating (default: 3)
#   DURATION   seconds per measured wrk run (default: 10)
#   WARMUP     seconds of unmeasured wrk load per app before the rounds, in two passes alternating the apps
#              (default: 60; with both apps pinned to one CPU, their JIT compilers share it with the
#              request threads, and throughput still climbs after 40 s)
#   CONNECTIONS, THREADS  wrk's -c and -t (default: 16 and 1)
#   PIN        1 = pin the apps to CPU 0 and wrk to CPU 1 with taskset when there are 2+ CPUs (default: 1)
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR_GIVEN=${JAR:-}
JAR=${JAR:-tenant-samples/marketplace-app/target/marketplace-app-0.1.0-SNAPSHOT.jar}
JAR_OFF=${JAR_OFF:-$JAR}
PATH_ON=${PATH_ON:-/api/site}
PATH_OFF=${PATH_OFF:-$PATH_ON}
FLAGS_ON=${FLAGS_ON:-}
FLAGS_OFF=${FLAGS_OFF:---spring.profiles.active=tenancy-off}
HEADER=${HEADER:-X-Tenant-Id: jp}
SAME_BODY=${SAME_BODY:-1}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-60}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
PIN=${PIN:-1}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

fail() { echo "run-wrk: $*" >&2; exit 1; }
for knob in ROUNDS DURATION WARMUP CONNECTIONS THREADS; do
  [[ ${!knob} =~ ^[1-9][0-9]*$ ]] || fail "$knob must be a whole number of at least 1, not '${!knob}'"
done

# --- tools ---------------------------------------------------------------------------------------
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v curl >/dev/null || need_apt+=(curl)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]} from Debian packages"
  [ "$(id -u)" = 0 ] && SUDO="" || SUDO="sudo"
  $SUDO apt-get update -qq || fail "apt-get update failed; install ${need_apt[*]} by hand"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null \
    || fail "apt-get install ${need_apt[*]} failed; install them by hand"
fi

APP_CPU=() WRK_CPU=()
if [ "$PIN" = 1 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  APP_CPU=(taskset -c 0) WRK_CPU=(taskset -c 1)
fi

# --- the two apps --------------------------------------------------------------------------------
if [ -z "${JAR_GIVEN:-}" ]; then
  # Spring Boot's repackage keeps the libraries of an existing fat jar: rebuild from scratch, so that the
  # jar holds the code of this working tree.
  echo "== building $JAR"
  rm -f "$JAR" "$JAR.original"
  ./mvnw -q -pl tenant-samples/marketplace-app -am package -DskipTests
fi
[ -f "$JAR" ] || fail "no jar at $JAR; set JAR to the app jar"
[ -f "$JAR_OFF" ] || fail "no jar at $JAR_OFF; set JAR_OFF to the tenancy-off app jar"

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

start_app() { # $1 = on|off, $2 = jar, $3 = flags; sets PORT_<side> and PID_<side>
  local side=$1 jar=$2 flags=$3 log="$WORK/app-$1.log" port=""
  # shellcheck disable=SC2086 # JAVA_OPTS and flags are word lists
  "${APP_CPU[@]}" "$JAVA" $JAVA_OPTS -jar "$jar" --server.port=0 --server.address=127.0.0.1 $flags >"$log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    port=$(grep -oE 'started on port[s]?[^0-9]*[0-9]+' "$log" | grep -oE '[0-9]+$' | head -1 || true)
    [ -n "$port" ] && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$log" >&2; fail "the tenancy-$side app exited during start-up"; }
    sleep 0.5
  done
  [ -n "$port" ] || { tail -20 "$log" >&2; fail "the tenancy-$side app did not start within 60 s"; }
  printf -v "PORT_$side" %s "$port"
  printf -v "PID_$side" %s "${PIDS[-1]}"
  echo "== tenancy $side: $jar ${flags:-(no flags)} on 127.0.0.1:$port"
}

start_app on "$JAR" "$FLAGS_ON"
start_app off "$JAR_OFF" "$FLAGS_OFF"
URL_ON="http://127.0.0.1:$PORT_on$PATH_ON"
URL_OFF="http://127.0.0.1:$PORT_off$PATH_OFF"

for side in on off; do
  if [ "$side" = on ]; then url=$URL_ON; else url=$URL_OFF; fi
  status=$(curl -s -o "$WORK/body-$side" -w '%{http_code}' -H "$HEADER" "$url" || true)
  [ "${status:0:1}" = 2 ] || fail "GET $url with '$HEADER' answered ${status:-nothing}: $(head -c 300 "$WORK/body-$side" 2>/dev/null)"
  echo "== GET $url -> $status $(head -c 120 "$WORK/body-$side")"
done
if [ "$SAME_BODY" = 1 ] && ! cmp -s "$WORK/body-on" "$WORK/body-off"; then
  fail "the two sides answer different bodies, so they do not do the same work; on: $(head -c 300 "$WORK/body-on"); off: $(head -c 300 "$WORK/body-off")"
fi

# --- load ----------------------------------------------------------------------------------------
run_wrk() { # $1 = url, $2 = seconds, $3 = output file
  "${WRK_CPU[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --timeout 5s --latency -H "$HEADER" "$1" >"$3"
}

# Converts wrk's "123.45us", "1.20ms", "2.00s" to microseconds.
to_us() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") f = 1; else if (u == "ms") f = 1000; else if (u == "s") f = 1000000; else if (u == "m") f = 60000000; else f = 1
    printf "%.1f", n * f }'
}

# CPU time (user + system) the process $1 has used so far, in clock ticks. The fields after the command
# name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
cpu_ticks() {
  sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}
CLK_TCK=$(getconf CLK_TCK)

parse() { # $1 = wrk output; prints "rps p50 p75 p90 p99 non2xx errors"
  local out=$1 rps p50 p75 p90 p99 non2xx errs
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(to_us "$(awk '$1 == "50%" {print $2}' "$out")")
  p75=$(to_us "$(awk '$1 == "75%" {print $2}' "$out")")
  p90=$(to_us "$(awk '$1 == "90%" {print $2}' "$out")")
  p99=$(to_us "$(awk '$1 == "99%" {print $2}' "$out")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out"); non2xx=${non2xx:-0}
  errs=$(awk '/Socket errors:/ {gsub(",", ""); s = 0; for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) s += $i; print s}' "$out"); errs=${errs:-0}
  echo "$rps $p50 $p75 $p90 $p99 $non2xx $errs"
}

echo "== warm-up: ${WARMUP}s per app in two passes (not measured)"
half=$(( (WARMUP + 1) / 2 ))
for pass in 1 2; do
  run_wrk "$URL_ON" "$half" "$WORK/warm-on-$pass.txt"
  run_wrk "$URL_OFF" "$half" "$WORK/warm-off-$pass.txt"
done

echo "== $ROUNDS rounds, alternating on/off (and off/on every other round), ${DURATION}s each, -t$THREADS -c$CONNECTIONS${APP_CPU:+, apps on CPU 0, wrk on CPU 1}"
printf '%-6s %-4s %12s %12s %10s %10s %10s %10s %8s %7s\n' round side "req/s" "cpu us/req" "p50 us" "p75 us" "p90 us" "p99 us" non2xx errors
: >"$WORK/on.txt"; : >"$WORK/off.txt"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order="on off"; else order="off on"; fi
  for side in $order; do
    if [ "$side" = on ]; then url=$URL_ON pid=$PID_on; else url=$URL_OFF pid=$PID_off; fi
    ticks_before=$(cpu_ticks "$pid")
    run_wrk "$url" "$DURATION" "$WORK/run-$round-$side.txt"
    ticks_after=$(cpu_ticks "$pid")
    read -r rps p50 p75 p90 p99 non2xx errs < <(parse "$WORK/run-$round-$side.txt")
    [ -n "$rps" ] || { cat "$WORK/run-$round-$side.txt" >&2; fail "could not read wrk's output"; }
    requests=$(awk '/ requests in / { print $1 }' "$WORK/run-$round-$side.txt")
    cpu=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%.2f", t / hz * 1e6 / n }')
    echo "$rps $p50 $p75 $p90 $p99 $non2xx $errs $cpu" >>"$WORK/$side.txt"
    printf '%-6s %-4s %12s %12s %10s %10s %10s %10s %8s %7s\n' "$round" "$side" "$rps" "$cpu" "$p50" "$p75" "$p90" "$p99" "$non2xx" "$errs"
  done
done

# --- summary -------------------------------------------------------------------------------------
mean() { awk -v c="$2" '{ s += $c; n++ } END { printf "%.1f", s / n }' "$1"; }
echo
echo "== summary (means over $ROUNDS runs per side)"
printf '| side | req/s | server CPU (us/req) | p50 (us) | p75 (us) | p90 (us) | p99 (us) | non-2xx | socket errors |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for side in on off; do
  printf '| tenancy %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$side" "$(mean "$WORK/$side.txt" 1)" "$(mean "$WORK/$side.txt" 8)" \
    "$(mean "$WORK/$side.txt" 2)" "$(mean "$WORK/$side.txt" 3)" "$(mean "$WORK/$side.txt" 4)" "$(mean "$WORK/$side.txt" 5)" \
    "$(awk '{ s += $6 } END { print s }' "$WORK/$side.txt")" "$(awk '{ s += $7 } END { print s }' "$WORK/$side.txt")"
done
ratio=$(awk -v a="$(mean "$WORK/on.txt" 1)" -v b="$(mean "$WORK/off.txt" 1)" 'BEGIN { printf "%.3f", a / b }')
bad=$(awk '{ s += $6 + $7 } END { print s + 0 }' "$WORK/on.txt" "$WORK/off.txt")
echo
[ "$bad" = 0 ] || fail "$bad non-2xx responses or socket errors during the measured runs; the ratio $ratio would count failures as throughput"
cpu_ratio=$(awk -v a="$(mean "$WORK/on.txt" 8)" -v b="$(mean "$WORK/off.txt" 8)" 'BEGIN { printf "%.3f", a / b }')
echo "server CPU per request on/off: $cpu_ratio (target <= 1.05); per round: $(paste -d' ' "$WORK/on.txt" "$WORK/off.txt" | awk '{ printf "%.3f ", $8 / $16 }')"
echo "throughput ratio on/off: $ratio (target >= 0.95); per round: $(paste -d' ' "$WORK/on.txt" "$WORK/off.txt" | awk '{ printf "%.3f ", $1 / $9 }')"
echo "on: $URL_ON ${FLAGS_ON:-(no flags)} | off: $URL_OFF ${FLAGS_OFF:-(no flags)} | header: $HEADER | $(wrk --version 2>&1 | head -1 | awk '{print $1, $2}')"
