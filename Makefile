# Hanzi: the two set-up commands are `make demo` and `make test`; both install what is missing.
SHELL := /bin/bash
SWIFT ?= swift
HANZI := .build/release/hanzi

.PHONY: all deps build release test demo tables bench bench-gate devset devset-score devset-check clean

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

# The real-PDF development set (Tests/HanziTextTests/Fixtures/realpdf, see its README.md):
# rebuild it from its sources (installs Chromium, poppler-utils, fonts, a venv), or score the
# rejoiner on it per kind and per extractor.
devset:
	@bash scripts/devset/build.sh

devset-score: release
	@python3 scripts/devset/score.py "./$(HANZI) rejoin"

# Checks of the set itself (standard library only): the gold derivation and scorer on known
# cases, every gold against its extraction, and the golds scoring 1.000.
devset-check:
	@python3 scripts/devset/test_devset.py
	@python3 scripts/devset/check.py Tests/HanziTextTests/Fixtures/realpdf
	@python3 scripts/devset/score.py --self-test | tail -1

clean:
	rm -rf .build out Benchmarks/.build
