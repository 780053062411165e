#!/usr/bin/env python3
"""Derive the gold paragraphs of one extraction from the document's known text blocks.

The generator knows every block it typeset (title, byline, dateline, headings, paragraphs,
block quotes and their attributions), the running head and the page-number format, and it
wrote no hyphen that is not in a block. Each extraction line is located in that text:

* its non-white-space characters are matched, from left to right, to the longest stretch of
  the blocks' character stream (nearest to where the previous match ended, so lines that an
  extractor put out of order are still found), or to the page's running head or page number;
* a hyphen at the end of a line that the blocks do not have at that place is a typesetter's
  hyphen: the gold drops it;
* the gold's gap between two consecutive extraction characters is the source's own gap
  (nothing, or a space between Latin words) when they are neighbours in one block, and a
  paragraph break otherwise (another block, page furniture, or text out of reading order).

So the gold holds exactly the extraction's non-white-space characters minus typesetter
hyphens, with the source's paragraph breaks. Nothing is decided by hand.
"""
import unicodedata

NONE, SPACE, BREAK = 0, 1, 2
TYPESETTER_HYPHENS = "-\u2010"


def tokens(text):
    """Non-white-space characters of text with the class of the gap before each."""
    chars, gaps, ws = [], [], None
    for ch in text:
        if ch.isspace():
            ws = BREAK if ch in "\n\r\f\v\u2028\u2029" or ws == BREAK else SPACE
            continue
        gaps.append(NONE if ws is None or not chars else ws)
        chars.append(ch)
        ws = None
    return chars, gaps


class Source:
    """The character stream of all blocks, with each character's block and in-block gap."""

    def __init__(self, items):
        self.chars, self.block, self.gap = [], [], []
        for b, (_role, text) in enumerate(items):
            cs, gs = tokens(text)
            for c, g in zip(cs, gs):
                self.chars.append(c)
                self.block.append(b)
                self.gap.append(g)
        self.text = "".join(self.chars)
        self.where = {}
        for i, c in enumerate(self.chars):
            self.where.setdefault(c, []).append(i)

    def best_match(self, line, pos, cursor):
        """(start, length) of the longest stretch of the source equal to line[pos:...],
        nearest to cursor among equals (forward first); (None, 0) if the character is absent."""
        best, best_len, best_dist = None, 0, None
        for j in self.where.get(line[pos], ()):
            n = 0
            while pos + n < len(line) and j + n < len(self.chars) and self.chars[j + n] == line[pos + n]:
                n += 1
            dist = (j - cursor) if j >= cursor else (len(self.chars) + cursor - j)
            if n > best_len or (n == best_len and dist < best_dist):
                best, best_len, best_dist = j, n, dist
        return best, best_len


def page_lines(pages):
    for p, page in enumerate(pages):
        for line in page.split("\n"):
            yield p, line


