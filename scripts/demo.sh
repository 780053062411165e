#!/usr/bin/env bash
# The main job on the bundled seeds, with short before/after excerpts. Run by `make demo`
# (which builds .build/release/hanzi first). Outputs go to out/ (not committed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

HANZI=${HANZI:-.build/release/hanzi}
if [[ ! -x $HANZI ]]; then
    echo "demo: $HANZI is missing; build it with: make release" >&2
    exit 1
fi
mkdir -p out

seed() { ls seeds/"$1"_*.txt; }

# The first N bytes of a file, without a character cut in half.
excerpt() {
    { head -c "$2" "$1" | iconv -c -f UTF-8 -t UTF-8 2>/dev/null; } || true
    echo " …"
}

show() {  # show TITLE INPUT OUTPUT [BYTES]
    local bytes=${4:-330}
    printf '\n=== %s\n' "$1"
    printf -- '--- before (%s)\n' "$2"
    excerpt "$2" "$bytes"
    printf -- '--- after (%s)\n' "$3"
    excerpt "$3" "$bytes"
}

echo "hanzi detect seeds/*.txt"
"$HANZI" detect seeds/*.txt

# The Hong Kong seed to Simplified, mainland punctuation (the style follows --to).
hk=$(seed 003)
"$HANZI" clean --to simplified "$hk" -o out/003.simplified.txt
show "hanzi clean --to simplified $hk" "$hk" out/003.simplified.txt

# The column-broken Simplified seeds: rejoined and normalised.
"$HANZI" clean "$(seed 000)" "$(seed 001)" "$(seed 004)" --output-dir out/clean
for n in 000 001 004; do
    f=$(seed "$n")
    bytes=260
    [[ $n == 004 ]] && bytes=700  # past the headings, into the wrapped body
    show "hanzi clean $f" "$f" "out/clean/$(basename "$f")" "$bytes"
done

# Script conversion alone, byte for byte what libopencc gives.
f=$(seed 002)
"$HANZI" convert -c s2tw "$f" -o out/002.s2tw.txt
show "hanzi convert -c s2tw $f" "$f" out/002.s2tw.txt 200

printf '\nOutputs are in out/: %s\n' "$(cd out && find . -type f | sed 's|^\./||' | sort | tr '\n' ' ')"
