# Hanzi: the two set-up commands are `make demo` and `make test`; both install what is missing.
SHELL := /bin/bash
SWIFT ?= swift
HANZI := .build/release/hanzi

.PHONY: all deps system-deps python-env build release static test diffcheck demo tables bench bench-gate spark-test spark-bench devset devset-score devset-fresh devset-check fuzz fuzz-ci fuzz-build clean docs install check-install check-consumer

all: build

# Everything the build and the tests need, installed when missing.
deps: system-deps python-env

# libopencc (headers, library, dictionaries), the opencc command the tests compare against,
# and pkg-config.
system-deps:
	@bash scripts/install-deps.sh

# .build/venv with OpenCC 1.4.2 (PyPI `opencc`), the oracle for the bundled data.
python-env:
	@bash scripts/setup-python.sh

build: system-deps
	$(SWIFT) build

release: system-deps
	$(SWIFT) build -c release --product hanzi

# The binary `make install` installs and the one to ship to machines without a Swift toolchain
# (Spark executors, ...): the Swift runtime and FoundationEssentials linked in (on Linux; macOS
# has the runtime in the system), about 20 MB stripped, starting in about 2 ms less CPU than
# .build/release/hanzi; it still needs libopencc at run time (see integrations/spark/README.md).
# Built in a scratch folder of its own: the two builds would otherwise rebuild each other.
STATIC_BUILD := .build/static-build
static: deps
	$(SWIFT) build -c release --static-swift-stdlib --product hanzi --scratch-path $(STATIC_BUILD)
	mkdir -p .build/static && cp $(STATIC_BUILD)/release/hanzi .build/static/hanzi

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The long differential run (not in CI): at least 100 MB of generated text per configuration
# family, native engine against libopencc (installed data) and OpenCC 1.4.2 (bundled data);
# the result goes into BENCHMARKS.md.
diffcheck: deps
	@bash scripts/diffcheck.sh

demo: release
	@bash scripts/demo.sh

# Regenerates the Swift and C tables from Tables/: the normaliser's tables, the rejoiner's
# English word list, the bundled OpenCC data, its configurations compiled for the native engine
# and the script detector's classes read from it (after the data: the computing runs the
# package's own code on it).
tables:
	python3 scripts/generate-tables.py
	python3 scripts/generate-english-words.py
	python3 scripts/generate-rejoin-tables.py
	python3 scripts/generate-opencc-data.py
	bash scripts/generate-opencc-compiled.sh

# The benchmark suite (nested package Benchmarks/): 64 KB, 1 MB and 16 MB corpora plus the
# 1 GB streaming memory measurement; the table goes to standard output and
# Benchmarks/results/latest.md. See BENCHMARKS.md.
bench: system-deps
	@bash scripts/bench.sh

# The short benchmark pass CI runs: ratios within one run and malloc counts, never absolute times.
bench-gate: system-deps
	@bash scripts/bench-gate.sh

# DocC for every public module, warnings are errors (swift-docc-plugin); HTML in .build/docs/.
DOC_TARGETS := Hanzi OpenCC HanziText HanziCore
docs: deps
	@bash scripts/build-docs.sh $(DOC_TARGETS)

# Installs the release binary, the man page and the bash, zsh and fish completions under
# PREFIX (default /usr/local); DESTDIR is honoured for packaging.
PREFIX ?= /usr/local
install: static
	@bash scripts/install.sh "$(DESTDIR)$(PREFIX)" .build/static/hanzi

# Installs into a temporary prefix and checks the files and that the completions complete
# file names and option values.
check-install: static
	@bash scripts/check-install.sh .build/static/hanzi

# Builds README's library example in a separate package that depends on this one by path.
check-consumer: deps
	@bash scripts/check-consumer.sh

# The Spark job in local mode against single-machine `hanzi clean --jsonl`, record for record
# (installs Java 17 and PySpark into .build/spark-venv when missing). See integrations/spark/.
spark-test: static
	@bash scripts/spark-test.sh

# local[1] against local[2], and the pipe against plain hanzi (see BENCHMARKS.md).
spark-bench: static
	@bash scripts/spark-bench.sh

# The real-PDF development set (Tests/HanziTextTests/Fixtures/realpdf, see its README.md):
# rebuild it from its sources (installs Chromium, poppler-utils, fonts, a venv), or score the
# rejoiner on it per kind and per extractor.
devset:
	@bash scripts/devset/build.sh

devset-score: release
	@python3 scripts/devset/score.py "./$(HANZI) rejoin"

# The dev set's documents in three layouts drawn afresh (not committed; built once into
# .build/devset-fresh*): how the rejoiner does on layouts nobody has tuned it to.
devset-fresh: release
	@bash scripts/devset/fresh-layouts.sh "./$(HANZI) rejoin" fresh1 fresh2 fresh3

# Checks of the set itself (standard library only): the gold derivation and scorer on known
# cases, every gold against its extraction, and the golds scoring 1.000.
devset-check:
	@python3 scripts/devset/test_devset.py
	@python3 scripts/devset/check.py Tests/HanziTextTests/Fixtures/realpdf
	@python3 scripts/devset/score.py --self-test | tail -1

# The libFuzzer harnesses (Fuzz/Harnesses), built with -sanitize=fuzzer,address, each run for
# SECONDS seconds of wall time, FUZZ_JOBS at a time (default: all at once, so the run takes about
# SECONDS whatever the number of harnesses; FUZZ_JOBS=2 gives each a whole core on two cores but
# takes five times as long); prints the executions per harness and fails on any crash or broken
# invariant. See Fuzz/README.md.
SECONDS ?= 60
FUZZ_JOBS ?= 9
fuzz: deps
	@FUZZ_JOBS=$(FUZZ_JOBS) bash scripts/fuzz.sh $(SECONDS)

# What CI runs: every harness over its seeds and committed inputs once, without mutating them, so
# that the harnesses keep building and the inputs that once failed keep passing, with a result
# that does not depend on timing (finding new defects is `make fuzz`'s job).
fuzz-ci: deps
	@FUZZ_JOBS=3 FUZZ_REPLAY=1 bash scripts/fuzz.sh 0

# Builds every harness and runs none.
fuzz-build: deps
	@FUZZ_BUILD_ONLY=1 bash scripts/fuzz.sh 0

clean:
	rm -rf .build out Benchmarks/.build .build-fuzz
