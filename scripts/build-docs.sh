#!/usr/bin/env bash
# Builds the DocC documentation of each module named on the command line with swift-docc-plugin,
# into .build/docs/MODULE, and fails on any warning (a broken symbol link, a missing page).
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
mkdir -p .build/docs
for target in "$@"; do
    log=$(mktemp)
    if ! swift package --allow-writing-to-directory .build/docs \
        generate-documentation --target "$target" --warnings-as-errors \
        --output-path ".build/docs/$target" >"$log" 2>&1; then
        cat "$log"
        echo "docs: $target has warnings or errors (above)" >&2
        status=1
    else
        grep -i "warning" "$log" && status=1
        echo "docs: $target -> .build/docs/$target"
    fi
    rm -f "$log"
done
exit $status
