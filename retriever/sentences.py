"""Sentences of a paragraph, and which of them can stand as an answer."""

from __future__ import annotations

import re

from .records import Paragraph

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


def is_content(sentence: str, paragraph: Paragraph) -> bool:
    """Headings and labels inside the text ("Kuntalaisten hyvinvointi:") are not answers."""
    s = sentence.strip().lstrip("•▫-– ").strip()
    if not re.search(r"[A-Za-zÅÄÖåäö]{2}|\d{3}", s):  # a stray "4.2." is no sentence; a phone number is
        return False
    if s in paragraph.section.split(" › "):
        # A heading line is no answer, unless it is a label that names people or gives a
        # figure ("Perhekoordinaattori Tytti Lönnrot ja ...", "... Hepo-oja, Pirjo").
        names = re.search(r"[A-ZÅÄÖ][\wåäö-]+(?:\s+|,\s+)[A-ZÅÄÖ][a-zåäö]", s[1:])
        figures = re.search(r"\s(?!(?:19|20)\d\d\b)\d", s)  # "Toimivalta Hallintosääntö 23 §", not a year
        if re.match(r"\d+(\.\d+)*\.?(\s|$)", s) or not (names or figures):
            return False
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.85:
        return False
    return not (s.endswith(":") and len(s.split()) <= 4)
