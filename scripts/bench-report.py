#!/usr/bin/env python3
"""Turns a Hanzi benchmark run (package-benchmark's `histogramSamples` export, a directory)
into the results table, and checks the CI gates.

  bench-report.py table RUN_DIR [--out FILE.md] [--extra FILE.md ...]
  bench-report.py gate  RUN_DIR --gates Benchmarks/gates.json [--update-mallocs]
                        [--failed-list FILE] [--only-ratios]

Benchmark names are `STAGE/SIZE` (for example `convert-s2t/1M`). Every iteration processes the
whole corpus of that size once, so throughput is corpus bytes divided by the median (p50) wall
clock of one iteration, in MB/s with MB = 10^6 bytes. Ratios are taken between two stages of
the same run over the same corpus: a convert stage is divided by the raw `opencc_convert_utf8`
call of the same configuration, parallel convert by the single-core wrapper, every other stage
by the byte scan (counting line feeds over the same buffer).
"""
import json
import os
import statistics
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Stage order and description of each row in the table.
STAGES = [
    ("scan", "byte scan (count line feeds)"),
    ("convert-raw-s2t", "libopencc 1.1.6 s2t, direct C call"),
    ("convert-s2t", "convert s2t (native, OpenCC 1.4.2 data)"),
    ("convert-raw-t2s", "libopencc 1.1.6 t2s, direct C call"),
    ("convert-t2s", "convert t2s (native)"),
    ("convert-raw-hk2s", "libopencc 1.1.6 hk2s, direct C call"),
    ("convert-hk2s", "convert hk2s (native)"),
    ("convert-raw-s2twp", "libopencc 1.1.6 s2twp, direct C call"),
    ("convert-s2twp", "convert s2twp (native)"),
    ("convert-system-s2t", "convert s2t (native, installed data)"),
    ("convert-parallel-s2t", "convert s2t, all cores (native)"),
    ("convert-s2tw", "convert s2tw (native)"),
    ("convert-tw2s", "convert tw2s (native)"),
    ("convert-tw2sp", "convert tw2sp (native)"),
    ("convert-s2hk", "convert s2hk (native)"),
    ("convert-s2hkp", "convert s2hkp (native)"),
    ("convert-hk2sp", "convert hk2sp (native)"),
    ("convert-t2tw", "convert t2tw (native)"),
    ("convert-tw2t", "convert tw2t (native)"),
    ("convert-t2hk", "convert t2hk (native)"),
    ("convert-hk2t", "convert hk2t (native)"),
    ("convert-t2jp", "convert t2jp (native)"),
    ("convert-jp2t", "convert jp2t (native)"),
    ("rejoin", "rejoin column breaks"),
    ("normalize", "normalize punctuation"),
    ("normalize-keep", "normalize, spacing keep"),
    ("normalize-insert", "normalize, spacing insert"),
    ("normalize-taiwan", "normalize, taiwan style"),
    ("normalize-taiwan-keep", "normalize, taiwan, spacing keep"),
    ("normalize-taiwan-insert", "normalize, taiwan, spacing insert"),
    ("normalize-hongkong", "normalize, hongkong style"),
    ("normalize-hongkong-keep", "normalize, hongkong, spacing keep"),
    ("normalize-hongkong-insert", "normalize, hongkong, spacing insert"),
    ("clean", "clean, no conversion (rejoin + normalize)"),
    ("clean-s2t", "clean with s2t conversion"),
    ("detect", "detect script"),
    ("jsonl-clean", "JSON Lines clean"),
]
SIZE_ORDER = {"64K": 0, "1M": 1, "10M": 2, "16M": 3}


def baseline_of(stage):
    """The stage a stage's throughput is divided by, with the name of that ratio."""
    if stage.startswith("convert-raw-") or stage == "scan":
        return "scan", "of scan"
    if stage == "convert-parallel-s2t":
        return "convert-s2t", "of 1 core"
    if stage in ("convert-s2t", "convert-t2s", "convert-hk2s", "convert-s2twp"):
        return "convert-raw-" + stage[len("convert-"):], "of libopencc"
    if stage == "convert-system-s2t":
        return "convert-raw-s2t", "of libopencc"
    return "scan", "of scan"


def corpus_bytes(label):
    path = subprocess.run(
        [sys.executable, os.path.join(REPO, "scripts", "bench-corpus.py"), label, "--print-path"],
        check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1]
    return os.path.getsize(path)


