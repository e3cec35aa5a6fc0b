"""CLI: ``python -m retriever search|ask`` — the library's search and answers from a terminal.

  python -m retriever search QUERY [--k 5] [--doc NAME] [--year YYYY] [--json]
  python -m retriever search --batch FILE [--k N] --json
  python -m retriever ask QUESTION [--json]
  python -m retriever ask --batch FILE --json
  python -m retriever feedback --csv

Exit codes: 0 done; 2 bad input (a question too long, --k out of range); 4 the index (a Chroma
server) is unreachable. Text output has terminal control characters removed.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Iterator

from answers.answerer import Answerer
from answers.citations import where
from answers.prompts import prompt

from .search import METHODS, Searcher
from .settings import load_settings
from .store import Index, is_unavailable

MAX_K = 50


def _batch(path: str) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Document text for a terminal: control and bidi-override characters removed (an escape
    sequence in a document must not move the cursor or recolour the terminal)."""
    return _CONTROL.sub("", text)


def _k(value: str) -> int:
    k = int(value)
    if not 1 <= k <= MAX_K:
        raise argparse.ArgumentTypeError(f"--k must be between 1 and {MAX_K}")
    return k


def _print_hits(query: str, hits, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"query": query, "hits": [h.as_json() for h in hits]}, ensure_ascii=False))
        return
    for n, h in enumerate(hits, start=1):
        p = h.paragraph
        where_ = f"s. {p.pages}, " if p.page else ""
        print(safe(f"[{n}] {p.title} — {p.section or '(alku)'} ({where_}kpl {p.paragraph})  score {h.score:.4f}"))
        print("    " + safe(p.text).replace("\n", "\n    "))


def _print_answer(ans, as_json: bool) -> None:
    if as_json:
        print(json.dumps(ans.as_json(), ensure_ascii=False))
        return
    print(safe(ans.text))
    for n, p in enumerate(ans.citations, start=1):
        print(safe(f"  [{n}] {where(p)}"))
    if not ans.found and ans.nearest:
        print(prompt("nearest_heading"))
        for p, line in zip(ans.nearest, ans.nearest_lines):
            print(safe(f"  - {where(p)}: {line[:160]}"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m retriever", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("search", help="find paragraphs")
    s.add_argument("query", nargs="?")
    s.add_argument("--k", type=_k, default=5, help=f"hits to return, 1-{MAX_K}")
    s.add_argument("--doc")
    s.add_argument("--year", type=int)
    s.add_argument("--method", default="hybrid", choices=list(METHODS))
    s.add_argument("--batch", help="JSON lines file of {id, question}")
    s.add_argument("--json", action="store_true")
    a = sub.add_parser("ask", help="answer a question with citations")
    a.add_argument("question", nargs="?")
    a.add_argument("--doc")
    a.add_argument("--year", type=int)
    a.add_argument("--batch", help="JSON lines file of {id, question}")
    a.add_argument("--json", action="store_true")
    f = sub.add_parser("feedback", help="export the feedback given in the app")
    f.add_argument("--csv", action="store_true", help="CSV with a header row (the default)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    settings = load_settings()
    if args.command == "feedback":
        from answers.feedback import FeedbackStore

        FeedbackStore(settings).export_csv(sys.stdout)
        return 0
    text = args.query if args.command == "search" else args.question
    if not args.batch and not text:
        parser.error("give a question, or --batch FILE")
    if text and len(text) > settings.max_question_chars:
        print(f"error: the question is {len(text)} characters; the limit is {settings.max_question_chars} "
              "(HYTE_MAX_QUESTION_CHARS)", file=sys.stderr)
        return 2
    try:
        return _run(args, text, settings)
    except Exception as exc:  # noqa: BLE001 - an unreachable index is one line, not a traceback
        if not is_unavailable(exc):
            raise
        where_ = f"Chroma server {settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host else settings.data_dir
        print(f"error: the index is unreachable ({where_}): {str(exc)[:200]}", file=sys.stderr)
        return 4


def _run(args, text: str | None, settings) -> int:
    searcher = Searcher(Index(settings))
    if searcher.index.count() == 0:
        print("warning: the index is empty; run `python -m ingest` first", file=sys.stderr)
    limit = settings.max_question_chars
    if args.command == "search":
        if args.batch:
            for item in _batch(args.batch):
                hits = searcher.search(item["question"][:limit], k=args.k, doc=args.doc, year=args.year,
                                       method=args.method)
                print(json.dumps({"id": item.get("id"), "hits": [h.as_json() for h in hits]}, ensure_ascii=False),
                      flush=True)
        else:
            hits = searcher.search(text or "", k=args.k, doc=args.doc, year=args.year, method=args.method)
            _print_hits(text or "", hits, args.json)
        return 0

    answerer = Answerer(searcher)
    if args.batch:
        for item in _batch(args.batch):
            ans = answerer.answer(item["question"][:limit], doc=args.doc, year=args.year)
            print(json.dumps({"id": item.get("id"), **ans.as_json()}, ensure_ascii=False), flush=True)
    else:
        _print_answer(answerer.answer(text or "", doc=args.doc, year=args.year), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
