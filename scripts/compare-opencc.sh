#!/usr/bin/env bash
# Times `hanzi convert` against the two OpenCC builds a user could pick instead, as whole
# processes (start-up, loading the dictionaries, reading and writing included), on the same
# 10 MB corpus, one core each, for s2t, t2s and hk2s, and checks the outputs byte for byte:
# - OpenCC 1.4.2 (PyPI `opencc`, the C++ library as a Python module, in .build/venv): its
#   `opencc` command, and its convert call alone (timed inside Python, loading excluded);
#   `hanzi convert` (native engine, bundled OpenCC 1.4.2 data) must give its output exactly;
# - Debian's `opencc` command (libopencc 1.1.6): `hanzi convert --dictionaries system` (native
#   engine, installed data) must give its output exactly.
# Every process is pinned to one core (taskset, where there is one) and hanzi runs with
# --jobs 1, so the ratios are per core. hanzi is the binary `make install` installs
# (`make static`: on Linux the Swift runtime linked in). Target: hanzi at least 5x OpenCC 1.4.2's whole process.
#
# Environment: HANZI_COMPARE_SIZE (default 10M), HANZI_COMPARE_RUNS (default 3; the median is
# kept), HANZI_COMPARE_CONFIGS (default "s2t t2s hk2s"), HANZI_COMPARE_ARGS (extra arguments
# for every hanzi convert run).
set -euo pipefail
cd "$(dirname "$0")/.."

size=${HANZI_COMPARE_SIZE:-10M}
runs=${HANZI_COMPARE_RUNS:-3}
configs=${HANZI_COMPARE_CONFIGS:-s2t t2s hk2s}
read -r -a extra <<<"${HANZI_COMPARE_ARGS:-}"

