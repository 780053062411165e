#!/usr/bin/env bash
# Sets up the Python virtual environment the tests and comparison scripts use as an oracle:
# OpenCC 1.4.2, the C++ OpenCC as a Python module (PyPI `opencc`), in .build/venv.
#
# Idempotent: when the environment already imports opencc 1.4.2 it returns at once; otherwise it
# (re)creates the environment and installs the pinned package. Prints nothing on success unless
# it installs. Environment: HANZI_VENV (default .build/venv, relative to the repository root),
# PYTHON (default: python3 on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${HANZI_VENV:-.build/venv}
package="opencc==1.4.2"
version=1.4.2

ready() {
    [ -x "$venv/bin/python" ] &&
        "$venv/bin/python" -c "import opencc, sys; sys.exit(opencc.__version__ != '$version')" >/dev/null 2>&1
}

ready && exit 0

python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null 2>&1; then
    echo "hanzi: $python not found; install Python 3 (Debian: apt-get install python3 python3-venv)" >&2
    exit 1
fi

mkdir -p "$(dirname "$venv")"
# Two set-ups at once (make test in two shells) must not interleave.
lock="$venv.lock"
if command -v flock >/dev/null 2>&1; then
    exec 9>"$lock"
    flock 9
    ready && exit 0
fi

echo "Setting up $venv with $package..." >&2
rm -rf "$venv"
if ! "$python" -m venv "$venv" >/dev/null 2>&1; then
    rm -rf "$venv"
    # Debian and Ubuntu keep venv in a package of its own.
    source scripts/system-packages.sh
    install_debian_packages "hanzi: '$python -m venv' failed" python3-venv
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --disable-pip-version-check --quiet "$package"

if ! ready; then
    echo "hanzi: $venv does not import opencc $version after installing $package" >&2
    exit 1
fi
