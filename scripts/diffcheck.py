#!/usr/bin/env python3
"""`make diffcheck`: the long differential run (not in CI), fast enough to finish.

For every configuration family, MB_PER_FAMILY megabytes of generated adversarial text, split
evenly over the family's configurations, are written to a file in a streaming way and
converted by
  - `hanzi convert -c CONFIG` (native engine, bundled OpenCC 1.4.2 data), compared byte for
    byte with OpenCC 1.4.2 itself (the PyPI package, in the venv), and
  - `hanzi convert -c CONFIG --dictionaries system` (native engine, installed data), compared
    with the installed `opencc` command (libopencc), for the configurations it has.
hanzi reads the whole file as a user would (streaming, cut into pieces, all cores); the
oracles convert it in pieces cut after "barrier" lines of 80 ASCII letters, which no key,
dictionary match or ideographic description sequence (at most 64 scalars) can span, so the
oracles' pieces convert as the whole file does (and the `opencc` command's 4 MiB input blocks
never cut a phrase).

The text mixes dictionary keys of the configuration, their prefixes and suffixes, values,
overlapping phrases (a key followed by a key starting with its last character), ASCII,
punctuation, emoji with modifiers and joiners, CJK compatibility ideographs, ideographic
description sequences (nested, incomplete, over line breaks), line breaks (LF, CR LF, blank
lines) and long runs without a match. NUL is left out: OpenCC 1.4.2 ends a segment at NUL and
drops the rest, which the in-CI exactness tests cover with the oracle's own NUL handling.

Usage: diffcheck.py HANZI VENV_PYTHON REPORT [--mb N] [--configs a,b] [--seed S]
Prints one Markdown row per configuration and data set; exits 1 on any mismatch.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLES = os.path.join(ROOT, "Tables", "opencc")

FAMILIES = [
    ("Simplified to Traditional", ["s2t", "s2tw", "s2twp", "s2hk", "s2hkp"]),
    ("Traditional to Simplified", ["t2s", "tw2s", "tw2sp", "hk2s", "hk2sp"]),
    ("Between Traditional standards", ["t2tw", "tw2t", "t2hk", "hk2t"]),
    ("Japanese", ["t2jp", "jp2t"]),
]
BARRIER = "\n" + "x" * 80 + "\n"
PIECE = 1 << 20  # about this many bytes between barriers


def dictionary_files(config):
    """The text dictionary files a bundled configuration names."""
    with open(os.path.join(TABLES, "config", config + ".json"), encoding="utf-8") as f:
        document = json.load(f)
    files = []

    def walk(spec):
        if spec.get("type") == "group":
            for member in spec["dicts"]:
                walk(member)
        elif "file" in spec:
            files.append(spec["file"])

    if "segmentation" in document:
        walk(document["segmentation"]["dict"])
    for stage in document.get("normalization", []) + document["conversion_chain"]:
        walk(stage["dict"])
    return sorted(set(files))


def read_entries(name):
    keys, values = [], []
    with open(os.path.join(TABLES, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or "\t" not in line:
                continue
            key, value = line.split("\t", 1)
            keys.append(key)
            values.extend(v for v in value.split(" ") if v)
    return keys, values


class Generator:
    """Seeded adversarial text from a configuration's dictionaries."""

    def __init__(self, config, seed):
        self.random = random.Random(seed)
        keys, values = [], []
        for name in dictionary_files(config):
            k, v = read_entries(name)
            keys += k
            values += v
        self.keys = sorted(set(keys))
        self.values = sorted(set(values))
        self.compat = read_entries("CJK_Compatibility_Ideographs.txt")[0]
        self.by_first = {}
        for key in self.keys:
            self.by_first.setdefault(key[0], []).append(key)
        self.characters = sorted({c for key in self.keys for c in key})
        self.ascii = ["the ", "OpenCC ", "2024", " ", "a-b", "x", "URL http://e.cn/a?b=1 ", "\t"]
        self.punctuation = list("，。！？、；：「」『』（）…—·《》〈〉“”‘’~.,!?;:()[]") + ["……", "——"]
        self.emoji = ["😀", "👍🏽", "👩\u200d💻", "🇨🇳", "❤️", "\U0002A6A5", "\U00020000"]
        self.unmatched = ["한국어", "Ελληνικά", "ÀÉÎ", "𠀀𠀁", "ｱｲｳ", "ＡＢＣ", "١٢٣"]
        self.breaks = ["\n", "\r\n", "\n\n", "\n\r\n"]

    def token(self):
        r = self.random.random()
        pick = self.random.choice
        if r < 0.30:
            return pick(self.keys)
        if r < 0.38:
            key = pick(self.keys)
            return key[: self.random.randint(1, len(key))]
        if r < 0.46:
            key = pick(self.keys)
            return key[self.random.randint(0, len(key) - 1):]
        if r < 0.54:
            return pick(self.values)
        if r < 0.64:  # overlapping phrases: a key, then one starting with its last character
            key = pick(self.keys)
            follow = self.by_first.get(key[-1])
            return key + (pick(follow)[1:] if follow else "")
        if r < 0.70:
            return pick(self.ascii)
        if r < 0.77:
            return pick(self.punctuation)
        if r < 0.79:
            return pick(self.emoji)
        if r < 0.81:
            return pick(self.compat)
        if r < 0.84:
            return self.description_sequence()
        if r < 0.89:
            return pick(self.breaks)
        if r < 0.93:
            return "".join(pick(self.unmatched) for _ in range(self.random.randint(1, 8)))
        return "".join(pick(self.characters) for _ in range(self.random.randint(1, 6)))

    def description_sequence(self):
        """An operator with components: keys, characters, nested operators, line breaks,
        sometimes too few (incomplete) or too deep."""
        operators = [chr(c) for c in range(0x2FF0, 0x3000)]
        parts = []
        for _ in range(self.random.randint(1, 4)):
            r = self.random.random()
            if r < 0.4:
                parts.append(self.random.choice(operators))
            elif r < 0.5:
                parts.append(self.random.choice(self.breaks))
            elif r < 0.8:
                parts.append(self.random.choice(self.characters))
            else:
                parts.append(self.random.choice(self.keys))
        if self.random.random() < 0.05:
            parts = [self.random.choice(operators)] * 20 + parts
        return self.random.choice(operators) + "".join(parts)

    def write(self, path, size):
        """About `size` bytes, in pieces ending with a barrier line."""
        written = 0
        with open(path, "wb") as f:
            while written < size:
                tokens = []
                length = 0
                while length < PIECE and written + length < size:
                    token = self.token()
                    tokens.append(token)
                    length += len(token) * 3
                piece = ("".join(tokens) + BARRIER).encode("utf-8")
                f.write(piece)
                written += len(piece)
        return written


