#!/usr/bin/env python3
"""Builds the deterministic benchmark corpus from seeds/.

The corpus is the five seed documents, whole and unchanged, concatenated round after round in an
order drawn from a fixed-seed SplitMix64 generator, separated by a blank line, and cut at the last
line break at or before the requested size (so it is valid UTF-8 and every line is a real line).
The same size always gives the same bytes on every machine; the files are cached in
Benchmarks/.corpus/ under a name that carries a digest of the seeds, never committed.

Usage: bench-corpus.py SIZE [SIZE...] [--out DIR] [--print-path]
SIZE is a byte count with an optional K or M suffix (binary: 64K = 65536, 1M = 1048576).
"""
import hashlib
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(REPO, "seeds")
DEFAULT_OUT = os.path.join(REPO, "Benchmarks", ".corpus")
MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n


def parse_size(text):
    text = text.strip().upper()
    factor = 1
    if text.endswith("K"):
        factor, text = 1024, text[:-1]
    elif text.endswith("M"):
        factor, text = 1024 * 1024, text[:-1]
    elif text.endswith("G"):
        factor, text = 1024 * 1024 * 1024, text[:-1]
    value = int(text) * factor
    if value <= 0:
        raise ValueError("size must be positive")
    return value


def seed_documents():
    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
    if not names:
        sys.exit(f"bench-corpus: no seed documents in {SEEDS}")
    docs = []
    for name in names:
        with open(os.path.join(SEEDS, name), "rb") as f:
            data = f.read()
        data.decode("utf-8")  # refuse a seed that is not UTF-8
        docs.append(data.rstrip(b"\n") + b"\n\n")
    return docs


def seeds_digest(docs):
    h = hashlib.sha256(b"bench-corpus v1\n")
    for d in docs:
        h.update(hashlib.sha256(d).digest())
    return h.hexdigest()[:10]


def chunks(docs, size):
    """Yields the corpus of the given size piece by piece (so a 1 GB corpus needs no 1 GB buffer)."""
    rng = SplitMix64(0x48414E5A49)  # "HANZI"
    total = 0
    while True:
        order = list(range(len(docs)))
        for i in range(len(order) - 1, 0, -1):  # Fisher-Yates
            j = rng.below(i + 1)
            order[i], order[j] = order[j], order[i]
        for k in order:
            doc = docs[k]
            if total + len(doc) <= size:
                yield doc
                total += len(doc)
                continue
            head = doc[: size - total]
            cut = head.rfind(b"\n")
            if cut >= 0:
                yield head[: cut + 1]
            return


def label(size):
    for unit, factor in (("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)):
        if size % factor == 0:
            return f"{size // factor}{unit}"
    return str(size)


def main(argv):
    out = DEFAULT_OUT
    print_path = False
    sizes = []
    args = iter(argv)
    for arg in args:
        if arg == "--out":
            out = next(args)
        elif arg == "--print-path":
            print_path = True
        else:
            sizes.append(parse_size(arg))
    if not sizes:
        sys.exit(__doc__)
    os.makedirs(out, exist_ok=True)
    docs = seed_documents()
    digest = seeds_digest(docs)  # a change to the seeds or to this generator makes new files
    for size in sizes:
        path = os.path.join(out, f"corpus-{label(size)}-{digest}.txt")
        if not os.path.exists(path):
            tmp = path + ".tmp"
            with open(tmp, "wb") as f:
                for chunk in chunks(docs, size):
                    f.write(chunk)
            os.replace(tmp, path)
        if print_path:
            print(path)
        else:
            h = hashlib.sha256()
            with open(path, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
            content_digest = h.hexdigest()[:16]
            print(f"{path}: {os.path.getsize(path)} bytes, sha256 {content_digest}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
