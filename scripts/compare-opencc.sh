#!/usr/bin/env bash
# Times `hanzi convert` against Debian's `opencc` command as whole processes (start-up, loading
# the dictionaries, reading and writing included) on the same 10 MB corpus, for s2t, t2s and
# hk2s; checks that the outputs are byte-identical; prints the ratios.
#
# Environment: HANZI_COMPARE_SIZE (default 10M), HANZI_COMPARE_RUNS (default 3; the median is
# kept), HANZI_COMPARE_CONFIGS (default "s2t t2s hk2s"), HANZI_COMPARE_ARGS (extra arguments
# for hanzi convert, e.g. "--jobs 1" for one thread; by default hanzi uses all cores).
set -euo pipefail
cd "$(dirname "$0")/.."

size=${HANZI_COMPARE_SIZE:-10M}
runs=${HANZI_COMPARE_RUNS:-3}
configs=${HANZI_COMPARE_CONFIGS:-s2t t2s hk2s}
read -r -a extra <<<"${HANZI_COMPARE_ARGS:-}"

bash scripts/install-deps.sh
swift build -c release --product hanzi >&2
hanzi=$(swift build -c release --show-bin-path)/hanzi
input=$(python3 scripts/bench-corpus.py "$size" --print-path)
bytes=$(stat -c %s "$input")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Input: $input ($bytes bytes); whole-process wall clock, median of $runs runs."
echo
printf '| %-6s | %12s | %12s | %12s | %12s | %14s | %s |\n' config "opencc s" "opencc MB/s" "hanzi s" "hanzi MB/s" "hanzi/opencc" "output"
printf '| %-6s | %12s | %12s | %12s | %12s | %14s | %s |\n' --- ---: ---: ---: ---: ---: ---
status=0
for config in $configs; do
    : >"$work/opencc.times"
    : >"$work/hanzi.times"
    for _ in $(seq "$runs"); do
        t0=$(now)
        opencc -c "$config.json" -i "$input" -o "$work/opencc.out"
        t1=$(now)
        "$hanzi" convert -q -c "$config" "${extra[@]}" -i "$input" -o "$work/hanzi.out"
        t2=$(now)
        echo $((t1 - t0)) >>"$work/opencc.times"
        echo $((t2 - t1)) >>"$work/hanzi.times"
    done
    if cmp -s "$work/opencc.out" "$work/hanzi.out"; then
        verdict="byte-identical"
    else
        # The opencc command reads its input in fixed-size blocks and converts each on its own,
        # so a phrase that straddles a block boundary (every 4 MiB) is converted as two pieces.
        # hanzi converts whole lines. The exact reference is then opencc over the same input
        # cut at line breaks into pieces smaller than its block: that must match byte for byte.
        first=$(cmp "$work/opencc.out" "$work/hanzi.out" 2>&1 | sed -n 's/.*differ: byte \([0-9]*\),.*/\1/p' || true)
        ndiff=$(cmp -l "$work/opencc.out" "$work/hanzi.out" 2>/dev/null | wc -l || true)
        rm -rf "$work/pieces" && mkdir "$work/pieces"
        split -C 1M -d -a 4 "$input" "$work/pieces/in."
        for piece in "$work/pieces"/in.*; do
            opencc -c "$config.json" -i "$piece" -o "${piece/in./out.}"
        done
        cat "$work/pieces"/out.* >"$work/opencc-lines.out"
        if cmp -s "$work/opencc-lines.out" "$work/hanzi.out"; then
            verdict="byte-identical to opencc run on line-aligned pieces; whole-file opencc differs in $ndiff byte(s) from byte $first, where its 4 MiB (4194304-byte) input block cuts a phrase"
        else
            verdict="DIFFERENT: $(cmp "$work/opencc-lines.out" "$work/hanzi.out" 2>&1 | head -1 || true)"
            status=1
        fi
    fi
    o=$(median <"$work/opencc.times")
    h=$(median <"$work/hanzi.times")
    awk -v c="$config" -v o="$o" -v h="$h" -v b="$bytes" -v v="$verdict" 'BEGIN {
        printf "| %-6s | %12.2f | %12.1f | %12.2f | %12.1f | %13.2fx | %s |\n",
            c, o / 1e9, b / (o / 1e9) / 1e6, h / 1e9, b / (h / 1e9) / 1e6, o / h, v }'
done
echo
echo "hanzi/opencc: how many times faster hanzi is than the opencc command (opencc time over hanzi time)."
exit $status
