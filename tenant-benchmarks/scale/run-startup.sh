#!/usr/bin/env bash
# Application start-up and heap at scale: the sample marketplace app started with 0, 10, 1,000 and 10,000
# extra config-only tenants (name, parent region, locale, currency, time zone, two attributes; eight
# INACTIVE regions under an INACTIVE global, as in io.tenantkit.tenant.ScaleTenants), declared two ways:
# as properties (tenantkit.tenants.* in an extra application YAML file) and in a tenant catalog
# (tenantkit.catalog, a YAML file TenantKit reads itself). Each start is a fresh JVM, REPEAT times per
# count and way. For each it prints
# the start-up time (Spring Boot's "process running for", median), its delta against 0 tenants (target:
# + <= 2 s at 10,000), the used heap after a full GC with the app started, and that heap's delta per
# tenant against 0 tenants (target: <= 10 KB). Never asserts anything.
#
# Usage (from the repository root):
#   tenant-benchmarks/scale/run-startup.sh
# Configurable through the environment:
#   JAR        app jar to run as it is; when not set, the sample app is built afresh from this working tree
#              (./mvnw -q -pl tenant-samples/marketplace-app -am package -DskipTests) and its jar used
#   COUNTS     tenant counts (default: "0 10 1000 10000")
#   WAYS       how the tenants are declared: "properties", "catalog" or both (default: "properties catalog")
#   REPEAT     starts per count (default: 3)
#   JAVA_OPTS  JVM options (default: -XX:+UseSerialGC -XX:SoftRefLRUPolicyMSPerMB=0 -Xms1g -Xmx1g: a stable
#              heap figure, and soft references cleared at every GC, so that the figure is what the app
#              retains, not Spring Boot's soft-referenced property-binding caches, which any memory
#              pressure frees)
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR_GIVEN=${JAR:-}
JAR=${JAR:-tenant-samples/marketplace-app/target/marketplace-app-0.1.0-SNAPSHOT.jar}
COUNTS=${COUNTS:-0 10 1000 10000}
WAYS=${WAYS:-properties catalog}
REPEAT=${REPEAT:-3}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -XX:SoftRefLRUPolicyMSPerMB=0 -Xms1g -Xmx1g}
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}

fail() { echo "run-startup: $*" >&2; exit 1; }
[[ $REPEAT =~ ^[1-9][0-9]*$ ]] || fail "REPEAT must be a whole number of at least 1, not '$REPEAT'"
for n in $COUNTS; do [[ $n =~ ^[0-9]+$ ]] || fail "COUNTS must be whole numbers, not '$n'"; done
for way in $WAYS; do [[ $way =~ ^(properties|catalog)$ ]] || fail "WAYS takes properties and catalog, not '$way'"; done
for tool in jcmd jstat; do
  command -v "${JAVA_BIN}$tool" >/dev/null || fail "${JAVA_BIN}$tool not found; set JAVA_HOME to a JDK (not a JRE)"
done

if [ -z "${JAR_GIVEN:-}" ]; then
  # Spring Boot's repackage keeps the libraries of an existing fat jar: rebuild from scratch, so that the
  # jar holds the code of this working tree.
  echo "== building $JAR"
  rm -f "$JAR" "$JAR.original"
  ./mvnw -q -pl tenant-samples/marketplace-app -am package -DskipTests
fi
[ -f "$JAR" ] || fail "no jar at $JAR; set JAR to the app jar"

WORK=$(mktemp -d)
PID=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

