"""Finnish-aware BM25: stems, stem prefixes, compound parts and typo correction, kept in memory.

Documents are stored as their surface tokens; terms are derived when the index is built, so
compound splitting always uses the current vocabulary of the whole index.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from .finnish import Vocabulary, content_tokens, hyphen_parts, is_near_stem, prefix_term, stem
from .records import last_heading

# Weights of the looser kinds of match relative to an exact stem match.
PREFIX_WEIGHT = 0.5
PART_WEIGHT = 0.7
TYPO_WEIGHT = 0.8
NEAR_WEIGHT = 0.5  # a stem equal but for its last letters (Snowball left a case ending on)
BM25_K1 = 1.2
BM25_B = 0.5  # paragraphs vary a lot in length; full normalisation buried long ones


@dataclass
class LexicalDoc:
    """What the lexical index keeps of one paragraph."""

    id: str
    tokens: list[str]
    doc: str
    years: list[int]


def doc_tokens(text: str, section: str, title: str) -> list[str]:
    """Surface tokens of a paragraph with its nearest heading and the document title."""
    return content_tokens(f"{title}\n{last_heading(section)}\n{text}")


class BM25Index:
    """BM25 over weighted term bags; ``stemmed=False`` gives the plain-token baseline."""

    def __init__(self, docs: list[LexicalDoc], stemmed: bool = True, k1: float | None = None, b: float | None = None):
        self.docs = docs
        self.ids = [d.id for d in docs]
        self.stemmed = stemmed
        self.k1 = BM25_K1 if k1 is None else k1
        self.b = BM25_B if b is None else b
        self.vocab = Vocabulary({t for d in docs for t in d.tokens})
        self._vocab_list = sorted(self.vocab.tokens)
        self._stem_list = sorted(self.vocab.stems)
        self._compound_cache: dict[str, list[str]] = {}
        self._token_cache: dict[str, dict[str, float]] = {}
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        lengths = np.zeros(len(docs), dtype=np.float32)
        for i, d in enumerate(docs):
            terms = self._doc_terms(d.tokens)
            lengths[i] = sum(terms.values())
            for term, tf in terms.items():
                postings[term][i] = tf
        self.avgdl = float(lengths.mean()) if len(docs) else 1.0
        self._norm = self.k1 * (1 - self.b + self.b * lengths / max(self.avgdl, 1e-9))
        n = len(docs)
        self._postings = {
            t: (np.fromiter(p.keys(), dtype=np.int32), np.fromiter(p.values(), dtype=np.float32),
                math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)))
            for t, p in postings.items()
        }
        self._doc_names = np.array([d.doc for d in docs], dtype=object)
        self._year_masks: dict[int, np.ndarray] = {}

    # -- analysis -----------------------------------------------------------------
    def _doc_terms(self, tokens: list[str]) -> Counter:
        terms: Counter = Counter()
        if not self.stemmed:
            terms.update(tokens)
            return terms
        for tok in tokens:
            self._add_word(terms, tok, 1.0)
            for part in hyphen_parts(tok):
                self._add_word(terms, part, PART_WEIGHT)
            for part in self.vocab.split_compound(tok):
                self._add_word(terms, part, PART_WEIGHT)
        return terms

    @staticmethod
    def _add_word(terms: Counter, word: str, weight: float) -> None:
        terms[stem(word)] += weight
        p = prefix_term(word)
        if p:
            terms[p] += weight * PREFIX_WEIGHT

    def query_terms(self, query: str) -> dict[str, float]:
        """Weighted terms of a query: each word's own terms, plus words written apart
        that the text writes as one compound ("liikunta neuvonta")."""
        tokens = content_tokens(query)
        terms: Counter = Counter()
        if not self.stemmed:
            terms.update(tokens)
            return {t: w for t, w in terms.items() if t in self._postings}
        for i, tok in enumerate(tokens):
            for term, weight in self.token_terms(tok).items():
                terms[term] += weight
            if i + 1 < len(tokens):
                joined = stem(tok + tokens[i + 1])
                for word in self.words_starting(joined):
                    terms[stem(word)] += 1.0
        return {t: w for t, w in terms.items() if t in self._postings}

    def token_terms(self, token: str) -> dict[str, float]:
        """The weighted index terms one query word stands for (stem, prefix, parts, typo fixes,
        and compounds of the text that contain the word: "rasismi" -> "piilorasismi")."""
        cached = self._token_cache.get(token)
        if cached is not None:
            return cached
        terms: Counter = Counter()
        self._add_word(terms, token, 1.0)
        for part in hyphen_parts(token) + self.vocab.split_compound(token):
            self._add_word(terms, part, PART_WEIGHT)
        # Typo check on the exact forms: a misspelt long word often shares a known prefix.
        exact = token in self.vocab.tokens or stem(token) in self.vocab.stems
        if not exact and len(token) >= 5 and not token[0].isdigit():
            for fixed in self.correct_typo(token):
                self._add_word(terms, fixed, TYPO_WEIGHT)
        for compound in self.compounds_containing(token):
            terms[stem(compound)] = max(terms[stem(compound)], PART_WEIGHT)
        for near in self.near_stems(stem(token)):
            terms[near] = max(terms[near], NEAR_WEIGHT)
        self._token_cache[token] = dict(terms)
        return self._token_cache[token]

    def compounds_containing(self, token: str, limit: int = 12) -> list[str]:
        """Longer words of the index that contain the word's stem after a first part."""
        s = stem(token)
        if len(s) < 5 or s[0].isdigit():
            return []
        if s not in self._compound_cache:
            self._compound_cache[s] = [w for w in self._vocab_list if s in w[3:] and len(w) > len(s) + 3][:limit]
        return self._compound_cache[s]

    def near_stems(self, s: str, limit: int = 8) -> list[str]:
        """Index stems equal to a long stem but for its last letters: Snowball leaves some case
        endings on ("hyvinvointitilinpäätös" / "hyvinvointitilinpäätöks" of "-päätökseksi")."""
        if len(s) < 8 or s[0].isdigit():
            return []
        i = bisect.bisect_left(self._stem_list, s[:-2])
        out = []
        while i < len(self._stem_list) and self._stem_list[i].startswith(s[:-2]) and len(out) < limit:
            if self._stem_list[i] != s and is_near_stem(self._stem_list[i], s, max_len_diff=3):
                out.append(self._stem_list[i])
            i += 1
        return out

    def words_starting(self, prefix: str, limit: int = 8) -> list[str]:
        """Index words that begin with ``prefix`` (a stem of words written apart in a query)."""
        if len(prefix) < 6:
            return []
        i = bisect.bisect_left(self._vocab_list, prefix)
        out = []
        while i < len(self._vocab_list) and self._vocab_list[i].startswith(prefix) and len(out) < limit:
            out.append(self._vocab_list[i])
            i += 1
        return out

    @property
    def max_idf(self) -> float:
        n = len(self.docs)
        return math.log(1 + (n + 0.5) / 0.5)

    def text_terms(self, text: str) -> set[str]:
        """Index terms of any text (a sentence, say), analysed like a paragraph."""
        return set(self._doc_terms(content_tokens(text)))

    def idf(self, term: str) -> float:
        entry = self._postings.get(term)
        return entry[2] if entry else 0.0

    def correct_typo(self, token: str, limit: int = 2) -> list[str]:
        """Known words within a small edit distance of an unknown query word."""
        cutoff = 85 if len(token) < 8 else 80
        hits = process.extract(token, self._vocab_list, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        return [h[0] for h in hits]

    def year_mask(self, year: int) -> np.ndarray:
        """Paragraphs of documents about ``year``."""
        if year not in self._year_masks:
            self._year_masks[year] = np.array([year in d.years for d in self.docs], dtype=bool)
        return self._year_masks[year]

    # -- search -------------------------------------------------------------------
    def scores(self, query: str) -> np.ndarray:
        out = np.zeros(len(self.docs), dtype=np.float32)
        for term, weight in self.query_terms(query).items():
            idx, tf, idf = self._postings[term]
            out[idx] += weight * idf * tf * (self.k1 + 1) / (tf + self._norm[idx])
        return out

    def search(self, query: str, k: int = 50, doc: str | None = None, year: int | None = None) -> list[tuple[int, float]]:
        """Top ``k`` (position, score) pairs with a positive score, inside the filters."""
        if not self.docs:
            return []
        s = self.scores(query)
        mask = s > 0
        if doc:
            mask &= self._doc_names == doc
        if year is not None:
            mask &= self.year_mask(year)
        cand = np.nonzero(mask)[0]
        if len(cand) > k:
            cand = cand[np.argpartition(-s[cand], k - 1)[:k]]
        cand = cand[np.argsort(-s[cand], kind="stable")]
        return [(int(i), float(s[i])) for i in cand]
