"""The index against a real Chroma server on 127.0.0.1 (HYTE_CHROMA_HOST / HYTE_CHROMA_PORT)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.pipeline import ingest
from retriever.search import Searcher
from retriever.settings import load_settings
from retriever.store import Index

from .servers import free_port, wait_until_up


@pytest.fixture()
def chroma_server(tmp_path):
    beside = Path(sys.executable).parent / "chroma"  # the venv's own, also when it is not on PATH
    exe = str(beside) if beside.exists() else shutil.which("chroma")
    if exe is None:
        pytest.skip("the chroma command (from the chromadb package) is not installed")
    port = free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not wait_until_up(f"http://127.0.0.1:{port}/api/v2/heartbeat", proc):
        pytest.fail("chroma server did not start")
    yield port, proc
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=20)


def test_ingest_and_search_through_a_chroma_server(tmp_path, small_corpus, chroma_server, monkeypatch):
    port, _ = chroma_server
    monkeypatch.setenv("HYTE_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("HYTE_CHROMA_PORT", str(port))
    monkeypatch.setenv("HYTE_DATA_DIR", str(tmp_path / "local"))
    settings = load_settings()
    assert settings.chroma_host == "127.0.0.1"
    report = ingest([small_corpus], index=Index(settings))
    assert report.added == 2 and not report.failed
    # nothing of the index is kept in the embedded folder: the server holds it
    assert not (tmp_path / "local" / "chroma").exists()
    # a second client (another app process) sees the same index and the file hashes
    other = Index(load_settings())
    assert ingest([small_corpus], index=other).unchanged == 2
    hits = Searcher(other).search("Hyry kokoontui vuoden aikana", k=3)
    assert any("Hyry kokoontui" in h.paragraph.text for h in hits)


def test_a_stopped_server_is_one_line_and_its_own_exit_code(tmp_path, small_corpus, chroma_server):
    port, proc = chroma_server
    env = {**os.environ, "HYTE_CHROMA_HOST": "127.0.0.1", "HYTE_CHROMA_PORT": str(port),
           "HYTE_DATA_DIR": str(tmp_path / "local")}
    first = subprocess.run([sys.executable, "-m", "ingest", str(small_corpus), "--json"], env=env,
                           capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    proc.terminate()
    proc.wait(timeout=20)
    for args in (["-m", "retriever", "search", "Hyry"], ["-m", "retriever", "ask", "Mikä on Hyry?", "--json"]):
        out = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=300)
        assert out.returncode == 4, out.stderr
        assert out.stderr.count("\n") <= 2 and "unreachable" in out.stderr and "Traceback" not in out.stderr
    (small_corpus / "uusi.txt").write_text("Uusi\n\nUusi muistio.\n", encoding="utf-8")
    again = subprocess.run([sys.executable, "-m", "ingest", str(small_corpus), "--json"], env=env,
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 4 and "Traceback" not in again.stderr
    summary = json.loads(again.stdout)
    assert summary["added"] == 0 and "uusi.txt" in summary["not_done"]