tenant_entries() { # $1 = count, $2 = indent; writes one YAML entry per tenant to stdout
  local n=$1 indent=$2 currencies=(JPY USD EUR GBP SGD BRL INR AUD) locales=(ja-JP en-US de-DE en-GB en-SG pt-BR hi-IN en-AU)
  local zones=(Asia/Tokyo America/New_York Europe/Berlin Europe/London Asia/Singapore America/Sao_Paulo Asia/Kolkata Australia/Sydney)
  [ "$n" -gt 0 ] || return 0
  echo "${indent}global: { status: inactive }"
  for r in 0 1 2 3 4 5 6 7; do echo "${indent}region-$r: { parent: global, status: inactive }"; done
  awk -v n="$n" -v p="$indent" -v c="${currencies[*]}" -v l="${locales[*]}" -v z="${zones[*]}" 'BEGIN {
    split(c, cs, " "); split(l, ls, " "); split(z, zs, " ")
    for (i = 0; i < n; i++) {
      r = i % 8
      printf "%ssite-%05d: { name: Site %d, parent: region-%d, locale: %s, currency: %s, time-zone: %s, attributes: { plan: %s, segment: segment-%d } }\n",
        p, i, i, r, ls[r + 1], cs[r + 1], zs[r + 1], (i % 3 == 0 ? "enterprise" : "standard"), i % 17
    }
  }'
}

declare_tenants() { # $1 = way, $2 = count, $3 = file; writes the file and prints the app argument that uses it
  if [ "$1" = properties ]; then
    { echo "tenantkit:"; echo "  tenants:"; tenant_entries "$2" "    "; } >"$3"
    echo "--spring.config.additional-location=file:$3"
  else
    { echo "# tenant catalog"; tenant_entries "$2" ""; } >"$3"
    echo "--tenantkit.catalog=file:$3"
  fi
}

start_once() { # $1 = app argument declaring the tenants; prints "seconds usedKB"
  local log="$WORK/app.log" started="" used
  # shellcheck disable=SC2086 # JAVA_OPTS is a word list
  "${JAVA_BIN}java" $JAVA_OPTS -jar "$JAR" --server.port=0 --server.address=127.0.0.1 "$1" >"$log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do
    started=$(grep -oE 'process running for [0-9.]+' "$log" | grep -oE '[0-9.]+$' | head -1 || true)
    [ -n "$started" ] && break
    kill -0 "$PID" 2>/dev/null || { tail -30 "$log" >&2; fail "the app exited during start-up with $1"; }
    sleep 0.2
  done
  [ -n "$started" ] || { tail -20 "$log" >&2; fail "the app did not start within 120 s"; }
  "${JAVA_BIN}jcmd" "$PID" GC.run >/dev/null
  used=$("${JAVA_BIN}jstat" -gc "$PID" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { printf "%.0f", $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"] }')
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  echo "$started $used"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== $JAR, $REPEAT starts per count, JVM options: $JAVA_OPTS, $("${JAVA_BIN}java" -version 2>&1 | head -1)"
printf '| declared as | extra tenants | start-up, median (s) | starts (s) | delta vs 0 tenants (s) | used heap after full GC (MB) | heap delta per tenant (bytes) |\n'
printf '|---|---:|---:|---|---:|---:|---:|\n'
for way in $WAYS; do
base_s="" base_kb=""
for n in $COUNTS; do
  yml="$WORK/tenants-$way-$n.yml"
  arg=$(declare_tenants "$way" "$n" "$yml")
  : >"$WORK/runs"
  for _ in $(seq 1 "$REPEAT"); do start_once "$arg" >>"$WORK/runs"; done
  s=$(awk '{ print $1 }' "$WORK/runs" | median)
  kb=$(awk '{ print $2 }' "$WORK/runs" | median)
  starts=$(awk '{ printf "%s%s", (NR > 1 ? ", " : ""), $1 }' "$WORK/runs")
  if [ -z "$base_s" ]; then base_s=$s base_kb=$kb base_n=$n; fi
  delta=$(awk -v a="$s" -v b="$base_s" 'BEGIN { printf "%+.2f", a - b }')
  per=$(awk -v a="$kb" -v b="$base_kb" -v n="$n" -v m="$base_n" 'BEGIN { if (n == m) print "-"; else printf "%.0f", (a - b) * 1024 / (n - m) }')
  printf '| %s | %s | %s | %s | %s | %.1f | %s |\n' "$way" "$n" "$s" "$starts" "$delta" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')" "$per"
done
done
