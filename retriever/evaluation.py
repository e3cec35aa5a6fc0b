"""Scoring rules of the evaluation set (see evaldata/SCORING.md): passage hits and answer checks."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rapidfuzz import fuzz

DEFAULT_QUESTIONS = Path(__file__).resolve().parent / "evaldata" / "questions.jsonl"


def load_questions(path: Path | str | None = None) -> list[dict]:
    with open(path or DEFAULT_QUESTIONS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def normalize(text: str) -> str:
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text.lower()).strip()


def is_hit(quote: str, passage: str) -> bool:
    q, p = normalize(quote), normalize(passage)
    return q in p or fuzz.partial_ratio(q, p) >= 90


def keywords_present(answer: str, keywords: list[str]) -> bool:
    """Every keyword word in the answer; words over 5 letters match by their first 5 letters."""
    text = answer.lower()
    words = set(re.findall(r"\w+", text)) | {w.strip(".,:;()[]\"'!?") for w in text.split()}
    for kw in keywords:
        for part in kw.lower().split():
            if len(part) > 5:
                ok = any(w.startswith(part[:5]) for w in words)
            else:
                ok = part in words
            if not ok and not re.fullmatch(r"\w+", part):
                ok = part in text  # "1326/2010", "21,5": as written
            if not ok:
                return False
    return True
