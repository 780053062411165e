#!/usr/bin/env bash
# Computes, from the bundled OpenCC data (Tables/opencc), what a process would otherwise compute
# at start-up, and embeds it in the binary:
# - every bundled configuration compiled into the image the native engine loads instead of
#   compiling the text dictionaries: Sources/COpenCCData/OpenCCCompiled.c;
# - the script detector's character classes, read from eight text dictionaries:
#   Sources/COpenCCData/DetectionClasses.c.
# The computing is the package's own code, run through the tests that check each image is
# current (PrecompiledTablesTests, StoredDetectionClassesTests); `make tables` runs this.
#
#     bash scripts/generate-opencc-compiled.sh
set -euo pipefail
cd "$(dirname "$0")/.."
image=$(mktemp)
detection=$(mktemp)
trap 'rm -f "$image" "$detection"' EXIT
HANZI_WRITE_COMPILED_TABLES="$image" swift test --filter 'PrecompiledTablesTests/theEmbeddedImageIsCurrent' >/dev/null
test -s "$image" || { echo "generate-opencc-compiled: no image was written" >&2; exit 1; }
python3 scripts/generate-opencc-compiled.py "$image"
HANZI_WRITE_DETECTION_CLASSES="$detection" swift test --filter 'StoredDetectionClassesTests/theEmbeddedClassesAreCurrent' >/dev/null
test -s "$detection" || { echo "generate-opencc-compiled: no detection classes were written" >&2; exit 1; }
python3 scripts/generate-opencc-compiled.py "$detection" --detection
