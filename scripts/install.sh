#!/usr/bin/env bash
# Installs hanzi under a prefix: bin/hanzi, share/man/man1/hanzi.1, and the shell completions
# where bash-completion, zsh and fish look for them under that prefix.
# Usage: scripts/install.sh PREFIX [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:?usage: install.sh PREFIX [BINARY]}
binary=${2:-.build/static/hanzi}
[[ -x $binary ]] || { echo "install: $binary is missing; run make static" >&2; exit 1; }

install -d "$prefix/bin" "$prefix/share/man/man1" \
    "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" \
    "$prefix/share/fish/vendor_completions.d"
install -m 755 "$binary" "$prefix/bin/hanzi"
# without its symbols: a statically linked binary is 35 MB with them, 20 MB without
if command -v strip >/dev/null 2>&1; then strip "$prefix/bin/hanzi"; fi
"$binary" generate-manual >"$prefix/share/man/man1/hanzi.1"
chmod 644 "$prefix/share/man/man1/hanzi.1"
"$binary" --generate-completion-script bash >"$prefix/share/bash-completion/completions/hanzi"
"$binary" --generate-completion-script zsh >"$prefix/share/zsh/site-functions/_hanzi"
"$binary" --generate-completion-script fish >"$prefix/share/fish/vendor_completions.d/hanzi.fish"
echo "installed hanzi $("$binary" --version | head -1 | cut -d' ' -f2) under $prefix"
