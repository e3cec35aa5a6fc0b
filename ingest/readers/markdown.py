"""Markdown through markdown-it-py: front matter as metadata, markup rendered to plain text.

A YAML front matter block is parsed (never indexed); its title and year/date fields name the
document. Headings, paragraphs, list items (a list stays whole, nested items included),
block quotes, pipe tables and HTML tables become lines; emphasis, links, escapes and inline
HTML become the text a reader sees. Tab-separated rows (tables pasted from a PDF or
spreadsheet) read as tables too. Markdown has no pages, so nothing is dropped as a running
header; only a short standalone paragraph repeated verbatim three times or more (a slogan on
every page of the PDF the markdown was made from) is left out.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..layout import Line
from . import RawDocument
from .text import decode

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_REPEATED_PARAGRAPH = 3  # a short standalone paragraph seen this often is page furniture


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
    text = re.sub(r"\*\*|__", "", text)
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


def split_front_matter(text: str) -> tuple[dict, str]:
    """(metadata, body) of a text that may open with a YAML front matter block."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    body = text[m.end():]
    try:
        meta = yaml.safe_load(m.group(1) or "") or {}
    except yaml.YAMLError:
        # Still front matter, only badly written: read "key: value" lines by hand.
        meta = dict(re.findall(r"^([\w-]+)\s*:\s*(.*?)\s*$", m.group(1) or "", re.M))
    return (meta if isinstance(meta, dict) else {}), body


def _inline_text(token: Token, keep_lines: bool = False) -> str:
    """Plain text of an inline token: markup dropped, links and images as their text.

    ``keep_lines``: a source line that starts with a capital or a digit starts a line of its
    own (documents converted from PDF write one item per line without list markers); other
    line breaks are wraps and become spaces, as markdown says.
    """
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append("\x00")
        elif child.type == "hardbreak":
            out.append("\x00")
        elif child.type == "image":
            out.append(child.content or "")
        elif child.type == "html_inline" and re.match(r"<br\b", child.content, re.I):
            out.append(" ")
    # A backslash left before a symbol markdown does not escape ("\€") is converter residue.
    text = re.sub(r"\\(?=[^\w\s])", "", html.unescape("".join(out)))
    if keep_lines:
        text = re.sub(r"\x00(?=\s*[A-ZÅÄÖ0-9•])", "\n", text)
    text = "\n".join(re.sub(r"\s+", " ", ln).strip() for ln in text.replace("\x00", " ").split("\n"))
    # Literal asterisks around words (escaped emphasis left by a converter) read as plain text.
    return _LITERAL_EMPHASIS.sub(r"\1", text).strip()


_LITERAL_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}(\S(?:[^*]*\S)?)\*{1,2}(?![\w*])")


def _html_lines(block: str) -> list[Line]:
    """An HTML block: its tables as rows, anything else as its text."""
    out: list[Line] = []
    if re.search(r"<table", block, re.I):
        parser = _TableParser()
        parser.feed(block)
        rows = [r for r in parser.rows if any(r)]
        head = rows[0] if rows else []
        out += [Line(row_text(head, r), kind="row", brk=True) for r in rows[1:]]
        return out
    text = cell_text(block)
    return [Line(t, brk=(i == 0), kind="hard") for i, t in enumerate(text.split("\n")) if t]


