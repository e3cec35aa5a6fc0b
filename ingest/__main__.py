"""CLI: ``python -m ingest [PATH ...] [--json]`` — make the index follow the given folders."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from retriever.settings import load_settings

from .pipeline import ingest
from .progress import Eta, format_left


def _printer():
    """A progress callback that redraws one stderr line: files, share done, time left."""
    eta = Eta()

    def show(name: str, done: float, total: int) -> None:
        share, left = eta.update(done, total)
        label = f"[{min(int(done) + 1, total)}/{total}] {share:4.0%}  {format_left(left):<20} {name[:50]}"
        print("\r" + label.ljust(100), end="", file=sys.stderr, flush=True)

    return show


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, help="folders or files (default: HYTE_CORPUS_DIR)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--progress", action="store_true",
                        help="show progress on stderr (the default on a terminal, unless --json)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    paths = args.paths or [load_settings().corpus_dir]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    show = args.progress or (sys.stderr.isatty() and not args.json)
    report = ingest(paths, progress=_printer() if show else None)
    if show:
        print(file=sys.stderr)
    elapsed = time.perf_counter() - start
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        r = report
        print(f"added {r.added}, updated {r.updated}, unchanged {r.unchanged}, removed {r.removed}; "
              f"{r.chunks} paragraphs in the index ({elapsed:.1f} s)")
        for f in r.failed:
            print(f"FAILED {f['path']}: {f['error']}")
    return 2 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
