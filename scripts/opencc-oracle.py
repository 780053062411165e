#!/usr/bin/env python3
"""Converts files with OpenCC 1.4.2 (PyPI `opencc`), the oracle of the native engine's tests.

    .build/venv/bin/python scripts/opencc-oracle.py CONFIG INPUT OUTPUT [INPUT OUTPUT ...]

CONFIG is a configuration name (`s2t`) or a configuration file path. Each INPUT is read as
UTF-8 bytes and its conversion written to OUTPUT. OpenCC ends a segment at a NUL byte and drops
the rest of that segment; Hanzi keeps NULs and converts the text between them, so the oracle
converts each NUL-free run on its own and keeps the NULs. Run by the tests (see
Tests/OpenCCTests/Native/OpenCC142Oracle.swift) with the interpreter of .build/venv, which
scripts/setup-python.sh creates.
"""
import sys

import opencc


def main() -> int:
    if len(sys.argv) < 4 or len(sys.argv) % 2 != 0:
        print(__doc__, file=sys.stderr)
        return 2
    converter = opencc.OpenCC(sys.argv[1])
    pairs = sys.argv[2:]
    for index in range(0, len(pairs), 2):
        with open(pairs[index], "rb") as handle:
            text = handle.read().decode("utf-8")
        with open(pairs[index + 1], "wb") as handle:
            runs = text.split("\0")
            handle.write("\0".join(converter.convert(run) if run else "" for run in runs).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
