"""A re-ingest of changed files killed with SIGKILL at different moments never leaves a
document unsearchable, and the next ingest finishes the job with no stale paragraphs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ingest.pipeline import ingest
from retriever.search import Searcher
from retriever.settings import Settings
from retriever.store import Index

DOCS = ("hyvinvointitilinpaatos-2021.pdf", "kuntakortti-2023-hyte-toiminta.txt")


def _searchable(settings: Settings) -> dict[str, int]:
    index = Index(settings)  # a fresh process's view: Chroma, and the lexical index rebuilt if stale
    _, ids = index.lexical()
    assert len(ids) == index.count()
    counts = {d: 0 for d in DOCS}
    for p in index.all_paragraphs():
        counts[p.doc] = counts.get(p.doc, 0) + 1
    hits = Searcher(index).search("Hyry kokoontui", k=3, method="bm25-stem")
    assert hits and hits[0].paragraph.doc == "hyvinvointitilinpaatos-2021.pdf"
    return counts


def test_kill_9_during_reingest_never_loses_a_document(tmp_path, small_corpus):
    settings = Settings(data_dir=tmp_path / "data")
    ingest([small_corpus], index=Index(settings))
    env = {**os.environ, "HYTE_DATA_DIR": str(settings.data_dir)}
    txt = small_corpus / "kuntakortti-2023-hyte-toiminta.txt"
    original = txt.read_text(encoding="utf-8")
    for round_, delay in enumerate((1.0, 3.0, 5.0, 8.0)):
        txt.write_text(original + "".join(f"\n\nLisäys {round_}-{i}: kuntakortti täydentyi kohdalla {i}.\n"
                                          for i in range(40)), encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "ingest", str(small_corpus), "--json"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        counts = _searchable(settings)
        assert all(n > 0 for n in counts.values()), (delay, counts)
    final = ingest([small_corpus], index=Index(settings))
    assert not final.failed and final.unchanged + final.updated == 2
    paras = [p for p in Index(settings).all_paragraphs() if p.doc == txt.name]
    assert [p.paragraph for p in paras] == list(range(1, len(paras) + 1))  # nothing of an older version left
    assert sum("Lisäys 3-" in p.text for p in paras) > 0 and not any("Lisäys 0-" in p.text for p in paras)
    assert Path(txt).exists()
