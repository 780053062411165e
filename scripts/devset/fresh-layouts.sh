#!/usr/bin/env bash
# Scores a rejoiner on layouts it has never been run on: typesets the dev set's own documents
# again with other seeded layouts (HANZI_DEVSET_LAYOUT_SALT, see typeset.py), extracts them the
# same three ways, and scores the command on each draw. Nothing is committed: the draws live in
# .build/devset-SALT/ (built once per salt, then reused).
#
# The committed set's layouts are the ones the rejoiner's rules were written against, so its
# score overstates how the rejoiner does on a layout nobody has looked at; the fresh draws show
# the difference. Keep some salts for development and others for checking a change once.
#
# usage: scripts/devset/fresh-layouts.sh [--hyphens] [--rebuild] COMMAND SALT [SALT ...]
#   e.g. scripts/devset/fresh-layouts.sh "./.build/release/hanzi rejoin" fresh1 fresh2 fresh3
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
score_args=()
rebuild=0
while [[ ${1:-} == --* ]]; do
    case $1 in
        --hyphens) score_args+=(--hyphens) ;;
        --rebuild) rebuild=1 ;;
        *) echo "fresh-layouts: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
if [[ $# -lt 2 ]]; then
    echo "usage: scripts/devset/fresh-layouts.sh [--hyphens] [--rebuild] COMMAND SALT [SALT ...]" >&2
    exit 2
fi
command=$1
shift
VENV=.build/devset-venv
for salt in "$@"; do
    [[ $salt =~ ^[A-Za-z0-9_-]+$ ]] || { echo "fresh-layouts: a salt is letters, digits, - and _: $salt" >&2; exit 2; }
    out=.build/devset-$salt
    if [[ $rebuild == 1 || ! -s $out/fixtures/manifest.json ]]; then
        bash scripts/devset/deps.sh
        rm -rf "$out"
        mkdir -p "$out"
        HANZI_DEVSET_LAYOUT_SALT=$salt "$VENV/bin/python" scripts/devset/build.py \
            Tests/HanziTextTests/Fixtures/realpdf/sources "$out/fixtures" "$out/work" >"$out/build.log"
        python3 scripts/devset/check.py "$out/fixtures" >/dev/null
    fi
    echo "## layout draw $salt"
    python3 scripts/devset/score.py "${score_args[@]}" --fixtures "$out/fixtures" "$command"
done
