#!/usr/bin/env bash
# The CI benchmark gate: a short pass over the 1 MB corpus that fails only on regressions that
# stand out from noise. It never compares absolute times (CI machines are shared); it checks
#   - ratios measured within this run (wrapper over the raw libopencc call, text stages as
#     fractions of the byte scan), on the fastest iteration of each benchmark;
#   - malloc counts, which are deterministic, against Benchmarks/gates.json with a small tolerance.
# A ratio below its gate is measured once more (only the benchmarks concerned) before failing,
# so a burst of load from another process does not fail the build; a real regression fails twice.
set -euo pipefail
cd "$(dirname "$0")/.."

# --update-mallocs: rewrite the malloc baselines in Benchmarks/gates.json from this run (after a
# change that legitimately allocates differently; commit the new file with the change).
update=()
[ "${1:-}" = --update-mallocs ] && update=(--update-mallocs)
started=$(date +%s)
bash scripts/install-deps.sh
python3 scripts/bench-corpus.py 1M

export HANZI_BENCH_SIZES=1M
export HANZI_BENCH_MAX_SECONDS=${HANZI_BENCH_MAX_SECONDS:-4}
export HANZI_BENCH_MAX_ITERATIONS=${HANZI_BENCH_MAX_ITERATIONS:-15}
out=Benchmarks/results/ci
rm -rf "$out"
mkdir -p "$out"

run() { # run OUTPUT_DIR [benchmark-name-regex]
    local filter=()
    [ -n "${2:-}" ] && filter=(--filter "$2")
    mkdir -p "$1"
    (cd Benchmarks && swift package --allow-writing-to-package-directory benchmark \
        --format histogramSamples --path "${1#Benchmarks/}" --no-progress "${filter[@]}" >&2)
}

echo "bench gate: building and running the benchmarks over the 1 MB corpus..." >&2
run "$out/samples"
python3 scripts/bench-report.py table "$out/samples"
echo
if python3 scripts/bench-report.py gate "$out/samples" --gates Benchmarks/gates.json \
    --failed-list "$out/failed.txt" "${update[@]}"; then
    echo "bench gate: passed in $(($(date +%s) - started)) s"
    exit 0
fi
if [ ! -s "$out/failed.txt" ]; then
    exit 1 # a malloc count or a missing benchmark: deterministic, no point measuring again
fi
regex=$(sed 's/[.+]/\\&/g; s/.*/^&$/' "$out/failed.txt" | paste -sd '|')
echo "bench gate: measuring the ratios below their gates once more: $(paste -sd ' ' "$out/failed.txt")" >&2
run "$out/retry" "$regex"
if python3 scripts/bench-report.py gate "$out/retry" --gates Benchmarks/gates.json \
    --only-ratios; then
    echo "bench gate: passed on the second measurement in $(($(date +%s) - started)) s"
    exit 0
fi
echo "bench gate: FAILED: the same ratios are below their gates in two measurements" >&2
exit 1