SAMPLES_SUFFIX = ".histogram.samples.tsv"
METRIC_FILES = {
    "wallClock": "wall_ns",
    "mallocCountTotal": "mallocs",
    "peakMemoryResident": "peak_rss",
    "Input_bytes": "input_bytes",
    "Paired_ratio_(x10000)": "paired",
}


def load(path):
    """Reads a run exported with `--format histogramSamples` (one file of samples per benchmark
    and metric, in nanoseconds and plain counts) from the directory `path`."""
    samples = {}
    for file in os.listdir(path):
        if not file.endswith(SAMPLES_SUFFIX):
            continue
        # BASELINE.TARGET.NAME.METRIC.histogram.samples.tsv, NAME with "/" written as "_".
        parts = file[: -len(SAMPLES_SUFFIX)].split(".", 2)
        if len(parts) < 3:
            continue
        name, metric = parts[2].rsplit(".", 1)
        if metric not in METRIC_FILES or "_" not in name:
            continue
        stage, size = name.rsplit("_", 1)
        with open(os.path.join(path, file)) as f:
            values = [float(line) for line in f.read().splitlines()[1:] if line.strip()]
        if values:
            samples.setdefault((stage, size), {})[METRIC_FILES[metric]] = values
    if not samples:
        sys.exit(f"bench-report: no benchmark samples in {path}")
    results = {}
    for key, metrics in samples.items():
        wall = metrics.get("wall_ns", [])
        r = {
            "wall_us": statistics.median(wall) / 1000 if wall else None,
            "iterations": len(wall),
            "mallocs": statistics.median(metrics["mallocs"]) if "mallocs" in metrics else None,
            "peak_rss": max(metrics["peak_rss"]) if "peak_rss" in metrics else None,
            "input_bytes": statistics.median(metrics["input_bytes"]) if "input_bytes" in metrics else None,
            # ratio-STAGE benchmarks: the median of the per-iteration paired ratios.
            "paired": statistics.median(metrics["paired"]) / 10000 if "paired" in metrics else None,
        }
        results[key] = r
    sizes = {size for _, size in results}
    byte_counts = {size: corpus_bytes(size) for size in sizes}
    for (stage, size), r in results.items():
        # A benchmark whose input is not the plain corpus (JSON Lines) records its own size.
        r["bytes"] = int(r["input_bytes"]) if r["input_bytes"] else byte_counts[size]
        r["mbps"] = r["bytes"] / (r["wall_us"] / 1e6) / 1e6 if r["wall_us"] else None
    return results


def ratio(results, stage, size, key="mbps"):
    base, _ = baseline_of(stage)
    a, b = results.get((stage, size)), results.get((base, size))
    if not a or not b or not a[key] or not b[key] or base == stage:
        return None
    return a[key] / b[key]


def fmt_mbps(v):
    if v is None:
        return "n/a"
    return f"{v:,.0f}" if v >= 100 else f"{v:.1f}"


def fmt_count(v):
    return "n/a" if v is None else f"{int(round(v)):,}"


