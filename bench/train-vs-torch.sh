#!/usr/bin/env bash
# Training throughput, prec against its PyTorch OLMo twin, alternating the two peers per
# (config, quantization) for ROUNDS rounds on the same machine (BENCHMARKS.md section 1).
# Usage: bench/train-vs-torch.sh [configs=a,b,c] [quants=none,w8a8kv8] [rounds=2] [warmup=30] [steps=30]
# Each run discards its first WARMUP steps (the JVM compiles prec's kernels during them; PyTorch gets
# the same warmup) and reports the median of the next STEPS step times.
# Needs: bench/target/benchmarks.jar (./mvnw -q -pl bench -am -DskipTests package), JAVA_HOME on
# Java 25, PREC_PYTHON (or python3) with torch and safetensors.
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIGS=${1:-a,b,c}
QUANTS=${2:-none,w8a8kv8}
ROUNDS=${3:-2}
WARMUP=${4:-30}
STEPS=${5:-30}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PY=${PREC_PYTHON:-python3}
export OMP_WAIT_POLICY=passive
for round in $(seq 1 "$ROUNDS"); do
  for c in ${CONFIGS//,/ }; do
    for q in ${QUANTS//,/ }; do
      "$JAVA" --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar \
        dev.prec.bench.train.TrainThroughput "$c" "$q" "$WARMUP" "$STEPS" 2 2>/dev/null
      "$PY" peers/olmo_twin.py bench --configs "$c" --quant "$q" --warmup "$WARMUP" --steps "$STEPS" --threads 2
    done
  done
done
