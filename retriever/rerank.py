"""Second ranking stage: the first stage's best paragraphs scored by their evidence.

Each of the top ``RERANK_CANDIDATES`` paragraphs of the fused first stage gets a weighted sum
of: its BM25 score relative to the query's best, its cosine to the question scaled between
the query's 10th-percentile and best dense scores, the idf-weighted share of the question's
words (base forms, compound parts, stems) in its heading and text and in its title and
section path, whether a sentence near those words holds the kind of fact asked for (a number
for "montako", a time for "milloin", a name for "kuka on"), whether it introduces the term a
"mikä on X?" question asks about, and whether its document is about
a year the question names. The weights live in ``tuning.py`` and were fitted on the tuning
part of the development set; ``python -m retriever.eval --ablation`` shows what each adds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .facts import answer_kind, defines, definition_term, has_kind
from .lexical import BM25Index
from .records import Paragraph
from .sentences import sentences
from .tuning import FACT_NEAR, RERANK_WEIGHTS
from .years import years_in

FEATURES = tuple(RERANK_WEIGHTS)


@dataclass
class Candidate:
    """A first-stage hit with what the second stage needs to score it."""

    paragraph: Paragraph
    lexical: float  # BM25 score, 0 when the lexical side did not return it
    cosine: float  # cosine of paragraph and question


def features(
    question: str,
    candidates: list[Candidate],
    analyzer: BM25Index,
    best_lexical: float,
    dense_range: tuple[float, float],
) -> list[dict[str, float]]:
    """The evidence features of each candidate (each roughly 0..1)."""
    kind = answer_kind(question)
    term = definition_term(question)
    asked_years = set(years_in(question))
    low, high = dense_range
    out = []
    for c in candidates:
        p = c.paragraph
        fact = 0.0
        if kind:
            fact = float(any(has_kind(kind, s, question) and analyzer.coverage(question, near) >= FACT_NEAR
                             for s, near in _with_lead_ins(sentences(p.text))))
        out.append({
            "lexical": c.lexical / best_lexical if best_lexical > 0 else 0.0,
            # clipped: a paragraph far below the query's 10th percentile (found by its words
            # alone) must not lose more than the whole feature
            "dense": max(0.0, (c.cosine - low) / (high - low)) if high > low else 0.0,
            "coverage": analyzer.coverage(question, f"{p.heading}\n{p.text}"),
            "heading": analyzer.coverage(question, f"{p.title} {p.section}"),
            "fact": fact,
            "definition": float(term is not None and defines(term, p.text)),
            "year": float(bool(asked_years & set(p.years))),
        })
    return out


def _with_lead_ins(parts: list[str]) -> list[tuple[str, str]]:
    """Each sentence with the words it stands under: a list item ("• koulutusjohtaja") with the
    sentence that leads into its list ("Työryhmään kuuluvat:"), which names what the items are."""
    out, lead = [], ""
    for s in parts:
        item = s.startswith("•")
        out.append((s, f"{lead} {s}" if item else s))
        lead = lead if item else s
    return out


def rerank_scores(feats: list[dict[str, float]], weights: Mapping[str, float] = RERANK_WEIGHTS) -> np.ndarray:
    """The second-stage score of each candidate: a weighted sum of its features."""
    return np.array([sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in feats], dtype=np.float64)
