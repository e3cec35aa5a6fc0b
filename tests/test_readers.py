"""Real-shaped inputs made in the tests: a Word-exported PDF, markdown with front matter,
nested lists and escapes, a .docx with a table; and the year rules. No model: fast tier."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ingest.layout import join_wrapped, normalize_bullet
from ingest.pipeline import parse_file
from ingest.readers.pdf import usable_metadata_title
from retriever.finnish import clean_text
from retriever.years import document_years, span_in, years_in

from .pdfmaker import word_report_pdf


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# -- PDFs as offices export them ---------------------------------------------------------

def test_word_pdf_words_stay_whole(tmp_path):
    paras = parse_file(word_report_pdf(tmp_path / "ulkoiluraportti-2024.pdf"))
    text = "\n".join(p.text for p in paras)
    for whole in ("Tämä dokumentti", "JavaFX-sovellus", "Kirppu-palvelu", "joukko- ja kevyen"):
        assert whole in text, whole
    for broken in ("d okumentti", "Jav aF", "K irppu", "joukkoja"):
        assert broken not in text, broken
    assert "\uf0b7" not in text


def test_word_pdf_title_bullets_labels_and_pages(tmp_path):
    paras = parse_file(word_report_pdf(tmp_path / "ulkoiluraportti-2024.pdf"))
    assert paras[0].title == "Ulkoiluraportti 2024"  # the visible title, not "Microsoft Word - …"
    assert paras[0].years == [2024]
    assert paras[0].section == "Johdanto"
    listing = next(p for p in paras if "Uimakouluihin" in p.text)
    # the label stays with the items it labels, and names their section
    assert listing.text.startswith("Kuntalaisten hyvinvointi:\n• Lähiliikuntapaikkoja")
    assert listing.section == "Tulokset › Kuntalaisten hyvinvointi"
    # a paragraph running over the page break carries both pages; the next one is on page 2
    over = next(p for p in paras if "18 200 käyntiä" in p.text)
    assert (over.page, over.page_end, over.pages) == (1, 2, "1–2")
    assert "Sivu" not in over.text
    last = next(p for p in paras if "Latuverkostoa" in p.text)
    assert (last.page, last.page_end) == (2, None)
    assert all(p.page == p.page_end or p.page_end is None or "18 200" in p.text for p in paras)


@pytest.mark.parametrize("title, usable", [
    ("Microsoft Word - raportti_v3.docx", False),
    ("raportti_lopullinen.docx", False),
    ("Untitled", False),
    ("Esitys1", False),
    ("Hyvinvointikertomus 2021–2025", True),
    ("", False),
])
def test_metadata_title_is_used_only_when_it_is_a_title(title, usable):
    assert bool(usable_metadata_title(title)) is usable


@pytest.mark.parametrize("raw, expected", [
    ("\uf0b7 Kohta", "• Kohta"),
    ("\uf0a7Kohta", "• Kohta"),
    ("o alakohta", "◦ alakohta"),
    ("•Kohta", "• Kohta"),
    ("Tavallinen rivi", "Tavallinen rivi"),
    ("ohjelma alkoi", "ohjelma alkoi"),
])
def test_bullets_of_every_kind_become_one(raw, expected):
    assert normalize_bullet(raw) == expected


@pytest.mark.parametrize("left, right, joined", [
    ("paransi joukko-", "ja kevyen liikenteen", "paransi joukko- ja kevyen liikenteen"),
    ("sosiaali-", "tai terveyspalvelut", "sosiaali- tai terveyspalvelut"),
    ("opiskelu-", "päivän aikana", "opiskelupäivän aikana"),
])
def test_suspended_hyphen_before_a_conjunction_stays(left, right, joined):
    assert join_wrapped(left, right) == joined


# -- markdown --------------------------------------------------------------------------

MARKDOWN = """---
layout: ohjelma
title: "Lasten ja nuorten hyvinvointiohjelma"
year: 2015
tags: [lapset, nuoret]
---

