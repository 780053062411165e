#!/usr/bin/env bash
# `make diffcheck`: the long differential run (not in CI). For every configuration family, at
# least HANZI_DIFFCHECK_MB (default 100) MB of generated adversarial text, split evenly over
# the family's configurations, is converted by the native engine and by its oracle, and the
# outputs are compared byte for byte:
# - installed data (14 configurations): against libopencc itself;
# - bundled data (16 configurations): against OpenCC 1.4.2 (PyPI `opencc`, in .build/venv).
# The results go into BENCHMARKS.md, section "Differential check", and to standard output.
# Exits non-zero when any output differs (the test log names configuration, byte offset, both
# outputs and a shrunk reproducer).
#
# Environment: HANZI_DIFFCHECK_MB (default 100), HANZI_DIFFCHECK_FILTER (a test filter, default
# both data sets: "systemDataAgainstLibopencc|bundledDataAgainstOpenCC142").
set -euo pipefail
cd "$(dirname "$0")/.."

megabytes=${HANZI_DIFFCHECK_MB:-100}
filter=${HANZI_DIFFCHECK_FILTER:-systemDataAgainstLibopencc|bundledDataAgainstOpenCC142}
bash scripts/install-deps.sh
bash scripts/setup-python.sh

# Release build of the tests: the engines run at full speed. -enable-testing because some test
# targets use @testable imports.
swift build -c release --build-tests -Xswiftc -enable-testing >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
report="$work/report.md"
: >"$report"
start=$(date +%s)
status=0
HANZI_DIFFCHECK_BYTES=$((megabytes * 1000 * 1000)) HANZI_DIFFCHECK_REPORT="$report" \
    swift test -c release --skip-build --filter "DiffCheckTests.($filter)" 2>&1 | tee "$work/log" |
    grep -E "✘|differs from|shrunk|^ +(libopencc|OpenCC 1.4.2|native)|Test run" >&2 || true
grep -q "✘" "$work/log" && status=1
grep -q "Test run with .* passed" "$work/log" || status=1
seconds=$(( $(date +%s) - start ))

libopencc=$(dpkg-query -W -f '${Version}' libopencc1.1 2>/dev/null || pkg-config --modversion opencc)
section="$work/section.md"
{
    echo "## Differential check (\`make diffcheck\`)"
    echo
    echo "Native engine against its oracle, byte for byte, on generated adversarial text (dictionary"
    echo "keys, their prefixes and suffixes, overlapping phrases, keys cut at segment edges, ASCII,"
    echo "punctuation, emoji, NUL, CJK compatibility ideographs, ideographic description sequences, long"
    echo "runs without a match): at least $megabytes MB per configuration family, split evenly over the"
    echo "family. Installed data against libopencc $libopencc; bundled data against OpenCC 1.4.2 (PyPI)."
    echo "Run on $(date -u +%Y-%m-%d), $(nproc) cores (load average $(cut -d" " -f1-3 /proc/loadavg) at the end), $seconds s in all (release build)."
    echo
    echo "| data | family | config | oracle | MB compared | mismatches | native MB/s | oracle MB/s |"
    echo "| --- | --- | --- | --- | ---: | ---: | ---: | ---: |"
    sort -u "$report"
    echo
    sort -u "$report" | awk -F'|' '{ mb += $6; bad += $7; n++ } END {
        printf "%d configuration runs, %.0f MB compared, %d mismatching pieces.\n", n, mb, bad }'
    echo
    echo "MB/s are in-process figures on one core while the other runs in parallel: the native engine's"
    echo "conversion call; libopencc's \`opencc_convert_utf8\`; OpenCC 1.4.2 including its Python process"
    echo "start and file I/O per 8 MB piece. The speed comparison proper is in the benchmark table above."
} >"$section"
cat "$section"

# Replace the section in BENCHMARKS.md (or append it), keeping everything else.
python3 - "$section" <<'PY'
import re, sys
section = open(sys.argv[1], encoding="utf-8").read()
path = "BENCHMARKS.md"
text = open(path, encoding="utf-8").read()
begin, end = "<!-- diffcheck:begin -->", "<!-- diffcheck:end -->"
block = f"{begin}\n{section.rstrip()}\n{end}"
if begin in text and end in text:
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
else:
    text = text.rstrip() + "\n\n" + block + "\n"
open(path, "w", encoding="utf-8").write(text)
PY
exit $status
