"""Word .docx through python-docx: headings become sections, lists and tables are kept.

Body paragraphs and tables are read in document order. A paragraph styled as a heading
("Heading 2", Finnish "Otsikko 2") is a heading of that level, "Title" is the document's
title; a numbered or bulleted paragraph is a list item; each table row becomes
"Sarake: arvo" lines under the first row's column names. The document's core properties
(title, created) are its metadata.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..layout import Line, normalize_bullet
from . import RawDocument, ReadError
from .markdown import row_text

_HEADING_STYLE = re.compile(r"^(?:heading|otsikko|rubrik|überschrift)\s*(\d)$", re.I)


def _style_name(paragraph) -> str:
    try:
        return paragraph.style.name or ""
    except (AttributeError, KeyError, ValueError):
        return ""


def _is_list_item(paragraph, style: str) -> bool:
    ppr = paragraph._p.pPr
    return (ppr is not None and ppr.numPr is not None) or "list" in style.lower() or "luettelo" in style.lower()


def _bold_only(paragraph) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _table_rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = "\n".join(normalize_bullet(p.text.strip()) for p in cell.paragraphs if p.text.strip())
            if cells and text == cells[-1]:  # a merged cell repeats itself across the columns it spans
                continue
            cells.append(text)
        rows.append(cells)
    return rows


def read_docx(path: Path) -> RawDocument:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph as DocxParagraph

        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(f"broken Word file: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - python-docx raises its own kinds for bad packages
        raise ReadError(f"broken Word file: {type(exc).__name__}: {exc}") from exc
    props = document.core_properties
    meta = {"title": props.title or "", "created": props.created}
    title = ""
    lines: list[Line] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            rows = [r for r in _table_rows(Table(child, document)) if any(r)]
            if len(rows) == 1:
                lines.append(Line(" | ".join(c for c in rows[0] if c), brk=True, kind="hard"))
            elif rows:
                head = [c.replace("\n", " ") for c in rows[0]]
                lines += [Line(row_text(head, r), kind="row", brk=True) for r in rows[1:]]
            continue
        if tag != "p":
            continue
        paragraph = DocxParagraph(child, document)
        text = re.sub(r"[ \t]+", " ", paragraph.text).strip()
        if not text:
            continue
        style = _style_name(paragraph)
        heading = _HEADING_STYLE.match(style)
        if style.lower() in ("title", "otsikko") and not title:
            title = text
        elif heading:
            lines.append(Line(text, brk=True, heading_level=int(heading.group(1)), kind="hard"))
        elif _is_list_item(paragraph, style):
            prev = lines[-1].text if lines else ""
            brk = not (prev.startswith("•") or prev.endswith(":"))
            lines.append(Line(normalize_bullet(text if text.startswith("•") else f"• {text}"), brk=brk, kind="hard"))
        elif _bold_only(paragraph) and len(text) < 150:
            lines.append(Line(text, brk=True, heading_level=7, kind="hard"))
        else:
            lines.append(Line(normalize_bullet(text), brk=True, kind="hard"))
    if not lines:
        raise ReadError("no text in Word file")
    return RawDocument(lines=lines, title=title or str(props.title or "").strip(), meta=meta)
