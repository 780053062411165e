#!/usr/bin/env bash
# Compares `hanzi normalize` of two builds byte for byte, for every style and spacing option,
# on the seeds, their gold paragraphs and generated text (scripts/normalize-corpus.py).
#
# usage: scripts/compare-normalize.sh OLD_BINARY NEW_BINARY [OUT_DIR]
# Prints one line per input and configuration; differing outputs are kept in OUT_DIR
# (default .build/compare-normalize) with a unified diff. Exit status 1 when any differ.
set -euo pipefail
old=$1 new=$2 out=${3:-.build/compare-normalize}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
python3 "$root/scripts/normalize-corpus.py" 2000000 "$out/generated.txt"
inputs=("$root"/seeds/*.txt "$root"/seeds/gold/*.txt "$out/generated.txt")
styles=$("$new" normalize --help | awk '/--style/{on=1;next} on&&/^  --/{on=0} on&&/^        [a-z]/{print $1}')
status=0
for input in "${inputs[@]}"; do
  for style in $styles; do
    for spacing in remove insert keep; do
      name="$(basename "$input" .txt).$style.$spacing"
      args=(normalize --style "$style" --spacing "$spacing")
      "$old" "${args[@]}" < "$input" > "$out/$name.old"
      "$new" "${args[@]}" < "$input" > "$out/$name.new"
      if cmp -s "$out/$name.old" "$out/$name.new"; then
        rm -f "$out/$name.old" "$out/$name.new"
      else
        diff -U0 "$out/$name.old" "$out/$name.new" > "$out/$name.diff" || true
        echo "DIFFERS $name: $(grep -c '^-' "$out/$name.diff") lines (see $out/$name.diff)"
        status=1
      fi
    done
  done
done
[[ $status == 0 ]] && echo "identical: ${#inputs[@]} inputs x every style and spacing"
exit $status
