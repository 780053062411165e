#!/usr/bin/env python3
"""Generate the normaliser's Swift tables and its Style enum from the tables in Tables/.

Writes Sources/HanziText/Normalizer/Generated/GeneratedNormalizationTables.swift and
Sources/HanziText/Normalizer/Generated/PunctuationStyle.swift.

usage: python3 scripts/generate-tables.py          write the Swift file
       python3 scripts/generate-tables.py --check  exit 1 if the committed file is stale

The tables are plain text with `#` comments (see each file's header). The generated
file records a SHA-256 digest of the tables it was made from; `--check` regenerates the
text in memory and compares it byte for byte with the committed file.
"""
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "Tables"
GENERATED = ROOT / "Sources" / "HanziText" / "Normalizer" / "Generated"
OUTPUT = GENERATED / "GeneratedNormalizationTables.swift"
STYLE_OUTPUT = GENERATED / "PunctuationStyle.swift"
TABLE_FILES = ["styles.tsv", "punctuation-classes.tsv", "ascii-to-fullwidth.tsv",
               "emoticons.txt", "datelines.txt", "punctuation-audit.tsv"]
AUDIT_KINDS = ["canonical", "fold", "rule"]
CLASSES = ["open", "close", "pause", "stop", "ambiguous", "dot", "dash"]


def fail(path, lineno, message):
    sys.exit(f"{path.relative_to(ROOT)}:{lineno}: {message}")


def rows(name):
    """Yield (lineno, raw line) for each non-comment, non-empty line of a table."""
    path = TABLES / name
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.startswith("#") or line.strip() == "":
            continue
        yield path, n, line


def scalars(text, path, n):
    """A value: the characters themselves, or U+XXXX codes separated by spaces."""
    text = text.strip()
    if text.startswith("U+"):
        try:
            return [int(t[2:], 16) for t in text.split()]
        except ValueError:
            fail(path, n, f"bad code point list {text!r}")
    return [ord(c) for c in text]


def read_styles():
    """(style names, {key: (per-style values, source)}); the first row names the columns."""
    values = {}
    names = None
    for path, n, line in rows("styles.tsv"):
        cols = line.split("\t")
        if names is None:
            if cols[0].strip() != "key" or cols[-1].strip() != "source" or len(cols) < 3:
                fail(path, n, "the first row must be: key TAB <style> ... TAB source")
            names = [c.strip() for c in cols[1:-1]]
            for name in names:
                if not name.isascii() or not name.isalnum() or not name[0].isalpha() or name.lower() != name:
                    fail(path, n, f"style name {name!r}: lower-case ASCII letters and digits")
            continue
        width = len(names) + 2
        if len(cols) != width:
            fail(path, n, f"expected {width} TAB-separated columns, found {len(cols)}")
        key = cols[0].strip()
        if key in values:
            fail(path, n, f"duplicate key {key}")
        if key in ("swift_case", "summary"):
            per = [col.strip() for col in cols[1:-1]]
            if key == "swift_case":
                for name, case in zip(names, per):
                    if case.lower() != name or not case.isidentifier():
                        fail(path, n, f"swift_case {case!r} must spell the style name {name!r}")
        elif key == "own_fullwidth":
            per = [[ord(t) for t in col.split()]
                   for col in cols[1:-1]]
            for s in per:
                for v in s:
                    if not 0xFF01 <= v <= 0xFF5E:
                        fail(path, n, f"U+{v:04X} is not a full-width form U+FF01...U+FF5E")
        else:
            per = [scalars(col, path, n) for col in cols[1:-1]]
            for s in per:
                if not s:
                    fail(path, n, "empty value")
        values[key] = (per, cols[-1].strip())
    if names is None:
        sys.exit("Tables/styles.tsv: no header row")
    need = ["swift_case", "summary", "outer_open", "outer_close", "inner_open", "inner_close",
            "ellipsis", "dash", "interpunct", "own_fullwidth"]
    for k in need:
        if k not in values:
            sys.exit(f"Tables/styles.tsv: missing key {k}")
    for k in ["outer_open", "outer_close", "inner_open", "inner_close", "interpunct"]:
        for s in values[k][0]:
            if len(s) != 1:
                sys.exit(f"Tables/styles.tsv: {k} must be one character per style")
    return names, values


def read_classes():
    classes = {}
    for path, n, line in rows("punctuation-classes.tsv"):
        cols = line.split("\t")
        if len(cols) < 2:
            fail(path, n, "expected scalar TAB class [TAB comment]")
        s = scalars(cols[0], path, n)
        if len(s) != 1:
            fail(path, n, "one character per row")
        cls = cols[1].strip()
        if cls not in CLASSES:
            fail(path, n, f"unknown class {cls!r} (one of {', '.join(CLASSES)})")
        if s[0] in classes:
            fail(path, n, f"U+{s[0]:04X} listed twice")
        classes[s[0]] = cls
    return classes


