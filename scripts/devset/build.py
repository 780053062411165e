#!/usr/bin/env python3
"""Typeset every source document, extract it three ways and write the extractions and golds.

usage: build.py SOURCES_DIR FIXTURES_DIR WORK_DIR [NAME ...]

For each SOURCES_DIR/NAME.json: typeset.py's HTML -> headless Chromium PDF (WORK_DIR/NAME.pdf,
not committed) -> FIXTURES_DIR/NAME__ptt.txt (`pdftotext`), NAME__raw.txt (`pdftotext -raw`),
NAME__mu.txt (PyMuPDF `page.get_text()`, pages joined by a newline), each with its
NAME__X.gold.txt from gold.py. Every gold is checked against its extraction (check.py) before it
is written. FIXTURES_DIR/manifest.json lists each pair's kind, extractor, layout and counts.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check  # noqa: E402
import gold  # noqa: E402
import typeset  # noqa: E402

EXTRACTORS = ("ptt", "raw", "mu")
# An extraction whose text leaves reading order at more places than this is left out.
MAX_ORDER_JUMPS = 3


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("chromium not found on PATH (Debian: apt-get install chromium)")


def print_pdf(html_path, pdf_path, work):
    env = dict(os.environ, HOME=str(work / "home"))
    cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
           "--disable-extensions", f"--user-data-dir={work / 'profile'}",
           f"--print-to-pdf={pdf_path}", html_path.as_uri()]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def drop_unused_soft_hyphens(text):
    """Chromium writes every soft hyphen it did not break at into the text layer as U+00AD.
    A typesetter with its own hyphenation writes nothing there; the extraction is kept as such
    a PDF would give it (README.md, "Hyphenation")."""
    return text.replace("\u00ad", "")


def extract(pdf, how):
    """The extraction as a list of page texts (joined for the committed file by joiner())."""
    if how == "mu":
        with pymupdf.open(pdf) as doc:
            return [page.get_text() for page in doc]
    args = ["pdftotext", "-enc", "UTF-8"] + (["-raw"] if how == "raw" else []) + [str(pdf), "-"]
    text = subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    pages = text.split("\f")
    if pages and pages[-1].strip() == "":
        pages = pages[:-1]
    return pages


def joiner(how):
    return "\n" if how == "mu" else "\f"


def main():
    src_dir, fix_dir, work = (Path(a).resolve() for a in sys.argv[1:4])
    only = set(sys.argv[4:])
    fix_dir.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    manifest_path = fix_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() and only else {}
    failures = 0
    left_out_path = fix_dir / "left-out.json"
    left_out = json.loads(left_out_path.read_text()) if left_out_path.exists() and only else {}
    for src in sorted(src_dir.glob("*.json")):
        doc = json.loads(src.read_text(encoding="utf-8"))
        name = doc["name"]
        if only and name not in only:
            continue
        page_html, items, head, fmt, lay = typeset.render(doc)
        html_path = work / f"{name}.html"
        html_path.write_text(page_html, encoding="utf-8")
        pdf = work / f"{name}.pdf"
        print_pdf(html_path, pdf, work)
        for how in EXTRACTORS:
            pages = [drop_unused_soft_hyphens(p) for p in extract(pdf, how)]
            text = joiner(how).join(pages)
            if how != "mu":
                text += "\f"  # pdftotext ends every page, the last one too, with a form feed
            gold_text, rep = gold.derive(pages, items, head, fmt)
            problems = check.check_pair(text, gold_text)
            pair = f"{name}__{how}"
            if problems:
                failures += 1
                print(f"{pair}: GOLD CHECK FAILED: {problems[0]}", file=sys.stderr)
                continue
            if rep["jumps"] > MAX_ORDER_JUMPS:
                # The extractor interleaved the columns: no rejoiner can be scored on the order
                # it gave, so the pair is left out (and listed as left out).
                for stale in (fix_dir / f"{pair}.txt", fix_dir / f"{pair}.gold.txt"):
                    stale.unlink(missing_ok=True)
                manifest.pop(pair, None)
                left_out[pair] = rep["jumps"]
                print(f"{pair}: left out, text out of reading order at {rep['jumps']} places")
                continue
            (fix_dir / f"{pair}.txt").write_text(text, encoding="utf-8")
            (fix_dir / f"{pair}.gold.txt").write_text(gold_text, encoding="utf-8")
            paragraphs = gold_text.count("\n\n") + 1
            manifest[pair] = dict(kind=doc["kind"], extractor=how, pages=len(pages),
                                  paragraphs=paragraphs, typesetter_hyphens=rep["typesetter_hyphens"],
                                  unmatched_chars=rep["unmatched"], order_jumps=rep["jumps"],
                                  layout=dict(page=lay["page"], columns=lay["cols"],
                                              face=lay["face"].strip('"'), size_pt=round(lay["size"], 1),
                                              indent=lay["indent"]))
            print(f"{pair}: pages={len(pages)} paragraphs={paragraphs} "
                  f"typesetterHyphens={rep['typesetter_hyphens']} unmatched={rep['unmatched']} jumps={rep['jumps']} "
                  f"cols={lay['cols']} {lay['page']} {lay['face']} {lay['size']:.1f}pt")
    manifest_path.write_text(json.dumps(dict(sorted(manifest.items())), ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    left_out_path.write_text(json.dumps(dict(sorted(left_out.items())), indent=1) + "\n", encoding="utf-8")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
