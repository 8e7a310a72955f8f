#!/usr/bin/env bash
# Training throughput, prec against its PyTorch OLMo twin (BENCHMARKS.md section 1): for ROUNDS
# rounds, every (config, quantization) runs prec and PyTorch back to back as fresh processes, prec
# first in odd rounds and PyTorch first in even ones (so a drift in load does not favour one side).
# Prints a Markdown table per round and a summary whose claim is the MEDIAN of the per-round
# ratios, with the 1-minute load average (/proc/loadavg) before each pair, ready to paste into
# docs/benchmarks.md.
#
# Usage: bench/train-vs-torch.sh [configs=a,b,c] [quants=none,w8a8kv8] [rounds=5] [warmup=30] [steps=30]
# Each run discards its first WARMUP steps (the JVM compiles prec's kernels during them; PyTorch gets
# the same warmup) and reports the median of the next STEPS step times.
# Needs: bench/target/benchmarks.jar (./mvnw -q -pl bench -am -DskipTests package), JAVA_HOME on
# Java 25, PREC_PYTHON (or python3) with torch and safetensors. Raw JSON lines go to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIGS=${1:-a,b,c}
QUANTS=${2:-none,w8a8kv8}
ROUNDS=${3:-5}
WARMUP=${4:-30}
STEPS=${5:-30}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PY=${PREC_PYTHON:-python3}
export OMP_WAIT_POLICY=passive
RAW=$(mktemp)
trap 'rm -f "$RAW"' EXIT

run_prec() {
  "$JAVA" --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar \
    dev.prec.bench.train.TrainThroughput "$1" "$2" "$WARMUP" "$STEPS" 2 2>/dev/null
}
run_torch() {
  "$PY" peers/olmo_twin.py bench --configs "$1" --quant "$2" --warmup "$WARMUP" --steps "$STEPS" --threads 2
}

echo "started $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  for c in ${CONFIGS//,/ }; do
    for q in ${QUANTS//,/ }; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      if (( round % 2 == 1 )); then
        p=$(run_prec "$c" "$q"); t=$(run_torch "$c" "$q")
      else
        t=$(run_torch "$c" "$q"); p=$(run_prec "$c" "$q")
      fi
      printf '%s\t%s\t%s\t%s\n' "$round" "$load" "$p" "$t" | tee -a "$RAW" >&2
    done
  done
done
echo "finished $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"

"$PY" - "$RAW" <<'EOF'
import json, statistics, sys
rows = []
for line in open(sys.argv[1]):
    rnd, load, p, t = line.rstrip("\n").split("\t")
    p, t = json.loads(p), json.loads(t)
    rows.append(dict(round=int(rnd), load=float(load), config=p["config"], quant=p["quant"],
                     prec=p["ms_per_step_median"], torch=t["ms_per_step_median"]))
print()
print("| round | config | quant | load (1 min) | prec ms/step | PyTorch ms/step | prec / PyTorch |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    print(f"| {r['round']} | {r['config']} | {r['quant']} | {r['load']:.1f} | {r['prec']:.1f} | "
          f"{r['torch']:.1f} | {r['torch'] / r['prec']:.2f}x |")
print()
print("| config | quant | rounds | load range | prec ms/step, median | PyTorch ms/step, median "
      "| ratio per round | median ratio |")
print("|---|---|---|---|---|---|---|---|")
keys = list(dict.fromkeys((r["config"], r["quant"]) for r in rows))
for c, q in keys:
    sel = [r for r in rows if (r["config"], r["quant"]) == (c, q)]
    ratios = [r["torch"] / r["prec"] for r in sel]
    loads = [r["load"] for r in sel]
    print(f"| {c} | {q} | {len(sel)} | {min(loads):.1f}-{max(loads):.1f} | "
          f"{statistics.median(r['prec'] for r in sel):.1f} | {statistics.median(r['torch'] for r in sel):.1f} | "
          f"{', '.join(f'{x:.2f}' for x in ratios)} | **{statistics.median(ratios):.2f}x** |")
EOF
