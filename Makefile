# The front door: `make serve` to preview, `make test` to run every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Every dependency, runtime and test, pinned with hashes; generated from pyproject.toml by `make lock`.
LOCK := requirements.txt
# Zensical, in an environment of its own with its own lock, only to check that the rendered pages build with it
# (tests/publish/test_zensical.py) and to time it (`make bench`); the site itself is built with ProperDocs.
ZENSICAL_VENV := .venv-zensical
ZENSICAL_LOCK := requirements-zensical.txt
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed-stamp

.PHONY: setup zensical lock lock-zensical validate schema test site serve offline pdf fingerprints bench clean audit screenshots

setup: $(STAMP)

# Installs exactly the locked versions (pip refuses any file whose hash differs), then the project itself
# without dependencies and without build isolation, so the build backend comes from the lock too.
$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

zensical: $(ZENSICAL_STAMP)

$(ZENSICAL_STAMP): $(ZENSICAL_LOCK)
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r $(ZENSICAL_LOCK)
	touch $(ZENSICAL_STAMP)

# Re-resolve the lock from pyproject.toml (run with the oldest supported Python, 3.11). Pass
# LOCK_ARGS=--upgrade to move every pin to its newest allowed release, or LOCK_ARGS='-P pkg' for one.
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet 'pip-tools>=7.4,<8'
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --all-build-deps --extra test \
	  --strip-extras --no-emit-index-url --no-emit-find-links --output-file $(LOCK) $(LOCK_ARGS) pyproject.toml

# Re-resolve Zensical's lock from requirements-zensical.in, which pins the release to check.
lock-zensical:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet 'pip-tools>=7.4,<8'
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links --output-file $(ZENSICAL_LOCK) $(LOCK_ARGS) requirements-zensical.in

validate: setup
	$(BIN)/handbook validate --strict content

schema: setup
	$(BIN)/handbook schema --out schema

test: setup zensical
	$(BIN)/python -m pytest

clean:
	rm -rf site dist test-artefacts

# DOWNLOADS=dist publishes the offline zip and the PDF built there (`make offline pdf`) with the site, when they
# are of the same edition.
site: setup
	$(BIN)/handbook build --config mkdocs.yml --site-dir site $(if $(DOWNLOADS),--downloads $(DOWNLOADS))

# The live preview, served by ProperDocs (the maintained continuation of MkDocs 1.x) with Material, as every build is.
serve: setup
	$(BIN)/properdocs serve -f mkdocs.yml --livereload --dirty

offline: setup
	$(BIN)/handbook offline --config mkdocs.offline.yml --zip dist/ml-engineering-handbook-offline.zip

# One PDF of the whole handbook, with a table of contents, printed from a single-page edition in headless Chromium.
pdf: setup
	$(BIN)/handbook pdf --config mkdocs.yml --out dist/ml-engineering-handbook.pdf

# The fingerprints of the source texts that the own-words test checks the content against (the texts themselves
# are never committed). Run after a source text is added or changed. SOURCES holds the four original articles
# (default: HANDBOOK_SOURCES_DIR, then ../shared/sources); EVIDENCE holds the pages read for the sources that have
# an address (default: HANDBOOK_EVIDENCE_DIR, then ../evidence-texts), one <source-id>.txt per source. The texts read for
# the older sources are not kept everywhere, so the evidence fingerprint is merged by default: the new texts' hashes are
# added and none is dropped. With every text present, `make fingerprints EVIDENCE_MODE=` regenerates it from scratch.
EVIDENCE_MODE ?= --merge
SOURCES ?= $(or $(HANDBOOK_SOURCES_DIR),../shared/sources)
EVIDENCE ?= $(or $(HANDBOOK_EVIDENCE_DIR),../evidence-texts)
fingerprints: setup
	$(BIN)/handbook fingerprint --sources $(SOURCES) --out tests/source-fingerprints.txt
	$(BIN)/handbook fingerprint $(EVIDENCE_MODE) --sources $(EVIDENCE) --out tests/fingerprints/evidence.txt

bench: setup zensical
	$(BIN)/python bench/bench.py

# Lighthouse (pinned in audit/package-lock.json, run with Debian's Chromium) and axe on key pages of the built site,
# served compressed; prints a table of scores and fails when a target is missed. Not part of `make test`.
audit: site
	cd audit && npm ci --ignore-scripts --no-audit --no-fund --silent
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python -m audit.run site

# PNGs of the key pages (desktop and 390 px, light and dark) in test-artefacts/screenshots/pages, for review.
screenshots: site
	$(BIN)/python -m audit.screenshots site test-artefacts/screenshots/pages
