"""PDF via pypdf's layout visitor: lines with page, position and font, minus running headers.

Paragraph breaks come from vertical gaps larger than the body line spacing; headings from a
bold or larger font; running headers, footers and page numbers from text that repeats in the
top or bottom band of the pages.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..layout import TERMINAL, Line
from . import RawDocument, ReadError

_BAND = 0.09  # top and bottom share of the page where running headers and footers live


@dataclass
class _Frag:
    x: float
    y: float
    size: float
    bold: bool
    text: str


@dataclass
class _PdfLine:
    page: int
    y: float
    x: float
    size: float
    bold: bool
    text: str
    height: float


def _page_lines(page, number: int) -> list[_PdfLine]:
    frags: list[_Frag] = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text or not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]) or 1.0
        font = str((font_dict or {}).get("/BaseFont", ""))
        bold = bool(re.search(r"bold|black|heavy|semibold", font, re.I))
        for k, part in enumerate(text.split("\n")):
            if part.strip():
                frags.append(_Frag(x, y - k * font_size * scale, font_size * scale, bold, part))

    page.extract_text(visitor_text=visit)
    frags.sort(key=lambda f: (-round(f.y), f.x))
    lines: list[_PdfLine] = []
    for f in frags:
        last = lines[-1] if lines else None
        if last and abs(last.y - f.y) <= max(2.0, 0.3 * f.size):
            last.text = f"{last.text} {f.text}" if not last.text.endswith(" ") else last.text + f.text
            last.bold = last.bold and f.bold
            last.size = max(last.size, f.size)
        else:
            lines.append(_PdfLine(number, f.y, f.x, f.size, f.bold, f.text, f.size))
    for ln in lines:
        ln.text = re.sub(r"\s+", " ", ln.text).strip()
    return [ln for ln in lines if ln.text]


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def _strip_running(pages: list[list[_PdfLine]], heights: list[float]) -> tuple[list[list[_PdfLine]], str]:
    """Remove headers/footers that repeat across pages, and bare page numbers. Returns the
    header text too: a running header is usually the document's title."""
    counts: Counter = Counter()
    for lines, h in zip(pages, heights):
        keys = {_running_key(ln.text) for ln in lines if ln.y > h * (1 - _BAND) or ln.y < h * _BAND}
        counts.update(keys)
    need = max(2, math.ceil(len(pages) * 0.5))
    running = {k for k, n in counts.items() if n >= need} if len(pages) > 1 else set()
    header_title = ""
    out = []
    for lines, h in zip(pages, heights):
        kept = []
        for ln in lines:
            in_band = ln.y > h * (1 - _BAND) or ln.y < h * _BAND
            key = _running_key(ln.text)
            if in_band and (key in running or re.fullmatch(r"(sivu|page)?\s*#(\s*(/|of|\()\s*#\)?)?", key)):
                if ln.y > h / 2 and not header_title and not re.fullmatch(r"[#\s|/]*", key):
                    header_title = ln.text
                continue
            kept.append(ln)
        out.append(kept)
    return out, header_title


def read_pdf(path: Path) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:  # noqa: BLE001 - any decrypt failure means unreadable
                raise ReadError("encrypted PDF") from exc
        pages = [_page_lines(p, i + 1) for i, p in enumerate(reader.pages)]
        heights = [float(p.mediabox.height) for p in reader.pages]
        meta_title = str((reader.metadata or {}).get("/Title") or "").strip()
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise ReadError(f"broken PDF: {exc}") from exc
    if not any(pages):
        raise ReadError("PDF has no extractable text (scanned image?)")
    pages, header_title = _strip_running(pages, heights)
    all_lines = [ln for page in pages for ln in page]
    if not all_lines:
        raise ReadError("PDF has no text outside headers and footers")
    body = Counter(round(ln.size, 1) for ln in all_lines for _ in range(len(ln.text))).most_common(1)[0][0]
    gaps = [a.y - b.y for page in pages for a, b in zip(page, page[1:]) if 0 < a.y - b.y < 3 * body]
    spacing = statistics.median(gaps) if gaps else body * 1.2

    out: list[Line] = []
    prev: _PdfLine | None = None
    for ln in all_lines:
        if prev is None:
            brk = True
        elif prev.page != ln.page:
            # Across a page break a paragraph goes on only mid-sentence (lower-case start).
            brk = not ln.text[:1].islower() or bool(TERMINAL.search(prev.text))
        else:
            brk = (prev.y - ln.y) > spacing * 1.3
        level = None
        if (ln.bold or ln.size >= body * 1.15) and len(ln.text) < 150:
            m = re.match(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s", ln.text)
            level = (m.group(1).count(".") + 1) if m else (1 if ln.size >= body * 1.35 else 2)
        out.append(Line(ln.text, ln.page, brk=brk or level is not None, heading_level=level))
        prev = ln
    title = meta_title or header_title
    return RawDocument(lines=_inline_bullets(out), title=title, pages=len(pages))


def _inline_bullets(lines: list[Line]) -> list[Line]:
    """Extraction runs list items into one line ("• a • b"); give each item its own line."""
    out: list[Line] = []
    for ln in lines:
        parts = re.split(r"\s+(?=[•▪◦●■]\s)", ln.text)
        out.append(Line(parts[0], ln.page, ln.brk, ln.heading_level, ln.kind))
        for part in parts[1:]:
            out.append(Line(part, ln.page, False, None, ln.kind))
    return out
