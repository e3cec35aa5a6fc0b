"""PDF via pypdf's text visitor: lines with page, position and font, minus running headers.

Words: office suites write a line as many runs (kerning, font changes inside a word), and
pypdf's own extraction already decides where those runs need a space; the visitor receives
exactly that text, so runs that follow each other in the content stream are joined as pypdf
spaced them, and only runs from elsewhere in the stream get a space between them.
Paragraph breaks come from vertical gaps larger than the body line spacing; headings from a
bold or larger font (their level from the rank of their font size, or their numbering);
running headers, footers and page numbers from text that repeats in the top or bottom band.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..layout import TERMINAL, Line, join_wrapped, normalize_bullet
from . import RawDocument, ReadError

_BAND = 0.09  # top and bottom share of the page where running headers and footers live
_HEADING_MAX_CHARS = 150
_MIDDLE = (0.3, 0.7)  # where a second column may start, as a share of the page width
_MIN_COLUMN_ROWS = 4  # rows on which it starts
_COLUMN_FILL = 0.6  # how far, as a median, the left column's lines reach towards it
_MAX_CROSSING = 0.2  # share of the left runs that may reach past it (a title over both columns)


@dataclass
class _Frag:
    seq: int  # order in the content stream
    x: float
    y: float
    size: float
    bold: bool
    text: str
    space_before: bool  # pypdf put whitespace between this run and the one before it


@dataclass
class _PdfLine:
    page: int
    y: float
    x: float
    size: float
    bold: bool
    text: str
    last_seq: int


def _page_lines(page, number: int) -> list[_PdfLine]:
    frags: list[_Frag] = []
    state = {"seq": 0, "space": False}

    def visit(text, cm, tm, font_dict, font_size):
        if not text:
            return
        state["seq"] += 1
        if not text.strip():
            state["space"] = True
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]) or 1.0
        font = str((font_dict or {}).get("/BaseFont", ""))
        bold = bool(re.search(r"bold|black|heavy|semibold|demi", font, re.I))
        for k, part in enumerate(text.split("\n")):
            if k:  # pypdf saw a new line inside the run
                state["seq"] += 1
                state["space"] = True
            if part.strip():
                space = state["space"] or part[:1].isspace()
                frags.append(_Frag(state["seq"], x, y - k * font_size * scale, font_size * scale, bold, part, space))
                state["space"] = part[-1:].isspace()
            elif part:
                state["space"] = True

    page.extract_text(visitor_text=visit)
    return [ln for column in _columns(frags, float(page.mediabox.width)) for ln in _lines(column, number)]


def _columns(frags: list[_Frag], page_width: float, depth: int = 0) -> list[list[_Frag]]:
    """The runs of a page by column, left to right (the left one keeps anything that spans the
    page); three columns are two splits."""
    gutter = _gutter(frags, page_width) if depth < 2 else None
    if gutter is None:
        return [frags]
    left = [f for f in frags if f.x < gutter - 2]
    right = [f for f in frags if f.x >= gutter - 2]
    return _columns(left, page_width, depth + 1) + _columns(right, page_width, depth + 1)


def _width(f: _Frag) -> float:
    """A run's width, estimated: half an em per character (pypdf gives no glyph widths here)."""
    return 0.5 * f.size * len(f.text)


def _gutter(frags: list[_Frag], page_width: float) -> float | None:
    """The x where a second column of text starts, if the page is set in two columns: many
    runs start there, in the middle band of the page; the runs left of it stay left of it (a
    page of full-width text with a table is no two-column page) and fill their column (a
    table's short cells do not, and a table is read row by row). The columns' baselines need
    not line up: each column flows on its own."""
    middle = Counter(round(f.x / 4) for f in frags if _MIDDLE[0] * page_width <= f.x <= _MIDDLE[1] * page_width)
    for key, count in middle.most_common():
        if count < _MIN_COLUMN_ROWS:
            break
        x = key * 4.0
        left = [f for f in frags if f.x < x - 4]
        if len(left) < _MIN_COLUMN_ROWS:
            continue  # the left edge of what is left of the page (the third of three columns)
        if sum(f.x + _width(f) > x + f.size for f in left) > _MAX_CROSSING * len(left):
            continue  # lines run across: one column, something indented in it
        margin = min(f.x for f in left)
        fill = statistics.median(min(1.0, (f.x + _width(f) - margin) / (x - margin)) for f in left)
        if fill >= _COLUMN_FILL:
            return x
    return None


