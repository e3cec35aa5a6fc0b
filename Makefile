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

run: install
	$(PYTHON) -m streamlit run streamlit_app.py --server.headless true

test: install-test
	$(PYTHON) -m pytest

ingest:
	$(PYTHON) -m ingest

eval:
	$(PYTHON) -m retriever.eval

bench:
	$(PYTHON) -m retriever.bench

lint:
	$(PYTHON) -m ruff check .
