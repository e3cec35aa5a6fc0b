"""The line model every reader produces, and the rules for joining wrapped lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = re.compile(r"^\s*(?:[•▪▫◦●○■□►➢✓–—*-]|\d{1,2}\))\s+")
TERMINAL = re.compile(r"[.!?:;]\s*$")
# Word's bullets come out of PDFs as private-use characters of its Symbol/Wingdings fonts
# (U+F0B7, U+F0A7, U+F0D8 ...); its second-level bullet is a Courier "o".
_PRIVATE_BULLET = re.compile(r"^\s*[\ue000-\uf8ff]\s*")
_WORD_SUB_BULLET = re.compile(r"^\s*o\s+(?=\S)")
_GLUED_BULLET = re.compile(r"^\s*([•▪▫◦●○■□►➢✓])(?=\S)")
# Conjunctions after a suspended hyphen: "joukko- ja kevyen liikenteen" keeps its hyphen.
SUSPENDED_HYPHEN_NEXT = frozenset({"ja", "tai", "sekä", "eli", "että", "kuin", "ynnä", "and", "or"})


@dataclass
class Line:
    """One line of a document as a reader saw it."""

    text: str
    page: int | None = None
    brk: bool = False  # a paragraph break (blank line, vertical gap) comes before this line
    heading_level: int | None = None  # set when the format says so (markdown #, bold/large font)
    kind: str = "text"  # "text" (hard-wrapped), "hard" (a line of its own), "row" (table row)


def normalize_bullet(text: str) -> str:
    """One bullet character for every kind a reader meets, with a space after it."""
    text = _PRIVATE_BULLET.sub("• ", text)
    text = _WORD_SUB_BULLET.sub("◦ ", text)
    text = _GLUED_BULLET.sub(r"\1 ", text)
    return text.replace("\uf0b7", "•")


def is_bullet(text: str) -> bool:
    return bool(BULLET.match(text))


def join_wrapped(left: str, right: str, vocabulary: set[str] | frozenset[str] = frozenset()) -> str:
    """Join two hard-wrapped lines, rejoining a word hyphenated across them.

    A hyphen stays when Finnish spelling needs it: after a capitalised word or an acronym
    (Webropol-kysely, HYTE-työ), a number, or between equal vowels (hyvinvointi-indeksi);
    otherwise the document's own vocabulary decides, and by default the hyphen was a break.
    """
    left, right = left.rstrip(), right.strip()
    if not left:
        return right
    m = re.search(r"(\S*?)([A-Za-zÅÄÖåäö]+)-$", left)
    first_word = re.match(r"[\wÅÄÖåäö]+", right)
    if m and first_word and first_word.group(0).lower() in SUSPENDED_HYPHEN_NEXT:
        return f"{left} {right}"
    if m and right[:1].islower():
        word_left = m.group(1) + m.group(2)
        next_word = re.match(r"[\wÅÄÖåäö]+", right)
        nxt = next_word.group(0) if next_word else ""
        joined = (word_left + nxt).lower()
        hyphened = (word_left + "-" + nxt).lower()
        keep = (
            word_left[:1].isupper()
            or word_left.isupper()
            or (nxt[:1].lower() == word_left[-1:].lower() and nxt[:1].lower() in "aeiouyäö")
        )
        if hyphened in vocabulary:
            keep = True
        elif joined in vocabulary:
            keep = False
        return left + right if keep else left[:-1] + right
    return f"{left} {right}"