def _lines(frags: list[_Frag], number: int) -> list[_PdfLine]:
    """Runs on the same baseline joined into lines, top to bottom."""
    frags = sorted(frags, key=lambda f: (-round(f.y), f.x, f.seq))
    lines: list[_PdfLine] = []
    for f in frags:
        last = lines[-1] if lines else None
        if last and abs(last.y - f.y) <= max(2.0, 0.3 * f.size):
            if last.text.strip() == f.text.strip() and abs(last.x - f.x) < 1:
                continue  # the same run drawn twice (a shadow or outline effect)
            adjacent = f.seq == last.last_seq + 1 and not f.space_before
            last.text = last.text + f.text if adjacent else f"{last.text.rstrip()} {f.text.lstrip()}"
            last.bold = last.bold and f.bold
            last.size = max(last.size, f.size)
            last.last_seq = f.seq
        else:
            lines.append(_PdfLine(number, f.y, f.x, f.size, f.bold, f.text, f.seq))
    for ln in lines:
        ln.text = normalize_bullet(re.sub(r"\s+", " ", ln.text).strip())
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


def usable_metadata_title(title: str) -> str:
    """The metadata title unless it is an office default or a file name ("Microsoft Word -
    raportti_v3.docx", "Untitled", "Esitys1"), which is what most exported PDFs carry."""
    t = re.sub(r"\s+", " ", title or "").strip()
    if not t or len(t) < 4 or "\ufffd" in t:
        return ""
    if re.match(r"(microsoft\s+\w+|word|powerpoint|excel)\s*-", t, re.I):
        return ""
    if re.search(r"\.(docx?|pdf|odt|pptx?|xlsx?|rtf)$", t, re.I) or re.fullmatch(r"[\w.-]+", t) and "_" in t:
        return ""
    if re.fullmatch(r"(untitled|nimetön|otsikko|title|esitys\d*|asiakirja\d*|document\d*)", t, re.I):
        return ""
    letters = sum(c.isalpha() for c in t)
    return t if letters >= 0.5 * len(t) else ""


def _visible_title(first_page: list[_PdfLine], body: float) -> tuple[str, int]:
    """The largest text near the top of the first page, when it stands out from the body
    (lines of that size in a row are one wrapped title). Returns (title, lines used)."""
    if not first_page:
        return "", 0
    top = first_page[: min(len(first_page), 8)]
    biggest = max(ln.size for ln in top)
    if biggest < body * 1.5:
        return "", 0
    start = next(i for i, ln in enumerate(top) if ln.size == biggest)
    if start > 2 or re.match(r"\d{1,2}(\.\d{1,2})*\.?\s", top[start].text):  # a numbered heading, not a title
        return "", 0
    used = [top[start]]
    for ln in top[start + 1 :]:
        if abs(ln.size - biggest) > 0.5 or len(used) >= 3:
            break
        used.append(ln)
    title = " ".join(ln.text for ln in used)
    return (title, start + len(used)) if len(title) <= _HEADING_MAX_CHARS else ("", 0)


def _heading_levels(lines: list[_PdfLine], body: float) -> dict[float, int]:
    """Heading level of each font size that marks headings: the largest is level 1."""
    sizes = sorted({round(ln.size * 2) / 2 for ln in lines if ln.size >= body * 1.15}, reverse=True)
    return {s: i + 1 for i, s in enumerate(sizes[:4])}


