"""Clean a JSON Lines corpus on Spark, with `hanzi clean --jsonl` as the worker of every partition.

    spark-submit --master yarn --files hanzi integrations/spark/clean_corpus.py \
        s3a://bucket/raw/ s3a://bucket/clean/ --to simplified --field text

Reads JSON Lines from any path Spark's file sources read (local, hdfs://, s3a://, gs://, a folder
or a glob), runs every partition through one `hanzi clean --jsonl` process (records go in on its
standard input and come out of its standard output, streaming), and writes JSON Lines back, one
part file per partition, in the order of the input.

The worker contract:
- One output line per input line (`--invalid keep`, the default here): an invalid line (not
  UTF-8, not a JSON object, a --field missing or not a string) is written unchanged and counted.
  Records are bytes end to end: nothing is decoded or re-encoded on the way, so a kept line that is
  not UTF-8 comes out byte for byte as it went in.
- `--invalid skip` leaves invalid lines out; `--invalid fail` fails the task with the partition and
  the line number within it.
- A worker that exits with an error, or gives back a different number of lines than it should,
  fails the Spark task with the partition number and hanzi's message: never silently missing
  records.

Every option this job does not know (`--field`, `--to`, `--style`, `--format`, `--config`, ...)
goes to `hanzi clean` as it is. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from typing import Iterable, Iterator, List, Optional

# How many records go to the worker's standard input in one write.
_WRITE_BATCH = 512

_COUNT_PATTERN = re.compile(rb"(kept|skipped) (\d+) invalid lines?")
_LINE_PATTERN = re.compile(rb"<stdin>: line (\d+): (.*)")


class WorkerError(RuntimeError):
    """A partition's worker failed: the message names the partition and, when hanzi gave one, the line."""


def parse_arguments(argv: List[str]):
    parser = argparse.ArgumentParser(
        prog="clean_corpus.py",
        description="Clean JSON Lines on Spark with `hanzi clean --jsonl` as the per-partition worker. "
        "Options it does not know (--field, --to, --style, --format, ...) go to `hanzi clean`.",
    )
    parser.add_argument("input", help="JSON Lines to read: a file, folder or glob, on any Hadoop-supported file system")
    parser.add_argument("output", help="the folder to write (part files of JSON Lines)")
    parser.add_argument("--invalid", choices=["keep", "skip", "fail"], default="keep",
                        help="what hanzi does with an invalid line (default keep: one output line per input line)")
    parser.add_argument("--hanzi", metavar="PATH",
                        help="ship this hanzi binary to the executors (SparkContext.addFile); "
                        "without it, the binary shipped with spark-submit --files is used")
    parser.add_argument("--binary-name", default="hanzi",
                        help="the file name of the shipped binary (default: hanzi)")
    parser.add_argument("--max-partition-mb", type=float, metavar="MB",
                        help="at most this many megabytes of input per partition (spark.sql.files.maxPartitionBytes)")
    parser.add_argument("--compression", default=None,
                        help="compress the output part files: gzip, bzip2, zstd, ... (default: none)")
    parser.add_argument("--mode", default="errorifexists", choices=["errorifexists", "overwrite"],
                        help="what to do when the output folder exists (default: fail)")
    parser.add_argument("--report", metavar="FILE",
                        help="write the counts (records in, out, invalid) as JSON to this local file")
    arguments, passthrough = parser.parse_known_args(argv)
    if "--jsonl" in passthrough:
        passthrough.remove("--jsonl")
    for forbidden in ("--invalid", "--skip-invalid", "-o", "--output", "--output-dir", "--in-place"):
        if any(a == forbidden or a.startswith(forbidden + "=") for a in passthrough):
            parser.error(f"{forbidden} is set by this job; see --help")
    return arguments, passthrough


def worker_command(binary: str, invalid: str, passthrough: List[str], task_cpus: int) -> List[str]:
    """The hanzi command line for one partition."""
    command = [binary, "clean", "--jsonl", "--invalid", invalid]
    # One task has `spark.task.cpus` cores; hanzi would otherwise use all of the machine's.
    if not any(a in ("-j", "--jobs") or a.startswith("--jobs=") for a in passthrough):
        command += ["--jobs", str(task_cpus)]
    return command + passthrough


def executable_copy(path: str) -> str:
    """`path` if it can be run, else a private executable copy (a shipped file may lose its mode)."""
    if os.access(path, os.X_OK):
        return path
    folder = tempfile.mkdtemp(prefix="hanzi-")
    copy = os.path.join(folder, os.path.basename(path))
    shutil.copyfile(path, copy)
    os.chmod(copy, stat.S_IRWXU)
    return copy


def _feed(stdin, records: Iterable[bytes], counter: list, failure: list) -> None:
    """Writes the records, one per line, then closes the worker's standard input."""
    batch = []
    try:
        for record in records:
            batch.append(record)
            if len(batch) == _WRITE_BATCH:
                batch.append(b"")
                stdin.write(b"\n".join(batch))
                counter[0] += len(batch) - 1
                batch = []
        if batch:
            batch.append(b"")
            stdin.write(b"\n".join(batch))
            counter[0] += len(batch) - 1
    except BrokenPipeError:
        pass  # the worker stopped (an error it reports on standard error)
    except BaseException as error:  # reading the input failed: the task must fail too
        failure.append(error)
    finally:
        try:
            stdin.close()
        except BrokenPipeError:
            pass


