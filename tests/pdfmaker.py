"""Write small real PDFs for tests: pages of positioned text lines (Helvetica, WinAnsi)."""

from __future__ import annotations

from pathlib import Path


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def write_pdf(path: Path, pages: list[list[tuple[float, float, float, bool, str]]]) -> Path:
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
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
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
