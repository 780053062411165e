#!/usr/bin/env python3
"""Scaling of the Spark job: local[1] against local[2], and the pipe against plain hanzi.

    python integrations/spark/tests/spark_bench.py --hanzi .build/static/hanzi \
        --spark-submit .build/spark-venv/bin/spark-submit [--records 150000] [--repeat 2]

For each set of hanzi options (the default cleaning, and cleaning with --to simplified through
libopencc), on one generated corpus:
- plain `hanzi clean --jsonl --invalid keep` with --jobs 1 and --jobs 2 (wall time);
- the Spark job in local[1] and local[2], with as many partitions as a 2-core run gives by
  default times 4; the time of the job's one action (reading, the pipe, writing), without
  the JVM's start-up, which the job reports, and the whole spark-submit.
Each run is repeated and the fastest kept; the load average before each run is printed, since
the machine may be shared. Prints a Markdown table.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
JOB = os.path.join(ROOT, "integrations", "spark", "clean_corpus.py")
GENERATOR = os.path.join(ROOT, "scripts", "make-jsonl-corpus.py")


def load():
    return os.getloadavg()[0]


def time_hanzi(hanzi, corpus, options, jobs):
    start = time.monotonic()
    with open(os.devnull, "wb") as sink:
        subprocess.run([hanzi, "clean", "--jsonl", "--invalid", "keep", "--quiet", "--jobs", str(jobs)] + options
                       + [corpus], stdout=sink, check=True)
    return time.monotonic() - start


def time_pipe(hanzi, corpus, options):
    """The job's pipe alone (clean_corpus.run_worker, in this process) over the corpus's lines."""
    sys.path.insert(0, os.path.dirname(JOB))
    from clean_corpus import run_worker, worker_command

    with open(corpus, "rb") as f:
        records = f.read().split(b"\n")
    command = worker_command(hanzi, "keep", ["--quiet"] + options, 1)
    start = time.monotonic()
    count = sum(1 for _ in run_worker(command, 0, iter(records), "keep"))
    assert count == len(records)
    return time.monotonic() - start


def time_spark(arguments, hanzi, corpus, options, master, partition_mb, work):
    output = os.path.join(work, "bench-out")
    report = os.path.join(work, "bench-report.json")
    shutil.rmtree(output, ignore_errors=True)
    command = [arguments.spark_submit, "--master", master, "--files", hanzi, "--conf", "spark.ui.enabled=false",
               "--driver-memory", "2g", JOB, corpus, output, "--report", report,
               "--max-partition-mb", f"{partition_mb:.2f}"] + options
    environment = dict(os.environ, PYSPARK_PYTHON=arguments.python, PYSPARK_DRIVER_PYTHON=arguments.python)
    start = time.monotonic()
    with open(os.path.join(work, "bench.log"), "wb") as log:
        subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, env=environment, check=True)
    total = time.monotonic() - start
    with open(report) as f:
        counts = json.load(f)
    return counts["seconds"], total, counts["partitions"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hanzi", required=True)
    parser.add_argument("--spark-submit", required=True)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--records", type=int, default=150000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--only", choices=["clean", "convert"], help="measure one set of options only")
    parser.add_argument("--work", default=os.path.join(ROOT, ".build", "spark-bench"))
    arguments = parser.parse_args()
    hanzi = os.path.abspath(arguments.hanzi)
    os.makedirs(arguments.work, exist_ok=True)
    corpus = os.path.join(arguments.work, "corpus.jsonl")
    subprocess.run([sys.executable, GENERATOR, "--records", str(arguments.records), "--seed", "16",
                    "--out", corpus, "--hanzi", hanzi], check=True)
    size = os.path.getsize(corpus)
    partition_mb = size / 8 / (1 << 20)
    rows = []
    sets = [("clean", "clean (rejoin, normalise)", []), ("convert", "clean --to simplified (libopencc)", ["--to", "simplified"])]
    for key, label, options in sets:
        if arguments.only and key != arguments.only:
            continue
        measured = {}
        for name, run in [
            ("hanzi -j1", lambda: (time_hanzi(hanzi, corpus, options, 1), None, None)),
            ("hanzi -j2", lambda: (time_hanzi(hanzi, corpus, options, 2), None, None)),
            ("pipe -j1", lambda: (time_pipe(hanzi, corpus, options), None, None)),
            ("spark local[1]", lambda: time_spark(arguments, hanzi, corpus, options, "local[1]", partition_mb, arguments.work)),
            ("spark local[2]", lambda: time_spark(arguments, hanzi, corpus, options, "local[2]", partition_mb, arguments.work)),
        ]:
            best = None
            for attempt in range(arguments.repeat):
                before = load()
                result = run()
                print(f"{label}, {name}, run {attempt + 1}: {result[0]:.2f} s"
                      + (f" (spark-submit {result[1]:.1f} s, {result[2]} partitions)" if result[1] else "")
                      + f", load average before: {before:.2f}", file=sys.stderr, flush=True)
                if best is None or result[0] < best[0]:
                    best = result
            measured[name] = best
        records = arguments.records
        h1, h2 = measured["hanzi -j1"][0], measured["hanzi -j2"][0]
        s1, s2 = measured["spark local[1]"][0], measured["spark local[2]"][0]
        p1 = measured["pipe -j1"][0]
        rows.append(
            f"| {label} | {size / h1 / 1e6:.1f} | {size / h2 / 1e6:.1f} | {size / s1 / 1e6:.1f} | {size / s2 / 1e6:.1f} "
            f"| {s1 / s2:.2f}× | {(p1 - h1) / records * 1e6:.1f} µs ({(p1 - h1) / h1 * 100:+.0f} %) "
            f"| {(s1 - h1) / records * 1e6:.1f} µs ({(s1 - h1) / h1 * 100:+.0f} %) "
            f"| {measured['spark local[1]'][1]:.0f} / {measured['spark local[2]'][1]:.0f} s |")
    print(f"\nCorpus: {arguments.records} records, {size / 1e6:.0f} MB, {partition_mb:.0f} MB partitions "
          f"(8); best of {arguments.repeat}.\n")
    print("| options | hanzi -j1 MB/s | hanzi -j2 MB/s | Spark local[1] MB/s | Spark local[2] MB/s "
          "| local[2] / local[1] | the pipe alone, per record (vs -j1) | Spark local[1], per record (vs -j1) "
          "| spark-submit wall, local[1] / [2] |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print(row)


if __name__ == "__main__":
    main()