def table(results):
    sizes = sorted({s for _, s in results}, key=lambda s: SIZE_ORDER.get(s, 99))
    known = [s for s, _ in STAGES]
    stages = known + sorted({st for st, _ in results if not st.startswith("ratio-")} - set(known))
    describe = dict(STAGES)
    lines = [
        "| stage | corpus | MB/s | ratio | paired ratio | mallocs | peak RSS (MB) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for stage in stages:
        for size in sizes:
            r = results.get((stage, size))
            if not r:
                continue
            q = ratio(results, stage, size)
            _, kind = baseline_of(stage)
            ratio_text = "" if q is None else f"{q:.3f} {kind}"
            pair = results.get(("ratio-" + stage, size))
            paired_text = "" if not pair or pair["paired"] is None else f"{pair['paired']:.3f}"
            peak = "n/a" if r["peak_rss"] is None else f"{r['peak_rss'] / 1e6:.0f}"
            lines.append(
                f"| {describe.get(stage, stage)} | {size} | {fmt_mbps(r['mbps'])} | {ratio_text} | "
                f"{paired_text} | {fmt_count(r['mallocs'])} | {peak} |"
            )
    # Linearity: the cost of one byte at each size, relative to the smallest.
    if len(sizes) > 1:
        lines += ["", "Linearity: MB/s at each corpus size (equal figures mean cost grows linearly with input).", ""]
        lines.append("| stage | " + " | ".join(sizes) + " | largest / smallest |")
        lines.append("| --- |" + " ---: |" * (len(sizes) + 1))
        for stage in stages:
            row = [results.get((stage, s)) for s in sizes]
            if not any(row):
                continue
            cells = [fmt_mbps(r["mbps"]) if r else "n/a" for r in row]
            first, last = row[0], row[-1]
            lin = f"{last['mbps'] / first['mbps']:.2f}" if first and last and first["mbps"] and last["mbps"] else ""
            lines.append(f"| {describe.get(stage, stage)} | " + " | ".join(cells) + f" | {lin} |")
    lines += [
        "",
        "MB/s: corpus bytes (10^6 bytes per MB) over the median wall clock of one iteration. Ratio: MB/s "
        "over that of the raw libopencc call of the same configuration (convert), of single-core convert "
        "(all cores), or of the byte scan (every other stage), same corpus, same run. Paired ratio: the "
        "median over iterations that each time the baseline and the stage back to back (what CI gates on). "
        "Mallocs: median malloc calls per iteration (bucketed to about 0.1%). Peak RSS: the highest "
        "of the whole benchmark process, which holds all the corpora it loaded.",
    ]
    return "\n".join(lines)


def cmd_table(args):
    path = args[0]
    out = None
    extra = []
    rest = iter(args[1:])
    for a in rest:
        if a == "--out":
            out = next(rest)
        elif a == "--extra":
            extra.append(next(rest))
    results = load(path)
    text = table(results)
    for e in extra:
        if os.path.exists(e):
            with open(e) as f:
                text += "\n\n" + f.read().rstrip()
    print(text)
    if out:
        os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
        with open(out, "w") as f:
            f.write(text + "\n")
    return 0


def cmd_gate(args):
    path = args[0]
    gates_path = args[args.index("--gates") + 1]
    update = "--update-mallocs" in args
    only_ratios = "--only-ratios" in args  # a second measurement of the failed ratios only
    with open(gates_path) as f:
        gates = json.load(f)
    results = load(path)
    failures, lines = [], []
    failed_benchmarks = set()
    for g in gates.get("ratios", []):
        size = g["size"]
        name = f"ratio-{g['stage']}/{size}"
        r = results.get((f"ratio-{g['stage']}", size))
        if only_ratios and not r:
            continue
        if not r or r["paired"] is None:
            failures.append(f"{name}: the benchmark is missing from the run")
            continue
        q = r["paired"]
        ok = q >= g["min"]
        lines.append(
            f"{'ok  ' if ok else 'FAIL'} {g['stage']} over {g['over']} at {size}: {q:.3f} (gate >= {g['min']}, "
            f"median of {r['iterations']} paired iterations) - {g.get('why', '')}"
        )
        if not ok:
            failures.append(lines[-1])
            failed_benchmarks.add(name)
    if update:
        gates["mallocs"] = {
            f"{stage}/{size}": int(round(r["mallocs"]))
            for (stage, size), r in sorted(results.items())
            if r["mallocs"] is not None and not stage.startswith("ratio-")
        }
        with open(gates_path, "w") as f:
            json.dump(gates, f, indent=2, ensure_ascii=False)
            f.write("\n")
        print(f"bench gate: malloc baselines written to {gates_path}")
    mallocs = {} if only_ratios else gates.get("mallocs", {})
    tolerance = gates.get("malloc_tolerance", {"relative": 0.05, "absolute": 8})
    for key, expected in sorted(mallocs.items()):
        stage, size = key.rsplit("/", 1)
        r = results.get((stage, size))
        if not r or r["mallocs"] is None:
            failures.append(f"mallocs {key}: the benchmark is missing from the run")
            continue
        limit = expected * (1 + tolerance["relative"]) + tolerance["absolute"]
        ok = r["mallocs"] <= limit
        lines.append(f"{'ok  ' if ok else 'FAIL'} mallocs {key}: {r['mallocs']:.0f} (baseline {expected}, limit {limit:.0f})")
        if not ok:
            failures.append(lines[-1])
    print("\n".join(lines))
    if "--failed-list" in args:
        with open(args[args.index("--failed-list") + 1], "w") as f:
            f.write("".join(name + "\n" for name in sorted(failed_benchmarks)))
    if failures:
        print(f"\nbench gate: {len(failures)} check(s) below their gate:", file=sys.stderr)
        for f_ in failures:
            print("  " + f_, file=sys.stderr)
        return 1
    print(f"bench gate: {len(lines)} checks passed")
    return 0


def main(argv):
    if len(argv) < 2 or argv[0] not in ("table", "gate"):
        sys.exit(__doc__)
    return {"table": cmd_table, "gate": cmd_gate}[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
