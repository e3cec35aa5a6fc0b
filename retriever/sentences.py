"""The one sentence splitter: sentences and list items of a paragraph, for ranking, answers
and the LLM prompt alike."""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])")
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:esim|mm|max|min|n|ns|ym|yms|klo|ks|kts|vrt|milj|t|s|nro|pj|ka)\.$", re.I)


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
