"""Markdown: # headings, list items, one line per line, and tables (HTML, pipe or tab rows)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from ..layout import Line
from . import RawDocument
from .text import boilerplate_key, decode, repeated_boilerplate


class _TableParser(HTMLParser):
    """Rows of cells from an HTML <table>."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "li" and self._cell is not None:
            self._cell.append("\n• ")
        elif tag in ("p", "br") and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append(_clean_cell("".join(self._cell)))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def cell_text(fragment: str) -> str:
    """Readable text of a table cell that may hold <p>, <ul><li>, <b> and entities."""
    s = re.sub(r"<li[^>]*>", "\n• ", fragment, flags=re.I)
    s = re.sub(r"<(?:p|br|div)[^>]*>", "\n", s, flags=re.I)
    s = re.sub(r"<[^>]+>", " ", s)
    return _clean_cell(html.unescape(s))


def _clean_cell(text: str) -> str:
    text = text.replace("**", "")
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln and ln != "•"]
    # "• • item" (a bullet character inside <li>) -> one bullet
    return "\n".join(re.sub(r"^(•\s*)+", "• ", ln) for ln in lines)


def row_text(header: list[str], cells: list[str]) -> str:
    """A table row as readable text: 'Header: cell' per column."""
    parts = []
    for i, cell in enumerate(cells):
        if not cell:
            continue
        name = header[i] if i < len(header) and header[i] else ""
        parts.append(f"{name}: {cell}" if name and name != cell else cell)
    return "\n".join(parts)


def _plain(line: str) -> str:
    s = re.sub(r"<[^>]+>", " ", line)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)  # links -> their text
    s = s.replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", html.unescape(s)).strip()


def read_markdown(path: Path) -> RawDocument:
    text = decode(path).replace("\r\n", "\n")
    lines_in = text.split("\n")
    boiler = repeated_boilerplate([ln for ln in lines_in if ln.strip() and not ln.startswith("#")])
    out: list[Line] = []
    title = ""
    blank = True
    header: list[str] = []
    in_table = False
    i = 0
    while i < len(lines_in):
        raw = lines_in[i]
        stripped = raw.strip()
        i += 1
        if not stripped:
            blank = True
            continue
        if re.search(r"<table", stripped, re.I):  # an HTML table, possibly over many lines
            chunk = [raw]
            while "</table>" not in chunk[-1].lower() and i < len(lines_in):
                chunk.append(lines_in[i])
                i += 1
            parser = _TableParser()
            parser.feed("\n".join(chunk))
            rows = [r for r in parser.rows if any(r)]
            head = rows[0] if rows else []
            for r in rows[1:]:
                out.append(Line(row_text(head, r), kind="row", brk=True))
            blank = True
            continue
        pipe_row = stripped.startswith("|") and stripped.count("|") >= 2
        if pipe_row or "\t" in raw:  # a pipe table row, or a tab-separated one (cells may carry HTML)
            raw_cells = stripped.strip("|").split("|") if pipe_row else raw.split("\t")
            if pipe_row and all(re.fullmatch(r"\s*:?-{2,}:?\s*", c) for c in raw_cells if c.strip()):
                continue  # the |---|---| line under a header
            cells = [cell_text(c) for c in raw_cells]
            if not in_table:  # the first row of a table names its columns
                header = [c.replace("\n", " ") for c in cells]
            else:
                out.append(Line(row_text(header, cells), kind="row", brk=True))
            in_table, blank = True, False
            continue
        in_table = False
        if boilerplate_key(stripped) in boiler:
            continue
        m = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if m:
            heading = _plain(m.group(2))
            if not title and len(m.group(1)) == 1:
                title = heading
            else:
                out.append(Line(heading, brk=True, heading_level=len(m.group(1)), kind="hard"))
            blank = True
            continue
        if re.fullmatch(r"\*\*[^*]+\*\*:?", stripped) and len(stripped) < 150:  # a bold line: sub-heading
            out.append(Line(_plain(stripped), brk=True, heading_level=7, kind="hard"))
            blank = True
            continue
        list_item = re.match(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+", raw)
        plain = _plain(re.sub(r"^\s*[-*+]\s+", "• ", raw)) if list_item else _plain(raw)
        prev_raw = lines_in[i - 2] if i >= 2 else ""
        wrapped = (
            out and not blank and out[-1].kind == "hard" and out[-1].heading_level is None
            and not list_item and plain[:1].islower() and not prev_raw.endswith("  ")
        )
        if wrapped:  # a hard-wrapped paragraph: markdown joins such lines
            out[-1].text = f"{out[-1].text} {plain}"
        else:
            out.append(Line(plain, brk=blank, kind="hard"))
        blank = False
    return RawDocument(lines=out, title=title)
