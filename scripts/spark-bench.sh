#!/usr/bin/env bash
# make spark-bench: the Spark job's scaling (local[1] against local[2]) and the pipe's overhead
# against plain hanzi, as a Markdown table (see BENCHMARKS.md). SPARK_BENCH_RECORDS sets the size.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/spark-deps.sh
VENV=.build/spark-venv
"$VENV/bin/python" integrations/spark/tests/spark_bench.py \
    --hanzi .build/static/hanzi --spark-submit "$VENV/bin/spark-submit" --python "$VENV/bin/python" \
    --records "${SPARK_BENCH_RECORDS:-150000}" --repeat "${SPARK_BENCH_REPEAT:-2}"
