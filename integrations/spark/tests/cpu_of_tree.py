#!/usr/bin/env python3
"""Runs a command and reports the CPU seconds (user + system) of it and all its descendants.

    python cpu_of_tree.py -- spark-submit ...

Linux only: samples /proc every 0.2 s and keeps each process's last reading, so a process that
lives less than 0.2 s may be missed (Spark's JVM and Python workers live for the whole run; a
hanzi worker lives for its partition). Used for the Spark figures in BENCHMARKS.md, where the
machine is shared and wall times say little.
"""
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def children_map():
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parents[int(name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS)
            except (OSError, IndexError):
                pass
    return parents


def main():
    command = sys.argv[sys.argv.index("--") + 1:]
    start = time.monotonic()
    process = subprocess.Popen(command)
    seen = {}
    while process.poll() is None:
        table = children_map()
        tree = {process.pid}
        changed = True
        while changed:
            changed = False
            for pid, (parent, _) in table.items():
                if parent in tree and pid not in tree:
                    tree.add(pid)
                    changed = True
        for pid in tree:
            if pid in table:
                seen[pid] = max(seen.get(pid, 0), table[pid][1])
        time.sleep(0.2)
    print(f"cpu_of_tree: {sum(seen.values()):.1f} s CPU in {len(seen)} processes, {time.monotonic() - start:.1f} s wall, "
          f"exit {process.returncode}", file=sys.stderr)
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())