def read_ascii():
    table = {}
    for path, n, line in rows("ascii-to-fullwidth.tsv"):
        cols = line.split("\t")
        if len(cols) < 2:
            fail(path, n, "expected ascii TAB fullwidth [TAB comment]")
        a, f = scalars(cols[0], path, n), scalars(cols[1], path, n)
        if len(a) != 1 or a[0] >= 0x80 or len(f) != 1:
            fail(path, n, "one ASCII character and one full-width character")
        table[a[0]] = f[0]
    return table


def read_audit(style_keys):
    """The rows of punctuation-audit.tsv, checked; returns {variant scalar: replacement} of the fold rows."""
    folds = {}
    header = None
    seen = set()
    for path, n, line in rows("punctuation-audit.tsv"):
        cols = line.split("\t")
        if header is None:
            header = [c.strip() for c in cols]
            if header != ["variant", "kind", "becomes", "chinese", "outside", "source"]:
                fail(path, n, "the first row must be: variant kind becomes chinese outside source")
            continue
        if len(cols) != 6:
            fail(path, n, f"expected 6 TAB-separated columns, found {len(cols)}")
        variant, kind, becomes, chinese, outside, source = cols
        v = scalars(variant, path, n)
        if not v:
            fail(path, n, "empty variant")
        if kind not in AUDIT_KINDS:
            fail(path, n, f"unknown kind {kind!r} (one of {', '.join(AUDIT_KINDS)})")
        if (tuple(v), kind) in seen:
            fail(path, n, "row listed twice")
        seen.add((tuple(v), kind))
        if not source.strip():
            fail(path, n, "every row names its source")
        for col in (chinese, outside):
            for key in __import__("re").findall(r"\{([a-z_]+)\}", col):
                if key not in style_keys:
                    fail(path, n, f"unknown style key {{{key}}}")
        if kind == "fold":
            b = scalars(becomes, path, n)
            if len(v) != 1 or len(b) != 1:
                fail(path, n, "a fold row maps one character to one character")
            if v[0] in folds:
                fail(path, n, f"U+{v[0]:04X} folded twice")
            folds[v[0]] = b[0]
        elif becomes.strip() != "-":
            fail(path, n, "only fold rows have a replacement (write -)")
    return folds


def read_list(name):
    out = []
    for path, n, line in rows(name):
        s = [ord(c) for c in line]
        if any(c in (0x20, 0x09) for c in s):
            fail(path, n, "no spaces inside an entry")
        out.append(s)
    return out


