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
    pkgs=(libopencc-dev opencc pkg-config)
    if command -v apt-get >/dev/null 2>&1; then
        if [ "$(id -u)" -eq 0 ]; then
            sudo=()
        elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo)
        else
            echo "hanzi: missing ${pkgs[*]}; install them with: sudo apt-get install -y ${pkgs[*]}" >&2
            exit 1
        fi
        echo "Installing ${pkgs[*]} with apt-get..." >&2
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${pkgs[@]}" >/dev/null
    else
        echo "hanzi: missing libopencc (headers and library), the opencc command and pkg-config; install them with your package manager" >&2
        exit 1
    fi
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