bash scripts/install-deps.sh
bash scripts/setup-python.sh
# the binary `make install` installs (statically linked on Linux)
make -s static >&2
hanzi=.build/static/hanzi
venv=${HANZI_VENV:-.build/venv}
input=$(python3 scripts/bench-corpus.py "$size" --print-path)
bytes=$(stat -c %s "$input")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pin=()
command -v taskset >/dev/null 2>&1 && pin=(taskset -c 0)
now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mbps() { awk -v b="$bytes" -v t="$1" 'BEGIN { printf "%.1f", b / (t / 1e9) / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
# Runs a command N times, appending each time in nanoseconds to a file: CPU time (user + system
# of the process, from the kernel's resource usage of the child, to the microsecond) by default,
# which a shared, loaded machine disturbs far less than the wall clock of a process pinned to
# one core; HANZI_COMPARE_CLOCK=wall for the wall clock. (GNU time reports CPU time in 10 ms
# steps, a fifth of a 10 MB t2s run.)
clock=${HANZI_COMPARE_CLOCK:-cpu}
cpu_ns() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys
before = resource.getrusage(resource.RUSAGE_CHILDREN)
subprocess.run(sys.argv[1:], check=True)
after = resource.getrusage(resource.RUSAGE_CHILDREN)
print(round((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1e9))
PY
}
once() {
    if [ "$clock" = cpu ]; then
        cpu_ns "${pin[@]}" "$@"
    else
        local t0 t1
        t0=$(now)
        "${pin[@]}" "$@"
        t1=$(now)
        echo $((t1 - t0))
    fi
}
timed() {
    local file=$1
    shift
    : >"$file"
    for _ in $(seq "$runs"); do once "$@" >>"$file"; done
}
# OpenCC 1.4.2's process and hanzi's (bundled data) one after the other, $runs times: the median
# of the ratios of the pairs. The two runs of a pair are a second apart, so the drift of a shared
# machine's speed over the minutes the table takes (a tenth, or more) cancels out of it, as in
# the benchmark suite's paired ratios.
paired() {
    local config=$1 a b
    : >"$work/pairs"
    for _ in $(seq "$runs"); do
        a=$(once "$venv/bin/opencc" -c "$config" -i "$input" -o "$work/opencc142.out")
        b=$(once "$hanzi" convert -q --jobs 1 -c "$config" "${extra[@]}" -i "$input" -o "$work/bundled.out")
        awk -v a="$a" -v b="$b" 'BEGIN { printf "%.4f\n", a / b }' >>"$work/pairs"
    done
    median <"$work/pairs" | awk '{ printf "%.1fx", $1 }'
}

# The opencc command (1.1.6) reads its input in 4 MiB blocks and converts each on its own, so a
# phrase across a block boundary is converted as two pieces. Its exact reference is the same
# command over the input cut at line breaks into pieces smaller than a block.
opencc_lines() {
    local config=$1 out=$2
    rm -rf "$work/pieces" && mkdir "$work/pieces"
    split -C 1M -d -a 4 "$input" "$work/pieces/in."
    for piece in "$work/pieces"/in.*; do
        opencc -c "$config.json" -i "$piece" -o "${piece/in./out.}"
    done
    cat "$work/pieces"/out.* >"$out"
}

verdicts=()
status=0
echo "Input: $input ($bytes bytes); whole processes on one core (${pin[*]:-no taskset}), median of $runs runs, $clock time; load average $(cut -d" " -f1-3 /proc/loadavg) at the start."
echo
printf '| %-6s | %14s | %14s | %14s | %14s | %14s | %12s | %15s | %12s |\n' config "OpenCC 1.1.6" "OpenCC 1.4.2" "1.4.2 call" \
    "hanzi system" "hanzi bundled" "vs 1.4.2" "vs 1.4.2 paired" "vs 1.4.2 call"
printf '| %-6s | %14s | %14s | %14s | %14s | %14s | %12s | %15s | %12s |\n' --- ---: ---: ---: ---: ---: ---: ---: ---:
for config in $configs; do
    timed "$work/t116" opencc -c "$config.json" -i "$input" -o "$work/opencc116.out"
    timed "$work/t142" "$venv/bin/opencc" -c "$config" -i "$input" -o "$work/opencc142.out"
    call=$("${pin[@]}" "$venv/bin/python" - "$config" "$input" "$runs" "$clock" <<'PY'
import sys, time, opencc
config, path, runs, clock = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
text = open(path, "rb").read().decode("utf-8")
converter = opencc.OpenCC(config)
times = []
for _ in range(runs):
    t0 = time.process_time_ns() if clock == "cpu" else time.perf_counter_ns()
    converter.convert(text)
    times.append((time.process_time_ns() if clock == "cpu" else time.perf_counter_ns()) - t0)
print(sorted(times)[len(times) // 2])
PY
)
    timed "$work/tsys" "$hanzi" convert -q --jobs 1 -c "$config" --dictionaries system "${extra[@]}" -i "$input" -o "$work/system.out"
    timed "$work/tbun" "$hanzi" convert -q --jobs 1 -c "$config" "${extra[@]}" -i "$input" -o "$work/bundled.out"
    pairedRatio=$(paired "$config")
    t116=$(median <"$work/t116")
    t142=$(median <"$work/t142")
    tsys=$(median <"$work/tsys")
    tbun=$(median <"$work/tbun")
    printf '| %-6s | %9s MB/s | %9s MB/s | %9s MB/s | %9s MB/s | %9s MB/s | %12s | %15s | %12s |\n' "$config" \
        "$(mbps "$t116")" "$(mbps "$t142")" "$(mbps "$call")" "$(mbps "$tsys")" "$(mbps "$tbun")" \
        "$(ratio "$t142" "$tbun")" "$pairedRatio" "$(ratio "$call" "$tbun")"

    if cmp -s "$work/opencc142.out" "$work/bundled.out"; then
        verdicts+=("$config bundled: byte-identical to OpenCC 1.4.2")
    else
        verdicts+=("$config bundled: DIFFERENT from OpenCC 1.4.2: $(cmp "$work/opencc142.out" "$work/bundled.out" 2>&1 | head -1 || true)")
        status=1
    fi
    if cmp -s "$work/opencc116.out" "$work/system.out"; then
        verdicts+=("$config system: byte-identical to the opencc command (libopencc 1.1.6)")
    else
        opencc_lines "$config" "$work/opencc116-lines.out"
        if cmp -s "$work/opencc116-lines.out" "$work/system.out"; then
            verdicts+=("$config system: byte-identical to libopencc 1.1.6 on line-aligned pieces (the whole-file opencc command cuts a phrase at its 4 MiB block boundary)")
        else
            verdicts+=("$config system: DIFFERENT from libopencc 1.1.6: $(cmp "$work/opencc116-lines.out" "$work/system.out" 2>&1 | head -1 || true)")
            status=1
        fi
    fi
done
echo
echo "MB/s: input bytes over $clock time (cpu: user + system of the process). \"1.4.2 call\": OpenCC 1.4.2's convert call alone, inside Python,"
echo "loading and decoding excluded. \"vs 1.4.2\": how many times faster hanzi (bundled data) is than OpenCC 1.4.2's"
echo "whole process (the ratio of the medians); \"paired\": the median of the ratios of $runs runs of the two one after the"
echo "other (see paired()); target at least 5x."
echo
for verdict in "${verdicts[@]}"; do echo "- $verdict"; done
exit $status