def pieces(path):
    """The file's bytes cut just after each barrier line."""
    barrier = BARRIER.encode()
    with open(path, "rb") as f:
        data = f.read()
    start = 0
    while start < len(data):
        end = data.find(barrier, start)
        end = len(data) if end < 0 else end + len(barrier)
        yield data[start:end]
        start = end


ORACLE_142 = r"""
import sys, opencc
assert opencc.__version__ == "1.4.2", opencc.__version__
config, source, target, barrier = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].encode()
converter = opencc.OpenCC(config)
data = open(source, "rb").read()
with open(target, "wb") as out:
    start = 0
    while start < len(data):
        end = data.find(barrier, start)
        end = len(data) if end < 0 else end + len(barrier)
        out.write(converter.convert(data[start:end].decode("utf-8")).encode("utf-8"))
        start = end
"""


def first_difference(a, b):
    for index in range(min(len(a), len(b))):
        if a[index] != b[index]:
            return index
    return None if len(a) == len(b) else min(len(a), len(b))


def compare(expected_path, actual_path):
    """None when the files are equal, else a description of the first difference."""
    if subprocess.run(["cmp", "-s", expected_path, actual_path]).returncode == 0:
        return None
    with open(expected_path, "rb") as f:
        expected = f.read()
    with open(actual_path, "rb") as f:
        actual = f.read()
    offset = first_difference(expected, actual)
    show = lambda data: data[max(0, offset - 30): offset + 30].decode("utf-8", "replace")
    return f"first difference at byte {offset}: expected {show(expected)!r}, hanzi {show(actual)!r}"


