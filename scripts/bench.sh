#!/usr/bin/env bash
# `make bench`: runs the whole benchmark suite over the 64 KB, 1 MB and 16 MB corpora, measures
# the peak memory of streaming `hanzi clean` over 1 GB, and writes the results table to standard
# output and to Benchmarks/results/latest.md.
#
# Environment: HANZI_BENCH_SIZES (default 64K,1M,16M), HANZI_BENCH_MAX_SECONDS (default 6),
# HANZI_BENCH_MAX_ITERATIONS (default 40), HANZI_BENCH_FILTER (a benchmark name regex),
# HANZI_BENCH_SKIP_RSS=1 to leave out the 1 GB streaming measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

export HANZI_BENCH_SIZES=${HANZI_BENCH_SIZES:-64K,1M,16M}
python3 scripts/bench-corpus.py ${HANZI_BENCH_SIZES//,/ }

raw=Benchmarks/results/raw
rm -rf "$raw/samples"
mkdir -p "$raw/samples"
filter=()
[ -n "${HANZI_BENCH_FILTER:-}" ] && filter=(--filter "$HANZI_BENCH_FILTER")
(
    cd Benchmarks
    swift package --allow-writing-to-package-directory benchmark \
        --format histogramSamples --path results/raw/samples --no-progress "${filter[@]}" >&2
)

extra=()
if [ "${HANZI_BENCH_SKIP_RSS:-0}" != 1 ]; then
    bash scripts/bench-rss.sh >"$raw/rss.md"
    extra=(--extra "$raw/rss.md")
fi
bash scripts/bench-machine.sh >"$raw/machine.md"
python3 scripts/bench-report.py table "$raw/samples" \
    --out Benchmarks/results/latest.md --extra "$raw/machine.md" "${extra[@]}"
echo "bench: table written to $repo/Benchmarks/results/latest.md" >&2
