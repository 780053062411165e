#!/usr/bin/env python3
"""Generates a seeded JSON Lines corpus for the Spark test and the scaling measurements.

    python3 scripts/make-jsonl-corpus.py --records 60000 --seed 15 --out corpus.jsonl [--hanzi BIN]

The records are cut from the texts in seeds/ (Simplified, and Traditional from seed 003 and, with
--hanzi, from the Simplified seeds converted with `hanzi convert -c s2t`), short and long, with
column breaks and spacing to clean, mixed with fields that are not text (numbers, nested objects,
arrays, booleans, null), escapes, CRLF line ends and blank lines, and with invalid lines of every
kind hanzi knows: malformed JSON, not an object, the text field missing or not a string, and bytes
that are not UTF-8. A summary (how many records of each kind) goes to OUT.meta.json.
"""

import argparse
import glob
import json
import os
import random
import subprocess
import sys


def load_texts(root, hanzi):
    texts = []
    for path in sorted(glob.glob(os.path.join(root, "seeds", "*.txt"))):
        with open(path, "rb") as f:
            data = f.read().decode("utf-8")
        texts.append(("traditional" if "/003_" in path else "simplified", data))
        if hanzi and "/003_" not in path:
            converted = subprocess.run([hanzi, "convert", "-c", "s2t"], input=data.encode(), capture_output=True,
                                       check=True).stdout.decode("utf-8")
            texts.append(("traditional", converted))
    return texts


def slice_of(rng, texts, length):
    script, text = rng.choice(texts)
    start = rng.randrange(0, max(1, len(text) - length))
    return script, text[start:start + length]


def other_fields(rng, k):
    choices = [
        lambda: ("id", k),
        lambda: ("score", round(rng.uniform(-1, 1), rng.randrange(1, 6))),
        lambda: ("ok", rng.choice([True, False])),
        lambda: ("missing", None),
        lambda: ("tags", [rng.choice(["新聞", "news", "臺灣", 3, None]) for _ in range(rng.randrange(0, 4))]),
        lambda: ("meta", {"source": rng.choice(["人民日报", "聯合報", "web"]), "page": rng.randrange(1, 40),
                          "nested": {"a": [1, {"b": "漢字"}]}}),
        lambda: ("url", "https://example.org/a/" + str(k) + "?q=中文&x=1"),
    ]
    return [rng.choice(choices)() for _ in range(rng.randrange(0, 4))]


def valid_record(rng, texts, k):
    kind = rng.random()
    if kind < 0.6:
        length = rng.randrange(1, 200)  # short
    elif kind < 0.99:
        length = rng.randrange(200, 1500)
    else:
        length = rng.randrange(1500, 30000)  # long
    script, text = slice_of(rng, texts, length)
    fields = other_fields(rng, k)
    position = rng.randrange(0, len(fields) + 1)
    fields.insert(position, ("text", text))
    if rng.random() < 0.2:
        fields.append(("title", slice_of(rng, texts, rng.randrange(5, 40))[1]))
    record = dict(fields)
    ascii_only = rng.random() < 0.15  # Python's default: \uXXXX escapes
    separators = rng.choice([(",", ":"), (", ", ": ")])
    line = json.dumps(record, ensure_ascii=ascii_only, separators=separators)
    return script, line.encode("utf-8")


def invalid_record(rng, texts, k):
    _, text = slice_of(rng, texts, rng.randrange(1, 120))
    good = json.dumps({"id": k, "text": text}, ensure_ascii=False)
    kind = rng.randrange(9)
    if kind == 0:
        return "malformed", good[: rng.randrange(1, len(good) - 1)].encode()  # cut short
    if kind == 1:
        return "malformed", good.replace('"text"', "text", 1).encode()  # unquoted name
    if kind == 2:
        return "not an object", json.dumps([k, text], ensure_ascii=False).encode()
    if kind == 3:
        return "not an object", rng.choice([b"42", b'"just a string"', b"null", b"true"])
    if kind == 4:
        return "missing field", json.dumps({"id": k, "body": text}, ensure_ascii=False).encode()
    if kind == 5:
        value = rng.choice([None, 7, 1.5, [text], {"zh": text}, False])
        return "not a string", json.dumps({"id": k, "text": value}, ensure_ascii=False).encode()
    if kind == 6:
        encoded = good.encode("utf-8")
        cut = encoded.rfind(text[-1].encode("utf-8")) if text else -1
        bad = rng.choice([b"\xff", b"\xe6\xb1", b"\xc0\xaf", b"\xed\xa0\x80"])
        return "not UTF-8", encoded[:cut] + bad + encoded[cut:] if cut > 0 else encoded + bad
    if kind == 7:
        return "not UTF-8", good.encode("gb18030", errors="replace")  # another encoding
    return "malformed", (good + " trailing").encode()


def is_valid(line):
    """The rule hanzi applies, written independently: UTF-8, one JSON object, "text" a string."""
    try:
        record = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(record, dict) and isinstance(record.get("text"), str)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=60000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--invalid-rate", type=float, default=0.01)
    parser.add_argument("--out", required=True)
    parser.add_argument("--hanzi", help="a hanzi binary, to add Traditional versions of the Simplified seeds")
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    texts = load_texts(arguments.root, arguments.hanzi)
    kinds = {}
    with open(arguments.out, "wb") as out:
        for k in range(arguments.records):
            roll = rng.random()
            if roll < arguments.invalid_rate:
                kind, line = invalid_record(rng, texts, k)
                kind = "invalid: " + kind if not is_valid(line) else "meant to be invalid, but valid"
                kinds[kind] = kinds.get(kind, 0) + 1
            elif roll < arguments.invalid_rate + 0.005:
                kind, line = "blank", rng.choice([b"", b"  ", b"\r"])
                kinds[kind] = kinds.get(kind, 0) + 1
            else:
                kind, line = valid_record(rng, texts, k)
                kinds[kind] = kinds.get(kind, 0) + 1
            if rng.random() < 0.02 and not line.endswith(b"\r"):
                line += b"\r"  # a CRLF line end
            # The last line ends without a line break, as many files do.
            out.write(line + (b"\n" if k + 1 < arguments.records else b""))
    invalid = sum(v for name, v in kinds.items() if name.startswith("invalid"))
    meta = {"records": arguments.records, "invalid_lines": invalid, "kinds": kinds,
            "bytes": os.path.getsize(arguments.out), "seed": arguments.seed}
    with open(arguments.out + ".meta.json", "w") as f:
        json.dump(meta, f, indent=1, sort_keys=True, ensure_ascii=False)
    print(f"{arguments.out}: {arguments.records} records, {meta['bytes']} bytes, {invalid} invalid lines", file=sys.stderr)


if __name__ == "__main__":
    main()
