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
            stack.append((b.level, b.text))
        else:
            out.append((" › ".join(t for _, t in stack), b))
    return out


def split_long(text: str) -> list[str]:
    """Split a very long paragraph at line ends (bullet items) or sentence ends into parts."""
    if len(text) <= SPLIT_ABOVE:
        return [text]
    pieces: list[tuple[str, str]] = []  # (separator before, piece)
    for n, line in enumerate(text.split("\n")):
        for k, sentence in enumerate(_SENTENCE_END.split(line)):
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
    merged: list[tuple[str, int | None, str]] = []
    for section, block in sections(blocks):
        for part in split_long(block.text):
            if (
                merged
                and merged[-1][0] == section
                and merged[-1][1] == block.page
                and len(merged[-1][2]) < MERGE_BELOW
                and len(merged[-1][2]) + len(part) <= MERGE_MAX
            ):
                sec, page, text = merged[-1]
                merged[-1] = (sec, page, f"{text}\n{part}")
            else:
                merged.append((section, block.page, part))
    return [
        Paragraph(doc=doc, title=title, section=sec, page=page, paragraph=n, years=list(years), text=text)
        for n, (sec, page, text) in enumerate(merged, start=1)
    ]
