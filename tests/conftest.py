"""Shared fixtures: a real index of the shipped corpus in a temp folder, built once per run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory):
    """(Index, Searcher) over the shipped corpus, ingested with the real default model."""
    from ingest.pipeline import ingest
    from retriever.search import Searcher
    from retriever.settings import Settings
    from retriever.store import Index

    data = tmp_path_factory.mktemp("data")
    settings = Settings(data_dir=data, corpus_dir=ROOT / "corpus")
    index = Index(settings)
    report = ingest([ROOT / "corpus"], index=index)
    assert not report.failed, report.failed
    return index, Searcher(index)


@pytest.fixture()
def small_corpus(tmp_path):
    """A copy of two shipped documents in a temp folder, to edit and break."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("hyvinvointitilinpaatos-2021.pdf", "kuntakortti-2023-hyte-toiminta.txt"):
        shutil.copy(ROOT / "corpus" / name, folder / name)
    return folder
