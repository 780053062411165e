#!/usr/bin/env bash
# make spark-test: the Spark job (integrations/spark/clean_corpus.py) in local mode against
# single-machine `hanzi clean --jsonl`, record for record. Installs Java and PySpark when missing
# (scripts/spark-deps.sh) and builds the static binary the job ships to its executors.
# SPARK_TEST_RECORDS sets the corpus size (default 60000).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/spark-deps.sh
VENV=.build/spark-venv
"$VENV/bin/python" integrations/spark/tests/spark_test.py \
    --hanzi .build/static/hanzi \
    --spark-submit "$VENV/bin/spark-submit" \
    --python "$VENV/bin/python" \
    --records "${SPARK_TEST_RECORDS:-60000}"