class _Renderer:
    """Walks markdown-it's token stream and produces reader lines."""

    def __init__(self, source_lines: list[str]) -> None:
        self.src = source_lines
        self.lines: list[Line] = []
        self.list_depth = 0
        self.ordered: list[int | None] = []  # next number of each open ordered list (None: bullets)
        self.item_start = False
        self.table: list[list[str]] | None = None
        self.row: list[str] | None = None
        self.tab_header: list[str] | None = None
        self.tab_end = -1  # len(self.lines) right after the last tab-separated rows

    def run(self, tokens: list[Token]) -> list[Line]:
        self.repeated = {
            k for k, n in Counter(
                t.content.strip() for t in tokens if t.type == "inline" and t.level == 1
            ).items() if n >= _REPEATED_PARAGRAPH and len(k) <= 80
        }
        i = 0
        while i < len(tokens):
            i = self.token(tokens, i)
        return self.lines

    def token(self, tokens: list[Token], i: int) -> int:
        t = tokens[i]
        kind = t.type
        if kind == "heading_open":
            text = _inline_text(tokens[i + 1])
            if text:
                self.lines.append(Line(text, brk=True, heading_level=int(t.tag[1]), kind="hard"))
            return i + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.list_depth += 1
            self.ordered.append(int(t.attrGet("start") or 1) if kind == "ordered_list_open" else None)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.list_depth -= 1
            self.ordered.pop()
        elif kind == "list_item_open":
            self.item_start = True
        elif kind == "paragraph_open":
            return self.paragraph(tokens, i)
        elif kind in ("table_open",):
            self.table = []
        elif kind == "tr_open":
            self.row = []
        elif kind in ("th_open", "td_open") and self.row is not None:
            self.row.append(_inline_text(tokens[i + 1]))
            return i + 3
        elif kind == "tr_close" and self.table is not None and self.row is not None:
            self.table.append(self.row)
            self.row = None
        elif kind == "table_close" and self.table:
            head, *rows = self.table
            self.lines += [Line(row_text(head, r), kind="row", brk=True) for r in rows if any(r)]
            self.table = None
        elif kind in ("fence", "code_block"):
            for n, text in enumerate(t.content.splitlines()):
                if text.strip():
                    self.lines.append(Line(text.strip(), brk=n == 0, kind="hard"))
        elif kind == "html_block":
            source = self.src[t.map[0]:t.map[1]] if t.map else []
            if any("\t" in ln for ln in source):  # tab rows whose cells start with <p>
                self.tab_rows(source, continues=self.tab_end == len(self.lines))
            else:
                self.lines += _html_lines(t.content)
        return i + 1

    def tab_rows(self, source: list[str], continues: bool) -> None:
        """Tab-separated rows (cells may carry HTML). The first row names the columns, and a
        table may go on in the next block (markdown splits it where a row starts with HTML)."""
        if not continues:
            self.tab_header = None
        for raw in source:
            if not raw.strip():
                continue
            cells = [cell_text(c) for c in raw.split("\t")]
            if self.tab_header is None:
                self.tab_header = [c.replace("\n", " ") for c in cells]
            else:
                self.lines.append(Line(row_text(self.tab_header, cells), kind="row", brk=True))
        self.tab_end = len(self.lines)

    def paragraph(self, tokens: list[Token], i: int) -> int:
        inline = tokens[i + 1]
        start, end = (inline.map or tokens[i].map or [0, 0])[:2]
        source = self.src[start:end]
        if self.list_depth == 0 and any("\t" in ln for ln in source):
            self.tab_rows(source, continues=False)
            return i + 3
        text = _inline_text(inline, keep_lines=not self.list_depth)
        if not text or (not self.list_depth and inline.content.strip() in self.repeated):
            return i + 3
        if self.list_depth and self.item_start:
            number = self.ordered[-1]
            if number is None:
                marker = "•" if self.list_depth == 1 else "◦"
            else:
                marker = f"{number}."
                self.ordered[-1] = number + 1
            # A list goes on the paragraph that introduces it ("... osa-alueet:"), and its
            # items stay together: a list is one paragraph, split only between items.
            prev = self.lines[-1].text if self.lines else ""
            first_item = not (prev.startswith(("•", "◦")) or re.match(r"\d+\)", prev))
            brk = first_item and not prev.endswith(":")
            self.lines.append(Line(f"{marker} {text}", brk=brk, kind="hard"))
            self.item_start = False
        elif self.list_depth:  # a second paragraph inside one list item
            self.lines[-1].text += f" {text}"
        elif _bold_only(inline) and len(text) < 150:  # a bold line of its own: a sub-heading
            self.lines.append(Line(text.replace("\n", " "), brk=True, heading_level=7, kind="hard"))
        else:
            for n, part in enumerate(text.split("\n")):
                self.lines.append(Line(part, brk=n == 0, kind="hard"))
        return i + 3


def _bold_only(inline: Token) -> bool:
    """The paragraph is one bold run ("**Tavoitteet**", "<b>VASTUUTAHOT:</b>" counts only
    when nothing follows it)."""
    kids = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
    if len(kids) >= 3 and kids[0].type == "strong_open" and kids[-1].type == "strong_close":
        return all(c.type not in ("strong_open", "strong_close") for c in kids[1:-1])
    return False


def read_markdown(path: Path) -> RawDocument:
    text = decode(path).replace("\r\n", "\n").replace("\r", "\n")
    meta, body = split_front_matter(text)
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    lines = _Renderer(body.split("\n")).run(md.parse(body))
    title = str(meta.get("title") or "").strip()
    # The first level-1 heading is the document's title when the metadata gives none.
    first_h1 = next((i for i, ln in enumerate(lines) if ln.heading_level == 1), None)
    if first_h1 is not None and (not title or lines[first_h1].text.strip().lower() == title.lower()):
        title = title or lines[first_h1].text
        lines.pop(first_h1)
    return RawDocument(lines=lines, title=title, meta=meta)
