"""Is the answer in the material? Word coverage (any inflection) and meaning, calibrated.

Both retrievers must agree that something relevant was found: enough of the question's words
in a top paragraph, and a top paragraph close in meaning (cosine, on the embedder's own scale).
The thresholds were set on the development set; ``python -m retriever.eval`` prints the rates.
"""

from __future__ import annotations

from .lexical import BM25Index
from .questions import answer_kind, has_kind
from .search import Hit
from .sentences import sentences

MIN_COVERAGE = 0.31  # idf-weighted share of the question's words found in one top paragraph
STRONG_COVERAGE = 0.8  # this much lexical evidence answers on its own
MEDIUM_COVERAGE, MEDIUM_DENSE_SLACK = 0.6, 0.02  # most words, a little lower in meaning
TYPED_COVERAGE = 0.3  # a number/date/name counts for "montako/milloin/kuka" only near the question's words


class Evidence:
    def __init__(self, analyzer: BM25Index) -> None:
        self.analyzer = analyzer

    def coverage(self, question: str, text: str) -> float:
        """idf-weighted share of the question's words that the text contains (any form)."""
        return self.analyzer.coverage(question, text)

    def is_answerable(self, question: str, top: list[Hit], min_dense: float) -> bool:
        """``top``: the best hits; ``min_dense``: the embedder's calibrated similarity floor."""
        if not top:
            return False
        best_cov = max(self.coverage(question, f"{h.paragraph.heading}\n{h.paragraph.text}") for h in top)
        best_dense = max((h.dense or 0.0) for h in top)
        kind = answer_kind(question)
        # A name, a number or a date must be there; "kuka vastaa …?" may be answered by a role.
        if kind in ("name", "quantity", "time") and not any(
            has_kind(kind, sent) and self.coverage(question, sent) >= TYPED_COVERAGE
            for h in top
            for sent in sentences(h.paragraph.text)
        ):
            return False  # "how many / when / who" with no such fact near the question's words
        if best_cov >= STRONG_COVERAGE:
            return True
        if best_cov >= MIN_COVERAGE and best_dense >= min_dense:
            return True
        return best_cov >= MEDIUM_COVERAGE and best_dense >= min_dense - MEDIUM_DENSE_SLACK