def read_pdf(path: Path) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            # "Restricted" PDFs (an owner password only, AES or RC4) open with an empty user
            # password; one with a user password cannot be read without it.
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # noqa: BLE001 - any decrypt failure means unreadable
                raise ReadError(f"encrypted PDF that cannot be opened: {exc}") from exc
            if not opened:
                raise ReadError("encrypted (needs a password)")
        pages = [_page_lines(p, i + 1) for i, p in enumerate(reader.pages)]
        heights = [float(p.mediabox.height) for p in reader.pages]
        meta_title = str(reader.metadata.get("/Title") or "").strip() if reader.metadata else ""
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

    visible, title_lines = _visible_title(pages[0], body)
    title = visible or usable_metadata_title(meta_title) or header_title
    if title_lines:
        all_lines = all_lines[title_lines:]
    levels = _heading_levels(all_lines, body)
    out: list[Line] = []
    prev: _PdfLine | None = None
    item_x: float | None = None  # where the list item being read starts (its bullet)
    for ln in all_lines:
        if prev is None:
            brk = True
        elif prev.page != ln.page or ln.y > prev.y + 1:
            # Across a page or column break a paragraph goes on only mid-sentence (lower-case start).
            brk = not ln.text[:1].islower() or bool(TERMINAL.search(prev.text))
        else:
            brk = (prev.y - ln.y) > spacing * 1.3
        if ln.text.startswith("•"):
            item_x = ln.x
        elif item_x is not None:
            # After a list item, a line not indented past its bullet that starts a sentence
            # after a finished one is the text after the list, not the item wrapping on
            # (a wrapped item's lines hang under its text or go on mid-sentence).
            if ln.x <= item_x + 1 and TERMINAL.search(prev.text if prev else "") and ln.text[:1].isupper():
                brk = True
            if brk:
                item_x = None
        level = None
        if (ln.bold or ln.size >= body * 1.15) and len(ln.text) < _HEADING_MAX_CHARS:
            m = re.match(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s", ln.text)
            if m:
                level = m.group(1).count(".") + 1
            elif ln.size >= body * 1.15:
                level = levels.get(round(ln.size * 2) / 2, len(levels) + 1)
            else:  # bold at body size: a label under the sized headings
                level = len(levels) + 1 if not ln.text.startswith("•") else None
        if level is not None and _wraps_heading(prev, ln, out, spacing, body):
            out[-1].text = join_wrapped(out[-1].text, ln.text)  # a heading wrapped on two lines
            prev = ln
            continue
        out.append(Line(ln.text, ln.page, brk=brk or level is not None, heading_level=level))
        prev = ln
    return RawDocument(lines=_inline_bullets(out), title=title, pages=len(pages))


def _wraps_heading(prev: _PdfLine | None, ln: _PdfLine, out: list[Line], spacing: float, body: float) -> bool:
    """``ln`` goes on with the heading on the line before: the same font, right below it, the
    heading unfinished and ``ln`` no numbered heading of its own ("2. Osallisuus- ja" /
    "vaikutusmahdollisuudet")."""
    return (prev is not None and bool(out) and out[-1].heading_level is not None and prev.page == ln.page
            and abs(prev.size - ln.size) < 0.5 and prev.bold == ln.bold
            and 0 < prev.y - ln.y <= spacing * 1.6 * ln.size / body
            and not TERMINAL.search(prev.text) and not re.match(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?\s", ln.text))


def _inline_bullets(lines: list[Line]) -> list[Line]:
    """Extraction runs list items into one line ("• a • b"); give each item its own line."""
    out: list[Line] = []
    for ln in lines:
        parts = re.split(r"\s+(?=[•▪▫◦●○■□►➢✓]\s)", ln.text)
        out.append(Line(parts[0], ln.page, ln.brk, ln.heading_level, ln.kind))
        for part in parts[1:]:
            out.append(Line(part, ln.page, False, None, ln.kind))
    return out
