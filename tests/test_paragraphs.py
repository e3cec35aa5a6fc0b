"""Paragraph reconstruction on real excerpts of the corpus: wraps, hyphens, headings, bullets, tables."""

from __future__ import annotations

from pathlib import Path

from ingest.chunks import make_chunks, split_long
from ingest.layout import join_wrapped
from ingest.paragraphs import build_blocks
from ingest.pipeline import parse_file
from ingest.readers.markdown import read_markdown
from ingest.readers.text import read_text

ROOT = Path(__file__).resolve().parent.parent


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_hard_wrapped_lines_join_into_one_paragraph(tmp_path):
    p = _write(tmp_path, "a-2021.txt", (
        "Hyvinvointitilinpäätös 2021\n\n"
        "Väestön hyvinvoinnin ja terveyden edistäminen on yksi kuntien perustehtävistä, \n"
        "jota toteutetaan Heinolassa kaikilla toimialoilla ja kaikkien ikäryhmien \n"
        "keskuudessa.\n\n"
        "Toinen kappale alkaa tästä.\n"
    ))
    paras = parse_file(p)
    assert paras[0].title == "Hyvinvointitilinpäätös 2021"
    assert paras[0].text == (
        "Väestön hyvinvoinnin ja terveyden edistäminen on yksi kuntien perustehtävistä, jota toteutetaan "
        "Heinolassa kaikilla toimialoilla ja kaikkien ikäryhmien keskuudessa.\nToinen kappale alkaa tästä."
    )
    assert paras[0].years == [2021]


def test_hyphenation_across_lines():
    vocab = {"opiskelupäivän", "hyvinvointi-indeksi"}
    assert join_wrapped("lisääntyminen koulu-", "opiskelupäivän aikana") == "lisääntyminen kouluopiskelupäivän aikana"
    assert join_wrapped("rakennettiin hyvinvointi-", "indeksi kaupungille", vocab) == "rakennettiin hyvinvointi-indeksi kaupungille"
    assert join_wrapped("Palautteet pääasiassa Webropol-", "kyselynä, lisäksi") == "Palautteet pääasiassa Webropol-kyselynä, lisäksi"
    assert join_wrapped("HVA-uudistuksen", "siirtymä") == "HVA-uudistuksen siirtymä"


def test_numbered_heading_broken_over_two_lines_and_bullets(tmp_path):
    # Real excerpt of hyvinvointitilinpaatos-2023-hyte-palvelualue.txt
    p = _write(tmp_path, "raportti-2023.txt", (
        " 1. Yleistä sujuvan arjen toiminnasta ja \n\nsitovien tavoitteiden toteutuminen \n\n"
        "Hyvinvoinnin ja terveyden edistämisen työ kohdennetaan eri \nikäryhmille.\n"
        " Palvelualueen sitovia tavoitteita vuonna 2023 olivat \n\n"
        "• Yhdyspintaprosessien rakentaminen hyvinvointialueen kanssa \n"
        "• Ikäihmisten yksinäisyyttä ehkäisevä, turvallinen elinympäristö ja \n\nasuminen. \n"
        "Kaikki tavoitteet saavutettiin. Työ jatkuu \nkaikilla osa-alueilla edelleen vuonna 2024. \n"
        " 2.  Sujuva arki lapsiperheille – \n\nlapsiperheiden hytetyö \n\n"
        "Työn painopiste on perheen keskinäisen vuorovaikutuksen ja vanhemmuuden tukeminen. \n"
    ))
    paras = parse_file(p)
    sections = [x.section for x in paras]
    assert sections[0] == "1. Yleistä sujuvan arjen toiminnasta ja sitovien tavoitteiden toteutuminen"
    assert sections[-1] == "2. Sujuva arki lapsiperheille – lapsiperheiden hytetyö"
    text = "\n".join(x.text for x in paras)
    assert "• Ikäihmisten yksinäisyyttä ehkäisevä, turvallinen elinympäristö ja asuminen." in text
    assert "• Yhdyspintaprosessien rakentaminen hyvinvointialueen kanssa\n" in text
    assert "2. Sujuva arki" not in paras[0].text


