#!/usr/bin/env bash
# Compiles every bundled OpenCC configuration (Tables/opencc) into the image the native engine
# loads at start-up instead of compiling the text dictionaries, and embeds it in the binary:
# Sources/COpenCCData/OpenCCCompiled.c. The compiling is the engine's own code, run through the
# test that checks the image is current (PrecompiledTablesTests); `make tables` runs this.
#
#     bash scripts/generate-opencc-compiled.sh
set -euo pipefail
cd "$(dirname "$0")/.."
image=$(mktemp)
trap 'rm -f "$image"' EXIT
HANZI_WRITE_COMPILED_TABLES="$image" swift test --filter 'PrecompiledTablesTests/theEmbeddedImageIsCurrent' >/dev/null
test -s "$image" || { echo "generate-opencc-compiled: no image was written" >&2; exit 1; }
python3 scripts/generate-opencc-compiled.py "$image"
