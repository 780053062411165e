#!/usr/bin/env python3
"""Score a rejoiner (a command, stdin -> stdout) on the real-PDF development set.

usage: score.py [--fixtures DIR] [--pairs] [--hyphens] [--out DIR] [--gold-as-input] COMMAND
       score.py --self-test [--fixtures DIR]

COMMAND is run with `bash -c` once per extraction NAME__X.txt in DIR (default
Tests/HanziTextTests/Fixtures/realpdf); its output is scored against NAME__X.gold.txt.
`score.py cat` scores the extractions as they are; `--self-test` feeds each gold to a rejoiner
that returns its input, which must score 1.000 with no error (a check of this scorer).
`--gold-as-input` gives the command the golds themselves (text that is already paragraphs),
where 1.000 is the only right answer.

Every text is reduced to its non-white-space characters; the white space between two of them
is a gap: nothing (join), a space, or a break (it holds a newline). Measures, as in issue 11:
  P/R/F1     paragraph boundaries: gold break vs candidate break, summed over pairs (micro)
  spurious   candidate space where the gold joins;  missing: gold space the candidate joined
  lost       non-white-space characters lost, added or changed against the input (a dropped
             typesetter hyphen is not lost); must be 0
  soft       typesetter hyphens: line-end hyphens between Latin letters that the gold drops
  keptH      of those, kept by the candidate;  lostH: real line-end hyphens (the gold keeps
             them) that the candidate dropped
A kept typesetter hyphen counts as no character error; the gaps on either side of it are
taken together (a break if either is one) against the gold's gap inside the word.

The table has one row per kind, per extractor and overall (and per pair with --pairs).
Exit status 1 if the command failed or lost characters anywhere.
"""
import argparse
import difflib
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

JOIN, SPACE, BREAK = 0, 1, 2
HYPHENS = "-\u2010\u00ad"
KINDS = [("report", "Simplified report"), ("literary", "Simplified prose"),
         ("technical", "Simplified technical"), ("traditional", "Traditional (Taiwan) prose")]
EXTRACTORS = [("ptt", "pdftotext"), ("raw", "pdftotext -raw"), ("mu", "PyMuPDF")]


def gaps_of(text):
    """(chars, gap) where gap[i] is the class of the white space before chars[i]."""
    chars, gap, ws = [], [], JOIN
    for ch in text:
        if ch.isspace():
            if ch in "\n\r\f\v\u2028\u2029":
                ws = BREAK
            elif ws == JOIN:
                ws = SPACE
            continue
        gap.append(ws if chars else JOIN)
        chars.append(ch)
        ws = JOIN
    return chars, gap


def latin(ch):
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


