#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Fuzz/Harnesses) with -sanitize=fuzzer,address and runs each for
# SECONDS seconds of wall time, at most FUZZ_JOBS at a time (default 1; the Makefile runs them all
# at once), then prints the executions per harness from libFuzzer's final statistics.
#   bash scripts/fuzz.sh SECONDS [HARNESS...]      (make fuzz SECONDS=N, make fuzz-ci)
#   FUZZ_REPLAY=1 bash scripts/fuzz.sh 0            (make fuzz-ci: every seed and committed input once)
#   FUZZ_BUILD_ONLY=1 bash scripts/fuzz.sh 0        (make fuzz-build: build them all, run none)
# Seeds: .build-fuzz/seeds (built by scripts/fuzz-corpus.py from the seed texts and the test
# fixtures) and Fuzz/Corpus/HARNESS (hand-written seeds and every input that ever failed).
# What the fuzzer learns stays in .build-fuzz/corpus/HARNESS for the next run; a failing input
# is written to .build-fuzz/artifacts/HARNESS/ and its log to .build-fuzz/logs/HARNESS.log.
# Exit status 1 when any harness finds a crash, a leak, a timeout or a broken invariant.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
all=(FuzzUTF8 FuzzDecode FuzzRejoin FuzzNormalize FuzzConvert FuzzJSONLine FuzzJSONLines FuzzCleanStream FuzzMarkdown)
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=("${all[@]}")
jobs=${FUZZ_JOBS:-1}
scratch=.build-fuzz

bash scripts/install-deps.sh
# After a Swift source changed, the package's own Swift modules and the harnesses are compiled
# again from scratch: an incremental build once kept a harness compiled against the old layout
# of a library struct (ColumnRejoiner.Stream grew; FuzzRejoin's stack slot for it did not), and
# AddressSanitizer reported an overflow that was not in the code. The dependencies (swift-
# argument-parser) and the C data (COpenCCData, rebuilt from its own sources when they change)
# are kept.
stamp=$scratch/swift-sources.stamp
if [ ! -f "$stamp" ] || [ -n "$(find Sources Fuzz/Harnesses/Sources Package.swift Fuzz/Harnesses/Package.swift \
        -newer "$stamp" \( -name '*.swift' -o -name '*.h' -o -name '*.modulemap' \) -print -quit)" ]; then
    # The build plan goes too, so that SwiftPM writes the modules' file maps again.
    rm -f "$stamp" "$scratch"/release.yaml "$scratch"/*/release/description.json
    for dir in "$scratch"/*/release; do
        [ -d "$dir" ] || continue
        rm -rf "$dir"/HanziCore.build "$dir"/HanziText.build "$dir"/OpenCC.build "$dir"/Hanzi.build \
            "$dir"/Fuzz*.build "$dir"/Modules/HanziCore.* "$dir"/Modules/HanziText.* "$dir"/Modules/OpenCC.* \
            "$dir"/Modules/Hanzi.* "$dir"/Modules/Fuzz*
    done
fi
# The toolchain's linker warns once per AddressSanitizer helper symbol; they say nothing.
# Product by product: building the whole package would also link the main package's `hanzi`
# command with the fuzzer's flags, which gold cannot. A failed build stops the run (an older
# binary would otherwise be fuzzed).
for h in "${harnesses[@]}"; do
    if ! swift build --package-path Fuzz/Harnesses --scratch-path "$scratch" -c release --product "$h" \
        -Xswiftc -sanitize=fuzzer,address 2>&1 | { grep -v "Cannot export local symbol '__asan" || true; }; then
        echo "fuzz: building $h failed" >&2
        exit 1
    fi
done
touch "$stamp"
bin=$(swift build --package-path Fuzz/Harnesses --scratch-path "$scratch" -c release --show-bin-path)
for h in "${harnesses[@]}"; do
    [ -x "$bin/$h" ] || { echo "fuzz: $h was not built" >&2; exit 1; }
done
if [ -n "${FUZZ_BUILD_ONLY:-}" ]; then
    echo "fuzz: ${#harnesses[@]} harnesses built"
    exit 0
fi
python3 scripts/fuzz-corpus.py "$scratch/seeds"
# FUZZ_REPLAY=1 (make fuzz-ci): run every seed and committed input once, without mutating them,
# so that the result does not depend on timing or luck; exploring is `make fuzz`'s job.
if [ -n "${FUZZ_REPLAY:-}" ]; then limit=(-runs=0); else limit=(-max_total_time="$seconds"); fi

run() { # run HARNESS
    local h=$1
    mkdir -p "$scratch/corpus/$h" "$scratch/artifacts/$h" "$scratch/logs"
    local seeds=("$scratch/seeds/$h")
    [ -d "Fuzz/Corpus/$h" ] && seeds+=("Fuzz/Corpus/$h")
    "$bin/$h" "${limit[@]}" -max_len=4096 -timeout=30 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$scratch/artifacts/$h/" \
        "$scratch/corpus/$h" "${seeds[@]}" >"$scratch/logs/$h.log" 2>&1
}

# Known open defects (Fuzz/known-open.txt) are reported once per run and do not stop a harness.
# (grep finds no line when none is open: that is not an error.)
HANZI_FUZZ_KNOWN_OPEN=$({ grep -v '^#' Fuzz/known-open.txt || true; } | awk 'NF {print $1}' | paste -sd, -)
export HANZI_FUZZ_KNOWN_OPEN
# libFuzzer reports a crash itself; the Swift runtime's backtracer would only slow it down.
export SWIFT_BACKTRACE=enable=no

started=$(date +%s)
if [ -n "${FUZZ_REPLAY:-}" ]; then
    echo "fuzz: ${#harnesses[@]} harnesses, every seed and committed input once, $jobs at a time"
else
    echo "fuzz: ${#harnesses[@]} harnesses, $seconds s each, $jobs at a time"
fi
pids=()
names=()
status=0
for h in "${harnesses[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
    run "$h" &
    pids+=($!)
    names+=("$h")
done
failed=()
for k in "${!pids[@]}"; do
    wait "${pids[$k]}" || failed+=("${names[$k]}")
done

printf '%-16s %12s %9s  %s\n' harness executions exec/s result
for h in "${harnesses[@]}"; do
    log="$scratch/logs/$h.log"
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{print $2}' | tail -1)
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | awk '{print $2}' | tail -1)
    result=ok
    known=$(grep -o 'known open ([a-z.]*)' "$log" | sort -u | paste -sd' ' - || true)
    [ -n "$known" ] && result="ok; $known"
    if [[ " ${failed[*]} " == *" $h "* ]]; then
        result="FAILED: $(grep -m1 -E '^invariant broken|ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|SUMMARY' "$log" || echo "see $log")"
        status=1
    fi
    printf '%-16s %12s %9s  %s\n' "$h" "${runs:-?}" "${speed:-?}" "$result"
done
echo "fuzz: $(( $(date +%s) - started )) s; logs in $scratch/logs, failing inputs in $scratch/artifacts"
exit $status
