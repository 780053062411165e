#!/usr/bin/env python3
"""Typeset one source document (sources/NAME.json) into HTML for headless Chromium.

The layout is a seeded random choice per document (seed = the document's name), never tuned
by hand: page size, 2 to 4 columns, column gap, Sans or Serif CJK face, font size, line height,
paragraph style (first-line indent or spacing), where the running head and the page number
go and how the page number is written.

Chromium on Debian ships no hyphenation dictionaries, so `hyphens: auto` alone hyphenates
nothing. English words inside `lang="en"` spans therefore carry soft hyphens (U+00AD) at the
break points of pyphen's en_US patterns; Chromium decides which of them end a line and draws
a hyphen (U+2010) there. The unused soft hyphens stay in Chromium's text layer; extract.py
removes them (see README.md).
"""
import html
import os
import random
import re

import pyphen

_HYPH = pyphen.Pyphen(lang="en_US", left=2, right=3)

PAGES = [("A4", 210, 297), ("A5", 148, 210), ("B5", 176, 250), ("letter", 216, 279)]

# A Latin run: a word made of letters, digits and the joiners of identifiers, paths and URLs.
LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_./:@#%&=?~+\-]*(?: [A-Za-z0-9_./:@#%&=?~+\-\"'()]+)*")
WORD = re.compile(r"[A-Za-z]{6,}")


def furniture(doc, rng):
    """Running head text and page-number format of the document."""
    book = {"report": "Debian常见问题", "technical": "Debian常见问题", "literary": "道德经选读",
            "traditional": "LibreOffice說明文件"}
    head = book[doc["kind"]]
    fmt = rng.choice(["{n}", "- {n} -", "第{n}页" if doc["lang"] == "zh-CN" else "第{n}頁", "{n}"])
    return head, fmt


def soft_hyphenate(word_match):
    w = word_match.group(0)
    return _HYPH.inserted(w, hyphen="\u00ad")


def latin_spans(text):
    """Escape text; wrap Latin runs in lang="en" spans; soft-hyphenate their plain words
    (not inside identifiers with dots, slashes or underscores, which a typesetter would not
    hyphenate either)."""
    out, last = [], 0
    for m in LATIN.finditer(text):
        out.append(html.escape(text[last:m.start()]))
        run = m.group(0)
        pieces = []
        for tok in run.split(" "):
            if re.search(r"[./_:@=]", tok):
                pieces.append(html.escape(tok))
            else:
                pieces.append(WORD.sub(soft_hyphenate, html.escape(tok)))
        out.append('<span lang="en">' + " ".join(pieces) + "</span>")
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


# HANZI_DEVSET_LAYOUT_SALT draws other layouts of the same documents (the committed set uses
# none): a check of how the rejoiner does on layouts it has never been run on, without
# committing them (see README.md, "Fresh layouts").
LAYOUT_SALT = os.environ.get("HANZI_DEVSET_LAYOUT_SALT", "")


def layout(doc):
    rng = random.Random("layout:" + LAYOUT_SALT + doc["name"])
    page, pw, ph = rng.choice(PAGES)
    serif = rng.random() < 0.5
    script = "SC" if doc["lang"] == "zh-CN" else "TC"
    face = f'"Noto {"Serif" if serif else "Sans"} CJK {script}"'
    other = f'"Noto {"Sans" if serif else "Serif"} CJK {script}"'
    margin = rng.uniform(12, 22)
    body_w = pw - 2 * margin
    size = rng.uniform(8.5, 11.5)  # pt
    em_mm = size * 0.3528
    max_cols = max(2, min(4, int(body_w / (em_mm * 8))))  # columns of at least ~8 em
    cols = rng.choice([c for c in (2, 3, 3, 4, 4) if c <= max_cols])
    gap = rng.uniform(1.5, 3.2) * em_mm
    return dict(page=page, pw=pw, ph=ph, serif=serif, face=face, other=other, margin=margin,
                size=size, cols=cols, gap=gap, line=rng.uniform(1.35, 1.8),
                indent=rng.random() < 0.65, title_span=rng.random() < 0.7,
                head_pos=rng.choice(["top-left", "top-center", "top-right"]),
                num_pos=rng.choice(["bottom-center", "bottom-right", "top-right", "bottom-left"]),
                head_face=rng.choice([face, other]), rng=rng)