def matched(a, b):
    """Index map from a to b over the equal stretches of a difflib alignment, plus the
    stretches of a and b that differ."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    amap = {}
    diffs = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            amap.update((i1 + k, j1 + k) for k in range(i2 - i1))
        else:
            diffs.append((i1, i2, j1, j2))
    return amap, diffs


def score_pair(inp, gold, cand):
    ic, ig = gaps_of(inp)
    gc, gg = gaps_of(gold)
    cc, cg = gaps_of(cand)
    # Typesetter hyphens: line-end hyphens between Latin letters of the input that the gold drops.
    in_to_gold, gdiffs = matched(ic, gc)
    if any(not all(ic[k] in HYPHENS for k in range(i1, i2)) or j2 > j1 for i1, i2, j1, j2 in gdiffs):
        raise ValueError("the gold is not the input's characters less typesetter hyphens")
    line_end = {k for k in range(1, len(ic) - 1) if ic[k] in HYPHENS and ig[k + 1] == BREAK
                and ig[k] == JOIN and latin(ic[k - 1]) and latin(ic[k + 1])}
    soft = {k for k in range(len(ic)) if k not in in_to_gold}
    real = line_end - soft
    # Candidate against input.
    in_to_cand, cdiffs = matched(ic, cc)
    lost = 0
    for i1, i2, j1, j2 in cdiffs:
        gone = sum(1 for k in range(i1, i2) if k not in soft)
        lost += max(gone, j2 - j1)
    kept_at = sorted(k for k in soft if k in in_to_cand)
    lost_at = sorted(k for k in real if k not in in_to_cand)
    kept, lost_h = len(kept_at), len(lost_at)

    def word_at(k):
        s, e = k, k + 1
        while s > 0 and (latin(ic[s - 1]) or ic[s - 1] in "_" + HYPHENS):
            s -= 1
        while e < len(ic) and (latin(ic[e]) or ic[e] in "_" + HYPHENS):
            e += 1
        return "".join(ic[s:k + 1]) + " ⏎ " + "".join(ic[k + 1:e])
    # Gaps: for each gold gap (between consecutive gold chars), the candidate's class.
    gold_to_in = {g: i for i, g in in_to_gold.items()}
    tp = fp = fn = spur = miss = 0
    for g in range(1, len(gc)):
        a, b = gold_to_in[g - 1], gold_to_in[g]
        if b - a > 1 and not all(k in soft for k in range(a + 1, b)):
            continue
        ca, cb = in_to_cand.get(a), in_to_cand.get(b)
        if ca is None or cb is None or cb <= ca:
            continue
        between = range(ca + 1, cb + 1)
        # A kept typesetter hyphen is transparent: take the gaps around it together.
        if any(cc[k] not in HYPHENS for k in range(ca + 1, cb)):
            continue
        cls = max(cg[k] for k in between)
        gold_cls = gg[g]
        if gold_cls == BREAK and cls == BREAK:
            tp += 1
        elif cls == BREAK:
            fp += 1
        elif gold_cls == BREAK:
            fn += 1
        elif cls == SPACE and gold_cls == JOIN:
            spur += 1
        elif cls == JOIN and gold_cls == SPACE:
            miss += 1
    return dict(tp=tp, fp=fp, fn=fn, spurious=spur, missing=miss, lost=lost, soft=len(soft),
                kept=kept, lost_h=lost_h, real=len(real),
                kept_words=[word_at(k) for k in kept_at], lost_words=[word_at(k) for k in lost_at])


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def row(label, rs):
    s = {k: sum(r[k] for r in rs) for k in ("tp", "fp", "fn", "spurious", "missing", "lost", "soft",
                                            "kept", "lost_h")}
    p, r, f = prf(s["tp"], s["fp"], s["fn"])
    return (f"| {label} | {len(rs)} | **{f:.3f}** | {p:.3f} | {r:.3f} | {s['fp']} | {s['fn']} | "
            f"{s['spurious']} | {s['missing']} | {s['lost']} | {s['soft']} | {s['kept']} | {s['lost_h']} |"), f


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", nargs="?")
    ap.add_argument("--fixtures", default=str(Path(__file__).resolve().parents[2]
                                              / "Tests/HanziTextTests/Fixtures/realpdf"))
    ap.add_argument("--pairs", action="store_true", help="also print one row per pair")
    ap.add_argument("--out", help="keep each candidate output in this folder")
    ap.add_argument("--hyphens", action="store_true",
                    help="also list each kept typesetter hyphen and each real hyphen lost, per pair")
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--gold-as-input", action="store_true",
                    help="give the command each gold instead of the extraction (already-clean text: "
                         "the only right answer is the gold itself)")
    args = ap.parse_args()
    if not args.command and not args.self_test:
        ap.error("COMMAND is required")
    root = Path(args.fixtures)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    out = Path(args.out) if args.out else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
    results, failed = {}, []
    for pair, meta in manifest.items():
        inp = (root / f"{pair}.txt").read_text(encoding="utf-8")
        gold = (root / f"{pair}.gold.txt").read_text(encoding="utf-8")
        if args.gold_as_input:
            inp = gold
        if args.self_test:
            cand = gold
        else:
            p = subprocess.run(["bash", "-c", args.command], input=inp.encode("utf-8"), capture_output=True)
            cand = p.stdout.decode("utf-8", errors="replace")
            if p.returncode != 0:
                failed.append(pair)
            if out:
                (out / f"{pair}.txt").write_bytes(p.stdout)
        results[pair] = dict(score_pair(inp, gold, cand), **meta)
    head = ("| | pairs | F1 | P | R | FP | FN | spurious | missing | lost | typesetter hyphens | kept | "
            "real hyphens lost |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    print(head)
    line, overall = row("all", list(results.values()))
    print(line)
    for k, label in KINDS:
        rs = [r for r in results.values() if r["kind"] == k]
        if rs:
            print(row(label, rs)[0])
    for e, label in EXTRACTORS:
        rs = [r for r in results.values() if r["extractor"] == e]
        if rs:
            print(row(label, rs)[0])
    if args.pairs:
        print()
        print(head)
        for pair, r in results.items():
            print(row(pair, [r])[0])
    if args.hyphens:
        print()
        for pair, r in results.items():
            for w in r["kept_words"]:
                print(f"kept typesetter hyphen  {pair}  {w}")
            for w in r["lost_words"]:
                print(f"real hyphen lost        {pair}  {w}")
        rs = results.values()
        print(f"typesetter hyphens {sum(r['soft'] for r in rs)}: dehyphenated "
              f"{sum(r['soft'] - r['kept'] for r in rs)}, kept {sum(r['kept'] for r in rs)}; "
              f"real line-end hyphens {sum(r['real'] for r in rs)}: lost {sum(r['lost_h'] for r in rs)}")
    lost = sum(r["lost"] for r in results.values())
    if failed:
        print(f"WARNING: the command failed on {len(failed)} pair(s): {' '.join(failed)}")
    if lost:
        print(f"ERROR: characters lost, added or changed in "
              f"{sum(1 for r in results.values() if r['lost'])} pair(s)")
    if args.self_test:
        ok = overall == 1.0 and not lost and all(r["kept"] == 0 and r["spurious"] == 0 and r["missing"] == 0
                                                 for r in results.values())
        print("self-test:", "1.000, no error" if ok else "FAILED")
        sys.exit(0 if ok else 1)
    sys.exit(1 if failed or lost else 0)


if __name__ == "__main__":
    main()
