"""Finnish searches against the shipped corpus: inflection, compounds, typos, filters, years."""

from __future__ import annotations

from retriever.lexical import BM25Index, LexicalDoc, doc_tokens


def _top_text(searcher, query, **kw):
    return [h.paragraph.text for h in searcher.search(query, k=10, **kw)]


def test_finnish_questions_find_their_paragraph(corpus_index):
    _, searcher = corpus_index
    cases = {
        "Mikä on Hyry?": "poikkihallinnollinen hyvinvointityöryhmä Hyry",
        "Montako ruoka-annosta puistoruokailussa jaettiin?": "1480 jaettua",
        "kuka on heinolan maahanmuuttokordinaattori": "Marianna Kemppi",  # typo
        "liikunta neuvonta työikäisille": "liikuntaneuvonta",  # compound written apart
    }
    for query, expected in cases.items():
        texts = _top_text(searcher, query)
        assert any(expected.lower() in t.lower() for t in texts), (query, texts[:2])


def test_filters_restrict_hard(corpus_index):
    _, searcher = corpus_index
    for hit in searcher.search("hyvinvointityöryhmä", k=10, year=2021):
        assert 2021 in hit.paragraph.years
    for hit in searcher.search("ikäihmiset", k=10, doc="kuntakortti-2023-hyte-toiminta.txt"):
        assert hit.paragraph.doc == "kuntakortti-2023-hyte-toiminta.txt"
    # a name without extension works too
    assert {h.paragraph.doc for h in searcher.search("ikäihmiset", k=5, doc="kuntakortti-2023-hyte-toiminta")} == {
        "kuntakortti-2023-hyte-toiminta.txt"}
    # ... and a report cited by its text name is found as the PDF the city publishes
    assert {h.paragraph.doc for h in searcher.search("Hyry", k=5, doc="hyvinvointitilinpaatos-2021.txt")} == {
        "hyvinvointitilinpaatos-2021.pdf"}


def test_year_in_question_steers_to_that_years_document(corpus_index):
    _, searcher = corpus_index
    top = searcher.search("Mitä tehtiin kävelyn ja pyöräilyn edistämiseksi vuonna 2021?", k=1)[0]
    assert 2021 in top.paragraph.years


def test_bm25_stemming_compounds_and_typos():
    docs = [
        LexicalDoc("a", doc_tokens("Ikäihmisten liikuntaneuvontaa annettiin kirjastolla.", "", ""), "x", []),
        LexicalDoc("b", doc_tokens("Lasten harrastemalli jatkui kouluissa.", "", ""), "x", []),
        LexicalDoc("c", doc_tokens("Neuvonta ja ohjaus toimivat hyvin.", "", ""), "y", []),
    ]
    stemmed = BM25Index(docs)
    assert stemmed.search("ikäihmisille", k=1)[0][0] == 0  # other case ending
    assert stemmed.search("liikunta neuvonta", k=1)[0][0] == 0  # parts of a compound
    assert stemmed.search("harrastemallli", k=1)[0][0] == 1  # typo
    plain = BM25Index(docs, stemmed=False)
    assert plain.search("ikäihmisille", k=1) == []