def run_worker(command: List[str], partition: int, records: Iterable[bytes], invalid: str,
               counts=None) -> Iterator[bytes]:
    """Streams `records` (bytes without line breaks) through one hanzi process and yields its lines.

    Raises WorkerError naming the partition (and the line within it) when hanzi fails, or when the
    number of lines it gives back is not the number it should.
    """
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               bufsize=1 << 20)
    written, failure = [0], []
    feeder = threading.Thread(target=_feed, args=(process.stdin, records, written, failure), daemon=True)
    feeder.start()
    errors: List[bytes] = []
    drainer = threading.Thread(target=lambda: errors.append(process.stderr.read()), daemon=True)
    drainer.start()
    produced = 0
    try:
        for line in process.stdout:
            produced += 1
            yield line[:-1] if line.endswith(b"\n") else line
    finally:
        process.stdout.close()
        status = process.wait()
        feeder.join()
        drainer.join()
    message = b"".join(errors)
    if failure:
        raise WorkerError(f"partition {partition}: reading the input failed: {failure[0]!r}") from failure[0]
    if status != 0:
        detail = message.decode("utf-8", "replace").strip()
        found = _LINE_PATTERN.search(message)
        where = f"partition {partition}, line {int(found.group(1))} of the partition" if found else f"partition {partition}"
        raise WorkerError(f"{where}: hanzi exited with status {status}: {detail}")
    found = _COUNT_PATTERN.search(message)
    invalid_lines = int(found.group(2)) if found else 0
    expected = written[0] - (invalid_lines if invalid == "skip" else 0)
    if produced != expected:
        raise WorkerError(f"partition {partition}: {written[0]} records in, {produced} out "
                          f"({invalid_lines} invalid, --invalid {invalid}); hanzi said: "
                          + message.decode("utf-8", "replace").strip())
    if message:
        # Kept or skipped lines: their numbers within this partition, in the executor's log.
        sys.stderr.write(f"hanzi, partition {partition}: " + message.decode("utf-8", "replace"))
    if counts is not None:
        counts["in"].add(written[0])
        counts["out"].add(produced)
        counts["invalid"].add(invalid_lines)


def main(argv: Optional[List[str]] = None) -> int:
    arguments, passthrough = parse_arguments(sys.argv[1:] if argv is None else argv)

    from pyspark import SparkFiles
    from pyspark.sql import SparkSession
    from pyspark.sql.functions import col
    from pyspark.sql.types import BinaryType, StructField, StructType

    spark = SparkSession.builder.appName("hanzi clean_corpus").getOrCreate()
    context = spark.sparkContext
    binary_name = arguments.binary_name
    if arguments.hanzi:
        context.addFile(arguments.hanzi)
        binary_name = os.path.basename(arguments.hanzi)
        # Check the options once on the driver (same platform), before any task starts.
        try:
            check = subprocess.run(worker_command(arguments.hanzi, arguments.invalid, passthrough, 1),
                                   input=b"", capture_output=True)
        except OSError:
            check = None  # built for the executors' platform, not the driver's
        if check is not None and check.returncode != 0:
            sys.stderr.write(check.stderr.decode("utf-8", "replace"))
            return 2
    elif binary_name not in [os.path.basename(f) for f in context.getConf().get("spark.files", "").split(",") if f]:
        sys.stderr.write(f"clean_corpus.py: ship the hanzi binary with `spark-submit --files hanzi` or give --hanzi PATH\n")
        return 2
    if arguments.max_partition_mb:
        spark.conf.set("spark.sql.files.maxPartitionBytes", str(int(arguments.max_partition_mb * (1 << 20))))
    task_cpus = int(context.getConf().get("spark.task.cpus", "1"))
    invalid = arguments.invalid
    counts = {name: context.accumulator(0) for name in ("in", "out", "invalid")}

    def clean_partition(partition: int, rows: Iterator) -> Iterator:
        command = worker_command(executable_copy(SparkFiles.get(binary_name)), invalid, passthrough, task_cpus)
        records = (bytes(row[0]) for row in rows)
        for line in run_worker(command, partition, records, invalid, counts):
            yield (bytearray(line),)

    # Lines as bytes: the text source splits on "\n" only and does not decode, and the cast to
    # binary keeps the bytes, so nothing is lost or replaced on the way to the worker.
    lines = spark.read.option("lineSep", "\n").text(arguments.input).select(col("value").cast("binary"))
    cleaned = lines.rdd.mapPartitionsWithIndex(clean_partition)
    schema = StructType([StructField("value", BinaryType(), False)])
    writer = spark.createDataFrame(cleaned, schema, verifySchema=False).select(col("value").cast("string")).write.mode(arguments.mode)
    writer = writer.option("lineSep", "\n")
    if arguments.compression:
        writer = writer.option("compression", arguments.compression)
    start = time.monotonic()
    writer.text(arguments.output)
    seconds = time.monotonic() - start

    summary = {"records_in": counts["in"].value, "records_out": counts["out"].value,
               "invalid_lines": counts["invalid"].value, "invalid_rule": invalid,
               "partitions": lines.rdd.getNumPartitions(), "seconds": round(seconds, 3)}
    verb = {"keep": "kept unchanged", "skip": "skipped", "fail": "(none allowed)"}[invalid]
    print(f"clean_corpus: {summary['records_in']} records in {summary['partitions']} partitions, "
          f"{summary['records_out']} out, {summary['invalid_lines']} invalid lines {verb}; {seconds:.1f} s", file=sys.stderr)
    if arguments.report:
        with open(arguments.report, "w") as report:
            json.dump(summary, report)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
