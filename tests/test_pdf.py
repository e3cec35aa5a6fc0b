"""PDF reading through pypdf's layout: pages, headings, running headers/footers, broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from ingest.readers import ReadError

from .pdfmaker import report_pdf

ROOT = Path(__file__).resolve().parent.parent


def test_made_pdf_pages_headings_and_no_running_text(tmp_path):
    paras = parse_file(report_pdf(tmp_path / "liikuntakertomus-2024.pdf"))
    assert paras[0].title == "Liikuntakertomus 2024 - Esimerkkilän kaupunki"
    assert paras[0].section == "1. Liikunnan edistäminen ja uimahallin peruskorjaus"
    assert "mikä on enemmän kuin ennen korjausta." in paras[0].text  # hyphen across lines rejoined
    by_text = {p.text.split("\n")[-1]: p.page for p in paras}
    assert by_text["• Kesän uimakoulut, joihin osallistui 240 lasta"] == 2
    assert by_text["Ulkoliikuntapaikkojen kunnossapitoa parannettiin."] == 3
    for p in paras:
        assert "Sivu" not in p.text and "Esimerkkilän kaupunki" not in p.text
    assert all(p.years == [2024] for p in paras)


def test_shipped_pdf_paragraphs_have_pages_and_no_footer():
    paras = parse_file(ROOT / "corpus" / "hyvinvointitilinpaatos-2023-hyte-palvelualue.pdf")
    assert {p.page for p in paras} == set(range(1, 9))
    for p in paras:
        assert "Heinolan kaupunki |" not in p.text
        assert "Hyvinvointitilinpäätös 2023 – hyvinvoinnin ja terveyden edistämisen palvelualue" not in p.text
    kiintio = next(p for p in paras if "neljä kiintiöpakolaisperhettä" in p.text)
    assert kiintio.page == 5
    assert kiintio.section.endswith("3.3. PERHEKOHTAINEN TYÖSKENTELY")  # heading glued to the line before
    assert any(p.section.endswith("3.1. KAIKILLE KOHDENNETTU TOIMINTA") for p in paras)


def test_broken_pdf_raises_read_error(tmp_path):
    bad = tmp_path / "rikki.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    with pytest.raises(ReadError):
        parse_file(bad)
