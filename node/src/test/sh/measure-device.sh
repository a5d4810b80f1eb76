#!/bin/sh
# Measures the device-only artifact as the launcher runs it: its size, its start-up time (launch to the firmware's
# "device ... running" line) and its resident memory (VmHWM, the peak, and VmRSS, from /proc/PID/status) after the
# simulated robot has run in real time for a while; then stops it with SIGTERM, as systemd does.
# Usage, after ./mvnw -pl node -am package -DskipTests:  node/src/test/sh/measure-device.sh [RUNS]  (default 5)
# Environment: JVM_OPTS (default: the launcher's -Xmx32m), HOLD_SECONDS (default 10).
set -eu
cd "$(dirname -- "$0")/../../../.."

jar=node/target/aplysia-device.jar
deb=$(ls node/target/aplysia-device_*_all.deb 2>/dev/null | head -n 1 || true)
runs=${1:-5}
jvm_opts=${JVM_OPTS:--Xmx32m}
hold=${HOLD_SECONDS:-10}
if [ ! -f "$jar" ]; then
  echo "measure-device: $jar is missing: run ./mvnw -pl node -am package -DskipTests first" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One run: prints "STARTUP_MS HWM_KB RSS_KB EXIT_CODE".
measure_once() {
  rm -rf "$work/state" "$work/out" "$work/err"
  : >"$work/err"
  begin=$(date +%s%N)
  # shellcheck disable=SC2086 # JVM options, split at spaces on purpose
  java $jvm_opts -jar "$jar" run --config examples/robot.board --state-dir "$work/state" \
    >"$work/out" 2>"$work/err" &
  pid=$!
  until grep -q ' running;' "$work/err"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "measure-device: the device exited before running:" >&2
      cat "$work/err" >&2
      exit 1
    fi
    sleep 0.01
  done
  ready=$(date +%s%N)
  sleep "$hold"
  hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"
  code=0
  wait "$pid" || code=$?
  echo "$(( (ready - begin) / 1000000 )) $hwm $rss $code"
}

echo "machine: $(nproc) cores, $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "java: $(java -version 2>&1 | head -n 1)"
echo "jvm options: $jvm_opts; simulated robot in real time for ${hold} s per run, $runs runs"
echo "jar: $(stat -c %s "$jar") bytes${deb:+; deb: $(stat -c %s "$deb") bytes}"
i=1
while [ "$i" -le "$runs" ]; do
  measure_once >>"$work/runs"
  set -- $(tail -n 1 "$work/runs")
  echo "run $i: start-up $1 ms, VmHWM $(( $2 / 1024 )) MiB, VmRSS $(( $3 / 1024 )) MiB, exit $4 after SIGTERM"
  i=$((i + 1))
done
awk '{ s[NR] = $1; h[NR] = $2; r[NR] = $3 }
     function median(a, n,   i, j, t) {
       for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
       return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
     }
     END {
       startup = median(s, NR); hwm = median(h, NR); rss = median(r, NR)  # each call sorts its array
       printf "median of %d: start-up %d ms (min %d, max %d), VmHWM %.1f MiB, VmRSS %.1f MiB\n",
              NR, startup, s[1], s[NR], hwm / 1024, rss / 1024
     }' "$work/runs"
