#!/usr/bin/env bash
# Measures capsim against the reference programs of ../shared/bench in one
# run on this machine, alternating them, and prints medians and ratios:
#   1. hold model, N = 10^4: `capsim bench hold` vs the C 4-ary heap (hold.c);
#   2. M/M/10 at 90% load: a whole `capsim run experiments/mmc.yaml` process
#      vs SimPy 4 (mmc_simpy.py), in customers per second;
#   3. peak memory of capsim runs with 1x and 10x the customers in the same
#      simulated time (M/M/10 and M/M/100 at 90% load).
# Usage: bench/compare.sh [repeats, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-5}"
shared="../shared/bench"
work=".build-bench"
mkdir -p "$work"
scripts/setup.sh
swift build -c release --product capsim 2>&1 | grep -E "error|warning: " || true
capsim=.build/release/capsim
gcc -O2 -march=native -o "$work/hold" "$shared/hold.c" -lm
if [ ! -x "$work/venv/bin/python" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q simpy==4.1.2
fi
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
now() { date +%s.%N; }

: > "$work/c_hold"; : > "$work/s_hold"; : > "$work/simpy"; : > "$work/capsim_mmc"; : > "$work/capsim_mmc1"
for _ in $(seq "$repeats"); do
  "$work/hold" 1e4 1e7 4 pp | sed -E 's/.*ops_per_sec=([^ ]+).*/\1/' >> "$work/c_hold"
  "$capsim" bench hold --pending 10000 --operations 10000000 | sed -E 's/.*"opsPerSecond":([^,]+),.*/\1/' >> "$work/s_hold"
  (cd "$shared" && "$OLDPWD/$work/venv/bin/python" mmc_simpy.py 9 1 10 2e5 1) \
    | sed -E 's/.*customers_per_sec=([^ ]+).*/\1/' >> "$work/simpy"
  for jobs in 2 1; do
    t0=$(now)
    out=$("$capsim" run experiments/mmc.yaml --out "$work/mmc" --jobs "$jobs")
    t1=$(now)
    customers=$(echo "$out" | sed -nE 's/.* runs, ([0-9]+) customers in .*/\1/p')
    file="$work/capsim_mmc"; [ "$jobs" = 1 ] && file="$work/capsim_mmc1"
    echo "$customers $t0 $t1" | awk '{printf "%.6g\n", $1 / ($3 - $2)}' >> "$file"
  done
done
# Ten times the customers in the same simulated time: M/M/100 at the same 90% load.
sed -e 's/rate: 9 /rate: 90 /' -e 's/concurrency: 10/concurrency: 100/' experiments/mmc.yaml > "$work/mmc-busy.yaml"
mem1=$("$capsim" run experiments/mmc.yaml --out "$work/m1" --jobs 2 | sed -nE 's/.*peak memory ([0-9]+) MiB.*/\1/p')
mem10=$("$capsim" run "$work/mmc-busy.yaml" --out "$work/m10" --jobs 2 | sed -nE 's/.*peak memory ([0-9]+) MiB.*/\1/p')

c=$(median < "$work/c_hold"); s=$(median < "$work/s_hold")
py=$(median < "$work/simpy"); m2=$(median < "$work/capsim_mmc"); m1=$(median < "$work/capsim_mmc1")
awk -v c="$c" -v s="$s" -v py="$py" -v m2="$m2" -v m1="$m1" -v r="$repeats" -v a="$mem1" -v b="$mem10" 'BEGIN {
  printf "{\"repeats\":%d,\"holdN1e4\":{\"cOpsPerSecond\":%.4g,\"capsimOpsPerSecond\":%.4g,\"ratio\":%.3f,\"target\":0.5},", r, c, s, s / c
  printf "\"mmc10\":{\"simpyCustomersPerSecond\":%.4g,\"capsimCustomersPerSecond2Jobs\":%.4g,\"ratio2Jobs\":%.1f,", py, m2, m2 / py
  printf "\"capsimCustomersPerSecond1Job\":%.4g,\"ratio1Job\":%.1f,\"target\":50},", m1, m1 / py
  printf "\"peakMemoryMiB\":{\"customers1_8e6\":%s,\"customers1_8e7\":%s}}\n", a, b
}'