# Lasten ja nuorten hyvinvointiohjelma

> Ohjelma hyväksyttiin *valtuustossa* 12.3.2015.

Ohjelman tavoitteet ovat seuraavat:

* **Kiusaamisen** vähentäminen kouluissa ja
  harrastuksissa
* Nuorten \\*osallisuuden\\* vahvistaminen
    * oppilaskunnat
    * nuorisovaltuusto
* Liikunnan lisääminen ([Liikkuva koulu](https://example.org/liikkuva))

Lapset 2000-luvulla voivat hyvin. Hinta oli 5 \\€ ja tulos 10 \\%.

| Toimenpide | Vastuu |
|---|---|
| Kerhot | Nuorisopalvelut |
| Koulupsykologi | Sivistystoimi |
"""


def test_markdown_front_matter_is_metadata_not_text(tmp_path):
    paras = parse_file(_write(tmp_path, "ohjelma.md", MARKDOWN))
    text = "\n".join(p.text for p in paras)
    assert paras[0].title == "Lasten ja nuorten hyvinvointiohjelma"
    assert all(p.years == [2015] for p in paras)  # from the front matter; "2000-luvulla" is no year
    for residue in ("layout", "tags:", "---", "*", ">", "\\", "](", "https://", "**"):
        assert residue not in text, residue


def test_markdown_lists_stay_whole_with_their_introduction(tmp_path):
    paras = parse_file(_write(tmp_path, "ohjelma.md", MARKDOWN))
    listing = next(p for p in paras if "oppilaskunnat" in p.text)
    assert listing.text.split("\n")[1:] == [
        "Ohjelman tavoitteet ovat seuraavat:",
        "• Kiusaamisen vähentäminen kouluissa ja harrastuksissa",
        "• Nuorten osallisuuden vahvistaminen",
        "◦ oppilaskunnat",
        "◦ nuorisovaltuusto",
        "• Liikunnan lisääminen (Liikkuva koulu)",
    ][: len(listing.text.split("\n")) - 1]
    assert "Hinta oli 5 € ja tulos 10 %." in "\n".join(p.text for p in paras)


def test_markdown_table_rows_read_as_column_value(tmp_path):
    text = "\n".join(p.text for p in parse_file(_write(tmp_path, "ohjelma.md", MARKDOWN)))
    assert "Toimenpide: Kerhot\nVastuu: Nuorisopalvelut" in text
    assert "Toimenpide: Koulupsykologi\nVastuu: Sivistystoimi" in text


def test_markdown_without_front_matter_keeps_short_repeated_list_items(tmp_path):
    # Lines that repeat inside lists and tables are content, not page furniture.
    items = "\n".join("- Kyllä" for _ in range(4))
    body = f"# Kysely 2022\n\nVastaukset:\n\n{items}\n\n| Kysymys | Vastaus |\n|---|---|\n" + "".join(
        f"| K{i} | 12 |\n" for i in range(4))
    text = "\n".join(p.text for p in parse_file(_write(tmp_path, "kysely.md", body)))
    assert text.count("• Kyllä") == 4 and text.count("Vastaus: 12") == 4


def test_a_long_list_splits_between_items_never_inside_one(tmp_path):
    items = "\n".join(f"- Toimenpide {i}: kaupunki järjestää liikuntaa, kulttuuria ja kohtaamisia asukkaille "
                      f"kaikissa kaupunginosissa vuoden ympäri." for i in range(40))
    paras = parse_file(_write(tmp_path, "lista.md", f"# Ohjelma 2020\n\n## Toimet\n\n{items}\n"))
    assert len(paras) > 1
    for p in paras:
        for line in p.text.split("\n")[1:] if p.text.startswith("Toimet") else p.text.split("\n"):
            assert line.startswith("• Toimenpide") and line.endswith("ympäri."), line


# -- Word ---------------------------------------------------------------------------------

def test_docx_headings_lists_and_table(tmp_path):
    import docx

    d = docx.Document()
    d.core_properties.title = "Microsoft Word - muistio.docx"
    d.add_paragraph("Kotoutumisohjelma 2024–2027", style="Title")
    d.add_heading("Johdanto", level=1)
    d.add_paragraph("Kotoutumisen edistämisestä vastaa maahanmuuttokoordinaattori.")
    d.add_heading("Toimenpiteet", level=2)
    d.add_paragraph("Tavoitteet:")
    d.add_paragraph("Suomen kielen opetus", style="List Bullet")
    d.add_paragraph("Työllistymisen tuki", style="List Bullet")
    t = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("Toimenpide", "Vastuu"), ("Kielikurssit", "Kansalaisopisto"),
                                ("Mentorointi", "Järjestöt")]):
        t.cell(r, 0).text = a
        t.cell(r, 1).text = b
    path = tmp_path / "kotoutumisohjelma.docx"
    d.save(str(path))
    paras = parse_file(path)
    assert paras[0].title == "Kotoutumisohjelma 2024–2027"
    assert paras[0].years == [2024, 2025, 2026, 2027]
    assert paras[0].section == "Johdanto"
    text = "\n".join(p.text for p in paras)
    assert "Tavoitteet:\n• Suomen kielen opetus\n• Työllistymisen tuki" in text
    assert "Toimenpide: Kielikurssit\nVastuu: Kansalaisopisto" in text
    assert any(p.section == "Johdanto › Toimenpiteet" for p in paras)


# -- years ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, years", [
    ("Lapset 2000-luvulla", []),
    ("1990-luvun lama ja vuosi 2021", [2021]),
    ("käyttöön 1.8.2026 alkaen", [2026]),
    ("summa 2021,5 milj.", []),
    ("vuosina 2021 ja 2023", [2021, 2023]),
])
def test_years_in_text(text, years):
    assert years_in(text) == years


@pytest.mark.parametrize("sources, meta, years", [
    (["hyvinvointisuunnitelma-2026-2029", ""], {}, [2026, 2027, 2028, 2029]),
    (["strategia", "Strategia 2014 ja visio 2050"], {}, [2014, 2050]),  # two years, not a span
    (["ohjelma", "Ohjelma 2014–2050"], {}, [2014, 2050]),  # too long to be a planning period
    (["raportti-2021-23", ""], {}, [2021, 2022, 2023]),
    (["x", "Lapset 2000-luvulla"], {}, []),
    (["x", ""], {"year": 2015}, [2015]),
    (["x-2020", ""], {"date": dt.date(2016, 5, 1)}, [2016]),
    (["x", ""], {"years": "2019-2021"}, [2019, 2020, 2021]),
])
def test_document_years(sources, meta, years):
    assert document_years(sources, meta) == years


def test_span_in():
    assert span_in("2026–2029") == [2026, 2027, 2028, 2029]
    assert span_in("1.1.2021–31.12.2021") == []


@pytest.mark.parametrize("raw, clean", [
    ("ika\u0308ihmiset", "ikäihmiset"),  # a decomposed ä (macOS, some PDFs)
    ("proﬁili ja konﬂikti", "profiili ja konflikti"),  # ligatures
    ("hyvin\u00advointi", "hyvinvointi"),  # a soft hyphen
    ("21,5\u00a0€", "21,5 €"),  # a no-break space
    ("Hyte\u200b-työ", "Hyte-työ"),  # a zero-width space
])
def test_text_is_cleaned_to_what_one_types(raw, clean):
    assert clean_text(raw) == clean


def test_a_document_in_decomposed_letters_reads_as_typed(tmp_path):
    path = _write(tmp_path, "raportti-2024.txt", "Ika\u0308ihmisten kerho kokoontui syksylla\u0308 viikoittain.\n")
    assert "Ikäihmisten kerho kokoontui syksyllä viikoittain." in parse_file(path)[0].text
