"""Check that a written answer stands on its sources: every claim cites a given paragraph,
its figures appear there, and its words are found there (rapidfuzz and Finnish stems)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .finnish import content_tokens
from .lexical import BM25Index

_CITE = re.compile(r"\[(\d+)\]")
_CLAIM = re.compile(r"(.+?)((?:\s*\[\d+\])+)", re.S)
_NUMBER = re.compile(r"\d+(?:[ ,.]\d+)*")
MIN_FUZZ = 60  # rapidfuzz token_set_ratio of claim vs cited paragraph
MIN_STEM_SHARE = 0.6  # or this share of the claim's words found (any inflection) in it


@dataclass
class Check:
    ok: bool
    reason: str = ""


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[ ]", "", m) for m in _NUMBER.findall(text)}


def check_answer(text: str, sources: list[str], analyzer: BM25Index) -> Check:
    """``sources[i]`` is the text of citation number i+1."""
    claims = _CLAIM.findall(text)
    if not claims:
        return Check(False, "no citations")
    tail = _CLAIM.sub("", text).strip()
    if len(content_tokens(tail)) > 3:
        return Check(False, f"uncited text: {tail[:80]!r}")
    for claim, marks in claims:
        numbers = [int(n) for n in _CITE.findall(marks)]
        if any(n < 1 or n > len(sources) for n in numbers):
            return Check(False, f"citation out of range: {marks.strip()}")
        cited = "\n".join(sources[n - 1] for n in numbers)
        claim = claim.strip(" -•\n")
        if not content_tokens(claim):
            continue
        flat_cited = cited.replace(" ", "")
        missing = [n for n in _numbers(claim) if n.replace(",", ".") not in flat_cited.replace(",", ".")]
        if missing:
            return Check(False, f"figures not in the cited paragraph: {missing}")
        words = content_tokens(claim)
        have = analyzer.text_terms(cited)
        found = sum(1 for w in words if set(analyzer.token_terms(w)) & have)
        share = found / len(words)
        if fuzz.token_set_ratio(claim.lower(), cited.lower()) < MIN_FUZZ and share < MIN_STEM_SHARE:
            return Check(False, f"claim not supported by its source: {claim[:80]!r}")
    return Check(True)
