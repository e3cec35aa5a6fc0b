"""Plain text: hard-wrapped lines, blank lines between paragraphs, running lines repeated."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..layout import Line
from . import RawDocument, ReadError


def decode(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ReadError("binary file, not text")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ReadError("unknown text encoding")


def repeated_boilerplate(blocks: list[str], min_count: int = 3) -> set[str]:
    """Short blocks that repeat verbatim: running headers and footers of the original pages."""
    norm = Counter(boilerplate_key(b) for b in blocks)
    return {b for b, n in norm.items() if n >= min_count and 0 < len(b) <= 80}


def boilerplate_key(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip().lower()


def read_text(path: Path) -> RawDocument:
    text = decode(path).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    raw_lines = text.split("\n")
    boiler = repeated_boilerplate([ln for ln in raw_lines if ln.strip()])
    lines: list[Line] = []
    blank = True
    for raw in raw_lines:
        if not raw.strip():
            blank = True
            continue
        key = boilerplate_key(raw)
        if key in boiler or re.fullmatch(r"(sivu\s*)?\d+(\s*/\s*\d+)?", key):
            continue
        lines.append(Line(raw.strip(), None, brk=blank))
        blank = False
    if not lines:
        raise ReadError("no text in file")
    title = ""
    first = lines[0].text
    if len(first) <= 100 and not re.search(r"[.!?:;,]$", first) and not re.match(r"^\d", first):
        title = re.sub(r"\s+", " ", first)
        lines = lines[1:]
    return RawDocument(lines=lines, title=title)