def dateline(doc, rng):
    y, m, d = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return f"{y}年{m}月{d}日"


def render(doc):
    """Return (html_text, items, head, page_format): items are the document's text blocks in
    reading order, each (role, text) with the text exactly as typeset (before soft hyphens)."""
    L = layout(doc)
    rng = L["rng"]
    head, fmt = furniture(doc, rng)
    if L["num_pos"] == L["head_pos"].replace("left", "right") and L["head_pos"] == "top-right":
        L["num_pos"] = "bottom-center"
    date = dateline(doc, rng)
    items = [("title", doc["title"]), ("byline", doc["byline"]), ("date", date)]
    body = []
    for b in doc["blocks"]:
        if b["t"] == "h":
            items.append(("heading", b["text"]))
            body.append(f"<h2>{latin_spans(b['text'])}</h2>")
        elif b["t"] == "p":
            items.append(("p", b["text"]))
            body.append(f"<p>{latin_spans(b['text'])}</p>")
        else:
            items.append(("quote", b["text"]))
            items.append(("attr", b["attr"]))
            body.append(f"<blockquote><p>{latin_spans(b['text'])}</p>"
                        f"<p class=\"attr\">{latin_spans(b['attr'])}</p></blockquote>")
    num = fmt.replace("{n}", '" counter(page) "')
    num_css = f'"{num}"'.replace('"" ', "").replace(' ""', "")
    para = ("p { margin: 0; text-indent: 2em; }" if L["indent"]
            else "p { margin: 0 0 0.45em 0; text-indent: 0; }")
    css = f"""
@page {{ size: {L['pw']}mm {L['ph']}mm; margin: {L['margin'] + 6:.1f}mm {L['margin']:.1f}mm;
  @{L['head_pos']} {{ content: "{head}"; font-family: {L['head_face']}; font-size: {L['size'] * 0.8:.1f}pt; }}
  @{L['num_pos']} {{ content: {num_css}; font-family: {L['face']}; font-size: {L['size'] * 0.85:.1f}pt; }} }}
html {{ font-family: {L['face']}; font-size: {L['size']:.2f}pt; line-height: {L['line']:.2f}; }}
body {{ margin: 0; }}
* {{ font-variant-ligatures: none; }}
.cols {{ column-count: {L['cols']}; column-gap: {L['gap']:.1f}mm; text-align: justify;
  overflow-wrap: anywhere; hyphens: manual; }}
span[lang=en] {{ hyphens: auto; }}
h1 {{ font-family: {L['other']}; font-size: {L['size'] * rng.uniform(1.6, 2.3):.1f}pt; line-height: 1.25;
  margin: 0 0 0.3em 0; text-align: {rng.choice(['left', 'center'])}; {'column-span: all;' if L['title_span'] else ''} }}
.byline, .date {{ margin: 0 0 0.2em 0; text-indent: 0; font-size: {L['size'] * 0.9:.1f}pt; text-align: {rng.choice(['left', 'right'])}; }}
.date {{ margin-bottom: 0.8em; }}
h2 {{ font-family: {L['other']}; font-size: {L['size'] * rng.uniform(1.1, 1.4):.1f}pt; margin: 0.6em 0 0.3em 0;
  line-height: 1.3; text-align: left; }}
{para}
blockquote {{ margin: 0.5em 0 0.5em {rng.choice([1, 1.5, 2])}em; font-size: {L['size'] * 0.92:.1f}pt; }}
blockquote p {{ text-indent: 0; }}
blockquote p.attr {{ text-align: right; margin-bottom: 0.3em; }}
"""
    # The hyphen the typesetter draws: U+2010 (Chromium's default) or a hyphen-minus, as TeX
    # and many other typesetters give it.
    hyphen = rng.choice(["\u2010", "-"])
    css += f'span[lang=en] {{ hyphenate-character: "{hyphen}"; }}\n'
    head_html = (f"<h1>{latin_spans(doc['title'])}</h1><p class=\"byline\">{latin_spans(doc['byline'])}</p>"
                 f"<p class=\"date\">{date}</p>")
    page = (f'<!doctype html><html lang="{doc["lang"]}"><head><meta charset="utf-8"><style>{css}</style>'
            f'</head><body><div class="cols">{head_html}{"".join(body)}</div></body></html>\n')
    return page, items, head, fmt, {k: v for k, v in L.items() if k != "rng"}
