"""CLI: ``python -m ingest [PATH ...] [--json]`` — make the index follow the given folders.

Exit codes: 0 every file indexed; 2 some files could not be indexed (listed in ``failed``);
3 another ingest is running on the same index; 4 the index (a Chroma server) is unreachable
(``--json`` still prints the summary, with the files ``not_done``).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from retriever.settings import load_settings
from retriever.store import Index, is_unavailable

from .pipeline import IngestBusy, IngestReport, StoreUnavailable, find_files, ingest, ingest_lock
from .progress import Eta, format_left

EXIT_FAILED_FILES, EXIT_BUSY, EXIT_UNAVAILABLE = 2, 3, 4


def _where(settings) -> str:
    if settings.chroma_host:
        return f"Chroma server {settings.chroma_host}:{settings.chroma_port}"
    return str(settings.data_dir)


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
    settings = load_settings()
    try:
        with ingest_lock(settings):
            report = ingest(paths, index=Index(settings), progress=_printer() if show else None)
    except IngestBusy as exc:
        print(f"error: {exc}; try again when it has finished", file=sys.stderr)
        return EXIT_BUSY
    except StoreUnavailable as exc:
        if show:
            print(file=sys.stderr)
        print(f"error: the index is unreachable ({_where(settings)}): {str(exc)[:200]}", file=sys.stderr)
        if args.json:
            print(json.dumps(exc.report.as_dict(), ensure_ascii=False))
        return EXIT_UNAVAILABLE
    except Exception as exc:  # noqa: BLE001 - opening the index failed: one line, not a traceback
        if not is_unavailable(exc):
            raise
        print(f"error: the index is unreachable ({_where(settings)}): {str(exc)[:200]}", file=sys.stderr)
        if args.json:  # nothing was done: every file is still to do
            report = IngestReport(not_done=[f.doc for f in find_files(paths)])
            print(json.dumps(report.as_dict(), ensure_ascii=False))
        return EXIT_UNAVAILABLE
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
    return EXIT_FAILED_FILES if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
