"""Fit the second stage's weights on the tuning part: ``python -m retriever.tune``.

Collects, for each question of the tuning part only, the features of the first stage's best
``RERANK_CANDIDATES`` paragraphs (the same code path as search), then tries every weight
combination of a coarse grid and prints the best by MRR@10 (ties: recall@1), with its figures.
Copy the weights into ``tuning.py``; ``python -m retriever.eval`` then reports both parts.
The refusal model is fitted by ``python -m answers.refusal_fit``.
The report part is never read here.
"""

from __future__ import annotations

import argparse
import itertools

import numpy as np

from .evaluation import is_hit, load_questions
from .rerank import FEATURES, Candidate, features
from .search import Searcher
from .tuning import RERANK_CANDIDATES

GRID = {
    "lexical": (0.25, 0.5, 1.0),
    "dense": (0.0, 0.25, 0.5),
    "coverage": (0.0, 0.5, 1.0),
    "heading": (0.0, 0.25, 0.5),
    "fact": (0.0, 0.25, 0.5),
    "definition": (0.0, 0.25, 0.5, 1.0),
    "year": (0.0, 0.25),
}


def collect(searcher: Searcher, questions: list[dict]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per question: (feature matrix of its candidates, which candidates are hits)."""
    index = searcher.index
    out = []
    for q in questions:
        vec = searcher.embed_query(q["question"])
        hits = searcher.search(q["question"], k=RERANK_CANDIDATES, method="fused", query_vector=vec)
        if not hits:
            continue
        dense = index.dense_search(vec, k=50)
        sims = [s for _, s in dense]
        vectors = index.vectors(h.paragraph.id for h in hits)
        cands = [Candidate(h.paragraph, h.lexical or 0.0, float(vectors[h.paragraph.id] @ vec)) for h in hits]
        bm25, _ = index.lexical()
        best_lexical = max((s for _, s in bm25.search(q["question"], k=1)), default=0.0)
        feats = features(q["question"], cands, bm25, best_lexical, (float(np.percentile(sims, 10)), max(sims)))
        matrix = np.array([[f[name] for name in FEATURES] for f in feats])
        out.append((matrix, np.array([is_hit(q["quote"], h.paragraph.text) for h in hits])))
    return out


def score(data, weights: np.ndarray) -> tuple[float, float, float]:
    r1 = r5 = mrr = 0.0
    for matrix, hit in data:
        order = np.argsort(-(matrix @ weights), kind="stable")
        ranks = np.nonzero(hit[order])[0]
        rank = int(ranks[0]) + 1 if len(ranks) else None
        r1 += rank == 1
        r5 += bool(rank and rank <= 5)
        mrr += 1 / rank if rank and rank <= 10 else 0.0
    n = max(len(data), 1)
    return r1 / n, r5 / n, mrr / n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m retriever.tune", description=__doc__)
    parser.parse_args(argv)
    questions = [q for q in load_questions() if q.get("quote") and q.get("part") == "tune"]
    data = collect(Searcher(), questions)
    best = None
    for combo in itertools.product(*(GRID[name] for name in FEATURES)):
        figures = score(data, np.array(combo))
        key = (round(figures[2], 4), round(figures[0], 4))
        if best is None or key > best[0]:
            best = (key, combo, figures)
    assert best is not None
    print(f"tuning part, {len(data)} questions: recall@1 {best[2][0]:.3f} recall@5 {best[2][1]:.3f} MRR@10 {best[2][2]:.3f}")
    print("RERANK_WEIGHTS =", dict(zip(FEATURES, best[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
