# The two commands of the quick start are `make run` and `make test`; each
# first installs whatever is missing (scripts/setup.sh).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: run test setup setup-test lint test-native test-wasm test-e2e test-bench test-screenshots build size size-check bench

## Serve the app on http://127.0.0.1:$(PORT), rebuilding on change.
run: setup
	trunk serve --address 127.0.0.1 --port $(PORT)

## Every test: lint, native, in-browser (wasm-bindgen-test), end to end.
test: setup-test lint test-native test-wasm build size-check test-e2e test-bench test-screenshots

setup:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test

# Chromedriver leaves a browser profile of about 100 MB behind for each test
# binary; the run keeps them in one folder of its own and removes it after.
# A test binary gets 180 s instead of the runner's 20: a busy two-core
# machine must not fail the run that writes 10,000 records.
BROWSER_TMP := $(CURDIR)/target/browser-tmp
test-wasm:
	rm -rf "$(BROWSER_TMP)" && mkdir -p "$(BROWSER_TMP)"
	TMPDIR="$(BROWSER_TMP)" WASM_BINDGEN_TEST_TIMEOUT=$${WASM_BINDGEN_TEST_TIMEOUT:-180} \
	  cargo test --target wasm32-unknown-unknown; \
	  status=$$?; rm -rf "$(BROWSER_TMP)"; exit $$status

## Release bundle in dist/, with .br and .gz beside each file.
build:
	trunk build --release
	scripts/precompress.sh dist

test-e2e:
	npx playwright test --config tests/e2e/playwright.config.mjs

# The benchmark on a few hundred records, once: it must keep running.
test-bench:
	node bench/run.mjs --tiny

# The screenshot script of the README, desktop light only: it must keep
# working as the views change.
test-screenshots:
	node scripts/screenshots.mjs --quick "$(CURDIR)/target/screenshots"

## The benchmark against the peers (docs/performance.md); a few minutes.
bench: setup-test build
	node bench/run.mjs

## Release bundle sizes, raw, gzip and brotli.
size: setup build size-check

size-check:
	scripts/size.sh dist
	scripts/precompress.sh --check dist
