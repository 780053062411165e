#!/usr/bin/env python3
"""Check that every gold keeps its extraction's characters.

usage: check.py FIXTURES_DIR

For each NAME.txt / NAME.gold.txt pair: the gold's non-white-space characters must be the
extraction's, in order, except typesetter hyphens, which the gold drops. A dropped character
must be a hyphen ('-' or U+2010) that ends an extraction line, directly after a Latin letter
and before a Latin letter on the next line. The gold must be paragraphs separated by exactly
one blank line, with no space at a line's start or end, and end with one newline.
Exit status 1 if any pair fails.
"""
import sys
import unicodedata
from pathlib import Path

HYPHENS = "-\u2010"


def latin(ch):
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


def stream(text):
    """[(char, gap_has_newline_before)] for the non-white-space characters."""
    out, nl = [], False
    for ch in text:
        if ch.isspace():
            nl = nl or ch in "\n\r\f\v"
            continue
        out.append((ch, nl))
        nl = False
    return out


def check_pair(extraction, gold_text):
    """A list of problems (empty when the gold is right)."""
    problems = []
    a, b = stream(extraction), stream(gold_text)
    i = j = 0
    while i < len(a) or j < len(b):
        if i < len(a) and j < len(b) and a[i][0] == b[j][0]:
            i += 1
            j += 1
            continue
        if (i < len(a) and a[i][0] in HYPHENS and 0 < i < len(a) - 1 and latin(a[i - 1][0])
                and a[i + 1][1] and latin(a[i + 1][0])):
            i += 1  # a dropped typesetter hyphen
            continue
        where = "".join(c for c, _ in a[max(0, i - 10):i + 10])
        problems.append(f"character {i}: extraction {a[i][0] if i < len(a) else 'END'!r} vs gold "
                        f"{b[j][0] if j < len(b) else 'END'!r} near {where!r}")
        break
    if not gold_text.endswith("\n") or gold_text.endswith("\n\n"):
        problems.append("gold does not end with exactly one newline")
    for para in gold_text[:-1].split("\n\n"):
        if not para or "\n" in para or para != para.strip():
            problems.append(f"malformed paragraph {para[:30]!r}")
            break
    return problems


def main():
    root = Path(sys.argv[1])
    bad = n = 0
    for g in sorted(root.glob("*.gold.txt")):
        x = g.with_name(g.name[: -len(".gold.txt")] + ".txt")
        n += 1
        problems = check_pair(x.read_text(encoding="utf-8"), g.read_text(encoding="utf-8"))
        if problems:
            bad += 1
            print(f"{g.name}: {problems[0]}")
    print(f"{n - bad} passed, {bad} failed")
    sys.exit(1 if bad or n == 0 else 0)


if __name__ == "__main__":
    main()
