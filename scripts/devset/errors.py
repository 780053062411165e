#!/usr/bin/env python3
"""List the rejoiner's paragraph-boundary errors on the real-PDF development set.

usage: errors.py [--fixtures DIR] [--only fp|fn] [--pair SUBSTRING] COMMAND

For every false break (FP: the candidate breaks where the gold does not) and missed break
(FN: the gold breaks where the candidate does not), prints the pair, the kind of error and
the two input lines around the break, so that errors can be grouped into classes.
"""
import argparse
import json
import subprocess
from pathlib import Path

import score


def line_index(text):
    """Maps each non-white-space character index (as in score.gaps_of) to its input line."""
    idx, line = [], 0
    for ch in text:
        if ch == "\n":
            line += 1
        elif not ch.isspace():
            idx.append(line)
    return idx


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command")
    ap.add_argument("--fixtures", default=str(Path(__file__).resolve().parents[2]
                                              / "Tests/HanziTextTests/Fixtures/realpdf"))
    ap.add_argument("--only", choices=["fp", "fn"])
    ap.add_argument("--pair", default="")
    args = ap.parse_args()
    root = Path(args.fixtures)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    for pair in manifest:
        if args.pair not in pair:
            continue
        inp = (root / f"{pair}.txt").read_text(encoding="utf-8")
        gold = (root / f"{pair}.gold.txt").read_text(encoding="utf-8")
        p = subprocess.run(["bash", "-c", args.command], input=inp.encode("utf-8"), capture_output=True)
        cand = p.stdout.decode("utf-8", errors="replace")
        ic, ig = score.gaps_of(inp)
        gc, gg = score.gaps_of(gold)
        cc, cg = score.gaps_of(cand)
        in_to_gold, _ = score.matched(ic, gc)
        in_to_cand, _ = score.matched(ic, cc)
        gold_to_in = {g: i for i, g in in_to_gold.items()}
        lines = inp.split("\n")
        lidx = line_index(inp)
        for g in range(1, len(gc)):
            a, b = gold_to_in.get(g - 1), gold_to_in.get(g)
            if a is None or b is None:
                continue
            ca, cb = in_to_cand.get(a), in_to_cand.get(b)
            if ca is None or cb is None or cb <= ca:
                continue
            cls = max(cg[k] for k in range(ca + 1, cb + 1))
            gold_break = gg[g] == score.BREAK
            cand_break = cls == score.BREAK
            if gold_break == cand_break:
                continue
            kind = "fp" if cand_break else "fn"
            if args.only and args.only != kind:
                continue
            la, lb = lidx[a], lidx[b]
            print(f"{kind.upper()} {pair} line {la + 1}")
            for k in range(max(0, la - 1), min(len(lines), lb + 2)):
                mark = ">" if k in (la, lb) else " "
                print(f"   {mark}{k + 1:4d}| {lines[k]}")


if __name__ == "__main__":
    main()
