"""Hybrid search: dense (Chroma) and Finnish BM25, fused by reciprocal rank, steered by year."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath

import numpy as np

from .finnish import clean_text
from .records import Paragraph
from .rerank import Candidate, features, rerank_scores
from .store import Index
from .tuning import CANDIDATES, DENSE_WEIGHT, LEXICAL_WEIGHT, RERANK_CANDIDATES, RERANK_WEIGHTS, RRF_K, YEAR_BONUS
from .years import years_in

# "fused" is the first stage alone (dense and lexical by reciprocal rank); "hybrid", the
# default, adds the second stage (rerank.py) over the first stage's best.
METHODS = ("bm25", "bm25-stem", "dense", "fused", "hybrid")


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


_QUESTION_WORD = re.compile(
    r"^(?:kuka|ketkä|ketä|keitä|kenen|kenelle|mikä|mitkä|mitä|minkä|mihin|missä|mistä|milloin|miten|miksi|"
    r"millainen|millaista|millaisia|montako|kuinka|paljonko|onko|ovatko|oliko|voiko|saako|pitääkö|tarvitaanko)\b",
    re.I,
)


def as_written(query: str) -> str:
    """A question as it is written: a capital first letter, and a question mark when a question
    word opens it and no stop closes it. Keywords stay as typed."""
    query = query.strip()
    if not _QUESTION_WORD.match(query):
        return query
    query = query[:1].upper() + query[1:]
    return query if query[-1:] in "?.!" else query + "?"


class Searcher:
    """Search one index; holds the loaded model and lexical index between queries."""

    def __init__(self, index: Index | None = None) -> None:
        self.index = index or Index()

    def embed_query(self, query: str) -> np.ndarray:
        """The query's embedding, with words typed without ä/ö spelled as the index spells them
        and a question written as one: a capital first letter, and a question mark after a
        question typed without one ("mitä tehtiin syksyllä 2023" reads as "Mitä tehtiin
        syksyllä 2023?"; the embedder is case- and punctuation-sensitive)."""
        bm25, _ = self.index.lexical(stemmed=True)
        return self.index.embedder.embed_queries([as_written(bm25.restore_letters(query))])[0]

    def search(
        self,
        query: str,
        k: int = 5,
        doc: str | None = None,
        year: int | None = None,
        method: str = "hybrid",
        query_vector: np.ndarray | None = None,
        weights: Mapping[str, float] | None = None,
    ) -> list[Hit]:
        """``query_vector``: the query's embedding, when the caller has it already;
        ``weights``: second-stage weights other than the tuned ones (ablations)."""
        if method not in METHODS:
            raise ValueError(f"unknown method {method!r}; one of {METHODS}")
        query = clean_text(query)
        doc = resolve_doc(self.index, doc)
        dense: list[tuple[str, float]] = []
        lexical: list[tuple[str, float]] = []
        vec = None
        if method in ("dense", "fused", "hybrid"):
            vec = self.embed_query(query) if query_vector is None else query_vector
            dense = self.index.dense_search(vec, k=max(CANDIDATES, k), doc=doc, year=year)
        if method != "dense":
            bm25, ids = self.index.lexical(stemmed=method != "bm25")
            lexical = [(ids[i], s) for i, s in bm25.search(query, k=max(CANDIDATES, k), doc=doc, year=year)]
        fused = self._fuse(dense, lexical, query)
        top = sorted(fused.values(), key=lambda h: -h["score"])
        if method == "hybrid" and vec is not None and len(top) > 1:
            return self._rerank(query, vec, top, dense, lexical, k, weights)
        top = top[:k]
        paras = self.index.paragraphs(h["id"] for h in top)
        return [self._hit(paras, h, h["score"]) for h in top if h["id"] in paras]

    def _rerank(
        self, query: str, vec: np.ndarray, fused: list[dict], dense: list[tuple[str, float]],
        lexical: list[tuple[str, float]], k: int, weights: Mapping[str, float] | None,
    ) -> list[Hit]:
        """The first stage's best ``RERANK_CANDIDATES`` in the second stage's order, then the
        rest of the first stage's order."""
        head = fused[:RERANK_CANDIDATES]
        tail = fused[RERANK_CANDIDATES:max(k, RERANK_CANDIDATES)]
        paras = self.index.paragraphs([h["id"] for h in head + tail])
        head = [h for h in head if h["id"] in paras]
        missing = [h["id"] for h in head if h.get("dense") is None]
        cosines = {pid: float(v @ vec) for pid, v in self.index.vectors(missing).items()} if missing else {}
        for h in head:
            if h.get("dense") is None:
                h["dense"] = cosines.get(h["id"], 0.0)
        sims = [s for _, s in dense]
        dense_range = (float(np.percentile(sims, 10)), max(sims)) if sims else (0.0, 1.0)
        candidates = [Candidate(paras[h["id"]], h.get("lexical") or 0.0, h["dense"]) for h in head]
        analyzer = self.index.lexical(stemmed=True)[0]
        feats = features(query, candidates, analyzer, lexical[0][1] if lexical else 0.0, dense_range)
        scores = rerank_scores(feats, RERANK_WEIGHTS if weights is None else weights)
        order = sorted(range(len(head)), key=lambda i: (-scores[i], -head[i]["score"]))
        hits = [self._hit(paras, head[i], float(scores[i])) for i in order]
        floor = min(scores) if len(scores) else 0.0
        hits += [self._hit(paras, h, floor - 1e-3 * (n + 1)) for n, h in enumerate(tail) if h["id"] in paras]
        return hits[:k]

    @staticmethod
    def _hit(paras: dict[str, Paragraph], h: dict, score: float) -> Hit:
        return Hit(paras[h["id"]], score, h.get("dense"), h.get("lexical"), h.get("dense_rank"), h.get("lexical_rank"))

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
