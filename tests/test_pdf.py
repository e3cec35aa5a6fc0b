"""PDF reading through pypdf's layout: pages, headings, running headers/footers, broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from ingest.readers import ReadError

from .pdfmaker import report_pdf, write_pdf

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


LEFT = ["Hyvinvointityö eteni vuonna 2024 monella", "alueella. Kaupunki avasi uuden kohtaamis-",
        "paikan keskustaan, ja sen kävijämäärä", "kasvoi nopeasti.", "",
        "Nuorisotyössä painotettiin etsivää työtä", "ja harrastustakuuta."]
RIGHT = ["Ikäihmisten palveluissa aloitettiin", "kotikäyntien kokeilu. Kokeiluun", "osallistui 120 asukasta.", "",
         "Liikuntapaikkojen esteettömyyttä", "parannettiin uimahallissa ja", "kirjastossa."]


def _two_columns(rows: list[tuple[str, str]], left_x: float = 50, right_x: float = 310) -> list:
    lines = [(50.0, 790.0, 18.0, True, "Hyvinvointikatsaus 2024")]
    for i, (left, right) in enumerate(rows):  # each row drawn left then right, as many writers do
        y = 750.0 - 13 * i
        lines += [(left_x, y, 10.0, False, left)] if left else []
        lines += [(right_x, y, 10.0, False, right)] if right else []
    return lines


def test_a_page_in_two_columns_is_read_column_by_column(tmp_path):
    paras = parse_file(write_pdf(tmp_path / "katsaus-2024.pdf", [_two_columns(list(zip(LEFT, RIGHT)))]))
    # (short paragraphs are chunked together: what counts is the reading order and the rejoined words)
    assert "\n".join(p.text for p in paras) == "\n".join([
        "Hyvinvointityö eteni vuonna 2024 monella alueella. Kaupunki avasi uuden kohtaamispaikan keskustaan, "
        "ja sen kävijämäärä kasvoi nopeasti.",
        "Nuorisotyössä painotettiin etsivää työtä ja harrastustakuuta.",
        "Ikäihmisten palveluissa aloitettiin kotikäyntien kokeilu. Kokeiluun osallistui 120 asukasta.",
        "Liikuntapaikkojen esteettömyyttä parannettiin uimahallissa ja kirjastossa.",
    ])


def test_a_table_of_short_cells_is_read_row_by_row(tmp_path):
    rows = [("Kävijät", "1 480"), ("Ryhmät", "11"), ("Tapahtumat", "24"), ("Vapaaehtoiset", "35"), ("Kyselyt", "3")]
    paras = parse_file(write_pdf(tmp_path / "tilasto-2024.pdf", [_two_columns(rows)]))
    text = "\n".join(p.text for p in paras)
    assert "Kävijät 1 480" in text and "Vapaaehtoiset 35" in text


def test_three_columns_are_read_left_to_right(tmp_path):
    columns = [["Ensimmäinen palsta alkaa tässä ja", "jatkuu seuraavalle riville asti", "ja vielä kolmannelle sekä",
                "neljännelle riville, jossa", "virke päättyy."],
               ["Toinen palsta kertoo liikunnasta", "ja sen edistämisestä kunnassa", "sekä uimahallin avaamisesta,",
                "joka tapahtui viime", "keväänä."],
               ["Kolmas palsta kertoo kulttuurista", "ja kirjaston palveluista, joita", "käytti 5 000 asukasta ja",
                "joita kehitetään", "edelleen."]]
    lines = [(40.0, 790.0, 18.0, True, "Katsaus 2024")]
    for i in range(5):  # row by row across the columns
        lines += [(x, 750.0 - 13 * i, 9.0, False, column[i]) for x, column in zip((40.0, 225.0, 410.0), columns)]
    text = "\n".join(p.text for p in parse_file(write_pdf(tmp_path / "katsaus-2024.pdf", [lines])))
    assert text == "\n".join(" ".join(column) for column in columns)


def test_columns_whose_baselines_do_not_line_up_and_a_heading_wrapped_on_two_lines(tmp_path):
    # each column flows on its own (the right one 3 pt lower), as layout programs set them; the
    # heading of the right column is too long for one line
    lines = [(50.0, 790.0, 18.0, True, "Hyvinvointikatsaus")]
    lines += [(50.0, 750.0 - 13 * i, 10.0, False, text) for i, text in enumerate(LEFT) if text]
    lines += [(310.0, 747.0, 13.0, True, "2. Osallisuus- ja"), (310.0, 731.0, 13.0, True, "vaikutusmahdollisuudet")]
    lines += [(310.0, 712.0 - 13 * i, 10.0, False, text) for i, text in enumerate(RIGHT) if text]
    (tmp_path / "2024").mkdir()
    paras = parse_file(write_pdf(tmp_path / "2024" / "katsaus.pdf", [lines]), "2024/katsaus.pdf")
    text = "\n".join(p.text for p in paras)
    assert "ja sen kävijämäärä kasvoi nopeasti." in text and "Kokeiluun osallistui 120 asukasta." in text
    assert text.index("harrastustakuuta") < text.index("Ikäihmisten palveluissa")
    assert any(p.section == "2. Osallisuus- ja vaikutusmahdollisuudet" for p in paras)
    assert paras[0].years == [2024]  # from the folder the file is in


def test_list_items_run_into_one_line_are_split_whatever_their_bullet():
    from ingest.layout import Line
    from ingest.readers.pdf import _inline_bullets

    lines = _inline_bullets([Line("▫ Järjestetty kerhoja. ▫ Toteutettu videoita. • Lisätty tietoa.", 1, True)])
    assert [ln.text for ln in lines] == ["▫ Järjestetty kerhoja.", "▫ Toteutettu videoita.", "• Lisätty tietoa."]


def test_a_table_of_contents_is_no_paragraph(tmp_path):
    # Word and layout programs lead each entry by dots to its page number
    toc = [(50.0, 790.0, 18.0, True, "Hyvinvointikertomus 2024"), (50.0, 750.0, 14.0, True, "Sisällys")]
    toc += [(50.0, 720.0 - 16 * i, 10.0, False, entry) for i, entry in enumerate([
        "1. Johdanto ........................................................ 2",
        "2. Lasten ja nuorten hyvinvointi . . . . . . . . . . . . . . . . . 3",
        "2.1 Harrastaminen …………………………………………… 3",
    ])]
    body = [(50.0, 790.0, 14.0, True, "1. Johdanto"),
            (50.0, 760.0, 10.0, False, "Kertomus kokoaa kaupungin hyvinvointityön vuonna 2024.")]
    paras = parse_file(write_pdf(tmp_path / "kertomus-2024.pdf", [toc, body]))
    assert [(p.section, p.text) for p in paras] == [
        ("1. Johdanto", "1. Johdanto\nKertomus kokoaa kaupungin hyvinvointityön vuonna 2024.")]


def test_a_table_of_contents_without_leaders_is_dropped_under_its_title():
    from ingest.layout import Line
    from ingest.paragraphs import drop_table_of_contents

    lines = [Line(t) for t in ("Kertomus 2024", "Sisällys", "1. Johdanto 2", "2. Lasten hyvinvointi 3",
                               "2.1 Harrastaminen 3", "1. Johdanto", "Kertomus kokoaa työn.")]
    assert [ln.text for ln in drop_table_of_contents(lines)] == ["Kertomus 2024", "1. Johdanto", "Kertomus kokoaa työn."]
    # a heading "Sisältö" over text whose one line ends in a figure keeps its text
    text = [Line(t) for t in ("Sisältö", "Kävijöitä oli vuonna 2023 yhteensä 120", "Toiminta jatkuu.")]
    assert [ln.text for ln in drop_table_of_contents(text)] == [ln.text for ln in text]


def test_a_table_of_contents_without_page_numbers_is_dropped_when_it_repeats_the_headings():
    from ingest.layout import Line
    from ingest.paragraphs import drop_table_of_contents

    heads = ["Lähtökohtana lapsen etu", "Vanhempainvapaiden kehittäminen", "Syrjäytymisen ehkäisy"]
    lines = [Line("Sisällysluettelo"), *map(Line, heads), Line("Kohta, jota ei ole")]
    lines += [Line(h, heading_level=2) for h in heads]
    kept = [ln.text for ln in drop_table_of_contents(lines)]
    assert kept == heads  # the headings themselves, once
    # lines under "Sisältö" that repeat no heading are text
    text = [Line("Sisältö"), Line("Kerho kokoontuu tiistaisin"), Line("Ryhmä on avoin kaikille"),
            Line("Kerho kokoontuu tiistaisin", heading_level=2)]
    assert [ln.text for ln in drop_table_of_contents(text)] == [ln.text for ln in text]


def test_text_right_after_a_list_is_no_part_of_its_last_item(tmp_path):
    # set without space after the list: the next paragraph starts at the bullet's x after a
    # finished item; a wrapped item hangs under its text or goes on mid-sentence
    lines = [(50.0, 790.0, 16.0, True, "Terveyden edistaminen")]
    rows = [
        (50.0, "Kun tavoite toteutuu, ihmisilla on mahdollisuus"),
        (50.0, "• nukkua ja levata riittavasti,"),
        (50.0, "• liikkua vaivattomasti ja eri tavoin urheillen, kuntoillen,"),
        (58.0, "leikkien ja luonnossa."),
        (50.0, "• saada ohjausta elintapojen muuttamisessa. Tieto on"),
        (50.0, "luotettavaa."),
        (50.0, "• saada ymmarrettavaa tietoa terveydesta."),
        (50.0, "Panostamalla terveyden edistamiseen voidaan tavoitella, etta:"),
        (50.0, "• diabeetikkoja on 250 000,"),
    ]
    lines += [(x, 750.0 - 13 * i, 10.0, False, text) for i, (x, text) in enumerate(rows)]
    paras = parse_file(write_pdf(tmp_path / "linjaus.pdf", [lines]))
    text = "\n".join(p.text for p in paras)
    assert any(p.text.startswith("Panostamalla") for p in paras)  # a paragraph of its own
    assert "terveydesta. Panostamalla" not in text
    assert "• liikkua vaivattomasti ja eri tavoin urheillen, kuntoillen, leikkien ja luonnossa." in text
    assert "• saada ohjausta elintapojen muuttamisessa. Tieto on luotettavaa." in text
