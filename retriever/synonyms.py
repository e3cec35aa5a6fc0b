"""Synonym groups of municipal Finnish (``synonyms.txt``): renamed terms reach each other."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).with_name("synonyms.txt")


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, ...]]:
    out: dict[str, set[str]] = {}
    for line in _FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        group = {w.strip().lower() for w in line.split(",") if w.strip()}
        for word in group:
            out.setdefault(word, set()).update(group - {word})
    return {w: tuple(sorted(others)) for w, others in out.items()}


def synonyms_of(lemma: str) -> tuple[str, ...]:
    """Other base forms that name the same thing as ``lemma`` (lower case)."""
    return _groups().get(lemma, ())