def derive(pages, items, head, page_format):
    """pages: the extraction split into pages (joined by the caller exactly as committed).
    Returns (gold_text, report) where report counts typesetter hyphens and unmatched chars."""
    src = Source(items)
    head_chars = tokens(head)[0]
    out = []  # (char, label, typesetter_hyphen) with label = ("b", index) | ("f", page, k, index)
    cursor = 0
    unmatched = 0
    lines = list(page_lines(pages))
    for li, (p, line) in enumerate(lines):
        chars, line_gaps = tokens(line)

        def emit(ch, label, soft, at):
            out.append((ch, label, soft, BREAK if at == 0 else line_gaps[at]))
        num_chars = tokens(page_format.replace("{n}", str(p + 1)))[0]
        pos = 0
        while pos < len(chars):
            rest = chars[pos:]
            j, n = src.best_match(chars, pos, cursor)
            # Page furniture: the running head, or the page number as the rest of the line (or
            # followed by the running head), when the blocks do not explain more of the line.
            if rest[:len(head_chars)] == head_chars and n < len(head_chars):
                for k in range(len(head_chars)):
                    emit(chars[pos + k], ("f", p, "head", k), False, pos + k)
                pos += len(head_chars)
                continue
            if rest[:len(num_chars)] == num_chars and n <= len(num_chars) and (
                    len(rest) == len(num_chars) or rest[len(num_chars):][:len(head_chars)] == head_chars):
                for k in range(len(num_chars)):
                    emit(chars[pos + k], ("f", p, "num", k), False, pos + k)
                pos += len(num_chars)
                continue
            ch = chars[pos]
            if pos == len(chars) - 1 and ch in TYPESETTER_HYPHENS and pos > 0 and is_latin_letter(chars[pos - 1]):
                last = out[-1][1] if out else None
                real = (last is not None and last[0] == "b" and last[1] + 1 < len(src.chars)
                        and src.chars[last[1] + 1] == ch)
                if not real:
                    # Dropped only when the word goes on after the line break, as a reader (and
                    # the scorer) can see; a hyphen whose continuation the extractor put elsewhere
                    # stays, attached to its fragment.
                    nxt = next_char(lines, li)
                    if nxt is not None and is_latin_letter(nxt):
                        emit(ch, None, True, pos)
                    else:
                        emit(ch, ("k", last), False, pos)
                    pos += 1
                    continue
                j, n = last[1] + 1, 1
            if j is None or n == 0:
                unmatched += 1
                emit(ch, ("u", len(out)), False, pos)
                pos += 1
                continue
            for k in range(n):
                emit(chars[pos + k], ("b", j + k), False, pos + k)
            pos += n
            cursor = j + n
    # Gold text.
    fgaps = {("head", p): tokens(head)[1] for p in range(len(pages))}
    fgaps.update({("num", p): tokens(page_format.replace("{n}", str(p + 1)))[1] for p in range(len(pages))})
    gold, prev, typesetter = [], None, 0
    for ch, label, soft, egap in out:
        if soft:
            typesetter += 1
            continue
        if prev is not None:
            g = gap_between(prev, label, src, fgaps)
            if g == SPACE and egap == NONE:
                g = NONE  # the extractor lost a space inside a line: no rejoiner decision there
            if g == BREAK and egap != BREAK and prev[0] == "f" and label[0] == "f":
                g = egap  # running head and page number on one extraction line: one paragraph
            gold.append({NONE: "", SPACE: " ", BREAK: "\n\n"}[g])
        gold.append(ch)
        prev = label
    jumps = order_jumps([l for _c, l, _s, _g in out], src)
    return "".join(gold) + "\n", dict(typesetter_hyphens=typesetter, unmatched=unmatched, jumps=jumps)


def next_char(lines, li):
    for _p, line in lines[li + 1:]:
        cs = tokens(line)[0]
        if cs:
            return cs[0]
    return None


def order_jumps(labels, src):
    """Transitions between body characters that are neither neighbours in one block nor the
    end of one block followed by the start of the next: text out of reading order."""
    body = [l[1] for l in labels if l is not None and l[0] == "b"]
    n = 0
    for i, j in zip(body, body[1:]):
        if j == i + 1:
            continue
        n += 1
    return n


def gap_between(a, b, src, fgaps):
    if a[0] == "k":
        return BREAK if b[0] != "k" else NONE
    if b[0] == "k":
        return NONE
    if a[0] == "b" and b[0] == "b":
        i, j = a[1], b[1]
        if j == i + 1 and src.block[i] == src.block[j]:
            return src.gap[j]
        if i + 1 < j <= i + 3 and src.block[i] == src.block[j] and all(
                src.chars[k] in TYPESETTER_HYPHENS for k in range(i + 1, j)):
            # The extractor dropped a real hyphen (pdftotext joins "MS-" + "DOS" into "MSDOS").
            return max(src.gap[k] for k in range(i + 1, j + 1))
        return BREAK
    if a[0] == "f" and b[0] == "f":
        if a[1:3] == b[1:3] and b[3] == a[3] + 1:
            return fgaps[(b[2], b[1])][b[3]]
        return BREAK
    if a[0] == "u" or b[0] == "u":
        return NONE  # an unknown glyph stays with its neighbours
    return BREAK


def is_latin_letter(ch):
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")
