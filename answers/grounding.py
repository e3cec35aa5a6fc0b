"""Check that a written (LLM) answer stands on its sources.

Every claim cites a given paragraph; every figure in a claim (a number, a year, a date, a
decimal) equals a whole figure of the cited paragraph ("1", "20" and "202" are not found in
"11 kertaa … 2021"); the claim's words are found there (rapidfuzz token-set ratio, or base
forms and stems); and the reply as a whole is about the question (a reply that obeys an
instruction written in a document answers something else). Why a reply failed is returned and
logged.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from retriever.finnish import content_tokens
from retriever.lexical import BM25Index
from retriever.tuning import MIN_CLAIM_FUZZ, MIN_CLAIM_WORD_SHARE, MIN_REPLY_QUESTION_COVERAGE

log = logging.getLogger("hyte.grounding")

_CITE = re.compile(r"\[(\d+)\]")
_CLAIM = re.compile(r"(.+?)((?:\s*\[\d+\])+)", re.S)
# 12 480 · 21,5 · 1.8.2026 · 2021 · 70%: digits with thousands groups, decimals or date dots
_FIGURE = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0]\d{3})+(?![\d])|(?<![\d,.])\d+(?:[.,]\d+)*")


@dataclass
class Check:
    ok: bool
    reason: str = ""


def figures(text: str) -> set[str]:
    """The whole figures of a text, normalised ("12 480" -> "12480", "21,5" -> "21.5")."""
    out = set()
    for m in _FIGURE.findall(text):
        f = re.sub(r"[ \u00a0]", "", m).replace(",", ".").rstrip(".")
        if f:
            out.add(f)
    return out


def check_answer(text: str, sources: list[str], analyzer: BM25Index, question: str = "") -> Check:
    """``sources[i]`` is the text of citation number i+1. A failed check is logged with why."""
    result = _check(text, sources, analyzer, question)
    if not result.ok:
        log.info("LLM reply rejected: %s", result.reason)
    return result


def _check(text: str, sources: list[str], analyzer: BM25Index, question: str) -> Check:
    claims = _CLAIM.findall(text)
    if not claims:
        return Check(False, "no citations")
    tail = _CLAIM.sub("", text).strip()
    if len(content_tokens(tail)) > 3:
        return Check(False, f"uncited text: {tail[:80]!r}")
    if question and content_tokens(question):
        about = analyzer.coverage(question, _CITE.sub(" ", text))
        if about < MIN_REPLY_QUESTION_COVERAGE:
            return Check(False, f"reply is not about the question (coverage {about:.2f})")
    for claim, marks in claims:
        numbers = [int(n) for n in _CITE.findall(marks)]
        if any(n < 1 or n > len(sources) for n in numbers):
            return Check(False, f"citation out of range: {marks.strip()}")
        cited = "\n".join(sources[n - 1] for n in numbers)
        claim = claim.strip(" -•\n")
        if not content_tokens(claim):
            continue
        missing = sorted(figures(claim) - figures(cited))
        if missing:
            return Check(False, f"figures not in the cited paragraph: {missing}")
        words = content_tokens(claim)
        have = analyzer.text_terms(cited)
        found = sum(1 for w in words if set(analyzer.token_terms(w)) & have)
        share = found / len(words)
        if fuzz.token_set_ratio(claim.lower(), cited.lower()) < MIN_CLAIM_FUZZ and share < MIN_CLAIM_WORD_SHARE:
            return Check(False, f"claim not supported by its source: {claim[:80]!r}")
    return Check(True)
