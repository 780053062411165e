#!/usr/bin/env bash
# compare-binaries.sh OLD NEW: runs every `hanzi` command with two binaries and compares what
# they write (standard output, standard error, exit status, and the files of --output-dir runs)
# byte for byte with cmp. The safety net for changes that must not change behaviour.
#
# Commands: clean (default, each --to, --config, --spacing, --paragraphs, --no-rejoin,
# --no-normalize, --jobs 1), rejoin (both paragraph layouts), normalize (every style times every
# spacing mode, both read from `hanzi normalize --help`), convert (every configuration
# `hanzi configs` lists), detect (plain and --json), the JSON Lines paths (--jsonl with --field,
# --skip-invalid) and --encoding.
# Inputs: the seeds (seeds/*.txt), a few adversarial inputs (empty, BOM, CRLF, no final line
# break, invalid UTF-8), the benchmark corpus (scripts/bench-corpus.py), JSON Lines made from
# the seeds, the seeds in GB18030, Big5 and UTF-16 (through iconv), and the rejoiner's generated
# documents (written by the test RejoinGeneratedDocumentsExportTests, run once and cached under
# .build/compare-binaries/).
#
# Prints one line per mismatch: COMMAND <TAB> INPUT <TAB> WHAT differs at byte offset N
# (0-based), then `N compared, M differ`. Exit status 0 when nothing differs, 1 when something
# does, 2 on a usage or set-up error.
#
# Environment: HANZI_COMPARE_CORPUS_SIZES (default "1M 16M"; bench-corpus.py sizes),
# HANZI_COMPARE_REJOIN_DOCS (a folder of documents to use instead of exporting them; "none"
# leaves them out), HANZI_COMPARE_KEEP=1 keeps the work folder (its path is printed).
set -euo pipefail

