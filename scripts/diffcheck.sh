#!/usr/bin/env bash
# `make diffcheck`: the long differential run (not in CI). For every configuration family, at
# least HANZI_DIFFCHECK_MB (default 100) MB of generated adversarial text, split evenly over
# the family's configurations, is written to a file and converted by the release `hanzi
# convert` as a user runs it (streaming, all cores), and compared byte for byte with its oracle:
# - bundled data (16 configurations): OpenCC 1.4.2 (PyPI `opencc`, in .build/venv);
# - installed data (the configurations libopencc has): the `opencc` command (libopencc).
# See scripts/diffcheck.py for the text and how the oracles are run. The results go into
# BENCHMARKS.md, section "Differential check", and to standard output. Exits non-zero when any
# output differs (the first difference is printed with its byte offset).
#
# Environment: HANZI_DIFFCHECK_MB (default 100), HANZI_DIFFCHECK_CONFIGS (comma-separated,
# default all), HANZI_DIFFCHECK_SEED.
set -euo pipefail
cd "$(dirname "$0")/.."

megabytes=${HANZI_DIFFCHECK_MB:-100}
bash scripts/install-deps.sh
bash scripts/setup-python.sh
swift build -c release --product hanzi >&2
hanzi=$(swift build -c release --show-bin-path)/hanzi
venv=${HANZI_VENV:-.build/venv}

# Debian's libopencc 1.1.6 calls itself 1.1.5 to pkg-config; the package version is the truth.
libopencc=$(dpkg-query -W -f '${Version}' libopencc1.1 2>/dev/null | sed 's/[+-].*//' || true)
[ -n "$libopencc" ] || libopencc=$(pkg-config --modversion opencc 2>/dev/null || echo "?")
export HANZI_LIBOPENCC_VERSION=$libopencc

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
report="$work/report.md"
start=$(date +%s)
status=0
python3 scripts/diffcheck.py "$hanzi" "$venv/bin/python" "$report" --mb "$megabytes" \
    --configs "${HANZI_DIFFCHECK_CONFIGS:-}" --seed "${HANZI_DIFFCHECK_SEED:-20241}" || status=$?
seconds=$(( $(date +%s) - start ))

section="$work/section.md"
{
    echo "## Differential check (\`make diffcheck\`)"
    echo
    echo "\`hanzi convert\` (release build, streaming, all cores) against its oracle, byte for byte, on"
    echo "generated adversarial text (dictionary keys, their prefixes and suffixes, values, overlapping"
    echo "phrases, ASCII, punctuation, emoji, CJK compatibility ideographs, ideographic description"
    echo "sequences nested, incomplete and over line breaks, LF, CR LF and blank lines, long runs without a"
    echo "match): $megabytes MB per configuration family, split evenly over the family. Bundled data"
    echo "against OpenCC 1.4.2 (PyPI); installed data against the \`opencc\` command (libopencc $libopencc)."
    echo "NUL is left out here (OpenCC 1.4.2 drops the rest of a segment after one); the exactness tests in"
    echo "\`make test\` cover it. Run on $(date -u +%Y-%m-%d), $(nproc) cores (load average"
    echo "$(cut -d" " -f1-3 /proc/loadavg) at the end), $seconds s in all, generation included."
    echo
    echo "| data | family | config | oracle | MB compared | identical | hanzi MB/s | oracle MB/s |"
    echo "| --- | --- | --- | --- | ---: | --- | ---: | ---: |"
    cat "$report"
    echo
    awk -F'|' '{ mb += $6; if ($7 ~ /no/) bad++; n++ } END {
        printf "%d configuration runs, %.0f MB compared, %d differing.\n", n, mb, bad }' "$report"
    echo
    echo "MB/s are whole processes (start-up, loading and file I/O included) on a shared machine:"
    echo "\`hanzi convert\` on all cores; OpenCC 1.4.2 in one Python process per configuration; the"
    echo "\`opencc\` command once per 1 MB piece. The speed comparison proper is in the tables above."
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
