"""Hybrid search: dense (Chroma) and Finnish BM25, fused by reciprocal rank, steered by year."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

import numpy as np

from .records import Paragraph
from .store import Index
from .tuning import CANDIDATES, DENSE_WEIGHT, LEXICAL_WEIGHT, RRF_K, YEAR_BONUS
from .years import years_in

METHODS = ("bm25", "bm25-stem", "dense", "hybrid")


@dataclass
class Hit:
    paragraph: Paragraph
    score: float
    dense: float | None = None  # cosine similarity, when dense search saw it
    lexical: float | None = None  # BM25 score, when lexical search saw it
    dense_rank: int | None = None
    lexical_rank: int | None = None

    def as_json(self) -> dict:
        d = self.paragraph.citation()
        d["score"] = round(self.score, 6)
        return d


def resolve_doc(index: Index, doc: str | None) -> str | None:
    """Accept a document's file name with or without its extension, or with another one
    (a report cited as "raportti-2021.txt" is indexed as "raportti-2021.pdf")."""
    if not doc:
        return None
    names = set(index.file_hashes())
    if doc in names:
        return doc
    wanted = {doc, PurePath(doc).stem}
    for name in sorted(names):
        if PurePath(name).stem in wanted:
            return name
    return doc


class Searcher:
    """Search one index; holds the loaded model and lexical index between queries."""

    def __init__(self, index: Index | None = None) -> None:
        self.index = index or Index()

    def search(
        self,
        query: str,
        k: int = 5,
        doc: str | None = None,
        year: int | None = None,
        method: str = "hybrid",
        query_vector: np.ndarray | None = None,
    ) -> list[Hit]:
        """``query_vector``: the query's embedding, when the caller has it already."""
        if method not in METHODS:
            raise ValueError(f"unknown method {method!r}; one of {METHODS}")
        doc = resolve_doc(self.index, doc)
        dense: list[tuple[str, float]] = []
        lexical: list[tuple[str, float]] = []
        if method in ("dense", "hybrid"):
            vec = self.index.embedder.embed_queries([query])[0] if query_vector is None else query_vector
            dense = self.index.dense_search(vec, k=max(CANDIDATES, k), doc=doc, year=year)
        if method != "dense":
            bm25, ids = self.index.lexical(stemmed=method != "bm25")
            lexical = [(ids[i], s) for i, s in bm25.search(query, k=max(CANDIDATES, k), doc=doc, year=year)]
        fused = self._fuse(dense, lexical, query)
        top = sorted(fused.values(), key=lambda h: -h["score"])[:k]
        paras = self.index.paragraphs(h["id"] for h in top)
        return [
            Hit(paras[h["id"]], h["score"], h.get("dense"), h.get("lexical"), h.get("dense_rank"), h.get("lexical_rank"))
            for h in top
            if h["id"] in paras
        ]

    def _fuse(self, dense: list[tuple[str, float]], lexical: list[tuple[str, float]], query: str) -> dict:
        fused: dict[str, dict] = {}
        for rank, (pid, sim) in enumerate(dense, start=1):
            h = fused.setdefault(pid, {"id": pid, "score": 0.0})
            h.update(dense=sim, dense_rank=rank)
            h["score"] += DENSE_WEIGHT / (RRF_K + rank)
        for rank, (pid, score) in enumerate(lexical, start=1):
            h = fused.setdefault(pid, {"id": pid, "score": 0.0})
            h.update(lexical=score, lexical_rank=rank)
            h["score"] += LEXICAL_WEIGHT / (RRF_K + rank)
        wanted = set(years_in(query))
        if wanted and fused:
            bonus = YEAR_BONUS / (RRF_K + 1)
            for pid, h in fused.items():
                if wanted & set(self.index.years_of(pid)):
                    h["score"] += bonus
        return fused
