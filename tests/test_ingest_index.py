"""Ingest into a real Chroma with the real default model: counts, re-ingest, removal, bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ingest.pipeline import ingest
from retriever.search import Searcher
from retriever.settings import Settings
from retriever.store import Index

ROOT = Path(__file__).resolve().parent.parent


def test_incremental_reingest(tmp_path, small_corpus):
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
