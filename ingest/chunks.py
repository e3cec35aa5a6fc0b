"""Chunk on paragraph boundaries: attach section paths, merge short neighbours, split long ones."""

from __future__ import annotations

import re

from retriever.records import Paragraph

from .paragraphs import Block

MERGE_BELOW = 220  # a paragraph shorter than this takes its next neighbour in (same section)
MERGE_MAX = 700
SPLIT_ABOVE = 1100
SPLIT_TARGET = 750
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9•\"”])")


def sections(blocks: list[Block]) -> list[tuple[str, Block]]:
    """(section path, paragraph) pairs; a heading closes every open heading of its level or deeper."""
    stack: list[tuple[int, str]] = []
    out: list[tuple[str, Block]] = []
    for b in blocks:
        if b.kind == "heading":
            while stack and stack[-1][0] >= b.level:
                stack.pop()
            stack.append((b.level, b.text.rstrip(" :")))
        else:
            out.append((" › ".join(t for _, t in stack), b))
    return out


def split_long(text: str) -> list[str]:
    """Split a very long paragraph into parts between its lines (list items, table rows);
    a single line longer than a part is split at sentence ends."""
    if len(text) <= SPLIT_ABOVE:
        return [text]
    pieces: list[tuple[str, str]] = []  # (separator before, piece)
    for n, line in enumerate(text.split("\n")):
        sentences = _SENTENCE_END.split(line) if len(line) > SPLIT_TARGET else [line]
        for k, sentence in enumerate(sentences):
            if sentence.strip():
                pieces.append(("\n" if k == 0 and n > 0 else " ", sentence.strip()))
    parts: list[str] = []
    buf = ""
    for sep, piece in pieces:
        if buf and len(buf) + len(piece) + 1 > SPLIT_TARGET:
            parts.append(buf)
            buf = piece
        else:
            buf = f"{buf}{sep}{piece}" if buf else piece
    if buf:
        parts.append(buf)
    return parts


def make_chunks(doc: str, title: str, years: list[int], blocks: list[Block]) -> list[Paragraph]:
    """The paragraph records of one document, numbered from 1 in reading order."""
    # (section, first page, last page, text); a chunk never takes in text of another page
    merged: list[tuple[str, int | None, int | None, str]] = []
    for section, block in sections(blocks):
        for part in split_long(block.text):
            if (
                merged
                and merged[-1][0] == section
                and merged[-1][1] == merged[-1][2] == block.page == block.end_page
                and len(merged[-1][3]) < MERGE_BELOW
                and len(merged[-1][3]) + len(part) <= MERGE_MAX
            ):
                sec, page, end, text = merged[-1]
                merged[-1] = (sec, page, end, f"{text}\n{part}")
            else:
                merged.append((section, block.page, block.end_page, part))
    return [
        Paragraph(doc=doc, title=title, section=sec, page=page, paragraph=n, years=list(years), text=text,
                  page_end=end if end != page else None)
        for n, (sec, page, end, text) in enumerate(merged, start=1)
    ]
