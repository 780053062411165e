#!/usr/bin/env python3
"""Collect the development set's source documents from installed Debian packages.

usage: collect_sources.py OUTDIR

Writes OUTDIR/NAME.json, one per document: kind, language, title, byline, origin, licence
and the blocks in reading order (headings, paragraphs, block quotes with their attribution).
The texts are taken verbatim from the packages' HTML or fortune files; the only changes are
whitespace ones (runs of white space become one space; the space between a CJK character and
a Latin letter or digit is dropped, as the project's golds never keep it, see README.md).
Which passages go into which document is decided by fixed rules (file lists, order, length
limits), not by hand, so rerunning this on the same package versions gives the same files.

Needs: debian-faq-zh-cn, fortunes-zh, libreoffice-help-zh-tw (build.sh installs them).
"""
import html
import html.parser
import json
import re
import sys
from pathlib import Path


def is_cjk(ch):
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFE30 <= o <= 0xFE4F
            or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x3FFFF or 0x3000 <= o <= 0x303F
            or ch in "“”‘’…—·")


def tidy(text):
    """Whitespace only: collapse runs, drop spaces between CJK and anything else."""
    text = re.sub(r"[\s\u00a0\u3000]+", " ", html.unescape(text)).strip()
    out = []
    for i, ch in enumerate(text):
        if ch == " " and i > 0 and i + 1 < len(text):
            a, b = text[i - 1], text[i + 1]
            if is_cjk(a) or is_cjk(b):
                continue
        out.append(ch)
    return "".join(out)


def han_share(text):
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff") / max(1, len(text))


