"""The one sentence splitter: sentences and list items of a paragraph, for ranking, answers
and the LLM prompt alike."""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])")
# common Finnish abbreviations, and any single letter: an initial ("A. Virtanen") or a short
# form before a figure ("v. 2003", "n. 300 000", "s. 12") ends no sentence
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:esim|mm|max|min|ns|ym|yms|tms|klo|ks|kts|vrt|milj|mrd|nro|pj|ka|ko|ao|em|ts|ml|vs|huom|prof|puh|tri|[^\W\d_])\.$",
    re.I,
)


def sentences(text: str) -> list[str]:
    """Sentences and list items of a paragraph, in order ("esim." and "max." end no sentence)."""
    out: list[str] = []
    for line in text.split("\n"):
        pieces = [s.strip() for s in _SENTENCE.split(line) if s.strip()]
        merged: list[str] = []
        for piece in pieces:
            if merged and (_ABBREVIATION.search(merged[-1]) or re.fullmatch(r"[\d.]+", merged[-1])):
                merged[-1] = f"{merged[-1]} {piece}"
            else:
                merged.append(piece)
        out += merged
    return out
