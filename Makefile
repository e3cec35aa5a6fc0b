# The two set-up commands: `make run` (install + start the app), `make test` (install + tests).
PYTHON ?= python3
PIP = $(PYTHON) -m pip

.PHONY: install install-test run test ingest eval bench lint

install:
	$(PIP) install torch==2.13.0   # CPU build first, or sentence-transformers pulls CUDA
	$(PIP) install -e .

install-test:
	$(PIP) install torch==2.13.0
	$(PIP) install -e ".[test]"
	@# Debian's Chromium for the browser test (best effort: the test skips without it).
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && apt-get install -y -qq chromium) >/tmp/hyte-apt.log 2>&1; } || \
		echo "note: chromium not installed; the browser test will be skipped"

run: install
	$(PYTHON) -m streamlit run streamlit_app.py   # settings in .streamlit/config.toml: 127.0.0.1, offline

test: install-test lint
	$(PYTHON) -m pytest

ingest:
	$(PYTHON) -m ingest

eval:
	$(PYTHON) -m retriever.eval

bench:
	$(PYTHON) -m retriever.bench

lint:
	$(PYTHON) -m ruff check .
	$(PYTHON) -m mypy ingest retriever answers prompts streamlit_app.py tests
