"""Extractive Finnish answers: sentences of the best paragraphs, each with its source number.

No LLM: every sentence of an answer is a sentence of a cited paragraph, kept as written, so
figures, names and years cannot change. A calibrated check says "not in the material"
instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .finnish import content_tokens
from .prompts import prompt
from .records import Paragraph
from .search import Hit, Searcher

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])")
LIST_QUESTION = re.compile(
    r"\b(mitä|mitkä|millaisia|millaista|miten|mistä|kenen kanssa|ketkä)\b.*\b(tehtiin|järjestettiin|"
    r"ovat|olivat|toteutettiin|tarjottiin|tuetaan|aiotaan|sanotaan|koostuu|tehdään)\b",
    re.I,
)
DEFINITION_QUESTION = re.compile(r"^\s*(mikä|mitä|kuka|ketkä|mikä on|kuka on)\b", re.I)

# Refusal thresholds, calibrated on the development set (python -m retriever.eval prints the rates).
# Both retrievers must agree that something relevant was found: enough of the question's words
# in a top paragraph, and a top paragraph close in meaning (cosine, on the embedder's own scale).
MIN_COVERAGE = 0.36  # idf-weighted share of the question's words found in one top-3 paragraph
STRONG_COVERAGE = 0.8  # this much lexical evidence answers on its own


@dataclass
class Answer:
    question: str
    text: str
    found: bool
    citations: list[Paragraph] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    note: str = ""

    def as_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "found": self.found,
            "citations": [
                {k: v for k, v in p.citation().items() if k != "year"} for p in self.citations
            ],
        }


def sentences(text: str) -> list[str]:
    """Sentences and list items of a paragraph, in order."""
    out: list[str] = []
    for line in text.split("\n"):
        out += [s.strip() for s in _SENTENCE.split(line) if s.strip()]
    return out


class Answerer:
    """Builds answers from search hits; the refusal decision lives here."""

    def __init__(self, searcher: Searcher | None = None) -> None:
        self.searcher = searcher or Searcher()

    def _bm25(self):
        return self.searcher.index.lexical(stemmed=True)[0]

    def coverage(self, question: str, text: str) -> float:
        """idf-weighted share of the question's words that the text contains (any form)."""
        bm25 = self._bm25()
        have = bm25.text_terms(text)
        total = got = 0.0
        for tok in dict.fromkeys(content_tokens(question)):
            terms = bm25.token_terms(tok)
            weight = max((bm25.idf(t) for t in terms), default=0.0)
            if weight <= 0:
                weight = bm25.max_idf  # a word the index has never seen is as specific as can be
            total += weight
            matched = [w for t, w in terms.items() if t in have]
            if matched:
                got += weight * min(1.0, max(matched))
        return got / total if total else 0.0

    def is_answerable(self, question: str, hits: list[Hit]) -> bool:
        if not hits:
            return False
        best_cov = max(self.coverage(question, h.paragraph.section.split(" › ")[-1] + "\n" + h.paragraph.text) for h in hits[:3])
        best_dense = max((h.dense or 0.0) for h in hits[:3])
        if best_cov >= STRONG_COVERAGE:
            return True
        min_dense = getattr(self.searcher.index.embedder, "min_answer_similarity", 0.0)
        return best_cov >= MIN_COVERAGE and best_dense >= min_dense

    def answer(self, question: str, k: int = 6, doc: str | None = None, year: int | None = None) -> Answer:
        hits = self.searcher.search(question, k=k, doc=doc, year=year)
        if not self.is_answerable(question, hits):
            return Answer(question, prompt("no_answer"), False, [], hits)
        return self.compose(question, hits)

    def compose(self, question: str, hits: list[Hit]) -> Answer:
        """Pick the sentences that answer, keep their order in the text, number the sources."""
        wants_list = bool(LIST_QUESTION.search(question))
        n_paras = 3 if wants_list else 2
        max_sentences = 5 if wants_list else 3
        scored: list[tuple[float, int, int, str]] = []
        for rank, hit in enumerate(hits[:n_paras]):
            for pos, sent in enumerate(sentences(hit.paragraph.text)):
                cov = self.coverage(question, sent)
                # The best paragraph's sentences are preferred; an early sentence introduces.
                score = cov + (0.25 if rank == 0 else 0.0) - 0.02 * pos
                scored.append((score, rank, pos, sent))
        best = sorted(scored, key=lambda s: -s[0])[:max_sentences]
        best = [c for c in best if c[0] > 0.15] or best[:1]
        # Reading order; for "what is / who" questions the best sentence (the definition) first.
        head = best[:1] if DEFINITION_QUESTION.match(question) else []
        chosen = head + sorted((c for c in best if c not in head), key=lambda c: (c[1], c[2]))
        numbers: dict[int, int] = {}
        parts: list[str] = []
        for _, rank, _, sent in chosen:
            n = numbers.setdefault(rank, len(numbers) + 1)
            parts.append(f"{sent.lstrip('•▫-– ').strip()} [{n}]")
        citations = [hits[rank].paragraph for rank in sorted(numbers, key=numbers.get)]
        return Answer(question, " ".join(parts), True, citations, hits)
