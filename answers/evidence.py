"""Is the answer in the material? A decision from evidence that does not hang on wording.

The evidence of the top paragraphs: the share of the question's words they hold in any form
(base forms, compound parts, stems, ä/ö-less spellings: ``coverage``), how close the best
paragraph and the best single unit are in meaning (cosines on the embedder's own scale), and
for "montako / milloin / kuka" whether the kind of fact asked for stands near those words.
The thresholds are in ``retriever/tuning.py``, chosen on the tuning part of the development
set; ``python -m retriever.eval`` reports both parts.
"""

from __future__ import annotations

from dataclasses import dataclass

from retriever.lexical import BM25Index
from retriever.search import Hit
from retriever.tuning import ANSWER_PARAGRAPHS, REFUSAL

from .questions import Question, has_kind, names_role
from .units import units


@dataclass
class Evidence:
    coverage: float  # best share of the question's words in one top paragraph (with its heading)
    dense: float  # best paragraph cosine
    unit: float  # best unit cosine
    fact: float | None  # best share of the question's words in a unit with the asked kind of fact
    #                     (None: not a "montako / milloin / kuka on" question)
    rare: bool  # the question's most specific word is found in the top paragraphs

    def answerable(self, min_dense: float, min_unit: float, t: dict | None = None) -> bool:
        """``min_dense`` / ``min_unit``: the embedder's calibrated floors (0 when unknown);
        ``t``: thresholds other than the tuned ones (the tuning script)."""
        t = REFUSAL if t is None else t
        if self.fact is not None and self.fact < t["fact_near"]:
            return False  # "how many / when / who" with no such fact near the question's words
        if t["need_rare"] and not self.rare:
            return False
        if self.coverage >= t["strong_coverage"]:
            return True
        close = self.dense >= min_dense and self.unit >= min_unit
        return close and self.coverage >= t["min_coverage"]


def gather(q: Question, hits: list[Hit], analyzer: BM25Index, best_unit: float) -> Evidence:
    top = hits[:ANSWER_PARAGRAPHS]
    cov = max((analyzer.coverage(q.text, f"{h.paragraph.heading}\n{h.paragraph.text}") for h in top), default=0.0)
    dense = max(((h.dense or 0.0) for h in top), default=0.0)
    fact = None
    if q.shape == "fact" and q.kind in ("name", "quantity", "time"):
        if q.kind == "name":  # "Kuka on X?" is answered by a name standing next to X, nothing less
            fact = float(any(names_role(q.words, u.text) for h in top for u in units(h.paragraph)))
        else:
            fact = max(
                (analyzer.coverage(q.text, f"{h.paragraph.heading} {u.text}")
                 for h in top for u in units(h.paragraph) if has_kind(q.kind, u.text)),
                default=0.0,
            )
    return Evidence(cov, dense, best_unit, fact, _rarest_found(q, top, analyzer))


def _rarest_found(q: Question, top: list[Hit], analyzer: BM25Index) -> bool:
    """The question's most specific word (highest idf; a word the index never saw counts as
    most specific) is in one of the top paragraphs, in any form."""
    words = [w for w in q.words if not w.isdigit()]
    if not words:
        return True
    rarest = max(words, key=lambda w: max((analyzer.idf(t) for t in analyzer.token_terms(w)), default=analyzer.max_idf)
                 or analyzer.max_idf)
    return any(analyzer.coverage(rarest, f"{h.paragraph.heading}\n{h.paragraph.text}") >= 0.5 for h in top)
