# Hanzi: the two set-up commands are `make demo` and `make test`; both install what is missing.
SHELL := /bin/bash
SWIFT ?= swift
HANZI := .build/release/hanzi

.PHONY: all deps build release test demo tables bench bench-gate fuzz fuzz-ci clean

all: build

# Installs libopencc (headers, library, dictionaries), the opencc command the tests compare
# against, and pkg-config, when they are missing.
deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product hanzi

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

demo: release
	@bash scripts/demo.sh

# Regenerates Sources/HanziText/Normalizer/Generated/GeneratedNormalizationTables.swift from Tables/.
tables:
	python3 scripts/generate-tables.py

# The benchmark suite (nested package Benchmarks/): 64 KB, 1 MB and 16 MB corpora plus the
# 1 GB streaming memory measurement; the table goes to standard output and
# Benchmarks/results/latest.md. See BENCHMARKS.md.
bench: deps
	@bash scripts/bench.sh

# The short benchmark pass CI runs: ratios within one run and malloc counts, never absolute times.
bench-gate: deps
	@bash scripts/bench-gate.sh

# The libFuzzer harnesses (Fuzz/Harnesses), built with -sanitize=fuzzer,address, each run for
# SECONDS seconds (FUZZ_JOBS=N runs N at a time); prints the executions per harness and fails on
# any crash or broken invariant. See Fuzz/README.md.
SECONDS ?= 60
fuzz: deps
	@bash scripts/fuzz.sh $(SECONDS)

# What CI runs: every harness for 20 s, one at a time (about 3 minutes after the build), so that
# the harnesses keep building and the inputs that once failed keep passing.
fuzz-ci: deps
	@bash scripts/fuzz.sh 20

clean:
	rm -rf .build out Benchmarks/.build .build-fuzz
