"""A folder of bad, hostile and odd files beside good ones, through the CLI contract: good and
decodable files are searchable, every other file is named in ``failed`` with its reason, the
exit code is 2, and nothing outside the folder is indexed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .pdfmaker import report_pdf

ROOT = Path(__file__).resolve().parent.parent


def _encrypted_pdf(src: Path, dst: Path, user_password: str) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(src)))
    writer.encrypt(user_password=user_password, owner_password="omistaja", algorithm="AES-256")
    with open(dst, "wb") as fh:
        writer.write(fh)


def _cli(args: list[str], env: dict, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=600)


def test_every_file_is_indexed_or_named_with_its_reason(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "b").mkdir()
    outside = tmp_path / "salainen.txt"
    outside.write_text("Salasana on kissa123 eikä sitä saa indeksoida.\n", encoding="utf-8")
    plain = tmp_path / "plain.pdf"
    report_pdf(plain)
    _encrypted_pdf(plain, corpus / "rajoitettu-2024.pdf", user_password="")  # "restricted": opens without one
    _encrypted_pdf(plain, corpus / "salattu.pdf", user_password="salasana")
    (corpus / "a" / "muistio.txt").write_text("Muistio A\n\nKirjasto avattiin lauantaisin.\n", encoding="utf-8")
    (corpus / "b" / "muistio.txt").write_text("Muistio B\n\nUimahalli suljettiin kesäksi.\n", encoding="utf-8")
    (corpus / "utf16.txt").write_bytes("Raportti\n\nNuorisotila avattiin Vierumäellä.\n".encode("utf-16"))
    (corpus / "taulukko.xlsx").write_bytes(b"PK\x03\x04 not a document we read")
    (corpus / "kuva.txt").write_bytes(bytes(range(256)) * 20)
    (corpus / "iso.txt").write_text("Sana " * 400_000, encoding="utf-8")  # 2 MB, over the 1 MB limit below
    (corpus / "linkki.txt").symlink_to(outside)
    env = {**os.environ, "HYTE_DATA_DIR": str(tmp_path / "data"), "HYTE_MAX_FILE_MB": "1"}

    proc = _cli(["-m", "ingest", str(corpus), "--json"], env, tmp_path)
    assert proc.returncode == 2, proc.stderr
    report = json.loads(proc.stdout)
    reasons = {Path(f["path"]).name: f["error"] for f in report["failed"]}
    assert reasons.keys() == {"salattu.pdf", "taulukko.xlsx", "kuva.txt", "iso.txt", "linkki.txt"}, reasons
    assert "password" in reasons["salattu.pdf"]
    assert "unsupported file type: .xlsx" in reasons["taulukko.xlsx"]
    assert "not text" in reasons["kuva.txt"]
    assert "too large" in reasons["iso.txt"]
    assert "outside the folder" in reasons["linkki.txt"]
    assert report["added"] == 4  # the restricted PDF, both muistio.txt, the UTF-16 text

    def top(query: str) -> list[dict]:
        out = _cli(["-m", "retriever", "search", query, "--json", "--k", "3"], env, tmp_path)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)["hits"]

    assert top("kirjasto lauantaisin")[0]["doc"] == "a/muistio.txt"
    assert top("uimahalli suljettiin")[0]["doc"] == "b/muistio.txt"  # equal names in subfolders both index
    assert top("nuorisotila Vierumäellä")[0]["doc"] == "utf16.txt"
    assert top("uimahallin peruskorjaus")[0]["doc"] == "rajoitettu-2024.pdf"
    assert all("kissa123" not in h["text"] for h in top("salasana kissa"))


def test_cli_bounds_and_clean_text(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ohjaus.txt").write_text(
        "Ohjaus\n\nKävijöitä oli 12 480. \x1b[2J\x1b[31mPUNAINEN\x1b[0m \u202eteksti\n", encoding="utf-8")
    env = {**os.environ, "HYTE_DATA_DIR": str(tmp_path / "data")}
    assert _cli(["-m", "ingest", str(corpus)], env, tmp_path).returncode == 0
    out = _cli(["-m", "retriever", "search", "kävijöitä", "--k", "3"], env, tmp_path)
    assert out.returncode == 0 and "PUNAINEN" in out.stdout
    assert "\x1b" not in out.stdout and "\u202e" not in out.stdout
    bad_k = _cli(["-m", "retriever", "search", "kävijöitä", "--k", "-5"], env, tmp_path)
    assert bad_k.returncode == 2 and "--k must be between 1 and 50" in bad_k.stderr
    long_q = _cli(["-m", "retriever", "ask", "kävijät " * 2000], env, tmp_path)
    assert long_q.returncode == 2 and "limit" in long_q.stderr


def test_a_second_ingest_waits_its_turn(tmp_path):
    from ingest.pipeline import IngestBusy, ingest_lock
    from retriever.settings import Settings

    settings = Settings(data_dir=tmp_path / "data")
    env = {**os.environ, "HYTE_DATA_DIR": str(settings.data_dir)}
    with ingest_lock(settings):
        proc = _cli(["-m", "ingest", str(ROOT / "corpus"), "--json"], env, tmp_path)
        assert proc.returncode == 3 and "another ingest" in proc.stderr
        try:
            with ingest_lock(settings):
                raise AssertionError("the lock was taken twice")
        except IngestBusy:
            pass