def test_repeated_footer_lines_are_dropped(tmp_path):
    body = "\n\n".join(f"Kappale {i} kertoo asiasta numero {i}.\n\nPIENI KAUPUNKI,  \nISO ELÄMÄ" for i in range(4))
    p = _write(tmp_path, "suunnitelma.md", "# Suunnitelma 2026\n\n" + body)
    text = "\n".join(x.text for x in parse_file(p))
    assert "PIENI KAUPUNKI" not in text and "ISO ELÄMÄ" not in text
    assert "Kappale 3 kertoo asiasta numero 3." in text


def test_markdown_headings_and_html_table_rows(tmp_path):
    p = _write(tmp_path, "plan.md", (
        "# HYVINVOINTISUUNNITELMA 2026-2029\n\n# Turvallinen arki\n\n## Tavoite: Apua saa\n\n"
        "Huomioitavia osa-alueita\tToimenpiteet (Päivittyvät)\n"
        "<p>Lasten ja nuorten turvallisuus</p> <ul style=\"list-style-type: none\"><li>• Kiusaaminen</li></ul>\t"
        "<p>Turvallinen koulupäivä käyttöön 1.8.2026 alkaen.</p>\n\n"
        "<table><tr><th>Mittari</th><th>Arvo</th></tr><tr><td>Kävijät</td><td>1 480</td></tr></table>\n"
    ))
    raw = read_markdown(p)
    assert raw.title == "HYVINVOINTISUUNNITELMA 2026-2029"
    paras = parse_file(p)
    assert paras[0].years == [2026, 2027, 2028, 2029]
    assert paras[0].section == "Turvallinen arki › Tavoite: Apua saa"
    assert ("Huomioitavia osa-alueita: Lasten ja nuorten turvallisuus\n• Kiusaaminen\n"
            "Toimenpiteet (Päivittyvät): Turvallinen koulupäivä käyttöön 1.8.2026 alkaen.") in paras[0].text
    assert any("Mittari: Kävijät\nArvo: 1 480" in x.text for x in paras)


def test_shipped_markdown_table_keeps_cell_text():
    paras = parse_file(ROOT / "corpus" / "hyvinvointisuunnitelma-2026-2029.md")
    text = "\n".join(x.text for x in paras)
    assert "Toimenpiteet (Päivittyvät): Harrastemalli Harrasteseteli Ilmaistapahtumat" in text
    assert "<p>" not in text and "<li" not in text and "**" not in text


def test_long_paragraph_splits_at_sentence_ends():
    text = " ".join(f"Lause numero {i} kertoo jotakin tärkeää hyvinvoinnista." for i in range(60))
    parts = split_long(text)
    assert len(parts) > 1
    assert all(p.endswith(".") for p in parts)
    assert " ".join(parts) == text


def test_short_neighbours_merge_under_one_heading_only(tmp_path):
    p = _write(tmp_path, "x.txt", "Otsikko\n\nLyhyt yksi.\n\nLyhyt kaksi.\n\n2.1. TOINEN OSIO\n\nLyhyt kolme.\n")
    raw = read_text(p)
    chunks = make_chunks("x.txt", "X", [], build_blocks(raw.lines))
    assert chunks[0].text == "Lyhyt yksi.\nLyhyt kaksi."
    assert chunks[1].text == "2.1. TOINEN OSIO\nLyhyt kolme."
    assert [c.paragraph for c in chunks] == [1, 2]


def test_two_pipe_tables_each_keep_their_own_header(tmp_path):
    p = _write(tmp_path, "t.md", (
        "# Otsikko 2024\n\n| Mittari | Arvo |\n|---|---|\n| Kävijät | 1 480 |\n\nTeksti väliin.\n\n"
        "| Ryhmä | Käynnit |\n|--|--|\n| Vertaisryhmät | 211 |\n"
    ))
    text = "\n".join(x.text for x in parse_file(p))
    assert "Mittari: Kävijät\nArvo: 1 480" in text
    assert "Ryhmä: Vertaisryhmät\nKäynnit: 211" in text
    assert "Mittari: Ryhmä" not in text
