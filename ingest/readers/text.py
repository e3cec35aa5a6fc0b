"""Plain text: hard-wrapped lines, blank lines between paragraphs, running lines repeated."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..layout import Line
from . import RawDocument, ReadError


def decode(path: Path) -> str:
    """Text of a file: UTF-8 (with or without a BOM), UTF-16 (a BOM, or the zero bytes of
    Latin text without one), or Windows-1252 as exported by older office software."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError("not text: broken UTF-16") from exc
    head = data[:4096]
    if head and head.count(b"\x00") > len(head) // 4:  # UTF-16 without a BOM: every other byte zero
        even_zero = head[1::2].count(b"\x00") > head[0::2].count(b"\x00")
        try:
            return data.decode("utf-16-le" if even_zero else "utf-16-be")
        except UnicodeDecodeError:
            pass
    if b"\x00" in head:
        raise ReadError("not text (binary content)")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ReadError("not text: unknown encoding")


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
