"""CLI: ``python -m retriever search|ask`` — the library's search and answers from a terminal.

  python -m retriever search QUERY [--k 5] [--doc NAME] [--year YYYY] [--json]
  python -m retriever search --batch FILE [--k N] --json
  python -m retriever ask QUESTION [--json]
  python -m retriever ask --batch FILE --json
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator

from .answer import Answerer
from .search import Searcher


def _batch(path: str) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _print_hits(query: str, hits, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"query": query, "hits": [h.as_json() for h in hits]}, ensure_ascii=False))
        return
    for n, h in enumerate(hits, start=1):
        p = h.paragraph
        where = f"s. {p.pages}, " if p.page else ""
        print(f"[{n}] {p.title} — {p.section or '(alku)'} ({where}kpl {p.paragraph})  score {h.score:.4f}")
        print("    " + p.text.replace("\n", "\n    "))


def _print_answer(ans, as_json: bool) -> None:
    if as_json:
        print(json.dumps(ans.as_json(), ensure_ascii=False))
        return
    print(ans.text)
    for n, p in enumerate(ans.citations, start=1):
        where = f", s. {p.pages}" if p.page else ""
        print(f"  [{n}] {p.title} › {p.section}{where}, kpl {p.paragraph}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m retriever", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("search", help="find paragraphs")
    s.add_argument("query", nargs="?")
    s.add_argument("--k", type=int, default=5)
    s.add_argument("--doc")
    s.add_argument("--year", type=int)
    s.add_argument("--method", default="hybrid", choices=["hybrid", "dense", "bm25", "bm25-stem"])
    s.add_argument("--batch", help="JSON lines file of {id, question}")
    s.add_argument("--json", action="store_true")
    a = sub.add_parser("ask", help="answer a question with citations")
    a.add_argument("question", nargs="?")
    a.add_argument("--doc")
    a.add_argument("--year", type=int)
    a.add_argument("--batch", help="JSON lines file of {id, question}")
    a.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    text = args.query if args.command == "search" else args.question
    if not args.batch and not text:
        parser.error("give a question, or --batch FILE")

    searcher = Searcher()
    if searcher.index.count() == 0:
        print("warning: the index is empty; run `python -m ingest` first", file=sys.stderr)
    if args.command == "search":
        if args.batch:
            for item in _batch(args.batch):
                hits = searcher.search(item["question"], k=args.k, doc=args.doc, year=args.year, method=args.method)
                print(json.dumps({"id": item.get("id"), "hits": [h.as_json() for h in hits]}, ensure_ascii=False), flush=True)
        else:
            hits = searcher.search(text, k=args.k, doc=args.doc, year=args.year, method=args.method)
            _print_hits(text, hits, args.json)
        return 0

    answerer = Answerer(searcher)
    if args.batch:
        for item in _batch(args.batch):
            ans = answerer.answer(item["question"], doc=args.doc, year=args.year)
            print(json.dumps({"id": item.get("id"), **ans.as_json()}, ensure_ascii=False), flush=True)
    else:
        _print_answer(answerer.answer(text, doc=args.doc, year=args.year), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
