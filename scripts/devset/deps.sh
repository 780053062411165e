#!/usr/bin/env bash
# Installs what building the real-PDF development set needs, where it is missing: Chromium,
# poppler-utils and the Noto CJK fonts (Debian packages), and a venv at .build/devset-venv with
# the pinned PyPI packages of requirements.txt. With --sources, also the Debian packages the
# source documents are collected from.
#
# usage: scripts/devset/deps.sh [--sources]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
VENV=.build/devset-venv
COLLECT=0
if [[ ${1:-} == --sources ]]; then COLLECT=1; fi

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
