#!/usr/bin/env bash
# Peak resident memory of streaming `hanzi clean` over a 1 GB corpus file (target: at most 64 MB),
# measured with GNU time as a whole process. Prints a Markdown paragraph for the results table.
# HANZI_BENCH_RSS_SIZE changes the input size (default 1G).
set -euo pipefail
cd "$(dirname "$0")/.."

size=${HANZI_BENCH_RSS_SIZE:-1G}
# GNU time on PATH (`type -P` skips the shell keyword `time`).
if ! type -P time >/dev/null; then
    source scripts/system-packages.sh
    install_debian_packages "bench-rss: GNU time is not on PATH" time
fi

swift build -c release --product hanzi >&2
hanzi=$(swift build -c release --show-bin-path)/hanzi
input=$(python3 scripts/bench-corpus.py "$size" --print-path)
bytes=$(stat -c %s "$input")

report=$(mktemp)
trap 'rm -f "$report"' EXIT
start=$(date +%s.%N)
"$(type -P time)" -v -o "$report" "$hanzi" clean -q "$input" >/dev/null
end=$(date +%s.%N)
peak_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$report")
python3 - "$bytes" "$peak_kb" "$start" "$end" "$size" <<'PY'
import sys
size_bytes, peak_kb, start, end, label = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
peak_mb = peak_kb * 1024 / 1e6
seconds = end - start
verdict = "meets" if peak_kb * 1024 <= 64 * 1024 * 1024 else "misses"
print(f"Streaming `hanzi clean` over the {label} corpus file ({size_bytes:,} bytes), whole process: "
      f"peak resident memory {peak_mb:.1f} MB ({peak_kb:,} KiB; {verdict} the 64 MiB target), "
      f"{seconds:.1f} s, {size_bytes / seconds / 1e6:.0f} MB/s including start-up and I/O.")
PY
