#!/usr/bin/env bash
# Rebuilds the real-PDF development set (Tests/HanziTextTests/Fixtures/realpdf): typesets every
# source document with headless Chromium, extracts each PDF with pdftotext, pdftotext -raw and
# PyMuPDF, and derives and checks the golds. Installs what it needs (Debian packages, and a venv
# at .build/devset-venv with pinned PyPI packages). PDFs stay in .build/devset.
#
# usage: scripts/devset/build.sh [--sources] [NAME ...]
#   --sources  first collect the source documents again from the Debian packages
#              (collect_sources.py); without it the committed sources/ are used
#   NAME       rebuild only these documents (e.g. technical03)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
FIX=Tests/HanziTextTests/Fixtures/realpdf
VENV=.build/devset-venv
COLLECT=0
if [[ ${1:-} == --sources ]]; then COLLECT=1; shift; fi

if [[ $COLLECT == 1 ]]; then
    bash scripts/devset/deps.sh --sources
    python3 scripts/devset/collect_sources.py "$FIX/sources"
else
    bash scripts/devset/deps.sh
fi
"$VENV/bin/python" scripts/devset/build.py "$FIX/sources" "$FIX" .build/devset "$@"
python3 scripts/devset/check.py "$FIX"