class Blocks(html.parser.HTMLParser):
    """Headings (h1-h4) and paragraphs (<p>, outside tables and <pre>) in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.cur = None
        self.kind = None
        self.skip = 0
        self.spans = []

    def handle_starttag(self, tag, attrs):
        if tag == "span":
            # LibreOffice help names the macOS key next to the others ("CommandCtrl"); a
            # reader sees one of them, so only the default one is kept.
            mac = any(k == "class" and v and "MAC" in v.split() for k, v in attrs)
            self.spans.append(mac)
            self.skip += mac
            return
        if tag in ("table", "pre", "script", "style", "head", "nav"):
            self.skip += 1
        elif tag in ("h1", "h2", "h3", "h4") and not self.skip:
            self.cur, self.kind = [], "h"
        elif tag == "p" and not self.skip and self.cur is None:
            self.cur, self.kind = [], "p"
        elif tag == "br" and self.cur is not None:
            self.cur.append(" ")

    def handle_endtag(self, tag):
        if tag == "span":
            if self.spans and self.spans.pop():
                self.skip -= 1
            return
        if tag in ("table", "pre", "script", "style", "head", "nav"):
            self.skip = max(0, self.skip - 1)
        elif self.cur is not None and ((self.kind == "h" and tag in ("h1", "h2", "h3", "h4"))
                                       or (self.kind == "p" and tag == "p")):
            self.blocks.append((self.kind, tidy("".join(self.cur))))
            self.cur = None

    def handle_data(self, data):
        if self.cur is not None and not self.skip:
            self.cur.append(data)


def html_blocks(path):
    p = Blocks()
    p.feed(Path(path).read_text(encoding="utf-8"))
    return [(k, t) for k, t in p.blocks if t]


def strip_section_number(h):
    return re.sub(r"^(第 ?\d+ ?章|[\d.]+)\s*", "", h).strip()


def prose_docs(files, kind, lang, byline, origin, licence, prefix, target=(2200, 3600), min_han=0.45):
    """Cut the files' blocks into documents of about `target` characters, each starting at a
    heading; paragraphs must be mostly Han (prose, not command listings)."""
    docs, cur, size = [], None, 0
    for f in files:
        for k, t in html_blocks(f):
            if k == "h":
                h = strip_section_number(t)
                if not h or len(h) > 40 or han_share(h) < 0.25 or "Help content" in h:
                    continue
                if cur is not None and size >= target[0]:
                    docs.append(cur)
                    cur = None
                if cur is None:
                    cur = dict(title=h, blocks=[], files=[])
                    size = 0
                elif cur["blocks"] and cur["blocks"][-1]["t"] == "h":
                    cur["blocks"][-1] = dict(t="h", text=h)
                else:
                    cur["blocks"].append(dict(t="h", text=h))
                continue
            if cur is None or size >= target[1]:
                continue
            if len(t) < 30 or han_share(t) < min_han:
                continue
            cur["blocks"].append(dict(t="p", text=t))
            size += len(t)
            rel = str(f)
            if rel not in cur["files"]:
                cur["files"].append(rel)
    if cur is not None and size >= target[0]:
        docs.append(cur)
    out = []
    for i, d in enumerate(docs):
        while d["blocks"] and d["blocks"][-1]["t"] == "h":
            d["blocks"].pop()
        if sum(1 for b in d["blocks"] if b["t"] == "p") < 4:
            continue
        out.append(dict(kind=kind, lang=lang, title=d["title"], byline=byline,
                        origin=dict(files=d["files"], **origin), licence=licence, blocks=d["blocks"]))
    return [dict(name=f"{prefix}{i + 1:02d}", **d) for i, d in enumerate(out)]


ESC = re.compile(r"\x1b\[[0-9;]*m")


def fortunes():
    text = Path("/usr/share/games/fortunes/chinese").read_text(encoding="utf-8")
    out = []
    for e in text.split("\n%\n"):
        e = ESC.sub("", e).strip("\n")
        lines = e.split("\n")
        m = re.match(r"^\s*--\s*(.+)$", lines[-1]) if lines else None
        if not m:
            continue
        body = "".join(l.strip() for l in lines[:-1] if l.strip())
        out.append((tidy(body), tidy(m.group(1))))
    return out


def literary_docs():
    """Classical prose (public domain) from fortunes-zh: chapters of the Daodejing as
    paragraphs, with sayings from the Analects, Caigentan and Lu Xun as block quotes."""
    fs = fortunes()
    ddj = [b for b, a in fs if a == "《道德经》"]
    lunyu = [(b, a) for b, a in fs if a.startswith("《论语》") and len(b) >= 20]
    luxun = [(b, a) for b, a in fs if a.startswith("鲁迅") and len(b) >= 20]
    cgt = [(b, a) for b, a in fs if a == "《菜根谭》" and len(b) >= 40]
    origin = dict(package="fortunes-zh", file="/usr/share/games/fortunes/chinese")
    licence = ("The texts are public domain (老子, 孔子 and his disciples, 洪应明 d. c.1620, "
               "鲁迅 d. 1936); the fortunes-zh collection is GPL-3.0+")
    docs = []
    quotes = [q for pair in zip(lunyu, luxun + cgt) for q in pair]
    qi = 0
    per = 13
    for n in range(0, min(len(ddj), 6 * per), per):
        chap = ddj[n:n + per]
        blocks = []
        for j, c in enumerate(chap):
            blocks.append(dict(t="h", text=f"第{n + j + 1}章") if j in (0, 5, 9) else None)
            blocks.append(dict(t="p", text=c))
            if j in (2, 6, 10) and qi < len(quotes):
                b, a = quotes[qi]
                qi += 1
                blocks.append(dict(t="quote", text=b, attr="——" + a.replace(" ", "")))
        docs.append(dict(kind="literary", lang="zh-CN", title="道德经",
                         byline="老子", origin=origin, licence=licence,
                         blocks=[b for b in blocks if b]))
    return [dict(name=f"literary{i + 1:02d}", **d) for i, d in enumerate(docs)]


def shijing_quotes():
    """Stanzas of the Shijing (public domain) in Traditional characters, from fortunes-zh:
    (first stanza, "《詩經‧國風‧周南‧葛覃》")."""
    text = Path("/usr/share/games/fortunes/chinese").read_text(encoding="utf-8")
    out = []
    for e in text.split("\n%\n"):
        e = ESC.sub("", e).strip("\n")
        lines = [l.strip() for l in e.split("\n")]
        if not lines or not lines[0].startswith("《詩經"):
            continue
        body = [l for l in lines[1:] if l]
        if len(body) < 2:
            continue
        n = 4
        while n < min(len(body), 6) and not body[n - 1].endswith(("。", "？", "！")):
            n += 1
        out.append(("".join(body[:n]), lines[0].replace(" ", "")))
    return out


def add_quotes(docs, quotes, every=5, per_doc=2):
    """Put a block quote after every `every`-th paragraph, at most `per_doc` per document."""
    qi = 0
    for d in docs:
        out, seen, added = [], 0, 0
        for b in d["blocks"]:
            out.append(b)
            if b["t"] == "p":
                seen += 1
                if seen % every == 0 and qi < len(quotes) and added < per_doc:
                    added += 1
                    t, a = quotes[qi]
                    qi += 1
                    out.append(dict(t="quote", text=t, attr="——" + a))
        d["blocks"] = out


def main():
    outdir = Path(sys.argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    faq = Path("/usr/share/doc/debian/FAQ/zh-cn")
    faq_licence = ("Debian FAQ, Copyright (C) 1996-2003 Software in the Public Interest; verbatim and "
                   "modified copies and translations permitted under the FAQ's permission notice")
    report = prose_docs(
        [faq / f"{n}.zh-cn.html" for n in ("basic-defs", "choosing", "support", "contributing",
                                             "redistributing", "nextrelease", "getting-debian", "software",
                                             "faqinfo")],
        "report", "zh-CN", "Debian项目", dict(package="debian-faq-zh-cn"), faq_licence, "report",
        target=(2000, 3400), min_han=0.5)
    tech = prose_docs(
        [faq / f"{n}.zh-cn.html" for n in ("pkg-basics", "pkgtools", "ftparchives", "customizing",
                                             "compatibility", "uptodate", "kernel")],
        "technical", "zh-CN", "Debian项目", dict(package="debian-faq-zh-cn"), faq_licence, "technical",
        target=(2000, 3400), min_han=0.3)
    # Block quotes: sayings from the Analects (public domain), from the end of the list, so that
    # they are not the ones the literary documents quote.
    sayings = [(b, a.replace(" ", "")) for b, a in fortunes() if a.startswith("《论语》") and len(b) >= 30][::-1]
    add_quotes(report, sayings, every=4)
    for d in report:
        if any(b["t"] == "quote" for b in d["blocks"]):
            d["licence"] += "; the quoted Analects (public domain) are from fortunes-zh (GPL-3.0+ collection)"
    lo = Path("/usr/share/libreoffice/help/zh-TW/text")
    lo_files = [f for sub in ("shared", "swriter", "scalc", "simpress") for f in sorted(lo.glob(f"{sub}/guide/*.html"))]
    # LibreOffice help pages are short: keep those that have prose with 「」.
    keep = []
    for f in lo_files:
        ps = [t for k, t in html_blocks(f) if k == "p" and len(t) >= 30 and han_share(t) >= 0.45]
        if sum(len(t) for t in ps) >= 200 and sum(t.count("「") for t in ps) >= 1:
            keep.append(f)
    tw = prose_docs(keep, "traditional", "zh-TW", "LibreOffice說明", dict(package="libreoffice-help-zh-tw"),
                    "MPL-2.0 (LibreOffice help)", "trad", target=(1800, 3000), min_han=0.45)
    shijing = shijing_quotes()
    add_quotes(tw, shijing, every=5)
    for d in tw:
        if any(b["t"] == "quote" for b in d["blocks"]):
            d["licence"] += "; the quoted Shijing (public domain) is from fortunes-zh (GPL-3.0+ collection)"
    literary = literary_docs()
    sets = dict(report=report[:6], technical=tech[:6], literary=literary[:6], traditional=tw[:6])
    for kind, docs in sets.items():
        for i, d in enumerate(docs):
            d = dict(d)
            d["name"] = f"{kind}{i + 1:02d}"
            (outdir / f"{d['name']}.json").write_text(
                json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            n = sum(len(b["text"]) for b in d["blocks"])
            print(d["name"], d["title"], len(d["blocks"]), n, d["origin"]["package"])


if __name__ == "__main__":
    main()