usage() { echo "usage: $0 OLD_HANZI NEW_HANZI" >&2; exit 2; }
[ $# -eq 2 ] || usage
resolve() {
    local b=$1
    if [[ $b != */* ]]; then b=$(command -v -- "$b") || { echo "compare-binaries: $1: not found" >&2; exit 2; }; fi
    [ -x "$b" ] && [ -f "$b" ] || { echo "compare-binaries: $1: not an executable file" >&2; exit 2; }
    (cd "$(dirname "$b")" && echo "$PWD/$(basename "$b")")
}
old=$(resolve "$1")
new=$(resolve "$2")

cd "$(dirname "$0")/.."
repo=$PWD
for tool in cmp python3 iconv; do
    command -v "$tool" >/dev/null || { echo "compare-binaries: $tool is not on PATH" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/compare-binaries.XXXXXX")
if [ "${HANZI_COMPARE_KEEP:-0}" = 1 ]; then
    echo "compare-binaries: work folder $work" >&2
else
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/in" "$work/out"

compared=0
differ=0

# first_difference A B: the 0-based offset of the first byte where files A and B differ.
first_difference() {
    local report
    report=$(LC_ALL=C cmp -- "$1" "$2" 2>&1 || true)
    case $report in
        *"differ: byte "*|*"differ: char "*)
            report=${report#*differ: }; report=${report#* }; report=${report%%,*}
            echo $((report - 1)) ;;
        *"EOF on"*"after byte "*|*"EOF on"*"after char "*)
            report=${report##*after }; report=${report#* }; report=${report%%,*}; report=${report%% *}
            echo "$report" ;;
        *"EOF on"*"is empty"*) echo 0 ;;
        *) echo "?($report)" ;;
    esac
}

mismatch() { # COMMAND INPUT WHAT
    differ=$((differ + 1))
    printf '%s\t%s\t%s\n' "$1" "$2" "$3"
}

# compare_files LABEL INPUT WHAT A B
compare_files() {
    compared=$((compared + 1))
    if ! cmp -s -- "$4" "$5"; then
        mismatch "$1" "$2" "$3 differs at byte offset $(first_difference "$4" "$5")"
    fi
}

# run_stdin INPUT_FILE ARGS...: both binaries read INPUT_FILE on standard input.
run_stdin() {
    local input=$1; shift
    local label="hanzi $*" name=${input#"$work/in/"}
    local o=$work/out/old n=$work/out/new rc_old=0 rc_new=0
    "$old" "$@" <"$input" >"$o.stdout" 2>"$o.stderr" || rc_old=$?
    "$new" "$@" <"$input" >"$n.stdout" 2>"$n.stderr" || rc_new=$?
    compare_files "$label" "$name" "stdout" "$o.stdout" "$n.stdout"
    compare_files "$label" "$name" "stderr" "$o.stderr" "$n.stderr"
    compared=$((compared + 1))
    [ "$rc_old" = "$rc_new" ] || mismatch "$label" "$name" "exit status $rc_old vs $rc_new"
}

# run_tree DIR ARGS...: both binaries process folder DIR recursively into an output folder;
# every output file is compared, and the lists of files.
run_tree() {
    local dir=$1; shift
    local label="hanzi $* -r --output-dir OUT" name=${dir#"$work/in/"}
    local o=$work/out/old-tree n=$work/out/new-tree rc_old=0 rc_new=0
    rm -rf "$o" "$n"
    "$old" "$@" -r --output-dir "$o" "$dir" >"$o.stdout" 2>"$o.stderr" || rc_old=$?
    "$new" "$@" -r --output-dir "$n" "$dir" >"$n.stdout" 2>"$n.stderr" || rc_new=$?
    compared=$((compared + 1))
    [ "$rc_old" = "$rc_new" ] || mismatch "$label" "$name" "exit status $rc_old vs $rc_new"
    compare_files "$label" "$name" "stdout" "$o.stdout" "$n.stdout"
    compare_files "$label" "$name" "stderr" "$o.stderr" "$n.stderr"
    (cd "$o" 2>/dev/null && find . -type f | LC_ALL=C sort) >"$o.list" || true
    (cd "$n" 2>/dev/null && find . -type f | LC_ALL=C sort) >"$n.list" || true
    compare_files "$label" "$name" "list of output files" "$o.list" "$n.list"
    local f
    while IFS= read -r f; do
        if [ -f "$n/$f" ]; then
            compare_files "$label" "$name/${f#./}" "output file" "$o/$f" "$n/$f"
        fi
    done <"$o.list"
}

# --- Inputs -------------------------------------------------------------------------------
mkdir -p "$work/in/seeds" "$work/in/edge" "$work/in/jsonl" "$work/in/encoded" "$work/in/corpus"
cp seeds/*.txt "$work/in/seeds/"
: >"$work/in/edge/empty.txt"
{ printf '\xef\xbb\xbf'; cat seeds/000_*.txt; } >"$work/in/edge/bom.txt"
sed 's/$/\r/' seeds/001_*.txt >"$work/in/edge/crlf.txt"
printf '%s' "$(head -c 3000 seeds/002_*.txt | head -n 20)" >"$work/in/edge/no-final-newline.txt"
{ head -n 5 seeds/003_*.txt; printf 'bad \xe4\xb8 byte\n'; } >"$work/in/edge/invalid-utf8.txt"
for f in seeds/*.txt; do
    base=$(basename "$f" .txt)
    iconv -f UTF-8 -t GB18030 "$f" >"$work/in/encoded/$base.gb18030"
    iconv -f UTF-8 -t UTF-16 "$f" >"$work/in/encoded/$base.utf16"
    iconv -f UTF-8 -t BIG5-HKSCS "$f" >"$work/in/encoded/$base.big5hkscs" 2>/dev/null \
        || rm -f "$work/in/encoded/$base.big5hkscs"
done

# JSON Lines: one record per seed paragraph (escaped and raw UTF-8, with a title and fields
# that are not processed), one per seed, and a file with invalid lines for --skip-invalid.
python3 - "$work/in/jsonl" seeds/*.txt <<'PY'
import json, os, sys
out, paths = sys.argv[1], sys.argv[2:]
records = []
for path in paths:
    text = open(path, encoding="utf-8").read()
    records.append({"id": os.path.basename(path), "title": text.split("\n", 1)[0], "text": text})
    for i, p in enumerate(text.split("\n\n")):
        records.append({"id": i, "text": p, "n": [1, 2.5, None, True], "meta": {"text": p[:20]}})
with open(os.path.join(out, "paragraphs.jsonl"), "w", encoding="utf-8") as f:
    for i, r in enumerate(records):
        f.write(json.dumps(r, ensure_ascii=(i % 2 == 0)) + "\n")
with open(os.path.join(out, "invalid.jsonl"), "w", encoding="utf-8") as f:
    for i, r in enumerate(records[:40]):
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
        if i % 7 == 3:
            f.write("not json\n" if i % 2 else "[1, 2]\n")
    f.write('{"text": "no final line break \\ud83d\\ude00 \\u4e2d"}')
PY

# The benchmark corpus, made and cached by bench-corpus.py as `make bench` does.
for size in ${HANZI_COMPARE_CORPUS_SIZES:-1M 16M}; do
    path=$(python3 scripts/bench-corpus.py "$size" --print-path)
    ln -s "$path" "$work/in/corpus/$(basename "$path")"
done

# The rejoiner's generated documents, exported by a test and cached by a digest of the
# generator's sources.
rejoin_docs=${HANZI_COMPARE_REJOIN_DOCS:-}
if [ -z "$rejoin_docs" ]; then
    digest=$(cat seeds/*.txt Tests/HanziTestSupport/*.swift Tests/HanziTextTests/Rejoiner/RejoinGenerat*.swift \
        | sha256sum | cut -c1-12)
    rejoin_docs=$repo/.build/compare-binaries/rejoin-documents-$digest
    if [ ! -f "$rejoin_docs/.complete" ]; then
        echo "compare-binaries: exporting the rejoiner's generated documents (builds the tests)" >&2
        rm -rf "$rejoin_docs"
        mkdir -p "$rejoin_docs"
        swift build --build-tests >&2
        HANZI_REJOIN_DOCUMENTS_DIR=$rejoin_docs \
            swift test --skip-build --filter RejoinGeneratedDocumentsExportTests >&2
        touch "$rejoin_docs/.complete"
    fi
fi
if [ "$rejoin_docs" != none ]; then
    count=$(find "$rejoin_docs" -name '*.txt' | wc -l)
    [ "$count" -gt 0 ] || { echo "compare-binaries: no documents in $rejoin_docs" >&2; exit 2; }
    mkdir -p "$work/in/rejoin-documents"
    cp "$rejoin_docs"/*.txt "$work/in/rejoin-documents/"
fi

# --- Commands -----------------------------------------------------------------------------
# Styles and spacing modes as the new binary's help lists them (`(values: a, b, c; ...)`).
help_values() { # OPTION: the values of OPTION in `hanzi normalize --help`
    local values
    values=$("$new" normalize --help | tr '\n' ' ' | sed 's/  */ /g' \
        | grep -o -- "$1 <[a-z]*> [^(]*(values: [^;)]*" | head -n 1 | sed 's/.*(values: //; s/,//g' || true)
    if [ -z "$values" ]; then # values with a description each, one per line under the option
        values=$("$new" normalize --help | awk -v opt="$1" \
            '$1 == opt { on = 1; next } on && /^        [a-z]+ +- / { print $1; next } on && /^  -/ { exit }' | paste -sd ' ')
    fi
    echo "$values"
}
styles=$(help_values --style)
spacings=$(help_values --spacing)
configs=$("$new" configs | awk '{print $1}')
[ -n "$styles" ] && [ -n "$spacings" ] && [ -n "$configs" ] \
    || { echo "compare-binaries: could not read the styles, spacing modes or configurations" >&2; exit 2; }
[ "$configs" = "$("$old" configs | awk '{print $1}')" ] \
    || mismatch "hanzi configs" "-" "the lists of configurations differ"

text_commands=(
    "clean" "clean --to simplified" "clean --to traditional" "clean --to taiwan" "clean --to hongkong"
    "clean --to simplified --from hongkong" "clean --to traditional --from japanese"
    "clean --config s2twp --style taiwan" "clean --paragraphs one-per-line" "clean --no-rejoin"
    "clean --no-normalize" "clean --jobs 1" "clean --spacing insert" "clean --spacing keep"
    "rejoin" "rejoin --paragraphs one-per-line" "rejoin --jobs 1"
)
for style in $styles; do
    for spacing in $spacings; do text_commands+=("normalize --style $style --spacing $spacing"); done
done
for config in $configs; do text_commands+=("convert -c $config"); done

text_inputs=("$work"/in/seeds/*.txt "$work"/in/edge/* "$work"/in/corpus/*)
for input in "${text_inputs[@]}"; do
    for c in "${text_commands[@]}"; do
        # shellcheck disable=SC2086 # the command's words are split on purpose
        run_stdin "$input" $c -q
    done
    run_stdin "$input" detect
    run_stdin "$input" detect --json
done

jsonl_commands=(
    "clean --jsonl" "clean --jsonl --field text --field title" "clean --jsonl --to traditional"
    "rejoin --jsonl" "normalize --jsonl --style taiwan --field title" "convert --jsonl -c s2twp"
    "clean --jsonl --skip-invalid" "convert --jsonl --skip-invalid -c t2s --field text --field title"
)
for input in "$work"/in/jsonl/*.jsonl; do
    for c in "${jsonl_commands[@]}"; do
        # shellcheck disable=SC2086
        run_stdin "$input" $c -q
    done
done
# A whole JSON Lines file made of the generated documents, through the parallel path.
if [ -d "$work/in/rejoin-documents" ]; then
    python3 - "$work/in/rejoin-documents" >"$work/in/jsonl-documents.jsonl" <<'PY'
import json, os, sys
folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        print(json.dumps({"name": name, "text": f.read()}, ensure_ascii=False))
PY
    for c in "clean --jsonl" "rejoin --jsonl" "clean --jsonl --to hongkong --jobs 1"; do
        # shellcheck disable=SC2086
        run_stdin "$work/in/jsonl-documents.jsonl" $c -q
    done
fi

for input in "$work"/in/encoded/*; do
    case $input in
        *.gb18030) encoding=gb18030 ;;
        *.utf16) encoding=utf-16 ;;
        *.big5hkscs) encoding=big5-hkscs ;;
    esac
    run_stdin "$input" clean -q --encoding "$encoding"
    run_stdin "$input" detect --encoding "$encoding"
done

# The generated documents, and the seeds as a folder: every command over a folder at once.
tree_commands=("clean" "clean --to taiwan" "rejoin" "rejoin --paragraphs one-per-line")
for style in $styles; do tree_commands+=("normalize --style $style"); done
for config in $configs; do tree_commands+=("convert -c $config"); done
for dir in "$work/in/rejoin-documents" "$work/in/seeds"; do
    [ -d "$dir" ] || continue
    for c in "${tree_commands[@]}"; do
        # shellcheck disable=SC2086
        run_tree "$dir" $c -q
    done
done
if [ -d "$work/in/rejoin-documents" ]; then
    (cd "$work/in" && "$old" detect rejoin-documents/*.txt >"$work/out/old.detect" 2>&1) || true
    (cd "$work/in" && "$new" detect rejoin-documents/*.txt >"$work/out/new.detect" 2>&1) || true
    compare_files "hanzi detect FILES" "rejoin-documents" "stdout and stderr" \
        "$work/out/old.detect" "$work/out/new.detect"
fi

echo "$compared compared, $differ differ"
[ "$differ" -eq 0 ]
