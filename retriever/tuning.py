"""Every tuned value of search, ranking and answering, in one place.

Chosen on the tuning part of the development set only (``python -m retriever.eval --part
tune``); the report part (``--part report``) is never used to pick them. Each value says
what it weighs against what; the README shows both parts' figures.
"""

from __future__ import annotations

# -- lexical (BM25 over Finnish terms) ---------------------------------------------------
BM25_K1 = 1.2
BM25_B = 0.5  # paragraphs vary a lot in length; full length normalisation buried long ones
LEMMA_WEIGHT = 1.0  # a Voikko base form, relative to an exact Snowball stem
PART_WEIGHT = 0.7  # a compound part ("ruokailu" of "kouluruokailussa")
PREFIX_WEIGHT = 0.5  # a shared stem prefix (Snowball's leftover case endings)
TYPO_WEIGHT = 0.8  # a known word within a small edit distance of an unknown one
NEAR_WEIGHT = 0.5  # a stem equal but for its last letters
SYNONYM_WEIGHT = 0.8  # another name of the same thing (synonyms.txt)

# -- first stage: fusion of dense and lexical ---------------------------------------------
CANDIDATES = 50  # each side hands this many to the fusion
RRF_K = 20
DENSE_WEIGHT = 1.0
LEXICAL_WEIGHT = 1.0
YEAR_BONUS = 0.5  # in units of a first-rank RRF share: a year in the question nudges, never filters

# -- evidence that a text holds the question's words ---------------------------------------
PREFIX_EVIDENCE = 0.5  # a shared stem prefix, as evidence that a question word is present
NEAR_STEM_EVIDENCE = 0.9  # stems equal but for their last two letters ("kotouttamis"/"kotouttamin")

# -- second stage: each of the first stage's best is scored by its evidence -----------------
RERANK_CANDIDATES = 20
RERANK_WEIGHTS = {
    "lexical": 0.5,  # BM25 score relative to the query's best
    "dense": 0.25,  # paragraph cosine, scaled between the query's 10th percentile and best
    "coverage": 0.5,  # idf-weighted share of the question's words in heading + text
    "heading": 0.5,  # the same share in the document title and section path
    "fact": 0.25,  # a sentence with the kind of fact asked (number, time, name) near those words
    "year": 0.25,  # the document is about a year the question names
}
FACT_NEAR = 0.3  # the fact's sentence holds at least this share of the question's words
