"""Ingest a folder: read each changed file, rebuild paragraphs, write them through the index.

Re-ingest is by content hash: unchanged files cost nothing, an edited file is replaced whole,
a file gone from the folders leaves the index. A file that fails to read is reported and
skipped; the index keeps its previous version of that file, and the rest goes on.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from retriever.records import Paragraph
from retriever.store import Index
from retriever.years import document_years

from .chunks import make_chunks
from .paragraphs import build_blocks
from .readers import SUPPORTED, RawDocument, ReadError, read_document

log = logging.getLogger("hyte.ingest")

Progress = Callable[[str, float, int], None]  # (file name, files done so far, files in all)
FLUSH_SECONDS = 120  # the lexical index is saved at most this often during a long run, and at its end


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    chunks: int = 0
    failed: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "chunks": self.chunks,
            "failed": self.failed,
        }


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Supported files under the given folders (or the files themselves), sorted."""
    found: dict[str, Path] = {}
    for root in paths:
        root = Path(root)
        candidates = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for p in candidates:
            if p.suffix.lower() in SUPPORTED and not p.name.startswith("."):
                found.setdefault(p.name, p)
    return [found[k] for k in sorted(found)]


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def title_from_name(name: str, text: str) -> str:
    """A readable title from a file name, with the Finnish letters the name had to drop
    ('hyvinvointitilinpaatos' -> 'hyvinvointitilinpäätös') taken from the text itself."""
    spelled: dict[str, str] = {}
    for word, _ in Counter(re.findall(r"[\wÅÄÖåäö]+", text.lower())).most_common():
        spelled.setdefault(_fold(word), word)
    words = [spelled.get(_fold(w), w) for w in re.split(r"[-_\s]+", Path(name).stem) if w]
    title = " ".join(words)
    return title[:1].upper() + title[1:]


def parse_file(path: Path) -> list[Paragraph]:
    """The paragraph records of one file (raises ReadError when it cannot be read)."""
    raw: RawDocument = read_document(path)
    text = "\n".join(ln.text for ln in raw.lines)
    vocabulary = set(re.findall(r"[\wÅÄÖåäö]+(?:-[\wÅÄÖåäö]+)*", text.lower()))
    blocks = build_blocks(raw.lines, vocabulary)
    if not blocks:
        raise ReadError("no paragraphs found")
    title = raw.title or title_from_name(path.name, text)
    years = document_years([path.stem, title], raw.meta)
    paragraphs = make_chunks(path.name, title, years, blocks)
    if not paragraphs:
        raise ReadError("no paragraphs found")
    return paragraphs


def ingest(
    paths: Iterable[Path],
    index: Index | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Make the index follow the files under ``paths``."""
    index = index or Index()
    files = find_files(paths)
    known = index.file_hashes()
    report = IngestReport()
    seen = set()
    try:
        _ingest_files(files, known, index, report, seen, progress)
    finally:  # what was written is kept, also when the run is stopped half way
        index.flush()
    for doc in sorted(set(known) - seen):
        index.remove_document(doc)
        report.removed += 1
    index.flush()
    report.chunks = index.count()
    if progress:
        progress("", len(files), len(files))
    return report


def _ingest_files(
    files: list[Path], known: dict[str, str], index: Index, report: IngestReport, seen: set[str],
    progress: Progress | None,
) -> None:
    last_flush = time.monotonic()
    for n, path in enumerate(files, start=1):
        seen.add(path.name)
        if progress:
            progress(path.name, n - 1, len(files))
        try:
            digest = file_hash(path)
            if known.get(path.name) == digest:
                report.unchanged += 1
                continue
            paragraphs = parse_file(path)
            step = None
            if progress:  # embedding is the slow part: report it within the file too
                def step(done: int, total: int, _n: int = n, _name: str = path.name) -> None:
                    progress(_name, _n - 1 + done / max(total, 1), len(files))
            index.replace_document(path.name, digest, paragraphs, progress=step)
        except ReadError as exc:
            log.warning("failed: %s: %s", path, exc)
            report.failed.append({"path": str(path), "error": str(exc)})
            continue
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
            log.exception("failed: %s", path)
            report.failed.append({"path": str(path), "error": f"{type(exc).__name__}: {exc}"})
            continue
        if path.name in known:
            report.updated += 1
        else:
            report.added += 1
        if time.monotonic() - last_flush > FLUSH_SECONDS:  # an interrupted run resumes from here
            index.flush()
            last_flush = time.monotonic()
