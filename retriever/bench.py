"""Benchmark: ``python -m retriever.bench [--scales 1 10 100] [--queries N]``.

Prints, on this machine: cold ingest time of the shipped corpus and paragraphs/s; warm hybrid
search latency p50/p95 per query and its ratio to the bare query-embedding time of the same
run; the same at larger synthetic corpora; the time of a whole extractive answer; peak memory.

The larger corpora are made from the real paragraphs: each synthetic paragraph joins
sentences of two random real paragraphs, and its vector is the normalised mix of theirs plus
noise, so the index holds distinct texts and vectors without hours of embedding.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from .answer import Answerer
from .evaluation import load_questions
from .records import Paragraph
from .search import Searcher
from .sentences import sentences
from .settings import Settings, load_settings
from .store import Index


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _latencies(searcher: Searcher, queries: list[str]) -> tuple[float, float, float]:
    """(p50 ms, p95 ms, embedding p50 ms) of warm hybrid searches."""
    searcher.search(queries[0], k=5)  # warm: model, lexical index
    times, embed = [], []
    for q in queries:
        t = time.perf_counter()
        searcher.index.embedder.embed_queries([q])
        embed.append(time.perf_counter() - t)
        t = time.perf_counter()
        searcher.search(q, k=5)
        times.append(time.perf_counter() - t)
    p95 = sorted(times)[max(0, int(len(times) * 0.95) - 1)]
    return statistics.median(times) * 1000, p95 * 1000, statistics.median(embed) * 1000


def _synthetic(index: Index, base: Index, factor: int, rng: random.Random) -> None:
    paras = base.all_paragraphs()
    got = base._col.get(include=["embeddings"])
    vecs = {i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], got["embeddings"])}
    ids = [p.id for p in paras]
    for copy in range(factor - 1):
        batch: list[Paragraph] = []
        matrix = []
        for n, p in enumerate(paras):
            other = paras[rng.randrange(len(paras))]
            mixed = sentences(p.text)[: max(1, len(sentences(p.text)) // 2 + 1)] + sentences(other.text)[-1:]
            text = " ".join(mixed) + f" (synteettinen {copy}-{n})"
            batch.append(Paragraph(f"synth-{copy}-{p.doc}", p.title, p.section, p.page, p.paragraph, p.years, text))
            v = 0.7 * vecs[ids[n]] + 0.3 * vecs[other.id] + rng.gauss(0, 0.02)
            matrix.append(v / np.linalg.norm(v))
        index.add_embedded(batch, np.stack(matrix), doc_hash="synthetic")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m retriever.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", nargs="*", type=int, default=[1, 10, 100])
    parser.add_argument("--queries", type=int, default=60)
    args = parser.parse_args(argv)
    from ingest.pipeline import ingest

    settings = load_settings()
    queries = [q["question"] for q in load_questions()][: args.queries]
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        base = Index(Settings(data_dir=Path(tmp) / "base", corpus_dir=settings.corpus_dir))
        t = time.perf_counter()
        report = ingest([settings.corpus_dir], index=base)
        cold = time.perf_counter() - t
        t = time.perf_counter()
        ingest([settings.corpus_dir], index=base)
        warm_ingest = time.perf_counter() - t
        print(f"cold ingest: {cold:.1f} s for {report.chunks} paragraphs ({report.chunks / cold:.1f} paragraphs/s); "
              f"re-ingest unchanged: {warm_ingest:.2f} s")
        print(f"{'corpus':<10}{'paragraphs':>11}{'p50 ms':>9}{'p95 ms':>9}{'embed ms':>10}{'p50-embed':>11}{'ratio':>7}")
        for scale in args.scales:
            if scale == 1:
                index = base
            else:
                index = Index(Settings(data_dir=Path(tmp) / f"x{scale}"), embedder=base.embedder)
                index.add_embedded(base.all_paragraphs(), _base_matrix(base), doc_hash="real")
                _synthetic(index, base, scale, rng)
            p50, p95, emb = _latencies(Searcher(index), queries)
            print(f"{f'{scale}x':<10}{index.count():>11}{p50:>9.1f}{p95:>9.1f}{emb:>10.1f}{p50 - emb:>11.1f}{p50 / emb:>7.2f}")
        answerer = Answerer(Searcher(base), llm=False)
        times = []
        for q in queries:
            t = time.perf_counter()
            answerer.answer(q)
            times.append(time.perf_counter() - t)
        print(f"extractive answer (search + sentence embeddings + refusal), shipped corpus: "
              f"p50 {statistics.median(times) * 1000:.0f} ms")
        print(f"peak memory (RSS): {_peak_rss_mb():.0f} MB")
    return 0


def _base_matrix(base: Index) -> np.ndarray:
    paras = base.all_paragraphs()
    got = base._col.get(ids=[p.id for p in paras], include=["embeddings"])
    by_id = dict(zip(got["ids"], got["embeddings"]))
    return np.stack([np.asarray(by_id[p.id], dtype=np.float32) for p in paras])


if __name__ == "__main__":
    raise SystemExit(main())