def digest():
    h = hashlib.sha256()
    for name in TABLE_FILES:
        h.update(name.encode() + b"\0")
        h.update((TABLES / name).read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def hexs(v):
    return f"0x{v:04X}"


def arr(s):
    return "[" + ", ".join(hexs(v) for v in s) + "]"


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_style_enum():
    names, styles = read_styles()
    out = []
    w = out.append
    w("// generated by scripts/generate-tables.py from Tables/styles.tsv, do not edit.")
    w("// Add a style as a column of Tables/styles.tsv, then run `make tables`.")
    w("")
    w("extension PunctuationNormalizer {")
    w("    /// The punctuation convention of a region (choices and sources in `Tables/styles.tsv`).")
    w("    public enum Style: String, Sendable, CaseIterable {")
    for i, name in enumerate(names):
        case = styles["swift_case"][0][i]
        w(f"        /// {styles['summary'][0][i]}")
        w(f"        case {case} = {swift_string(name)}")
    w("")
    w("        /// One line describing the style, for documentation and command-line help.")
    w("        public var summary: String {")
    w("            switch self {")
    for i, name in enumerate(names):
        w(f"            case .{styles['swift_case'][0][i]}: {swift_string(styles['summary'][0][i])}")
    w("            }")
    w("        }")
    w("")
    w("        /// The style's choices.")
    w("        var values: StyleValues {")
    w("            switch self {")
    for i, name in enumerate(names):
        w(f"            case .{styles['swift_case'][0][i]}: NormalizationTables.{styles['swift_case'][0][i]}")
    w("            }")
    w("        }")
    w("    }")
    w("}")
    return "\n".join(out) + "\n"


def render():
    (names, styles), classes = read_styles(), read_classes()
    folds = read_audit(set(styles))
    ascii_map, emoticons, datelines = read_ascii(), read_list("emoticons.txt"), read_list("datelines.txt")
    out = []
    w = out.append
    w("// generated by scripts/generate-tables.py from Tables/, do not edit.")
    w("// Edit the tables, then run `python3 scripts/generate-tables.py` (or `make tables`).")
    w("")
    w("/// The normaliser's rules as data, generated from the tables in `Tables/`.")
    w("enum NormalizationTables {")
    w(f"    /// SHA-256 of the tables this file was generated from.")
    w(f"    static let tablesDigest = \"{digest()}\"")
    w("")
    # One array per row of styles.tsv, one element per style column, as the table is laid out.
    masks = []
    for i in range(len(names)):
        mask = [0, 0]
        for v in styles["own_fullwidth"][0][i]:
            bit = v - 0xFF01
            mask[bit // 64] |= 1 << (bit % 64)
        masks.append(mask)
    columns = ", ".join(styles["swift_case"][0][i] for i in range(len(names)))
    w("    /// The choices of the punctuation styles (`Tables/styles.tsv`): one array per row of")
    w(f"    /// the table, one element per style in the order of its columns ({columns}).")
    for key, name in (("outer_open", "outerOpen"), ("outer_close", "outerClose"),
                      ("inner_open", "innerOpen"), ("inner_close", "innerClose"), ("interpunct", "interpunct")):
        w(f"    static let {name}: [UInt32] = [{', '.join(hexs(styles[key][0][i][0]) for i in range(len(names)))}]")
    for key in ("ellipsis", "dash"):
        w(f"    static let {key}: [[UInt32]] = [{', '.join(arr(styles[key][0][i]) for i in range(len(names)))}]")
    w(f"    static let ownFullwidthLow: [UInt64] = [{', '.join(f'0x{m[0]:016X}' for m in masks)}]")
    w(f"    static let ownFullwidthHigh: [UInt64] = [{', '.join(f'0x{m[1]:016X}' for m in masks)}]")
    w("")
    w("    /// The choices of the style in column `column` of `Tables/styles.tsv`.")
    w("    static func style(column: Int) -> StyleValues {")
    w("        StyleValues(")
    w("            outerOpen: outerOpen[column], outerClose: outerClose[column],")
    w("            innerOpen: innerOpen[column], innerClose: innerClose[column],")
    w("            ellipsis: ellipsis[column], dash: dash[column], interpunct: interpunct[column],")
    w("            ownFullwidthLow: ownFullwidthLow[column], ownFullwidthHigh: ownFullwidthHigh[column])")
    w("    }")
    for i in range(len(names)):
        w(f"    static let {styles['swift_case'][0][i]} = style(column: {i})")
    w("")
    w("    /// The class of a CJK punctuation scalar (`Tables/punctuation-classes.tsv`).")
    w("    @inline(__always)")
    w("    static func punctuationClass(_ v: UInt32) -> PunctuationClass {")
    w("        switch v {")
    for cls in CLASSES:
        vs = sorted(v for v, c in classes.items() if c == cls)
        if vs:
            w(f"        case {', '.join(hexs(v) for v in vs)}: return .{cls}")
    w("        default: return .none")
    w("        }")
    w("    }")
    w("")
    w("    /// The compatibility and presentation form `v` folds to, or 0 (the `fold` rows of")
    w("    /// `Tables/punctuation-audit.tsv`).")
    w("    @inline(__always)")
    w("    static func variantFold(_ v: UInt32) -> UInt32 {")
    w("        switch v {")
    for v in sorted(folds):
        w(f"        case {hexs(v)}: return {hexs(folds[v])}  // {chr(v)} → {chr(folds[v])}")
    w("        default: return 0")
    w("        }")
    w("    }")
    w("")
    w("    /// ASCII punctuation to its full-width form next to Chinese text, indexed by the")
    w("    /// ASCII value; 0 = not converted (`Tables/ascii-to-fullwidth.tsv`).")
    table = [ascii_map.get(i, 0) for i in range(128)]
    w("    static let asciiToFullwidth: [UInt32] = [")
    for r in range(0, 128, 16):
        w("        " + ", ".join(hexs(v) for v in table[r:r + 16]) + ",")
    w("    ]")
    w("")
    w("    /// ASCII emoticons, never touched (`Tables/emoticons.txt`), longest first.")
    w("    static let emoticons: [[UInt32]] = [")
    for e in sorted(emoticons, key=lambda s: (-len(s), s)):
        w(f"        {arr(e)},  // {''.join(map(chr, e))}")
    w("    ]")
    w("")
    w("    /// Dateline endings after which a space stays (`Tables/datelines.txt`).")
    w("    static let datelineEndings: [[UInt32]] = [")
    for e in datelines:
        w(f"        {arr(e)},  // {''.join(map(chr, e))}")
    w("    ]")
    w("}")
    return "\n".join(out) + "\n"


def main():
    files = [(OUTPUT, render()), (STYLE_OUTPUT, render_style_enum())]
    if sys.argv[1:] == ["--check"]:
        stale = False
        for path, text in files:
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != text:
                print(f"{path.relative_to(ROOT)} is stale: run python3 scripts/generate-tables.py", file=sys.stderr)
                stale = True
            else:
                print(f"{path.relative_to(ROOT)} is up to date")
        if stale:
            sys.exit(1)
        return
    if sys.argv[1:]:
        sys.exit(__doc__)
    for path, text in files:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
