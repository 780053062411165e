#!/usr/bin/env bash
# Installs hanzi into a temporary prefix and checks what `make install` promises: the binary
# runs, the man page is there and renders at 80 columns, and the bash and fish completions
# complete file names (`hanzi clean artic<TAB>`) and the values of -c, --encoding, --style and
# --to; the zsh completion script is checked for syntax. A shell that is not installed is
# skipped with a note (bash is always checked).
# Usage: scripts/check-install.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-.build/release/hanzi}")
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
failures=0
fail() { echo "check-install: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "check-install: ok: $*"; }

bash "$root/scripts/install.sh" "$prefix" "$binary" >/dev/null
for file in bin/hanzi share/man/man1/hanzi.1 share/bash-completion/completions/hanzi \
    share/zsh/site-functions/_hanzi share/fish/vendor_completions.d/hanzi.fish; do
    [[ -s $prefix/$file ]] && pass "installed $file" || fail "$file is missing"
done
"$prefix/bin/hanzi" --version | grep -q "^hanzi [0-9]" && pass "installed binary runs" || fail "hanzi --version"
if command -v man >/dev/null; then
    # wc -L measures display columns (a CJK character takes two).
    widest=$(MANWIDTH=80 man -l "$prefix/share/man/man1/hanzi.1" 2>/dev/null | wc -L)
    [[ $widest -le 80 ]] && pass "man page fits 80 columns" || fail "man page: a line is $widest columns wide"
    widest=$(COLUMNS=80 "$prefix/bin/hanzi" --help | wc -L)
    [[ $widest -le 80 ]] && pass "hanzi --help fits 80 columns" || fail "hanzi --help: a line is $widest columns wide"
fi

# A folder to complete in: `artic` must become article.txt (and not the other file).
mkdir "$work/files" && cd "$work/files"
touch article.txt notes.md

# expect_words SHELL LINE WORD... : each WORD is among the completions of LINE.
expect_words() {
    local shell=$1 line=$2 got; shift 2
    got=$(complete_in_"$shell" "$line")
    for word in "$@"; do
        if grep -qx -- "$word" <<<"$got"; then pass "$shell: '$line' offers $word"
        else fail "$shell: '$line' does not offer $word (got: $(tr '\n' ' ' <<<"$got"))"; fi
    done
}

complete_in_bash() {
    bash --norc --noprofile -c '
        source_if() { [[ -f $1 ]] && source "$1"; }
        # bash-completion helpers, when installed (found through pkg-config, else its usual home).
        dir=$(pkg-config --variable=datadir bash-completion 2>/dev/null || true)
        source_if "${dir:-/usr/share}/bash-completion/bash_completion" 2>/dev/null || true
        source "$1"
        read -r -a COMP_WORDS <<<"$2"
        [[ $2 == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE=$2; COMP_POINT=${#2}
        _hanzi "hanzi" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"
    ' _ "$prefix/share/bash-completion/completions/hanzi" "$1" | sed 's/ *$//'
}

complete_in_fish() {
    HOME="$work" fish --no-config -c "source $prefix/share/fish/vendor_completions.d/hanzi.fish; complete -C '$1'" \
        | cut -f1
}

for shell in bash fish; do
    if ! command -v "$shell" >/dev/null; then echo "check-install: $shell is not installed; skipped"; continue; fi
    expect_words "$shell" "hanzi clean artic" article.txt
    expect_words "$shell" "hanzi convert -c " s2t s2tw hk2s
    expect_words "$shell" "hanzi clean --encoding " gb18030 big5-hkscs utf-16
    expect_words "$shell" "hanzi clean --style " mainland taiwan hongkong
    expect_words "$shell" "hanzi clean --to " simplified traditional taiwan hongkong
done
if command -v zsh >/dev/null; then
    zsh -n "$prefix/share/zsh/site-functions/_hanzi" && pass "zsh: completion script parses" || fail "zsh: syntax"
else
    echo "check-install: zsh is not installed; skipped"
fi

[[ $failures -eq 0 ]] || { echo "check-install: $failures failure(s)" >&2; exit 1; }
echo "check-install: all checks passed"
