"""Ingest a folder: read each changed file, rebuild paragraphs, write them through the index.

Re-ingest is by content hash: unchanged files cost nothing, an edited file is replaced whole,
a file gone from the folders leaves the index. A file that fails to read is reported and
skipped; the index keeps its previous version of that file, and the rest goes on.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from retriever.finnish import clean_text, fold
from retriever.records import Paragraph
from retriever.settings import Settings
from retriever.store import Index, is_unavailable
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
    not_done: list[str] = field(default_factory=list)  # when the index went away mid-run

    def as_dict(self) -> dict:
        out = {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "chunks": self.chunks,
            "failed": self.failed,
        }
        if self.not_done:
            out["not_done"] = self.not_done
        return out


class IngestBusy(Exception):
    """Another ingest is writing the same index."""


@contextmanager
def ingest_lock(settings: Settings, wait: bool = False):
    """One ingest at a time per index (CLI runs and the app alike): an advisory file lock
    in the data folder, released when the holder exits, also when it is killed."""
    import fcntl

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.data_dir / "ingest.lock", "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise IngestBusy(f"another ingest is running on {settings.data_dir}") from exc
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


class StoreUnavailable(Exception):
    """The index could not be reached (a Chroma server down); ``report`` says what was done."""

    def __init__(self, message: str, report: IngestReport) -> None:
        super().__init__(message)
        self.report = report


# Raised when reading a file changes (a new reader rule, say two-column PDFs): every file is
# read again at the next ingest, as if edited, since its stored paragraphs came from the old rules.
READER_VERSION = 7


def file_hash(path: Path) -> str:
    """SHA-256 of a file, read in blocks (a large file is never held in memory whole), with the
    reader version: a file is up to date when neither it nor the way it is read has changed."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return f"{digest.hexdigest()}+r{READER_VERSION}"


@dataclass
class Found:
    """A file under a corpus folder: its document id (path relative to the folder) and why it
    cannot be indexed, if it cannot."""

    doc: str
    path: Path
    problem: str = ""


def safe_upload_name(name: str, size: int, settings: Settings) -> tuple[str, str]:
    """A safe file name in the corpus folder for an uploaded file, and the problem with it:
    "" (none), "type" (not a supported document) or "size" (over HYTE_MAX_FILE_MB)."""
    base = Path(name.replace("\\", "/")).name  # no folders, no "..": only the last part
    stem = re.sub(r"[^\w.-]+", "-", Path(base).stem, flags=re.UNICODE).strip(".-") or "asiakirja"
    suffix = Path(base).suffix.lower()
    safe = f"{stem[:100]}{suffix}"
    if suffix not in SUPPORTED:
        return safe, "type"
    if size > settings.max_file_mb * 1e6:
        return safe, "size"
    return safe, ""


def _skipped(name: str) -> bool:
    """Hidden files and office lock files are not documents."""
    return name.startswith((".", "~$"))


def find_files(paths: Iterable[Path], max_mb: float | None = None) -> list[Found]:
    """Every file under the given folders (or the files themselves), sorted by document id.

    A document is identified by its path relative to its folder, so equal names in subfolders
    are different documents. A file that cannot be indexed is returned with the reason: an
    unsupported type, a link leading outside the folder, or a size over ``max_mb``.
    """
    found: dict[str, Found] = {}
    for root in paths:
        root = Path(root)
        if root.is_file():
            candidates = [(root.name, root)]
            base = root.parent.resolve()
        else:
            base = root.resolve()
            candidates = []
            for folder, dirs, files in os.walk(root, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not _skipped(d))
                for name in sorted(files):
                    if not _skipped(name):
                        p = Path(folder) / name
                        candidates.append((p.relative_to(root).as_posix(), p))
        for doc, p in candidates:
            found.setdefault(doc, Found(doc, p, _problem(p, base, max_mb)))
    return [found[k] for k in sorted(found)]


def _problem(p: Path, base: Path, max_mb: float | None) -> str:
    try:
        real = p.resolve()
        if p.is_symlink() and not real.is_relative_to(base):
            return "link outside the folder"
        if not real.is_file():
            return "not a regular file"
        if p.suffix.lower() not in SUPPORTED:
            return f"unsupported file type: {p.suffix.lower() or '(no extension)'}"
        size_mb = real.stat().st_size / 1e6
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if max_mb is not None and size_mb > max_mb:
        return f"too large: {size_mb:.0f} MB (limit HYTE_MAX_FILE_MB={max_mb:g})"
    return ""


