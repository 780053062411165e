#!/usr/bin/env bash
# Installs what Hanzi needs from the system when it is missing: libopencc with its headers
# and dictionaries, the opencc command (the reference the tests compare against), pkg-config.
# Debian/Ubuntu: apt-get (as root, or through sudo). macOS: Homebrew.
set -euo pipefail

have_all() {
    command -v pkg-config >/dev/null 2>&1 &&
        pkg-config --exists opencc 2>/dev/null &&
        command -v opencc >/dev/null 2>&1
}

have_all && exit 0

case "$(uname -s)" in
Linux)
    source "$(dirname "$0")/system-packages.sh"
    install_debian_packages "hanzi: missing libopencc (headers and library), the opencc command or pkg-config" \
        libopencc-dev opencc pkg-config
    ;;
Darwin)
    if command -v brew >/dev/null 2>&1; then
        echo "Installing opencc and pkg-config with Homebrew..." >&2
        brew install opencc pkg-config
    else
        echo "hanzi: missing opencc; install Homebrew, then: brew install opencc pkg-config" >&2
        exit 1
    fi
    ;;
*)
    echo "hanzi: missing libopencc and the opencc command; install them with your package manager" >&2
    exit 1
    ;;
esac

have_all || { echo "hanzi: opencc is still not found by pkg-config after installing" >&2; exit 1; }