def timed(command, **kwargs):
    start = time.monotonic()
    subprocess.run(command, check=True, **kwargs)
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("hanzi")
    parser.add_argument("python")
    parser.add_argument("report")
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--configs", default="")
    parser.add_argument("--seed", type=int, default=20241)
    args = parser.parse_args()
    chosen = set(filter(None, args.configs.split(",")))
    # The installed configurations: where `hanzi configs` finds them (pkg-config's datadir, or
    # the usual share folders).
    prefix = subprocess.run(["pkg-config", "--variable=prefix", "opencc"], capture_output=True, text=True).stdout.strip()
    candidates = [os.path.join(prefix, "share", "opencc")] if prefix else []
    candidates += ["/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc"]
    data_folder = next((c for c in candidates if os.path.isdir(c)), "")
    opencc = shutil.which("opencc")
    work = tempfile.mkdtemp(prefix="hanzi-diffcheck-")
    failures = 0
    rows = []
    try:
        for family, members in FAMILIES:
            members = [m for m in members if not chosen or m in chosen]
            for config in members:
                size = int(args.mb * 1e6 / len(members))
                source = os.path.join(work, "in.txt")
                generated = Generator(config, args.seed ^ hash_name(config)).write(source, size)
                megabytes = generated / 1e6
                # Bundled data against OpenCC 1.4.2.
                ours = os.path.join(work, "hanzi.txt")
                theirs = os.path.join(work, "oracle.txt")
                hanzi_seconds = timed([args.hanzi, "convert", "-c", config, "-o", ours, source])
                oracle_seconds = timed([args.python, "-c", ORACLE_142, config, source, theirs, BARRIER])
                problem = compare(theirs, ours)
                failures += problem is not None
                rows.append(row("bundled", family, config, "OpenCC 1.4.2", megabytes, problem, hanzi_seconds, oracle_seconds))
                print(rows[-1], flush=True)
                if problem:
                    print(f"  {config} (bundled data): {problem}", file=sys.stderr)
                # Installed data against the opencc command (libopencc).
                config_file = os.path.join(data_folder, config + ".json") if data_folder else ""
                if opencc and config_file and os.path.exists(config_file):
                    hanzi_seconds = timed([args.hanzi, "convert", "-c", config, "--dictionaries", "system", "-o", ours, source])
                    start = time.monotonic()
                    with open(theirs, "wb") as out:
                        for piece in pieces(source):
                            result = subprocess.run([opencc, "-c", config + ".json"], input=piece, capture_output=True, check=True)
                            out.write(result.stdout)
                    oracle_seconds = time.monotonic() - start
                    problem = compare(theirs, ours)
                    failures += problem is not None
                    version = os.environ.get("HANZI_LIBOPENCC_VERSION") or subprocess.run(
                        ["pkg-config", "--modversion", "opencc"], capture_output=True, text=True).stdout.strip()
                    rows.append(row("system", family, config, f"libopencc {version}", megabytes, problem, hanzi_seconds, oracle_seconds))
                    print(rows[-1], flush=True)
                    if problem:
                        print(f"  {config} (system data): {problem}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with open(args.report, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    sys.exit(1 if failures else 0)


def hash_name(name):
    value = 0
    for byte in name.encode():
        value = (value * 131 + byte) & 0xFFFFFFFF
    return value


def row(data, family, config, oracle, megabytes, problem, ours, theirs):
    return (f"| {data} | {family} | {config} | {oracle} | {megabytes:.1f} | {'yes' if problem is None else '**no**'} | "
            f"{megabytes / ours:.1f} | {megabytes / theirs:.1f} |")


if __name__ == "__main__":
    main()
