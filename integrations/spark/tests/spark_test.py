#!/usr/bin/env python3
"""The Spark test: clean_corpus.py in Spark local mode against single-machine `hanzi clean --jsonl`.

    python integrations/spark/tests/spark_test.py --hanzi .build/static/hanzi --spark-submit .build/spark-venv/bin/spark-submit

1. Generates a seeded corpus (scripts/make-jsonl-corpus.py): Simplified and Traditional text,
   short and long records, fields that are not text, and invalid lines of every kind.
2. Runs `hanzi clean --jsonl --invalid keep` over it on one machine: the expected output.
3. Runs the Spark job with `--master local[2]`, the binary shipped with `--files`, on several
   partitions, and checks its output record for record (bytes) against the expected output, and
   its count of invalid lines against hanzi's and the generator's.
4. `--invalid skip` on a slice of the corpus, in several partitions: the same as hanzi's.
5. `--invalid fail` on that slice: the job fails, naming the partition and the line.

Prints one line per check and closes with 'N passed, M failed'; exits 1 if any failed.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
JOB = os.path.join(ROOT, "integrations", "spark", "clean_corpus.py")
GENERATOR = os.path.join(ROOT, "scripts", "make-jsonl-corpus.py")

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'}: {name}" + (f" ({detail})" if detail else ""), flush=True)


def hanzi_clean(hanzi, path, invalid, extra):
    """Single-machine output lines and the count hanzi reports."""
    run = subprocess.run([hanzi, "clean", "--jsonl", "--invalid", invalid] + extra + [path],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    found = re.search(rb"(kept|skipped) (\d+) invalid lines?", run.stderr)
    return split_lines(run.stdout), int(found.group(2)) if found else 0


def split_lines(data):
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def spark_output(folder):
    parts = sorted(glob.glob(os.path.join(folder, "part-*")))
    lines = []
    for part in parts:
        with open(part, "rb") as f:
            lines.extend(split_lines(f.read()))
    return lines, len(parts)


def submit(arguments, master, hanzi, corpus, output, job_arguments, log):
    command = [arguments.spark_submit, "--master", master, "--files", hanzi,
               "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=2",
               "--driver-memory", "2g", JOB, corpus, output] + job_arguments
    environment = dict(os.environ, PYSPARK_PYTHON=arguments.python, PYSPARK_DRIVER_PYTHON=arguments.python)
    start = time.monotonic()
    with open(log, "wb") as f:
        status = subprocess.run(command, stdout=f, stderr=subprocess.STDOUT, env=environment).returncode
    return status, time.monotonic() - start


def first_difference(got, expected):
    for k, (a, b) in enumerate(zip(got, expected)):
        if a != b:
            return f"line {k + 1}: got {a[:120]!r}, expected {b[:120]!r}"
    return f"{len(got)} lines, expected {len(expected)}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hanzi", required=True, help="the hanzi binary to ship")
    parser.add_argument("--spark-submit", required=True)
    parser.add_argument("--python", default=sys.executable, help="the Python of the executors")
    parser.add_argument("--records", type=int, default=60000)
    parser.add_argument("--work", default=os.path.join(ROOT, ".build", "spark-test"))
    parser.add_argument("--options", default="--to simplified", help="the hanzi clean options to test with")
    arguments = parser.parse_args()
    hanzi = os.path.abspath(arguments.hanzi)
    work = arguments.work
    os.makedirs(work, exist_ok=True)
    options = arguments.options.split()

    corpus = os.path.join(work, "corpus.jsonl")
    subprocess.run([sys.executable, GENERATOR, "--records", str(arguments.records), "--seed", "15",
                    "--out", corpus, "--hanzi", hanzi], check=True)
    with open(corpus + ".meta.json") as f:
        meta = json.load(f)
    check("the corpus has invalid lines of every kind and both scripts",
          sum(1 for k in meta["kinds"] if k.startswith("invalid: ")) == 5
          and meta["kinds"].get("simplified", 0) > 0 and meta["kinds"].get("traditional", 0) > 0,
          json.dumps(meta["kinds"], ensure_ascii=False))

    # 1. --invalid keep on the whole corpus, in several partitions.
    start = time.monotonic()
    expected, hanzi_invalid = hanzi_clean(hanzi, corpus, "keep", options)
    single_seconds = time.monotonic() - start
    check("single-machine hanzi: one line per record and the generator's count of invalid lines",
          len(expected) == meta["records"] and hanzi_invalid == meta["invalid_lines"],
          f"{len(expected)} lines, {hanzi_invalid} invalid, generator {meta['invalid_lines']}, {single_seconds:.1f} s")
    output = os.path.join(work, "out-keep")
    report = os.path.join(work, "report-keep.json")
    partition_mb = max(1.0, meta["bytes"] / 6 / (1 << 20))
    status, seconds = submit(arguments, "local[2]", hanzi, corpus, output,
                             ["--mode", "overwrite", "--report", report, "--max-partition-mb", f"{partition_mb:.2f}"]
                             + options, os.path.join(work, "spark-keep.log"))
    check("spark-submit local[2] --invalid keep succeeds", status == 0,
          f"{seconds:.1f} s; log: {work}/spark-keep.log")
    if status == 0:
        got, parts = spark_output(output)
        with open(report) as f:
            counts = json.load(f)
        check("the Spark output equals single-machine hanzi, record for record", got == expected,
              f"{len(got)} records in {parts} part files" if got == expected else first_difference(got, expected))
        check("the job ran several partitions", counts["partitions"] >= 4 and parts == counts["partitions"],
              f"{counts['partitions']} partitions")
        check("the job reports the invalid lines hanzi counted",
              counts["invalid_lines"] == hanzi_invalid and counts["records_in"] == counts["records_out"] == meta["records"],
              json.dumps(counts))
        print(f"spark-test: {meta['records']} records, {meta['bytes']} bytes, {counts['invalid_lines']} invalid lines "
              f"kept; local[2] {seconds:.1f} s, single-machine hanzi {single_seconds:.1f} s", flush=True)

    # 2. --invalid skip on a slice, in several partitions.
    small = os.path.join(work, "slice.jsonl")
    with open(corpus, "rb") as f:
        lines = f.read().split(b"\n")[:3000]
    with open(small, "wb") as f:
        f.write(b"\n".join(lines) + b"\n")
    expected_skip, skipped = hanzi_clean(hanzi, small, "skip", options)
    output = os.path.join(work, "out-skip")
    report = os.path.join(work, "report-skip.json")
    status, seconds = submit(arguments, "local[2]", hanzi, small, output,
                             ["--mode", "overwrite", "--invalid", "skip", "--report", report,
                              "--max-partition-mb", "0.5"] + options, os.path.join(work, "spark-skip.log"))
    got, parts, counts = [], 0, {}
    if status == 0:
        got, parts = spark_output(output)
        with open(report) as f:
            counts = json.load(f)
    check("--invalid skip: the same records as single-machine hanzi, and the same count",
          status == 0 and got == expected_skip and skipped > 0 and counts.get("invalid_lines") == skipped
          and parts > 1,
          f"{len(got)} records in {parts} part files, {skipped} skipped" if status == 0 else "spark-submit failed")

    # 3. --invalid fail: the task fails with the partition and the line number, nothing is committed.
    strict = subprocess.run([hanzi, "clean", "--jsonl", "--invalid", "fail"] + options + [small],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    line = int(re.search(rb"line (\d+):", strict.stderr).group(1))
    output = os.path.join(work, "out-fail")
    log = os.path.join(work, "spark-fail.log")
    status, seconds = submit(arguments, "local[1]", hanzi, small, output,
                             ["--mode", "overwrite", "--invalid", "fail"] + options, log)
    with open(log, "rb") as f:
        text = f.read()
    named = re.search(rb"partition 0, line (\d+) of the partition: hanzi exited with status 1", text)
    check("--invalid fail: the job fails, naming the partition and the line",
          status != 0 and named is not None and int(named.group(1)) == line
          and not os.path.exists(os.path.join(output, "_SUCCESS")),
          f"exit {status}, line {int(named.group(1)) if named else None}, hanzi alone: line {line}")

    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
