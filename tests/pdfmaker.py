"""Write small real PDFs for tests: pages of positioned text lines (Helvetica, WinAnsi)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def write_pdf(path: Path, pages: Sequence[Sequence[tuple[float, float, float, bool, str]]]) -> Path:
    """pages: lists of (x, y, size, bold, text). Fonts F1 regular, F2 bold; A4 pages."""
    objects: list[bytes] = []
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        stream = b"".join(
            b"BT /F%d %.1f Tf %.1f %.1f Td (" % (2 if bold else 1, size, x, y) + _escape(text) + b") Tj ET\n"
            for x, y, size, bold, text in lines
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            f"/Contents {6 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
    return _save(path, objects)


def _save(path: Path, objects: list[bytes], info: int | None = None) -> Path:
    """Write numbered objects (1 is the catalog) with their cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    trailer = b"/Size %d /Root 1 0 R" % (len(objects) + 1) + (b" /Info %d 0 R" % info if info else b"")
    out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


def report_pdf(path: Path) -> Path:
    """A three-page report with a running header, page-number footers, a numbered heading
    broken over two lines, wrapped and hyphenated paragraphs and bullets."""
    header = (200, 805, 8, False, "Liikuntakertomus 2024 - Esimerkkilän kaupunki")
    pages = [
        [
            header,
            (40, 770, 13, True, "1. Liikunnan edistäminen ja"),
            (40, 752, 10, False, "uimahallin peruskorjaus"),
            (40, 725, 10, False, "Uimahallin peruskorjaus valmistui syyskuussa 2024. Kävijöitä oli"),
            (40, 711, 10, False, "loppuvuonna yhteensä 12 480, mikä on enemmän kuin ennen korjaus-"),
            (40, 697, 10, False, "ta. Asiakaspalaute oli myönteistä."),
            (40, 670, 10, False, "Senioreiden kuntosaliryhmät jatkuivat kolmena päivänä viikossa."),
            (40, 656, 10, False, "Ryhmiin osallistui 85 ikäihmistä."),
            (280, 30, 8, False, "Sivu 1"),
        ],
        [
            header,
            (40, 770, 13, True, "2. Lasten ja nuorten liikunta"),
            (40, 743, 10, False, "Harrastepassi otettiin käyttöön keväällä. Tavoitteena on, että jokainen"),
            (40, 729, 10, False, "lapsi löytää mieluisan harrastuksen."),
            (40, 702, 10, False, "• Koululaisten iltapäiväliikunta"),
            (40, 688, 10, False, "• Kesän uimakoulut, joihin osallistui 240 lasta"),
            (280, 30, 8, False, "Sivu 2"),
        ],
        [
            header,
            (40, 770, 10, False, "Liikuntaneuvontaa annettiin työikäisille 130 asiakkaalle."),
            (40, 743, 10, False, "Ulkoliikuntapaikkojen kunnossapitoa parannettiin."),
            (280, 30, 8, False, "Sivu 3"),
        ],
    ]
    return write_pdf(path, pages)


def write_office_pdf(path: Path, pages: list[list[tuple[float, float, float, str, str]]], title: str = "") -> Path:
    """A PDF written the way office suites write one: every run in its own BT block with its
    own font and absolute position (words split into runs by kerning and font changes),
    fonts with width tables, and Word's bullet as a Symbol glyph that extracts as a
    private-use character (U+F0B7).

    pages: lists of (x, y, size, font, text), font one of "R" (regular), "B" (bold), "S" (symbol).
    Every glyph is 0.5 em wide, so a run that follows another directly starts at
    x + 0.5 * size * len(previous text).
    """
    widths = " ".join(["500"] * 224)
    fonts = {"R": "Helvetica", "B": "Helvetica-Bold"}
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font_ids = {}
    for key, base in fonts.items():
        objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding "
                       f"/FirstChar 32 /LastChar 255 /Widths [{widths}] >>".encode())
        font_ids[key] = len(objects)
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Sym def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <B7> <F0B7> endbfchar "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    objects.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    cmap_id = len(objects)
    objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /Symbol /FirstChar 32 /LastChar 255 "
                   f"/Widths [{widths}] /ToUnicode {cmap_id} 0 R >>".encode())
    font_ids["S"] = len(objects)
    font_res = " ".join(f"/F{k} {v} 0 R" for k, v in font_ids.items())
    kids = []
    for lines in pages:
        stream = b""
        for x, y, size, font, text in lines:
            raw = b"\xb7" if font == "S" else _escape(text)
            stream += b"BT /F%s %.1f Tf 1 0 0 1 %.2f %.2f Tm (" % (font.encode(), size, x, y) + raw + b") Tj ET\n"
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
        content_id = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << {font_res} >> >> "
                       f"/Contents {content_id} 0 R >>".encode())
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    info = None
    if title:
        objects.append(b"<< /Title (" + _escape(title) + b") >>")
        info = len(objects)
    return _save(path, objects, info)


def runs(x: float, y: float, size: float, font: str, *pieces: str) -> list[tuple[float, float, float, str, str]]:
    """One visual line written as several runs placed edge to edge (how Word splits words)."""
    out = []
    for piece in pieces:
        out.append((x, y, size, font, piece))
        x += 0.5 * size * len(piece)
    return out


def word_report_pdf(path: Path) -> Path:
    """Two pages as Word exports them: a large visible title (the metadata title is junk),
    words split into runs, a font change inside a word, private-use bullets, a bold label
    ending in a colon, a paragraph running over the page break, and a suspended hyphen
    ("joukko- ja") at a line end."""
    bullet = 40
    p1 = [
        *runs(40, 780, 20, "B", "Ulkoilu", "raportti 2024"),
        *runs(40, 740, 14, "B", "Johdanto"),
        *runs(40, 715, 10, "R", "Tämä d", "okumentti kertoo, miten Jav", "aFX-sovellus ja K", "irppu-palvelu toimivat."),
        *runs(40, 701, 10, "R", "Kaupunki paransi joukko-"),
        *runs(40, 687, 10, "R", "ja kevyen liikenteen väyliä."),
        *runs(40, 655, 14, "B", "Tulokset"),
        *runs(40, 630, 10, "B", "Kuntalaisten hyvinvointi:"),
        (bullet, 612, 10, "S", ""),
        *runs(55, 612, 10, "R", "Lähiliikuntapaikkoja avattiin kolme."),
        (bullet, 598, 10, "S", ""),
        *runs(55, 598, 10, "R", "Uimakouluihin osallistui 240 lasta."),
        *runs(40, 570, 10, "R", "Kävijämäärät kasvoivat koko vuoden ajan, ja erityisesti talvella"),
        *runs(40, 556, 10, "R", "ulkoilureittien kävijöitä oli enemmän kuin"),
        *runs(260, 30, 8, "R", "Sivu 1"),
    ]
    p2 = [
        *runs(40, 780, 10, "R", "koskaan aiemmin, yhteensä 18 200 käyntiä."),
        *runs(40, 750, 10, "R", "Latuverkostoa laajennettiin Pappilan alueelle."),
        *runs(260, 30, 8, "R", "Sivu 2"),
    ]
    return write_office_pdf(path, [p1, p2], title="Microsoft Word - raportti_lopullinen_v3.docx")
