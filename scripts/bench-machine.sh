#!/usr/bin/env bash
# Describes the machine a benchmark ran on, as a Markdown paragraph.
set -euo pipefail
model=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
cores=$(nproc 2>/dev/null || echo "?")
memory=$(awk '/^MemTotal:/ { printf "%.0f GB", $2 / 1024 / 1024 }' /proc/meminfo 2>/dev/null || echo "?")
swift_version=$(swift --version 2>/dev/null | head -1)
# The package version (Debian's opencc.pc reports an older number than the library it ships).
opencc_version=$(dpkg-query -W -f='${Version}' libopencc-dev 2>/dev/null || pkg-config --modversion opencc 2>/dev/null || echo "?")
family=$(lscpu 2>/dev/null | sed -n 's/^CPU family:[[:space:]]*//p' | head -1)
cpu_model=$(lscpu 2>/dev/null | sed -n 's/^Model:[[:space:]]*//p' | head -1)
hypervisor=$(lscpu 2>/dev/null | sed -n 's/^Hypervisor vendor:[[:space:]]*//p' | head -1)
[ -n "$family" ] && model="$model (family $family, model $cpu_model)"
[ -n "$hypervisor" ] && model="$model, $hypervisor guest"
echo "Machine: ${model:-unknown CPU}, ${cores} cores, ${memory}; $(uname -sr); ${swift_version}; libopencc ${opencc_version}; $(date -u +%Y-%m-%d)."
