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

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
fc-list | grep -q "Noto Sans CJK" || need+=(fonts-noto-cjk)
fc-list | grep -q "Noto Serif CJK" || need+=(fonts-noto-cjk-extra)
if [[ $COLLECT == 1 ]]; then
    for p in fortunes-zh debian-faq-zh-cn libreoffice-help-zh-tw; do
        dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
    done
fi
if [[ ${#need[@]} -gt 0 ]]; then
    echo "installing: ${need[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi
if [[ ! -x $VENV/bin/python ]] || ! $VENV/bin/python -c 'import pymupdf, pyphen' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q -r scripts/devset/requirements.txt
fi
if [[ $COLLECT == 1 ]]; then
    python3 scripts/devset/collect_sources.py "$FIX/sources"
fi
"$VENV/bin/python" scripts/devset/build.py "$FIX/sources" "$FIX" .build/devset "$@"
python3 scripts/devset/check.py "$FIX"
