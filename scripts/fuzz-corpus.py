#!/usr/bin/env python3
"""Builds the seed corpus of every fuzz harness under OUT (default .build-fuzz/seeds).

The seeds come from what the repository already holds, so nothing is duplicated in git: the seed
texts (seeds/*.txt), the test fixtures (real PDF extractions, OpenCC cases, conversion inputs),
cut at line breaks into pieces of at most 2 KB, each behind an options byte that varies from
piece to piece; the JSON harnesses get them as records, the decoding harness encoded in each
legacy encoding. Fuzz/Corpus/<harness>/ adds the hand-written seeds and every input that ever
failed (libFuzzer reads those directly).
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".build-fuzz" / "seeds"
PIECE = 2048

# Encodings in the order of the decoding harness's options byte (InputEncoding without UTF-8).
DECODE_ENCODINGS = ["gb18030", "gbk", "big5", "big5hkscs", "utf-16", "utf-16-le", "utf-16-be"]
TEXT_HARNESSES = ["FuzzRejoin", "FuzzNormalize", "FuzzConvert", "FuzzUTF8", "FuzzCleanStream", "FuzzMarkdown"]


def sources():
    files = sorted((ROOT / "seeds").glob("*.txt"))
    # Every test target's fixtures, wherever the tests keep them.
    files += sorted(p for p in (ROOT / "Tests").rglob("*") if p.is_file() and "Fixtures" in p.parts
                    and p.suffix in {".txt", ".in", ".ans"})
    return files


def pieces(data: bytes):
    """Consecutive pieces of at most PIECE bytes, cut after a line break where there is one."""
    start = 0
    while start < len(data):
        end = min(len(data), start + PIECE)
        if end < len(data):
            cut = data.rfind(b"\n", start, end)
            if cut > start:
                end = cut + 1
        yield data[start:end]
        start = end


def write(harness: str, name: str, data: bytes):
    folder = OUT / harness
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def main():
    n = 0
    for path in sources():
        for k, piece in enumerate(pieces(path.read_bytes())):
            n += 1
            option = bytes([n % 256])
            name = f"{path.stem}-{k:03d}"
            for harness in TEXT_HARNESSES:
                write(harness, name, option + piece)
            text = piece.decode("utf-8", errors="replace")
            paragraphs = [p for p in text.split("\n") if p.strip()]
            records = "".join(
                json.dumps({"id": i, "text": p, "title": p[:8]}, ensure_ascii=(i % 3 == 0)) + "\n"
                for i, p in enumerate(paragraphs))
            write("FuzzJSONLine", name, bytes([n % 5]) + (records.split("\n")[0] if records else "{}").encode())
            write("FuzzJSONLines", name, option + records.encode())
            index = n % len(DECODE_ENCODINGS)
            encoded = text.encode(DECODE_ENCODINGS[index], errors="ignore")
            write("FuzzDecode", name, bytes([index]) + encoded)
    print(f"fuzz seeds: {n} pieces per harness in {OUT}")


main()