def title_from_name(name: str, text: str) -> str:
    """A readable title from a file name, with the Finnish letters the name had to drop
    ('hyvinvointitilinpaatos' -> 'hyvinvointitilinpäätös') taken from the text itself."""
    spelled: dict[str, str] = {}
    for word, _ in Counter(re.findall(r"[\wÅÄÖåäö]+", text.lower())).most_common():
        spelled.setdefault(fold(word), word)
    words = [spelled.get(fold(w.lower()), w) for w in re.split(r"[-_\s]+", Path(name).stem) if w]
    title = " ".join(words)
    return title[:1].upper() + title[1:]


def parse_file(path: Path, doc: str | None = None) -> list[Paragraph]:
    """The paragraph records of one file (raises ReadError when it cannot be read); ``doc``
    is its document id (default: the file name)."""
    raw: RawDocument = read_document(path)
    for ln in raw.lines:
        ln.text = clean_text(ln.text)
    raw.title = clean_text(raw.title or "")
    text = "\n".join(ln.text for ln in raw.lines)
    vocabulary = set(re.findall(r"[\wÅÄÖåäö]+(?:-[\wÅÄÖåäö]+)*", text.lower()))
    blocks = build_blocks(raw.lines, vocabulary)
    if not blocks:
        raise ReadError("no paragraphs found")
    title = raw.title or title_from_name(path.name, text)
    # (a folder named by year counts too: "2008/ohjelma.pdf")
    years = document_years([path.stem, title, str(Path(doc).parent) if doc else ""], raw.meta)
    paragraphs = make_chunks(doc or path.name, title, years, blocks)
    if not paragraphs:
        raise ReadError("no paragraphs found")
    return paragraphs


def ingest(
    paths: Iterable[Path],
    index: Index | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Make the index follow the files under ``paths``.

    Raises :class:`StoreUnavailable` when the index cannot be written (a Chroma server gone);
    the report it carries names the files done and not done.
    """
    index = index or Index()
    settings = index.settings
    files = find_files(paths, max_mb=settings.max_file_mb)
    known = index.file_hashes()
    report = IngestReport()
    done: set[str] = set()  # documents finished (indexed, unchanged or failed) in this run
    try:
        _ingest_files(files, known, index, report, done, progress)
        for doc in sorted(set(known) - {f.doc for f in files}):
            index.remove_document(doc)
            report.removed += 1
    except Exception as exc:
        if not is_unavailable(exc):
            raise
        report.not_done = [f.doc for f in files if f.doc not in done]
        raise StoreUnavailable(str(exc), report) from exc
    finally:  # what was written is kept, also when the run is stopped half way
        try:
            index.flush()
        except Exception:  # noqa: BLE001 - the store may be the thing that is down
            log.warning("could not save the lexical index at the end of the run", exc_info=True)
    report.chunks = index.count()
    if progress:
        progress("", len(files), len(files))
    return report


def _ingest_files(
    files: list[Found], known: dict[str, str], index: Index, report: IngestReport, done: set[str],
    progress: Progress | None,
) -> None:
    last_flush = time.monotonic()
    for n, f in enumerate(files, start=1):
        path, doc = f.path, f.doc
        if progress:
            progress(doc, n - 1, len(files))
        if f.problem:
            log.warning("failed: %s: %s", path, f.problem)
            report.failed.append({"path": str(path), "error": f.problem})
            done.add(doc)
            continue
        try:
            digest = file_hash(path)
            if known.get(doc) == digest:
                report.unchanged += 1
            else:
                paragraphs = parse_file(path, doc)
                step = None
                if progress:  # embedding is the slow part: report it within the file too
                    def step(embedded: int, total: int, _n: int = n, _name: str = doc) -> None:
                        progress(_name, _n - 1 + embedded / max(total, 1), len(files))
                index.replace_document(doc, digest, paragraphs, progress=step)
                if doc in known:
                    report.updated += 1
                else:
                    report.added += 1
        except ReadError as exc:
            log.warning("failed: %s: %s", path, exc)
            report.failed.append({"path": str(path), "error": str(exc)})
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
            if is_unavailable(exc):
                raise  # the store is gone: this file and the rest are not done
            log.exception("failed: %s", path)
            report.failed.append({"path": str(path), "error": f"{type(exc).__name__}: {exc}"})
        done.add(doc)
        if time.monotonic() - last_flush > FLUSH_SECONDS:  # an interrupted run resumes from here
            index.flush()
            last_flush = time.monotonic()
