"""Ingest into a real Chroma with the real default model: counts, re-ingest, removal, bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ingest import pipeline
from ingest.pipeline import ingest
from retriever.search import Searcher
from retriever.settings import Settings
from retriever.store import Index

ROOT = Path(__file__).resolve().parent.parent


def test_incremental_reingest(tmp_path, small_corpus, monkeypatch):
    index = Index(Settings(data_dir=tmp_path / "data"))
    seen: list[tuple[str, float, int]] = []
    first = ingest([small_corpus], index=index, progress=lambda *a: seen.append(a))
    assert (first.added, first.updated, first.unchanged, first.removed) == (2, 0, 0, 0)
    done = [d for _, d, _ in seen]
    assert done == sorted(done) and done[-1] == 2 and any(d != int(d) for d in done)  # within a file too
    assert first.chunks == index.count() > 20

    again = ingest([small_corpus], index=index)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert again.chunks == first.chunks

    # a new way of reading files reads every file again, as if edited
    monkeypatch.setattr(pipeline, "READER_VERSION", pipeline.READER_VERSION + 1)
    reread = ingest([small_corpus], index=index)
    assert (reread.added, reread.updated, reread.unchanged) == (0, 2, 0)
    assert reread.chunks == first.chunks

    txt = small_corpus / "kuntakortti-2023-hyte-toiminta.txt"
    txt.write_text(txt.read_text(encoding="utf-8") + "\n\nUusi kappale: Kuntakortti päivitettiin joulukuussa.\n",
                   encoding="utf-8")
    edited = ingest([small_corpus], index=index)
    assert (edited.added, edited.updated, edited.unchanged) == (0, 1, 1)
    hits = Searcher(index).search("milloin kuntakortti päivitettiin", k=3)
    assert "päivitettiin joulukuussa" in hits[0].paragraph.text

    txt.unlink()
    gone = ingest([small_corpus], index=index)
    assert gone.removed == 1
    assert {p.doc for p in index.all_paragraphs()} == {"hyvinvointitilinpaatos-2021.pdf"}
    # the lexical index follows the same incremental ingest
    bm25, ids = index.lexical()
    assert len(ids) == index.count()


def test_broken_pdf_is_reported_and_others_still_indexed(tmp_path, small_corpus):
    (small_corpus / "rikki.pdf").write_bytes(b"%PDF-1.4 garbage")
    env = {**os.environ, "HYTE_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-m", "ingest", str(small_corpus), "--json"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert proc.returncode == 2, proc.stderr
    report = json.loads(proc.stdout)
    assert report["added"] == 2 and report["chunks"] > 20
    assert [f["path"].endswith("rikki.pdf") for f in report["failed"]] == [True]
    # the index is intact and searchable after the failure
    out = subprocess.run([sys.executable, "-m", "retriever", "search", "Hyry kokoontui", "--json", "--k", "3"],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    hits = json.loads(out.stdout)["hits"]
    assert hits and set(hits[0]) >= {"doc", "title", "section", "page", "paragraph", "year", "text", "score"}


def test_lexical_index_rebuilds_when_its_file_is_lost(tmp_path, small_corpus):
    settings = Settings(data_dir=tmp_path / "data")
    ingest([small_corpus], index=Index(settings))
    for f in (tmp_path / "data" / "lexical").iterdir():
        f.unlink()
    fresh = Index(settings)
    _, ids = fresh.lexical()
    assert len(ids) == fresh.count() > 0


def test_failed_rewrite_keeps_the_old_version_and_is_retried(tmp_path, small_corpus, monkeypatch):
    index = Index(Settings(data_dir=tmp_path / "data"))
    ingest([small_corpus], index=index)
    txt = small_corpus / "kuntakortti-2023-hyte-toiminta.txt"
    txt.write_text(txt.read_text(encoding="utf-8") + "\n\nUusi kappale: Kuntakortti päivitettiin joulukuussa.\n",
                   encoding="utf-8")
    real_upsert = index._col.upsert

    def failing_upsert(**kw):
        raise RuntimeError("disk full")

    monkeypatch.setattr(index._col, "upsert", failing_upsert)
    broken = ingest([small_corpus], index=index)
    assert [f["path"].endswith("kuntakortti-2023-hyte-toiminta.txt") for f in broken.failed] == [True]
    # the previous version is whole and searchable, in both stores
    hits = Searcher(index).search("Ikääntyneiden yksinäisyys kuntakortti", k=5, doc="kuntakortti-2023-hyte-toiminta.txt")
    assert hits and all("päivitettiin joulukuussa" not in h.paragraph.text for h in hits)
    assert len(index.lexical()[1]) == index.count()
    monkeypatch.setattr(index._col, "upsert", real_upsert)
    retried = ingest([small_corpus], index=index)
    assert (retried.updated, retried.unchanged, retried.failed) == (1, 1, [])
    top = Searcher(index).search("milloin kuntakortti päivitettiin", k=3)
    assert "päivitettiin joulukuussa" in top[0].paragraph.text
    # no paragraph of the old version is left behind
    paras = [p for p in index.all_paragraphs() if p.doc == "kuntakortti-2023-hyte-toiminta.txt"]
    assert [p.paragraph for p in paras] == list(range(1, len(paras) + 1))


def test_lexical_index_is_written_once_per_run(tmp_path, small_corpus, monkeypatch):
    index = Index(Settings(data_dir=tmp_path / "data"))
    saves = []
    real_save = index._save_lexical
    monkeypatch.setattr(index, "_save_lexical", lambda: (saves.append(1), real_save()))
    ingest([small_corpus], index=index)
    assert len(saves) == 1
    ingest([small_corpus], index=index)  # nothing changed: nothing written
    assert len(saves) == 1


def test_year_filter_asks_for_membership_not_a_range(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "strategia.md").write_text(
        "# Kaupunkistrategia 2014 ja visio 2050\n\nKaupunki lisää liikuntaa ja kulttuuria.\n", encoding="utf-8")
    (corpus / "suunnitelma-2026-2029.md").write_text(
        "# Suunnitelma\n\nLiikuntaa lisätään kouluissa.\n", encoding="utf-8")
    index = Index(Settings(data_dir=tmp_path / "data"))
    ingest([corpus], index=index)
    searcher = Searcher(index)
    for method in ("hybrid", "dense", "bm25-stem"):
        assert {h.paragraph.doc for h in searcher.search("liikuntaa", k=5, year=2030, method=method)} == set()
        assert {h.paragraph.doc for h in searcher.search("liikuntaa", k=5, year=2050, method=method)} == {"strategia.md"}
        assert {h.paragraph.doc for h in searcher.search("liikuntaa", k=5, year=2028, method=method)} == {
            "suunnitelma-2026-2029.md"}
