"""Finnish-aware BM25, kept in memory: base forms and compound parts from Voikko, Snowball
stems and stem prefixes, and for words the analyser does not know, the index's own vocabulary
(compound splitting, typo correction, words written without ä/ö).

Documents are stored as their surface tokens; terms are derived when the index is built.
Each distinct word is analysed once (a cache per index), and every vocabulary look-up at
query time is a dictionary or a sorted-list look-up, never a scan of the whole vocabulary.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from . import morphology
from .finnish import (
    FOLDED_STOP_WORDS,
    TOKEN,
    Vocabulary,
    content_tokens,
    fold,
    hyphen_parts,
    is_near_stem,
    prefix_term,
    stem,
)
from .records import last_heading
from .synonyms import synonyms_of
from .tuning import (
    BM25_B,
    BM25_K1,
    LEMMA_WEIGHT,
    NEAR_STEM_EVIDENCE,
    NEAR_WEIGHT,
    PART_WEIGHT,
    PREFIX_EVIDENCE,
    PREFIX_WEIGHT,
    SYNONYM_WEIGHT,
    TYPO_WEIGHT,
    VERB_WEIGHT,
)

MIN_MENTION_STEM = 5  # a shorter stem inside another word is no mention of it ("kunt" in "kuntoutus")
LEMMA = "="  # base-form and compound-part terms live in their own namespace beside the stems

# One question word, for coverage: its weight (idf), its whole-word terms with how much each
# counts as evidence, and its compound parts with their weights and terms.
WordProfile = tuple[float, dict[str, float], list[tuple[float, frozenset[str]]]]


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


def _merge(into: dict[str, float], term: str, weight: float) -> None:
    if weight > into.get(term, 0.0):
        into[term] = weight


class BM25Index:
    """BM25 over weighted term bags; ``stemmed=False`` gives the plain-token baseline."""

    def __init__(self, docs: list[LexicalDoc], stemmed: bool = True, k1: float | None = None, b: float | None = None):
        self.docs = docs
        self.ids = [d.id for d in docs]
        self.stemmed = stemmed
        self.k1 = BM25_K1 if k1 is None else k1
        self.b = BM25_B if b is None else b
        self.morphology = morphology.available()
        self.vocab = Vocabulary({t for d in docs for t in d.tokens})
        self._vocab_list = sorted(self.vocab.tokens)
        self._stem_list = sorted(self.vocab.stems)
        self._folded: dict[str, list[str]] = defaultdict(list)  # "paatos" -> ["päätös"]
        self._by_start: dict[tuple[str, int], list[str]] = defaultdict(list)  # (first letter, length) -> words
        for w in self._vocab_list:
            if fold(w) != w:
                self._folded[fold(w)].append(w)
            self._by_start[(w[0], len(w))].append(w)
        # "hontsailypaiv" -> ["höntsäilypäiv"]: another form of a word typed without ä/ö that
        # neither the index nor the analyser knows in the typed form
        self._folded_stems: dict[str, list[str]] = defaultdict(list)
        for st in self._stem_list:
            if fold(st) != st and not st[:1].isdigit():
                self._folded_stems[fold(st)].append(st)
        self._compound_cache: dict[str, list[str]] = {}
        self._word_cache: dict[str, dict[str, float]] = {}
        self._token_cache: dict[str, dict[str, float]] = {}
        self._text_cache: dict[str, frozenset[str]] = {}
        self._profile_cache: dict[str, list[WordProfile]] = {}
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
    def word_terms(self, word: str) -> dict[str, float]:
        """The terms one word of a text stands for: its stem and stem prefix, its base forms
        and compound parts (Voikko), the parts of a hyphenated word, and, for a word Voikko
        does not know, its split against the index vocabulary."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        terms: dict[str, float] = {}
        self._add_surface(terms, word, 1.0)
        known = self._add_analysis(terms, word, 1.0)
        for part in hyphen_parts(word):
            self._add_surface(terms, part, PART_WEIGHT)
            self._add_analysis(terms, part, PART_WEIGHT)
        if not known and "-" not in word:
            for part in self.vocab.split_compound(word):
                self._add_surface(terms, part, PART_WEIGHT)
                self._add_analysis(terms, part, PART_WEIGHT)
        self._word_cache[word] = terms
        return terms

    @staticmethod
    def _add_surface(terms: dict[str, float], word: str, weight: float) -> None:
        _merge(terms, stem(word), weight)
        p = prefix_term(word)
        if p:
            _merge(terms, p, weight * PREFIX_WEIGHT)

    @staticmethod
    def _add_analysis(terms: dict[str, float], word: str, weight: float) -> bool:
        a = morphology.analyse(word)
        for lemma in a.lemmas:
            _merge(terms, LEMMA + lemma, weight * LEMMA_WEIGHT)
        for part in a.parts:
            _merge(terms, LEMMA + part, weight * PART_WEIGHT)
        return bool(a.lemmas)

    def _doc_terms(self, tokens: list[str]) -> Counter[str]:
        terms: Counter[str] = Counter()  # weights are fractional: Counter sums floats as well
        if not self.stemmed:
            terms.update(tokens)
            return terms
        for tok in tokens:
            for term, weight in self.word_terms(tok).items():
                terms[term] += weight  # type: ignore[assignment]
        return terms

    def query_terms(self, query: str) -> dict[str, float]:
        """Weighted terms of a query: each word's own terms, plus words written apart
        that the text writes as one compound ("liikunta neuvonta")."""
        tokens = content_tokens(query)
        if not self.stemmed:
            return {t: float(n) for t, n in Counter(tokens).items() if t in self._postings}
        terms: dict[str, float] = defaultdict(float)
        for i, tok in enumerate(tokens):
            for term, weight in self.token_terms(tok).items():
                terms[term] += weight
            if i + 1 < len(tokens):
                joined = stem(tok + tokens[i + 1])
                for word in self.words_starting(joined):
                    terms[stem(word)] += 1.0
        return {t: w for t, w in terms.items() if t in self._postings}

    def knows(self, token: str) -> bool:
        """The word occurs in the index as written or by stem or base form."""
        if token in self.vocab.tokens or stem(token) in self.vocab.stems:
            return True
        return any(LEMMA + lemma in self._postings for lemma in morphology.analyse(token).lemmas)

    def restore_letters(self, text: str) -> str:
        """``text`` with each word typed without ä/ö that the index does not know spelled as
        the one word the index knows in that form ("mika on hyry" -> "mikä on hyry"; "paatos"
        -> "päätös"): the embedder reads ä-less Finnish poorly, the lexical side needs no help."""
        def spelled(m: re.Match) -> str:
            word = m.group(0)
            low = word.lower()
            # "mika" / "Mika on …" as a question word, not the name in "Kuka on Mika Salonen?"
            first = m.start() == 0 and not re.match(r"\s+[A-ZÅÄÖ]", text[m.end():])
            if low in FOLDED_STOP_WORDS and (word == low or first):
                fixed = FOLDED_STOP_WORDS[low]
                return fixed if word == low else fixed.capitalize()
            if fold(low) != low or self.knows(low):
                return word
            options = self._spellings(low)
            if len(options) != 1:
                return word  # unknown, or ambiguous: leave it
            return options[0].capitalize() if word[:1].isupper() else options[0]
        return TOKEN.sub(spelled, text)

    def _spellings(self, word: str) -> list[str]:
        """A word typed without ä/ö as the index spells it ("paatos" -> "päätös"), else the one
        way the analyser knows ("yksinaisyydesta" -> "yksinäisyydestä", a form no document
        need hold); [] for neither."""
        return self._folded.get(fold(word)) or list(filter(None, [morphology.umlauts_restored(word)]))

    def token_terms(self, token: str) -> dict[str, float]:
        """The weighted index terms one query word stands for: its own terms, synonyms of its
        base forms, the index's spelling of a word typed without ä/ö or with a typo, and
        near stems Snowball left a case ending on."""
        cached = self._token_cache.get(token)
        if cached is not None:
            return cached
        terms = dict(self.word_terms(token))
        for lemma in morphology.analyse(token).lemmas:
            for other in synonyms_of(lemma):
                _merge(terms, LEMMA + other, SYNONYM_WEIGHT)
        if not self.knows(token) and not token[0].isdigit():
            spellings = self._spellings(token)
            for spelled in spellings:
                for term, weight in self.word_terms(spelled).items():
                    _merge(terms, term, weight)
            stems = self._folded_stems.get(fold(stem(token)), [])
            if not spellings and len(stems) == 1:
                _merge(terms, stems[0], 1.0)
            # (a word the analyser knows is no typo: "saamen" is the Sami language, not a
            # misspelt form of "saada", though the material uses only the latter)
            if len(token) >= 5 and not (self.morphology and morphology.analyse(token).lemmas):
                for fixed in self.correct_typo(token):
                    for term, weight in self.word_terms(fixed).items():
                        _merge(terms, term, weight * TYPO_WEIGHT)
        if not self.morphology:  # without an analyser, compounds are found by scanning
            for compound in self.compounds_containing(token):
                _merge(terms, stem(compound), PART_WEIGHT)
        for near in self.near_stems(stem(token)):
            _merge(terms, near, NEAR_WEIGHT)
        self._token_cache[token] = terms
        return terms

    def compounds_containing(self, token: str, limit: int = 12) -> list[str]:
        """Longer words of the index that contain the word's stem after a first part (only
        without an analyser: a linear scan, cached per stem)."""
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
        out: list[str] = []
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
        out: list[str] = []
        while i < len(self._vocab_list) and self._vocab_list[i].startswith(prefix) and len(out) < limit:
            out.append(self._vocab_list[i])
            i += 1
        return out

    @property
    def max_idf(self) -> float:
        n = len(self.docs)
        return math.log(1 + (n + 0.5) / 0.5)

    def text_terms(self, text: str) -> frozenset[str]:
        """Index terms of any text (a sentence, say), analysed like a paragraph (cached: the
        same paragraphs come back query after query)."""
        cached = self._text_cache.get(text)
        if cached is None:
            if len(self._text_cache) > 50_000:
                self._text_cache.clear()
            cached = self._text_cache[text] = frozenset(self._doc_terms(content_tokens(text)))
        return cached

    def idf(self, term: str) -> float:
        entry = self._postings.get(term)
        return entry[2] if entry else 0.0

    def correct_typo(self, token: str, limit: int = 2) -> list[str]:
        """Known words within a small edit distance of an unknown query word. Candidates share
        the first letter and nearly the length, so the look-up does not grow with the whole
        vocabulary."""
        cutoff = 85 if len(token) < 8 else 80
        candidates = [w for n in range(len(token) - 2, len(token) + 3) for w in self._by_start.get((token[0], n), [])]
        hits = process.extract(token, candidates, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        return [h[0] for h in hits]

    def coverage(self, question: str, text: str) -> float:
        """idf-weighted share of the question's words that ``text`` contains, in any form
        (base form, stem; a near stem counts almost fully, a stem prefix half). A compound
        the text does not hold whole counts by the idf-weighted share of its parts the text
        holds: "uimakoulu" is hardly in a text that only says "koulu". A verb weighs
        ``VERB_WEIGHT`` of its idf."""
        have = self.text_terms(text)
        total = got = 0.0
        for weight, evidence, parts in self._question_profile(question):
            total += weight
            matched = max((e for t, e in evidence.items() if t in have), default=0.0)
            if parts and matched < PART_WEIGHT:
                share = sum(w for w, terms in parts if terms & have) / sum(w for w, _ in parts)
                matched = max(matched, PART_WEIGHT * share)
            got += weight * matched
        return got / total if total else 0.0

    def mentions(self, word: str, text: str) -> bool:
        """The text holds the word itself, in any inflected form or inside a longer compound
        ("energiajuoma-agentit" in "energiajuoma-agenttitoimintaa"), not merely its parts
        apart ("esteettömyysasiamies" is not in a text of "esteettömyys" and "vammaisasiamies")."""
        if self._whole_terms(word) & self.text_terms(text):
            return True
        s = stem(word)
        return len(s) >= MIN_MENTION_STEM and s in text.lower()

    def word_parts(self, word: str) -> list[str]:
        """The parts of a compound word: a hyphenated word's, Voikko's, or, for a word Voikko
        does not know, its split against the index vocabulary ([] for a simple word)."""
        if "-" in word:
            return [p for p in word.split("-") if p]
        analysis = morphology.analyse(word)
        if analysis.lemmas:
            return list(analysis.parts)
        return self.vocab.split_compound(word)

    @staticmethod
    def _part_terms(part: str) -> frozenset[str]:
        """The terms that show a compound part in a text (as a word or inside another)."""
        return frozenset({stem(part), LEMMA + part, *(LEMMA + lemma for lemma in morphology.analyse(part).lemmas)})

    def _whole_terms(self, token: str) -> set[str]:
        """The token's terms that stand for the whole word (its stems and base forms, and those
        of the word it was corrected or spelled to, its synonyms): not a compound part's
        (weighted ``PART_WEIGHT`` or less), a stem prefix or a near stem (looser evidence)."""
        near = set(self.near_stems(stem(token)))
        return {t for t, w in self.token_terms(token).items() if w > PART_WEIGHT and not t.startswith("~") and t not in near}

    def specificity(self, token: str) -> float:
        """How specific a query word is: the idf of its commonest form in the index (its base
        form is common though one inflected stem is rare: "ikäihmistä"); a word the index has
        never seen whole is as specific as can be, whatever its parts ("kuntavaalit" is
        specific although "kunta" is common)."""
        return min((idf for t in self._whole_terms(token) if (idf := self.idf(t)) > 0), default=self.max_idf)

    def _question_profile(self, question: str) -> list[WordProfile]:
        """Per distinct question word: its idf weight, how much each of its terms (but its
        compound parts and their stem prefixes) counts as evidence that the word is present,
        and its compound parts with their idf (cached: one question is checked against many
        texts)."""
        cached = self._profile_cache.get(question)
        if cached is not None:
            return cached
        profile: list[WordProfile] = []
        for tok in dict.fromkeys(content_tokens(question)):
            near = set(self.near_stems(stem(tok)))
            parts = [(max((self.idf(t) for t in terms), default=0.0) or self.max_idf, terms)
                     for terms in map(self._part_terms, self.word_parts(tok))]
            # a part alone is no evidence of the compound: parts count together, below
            of_parts = set().union(*(terms for _, terms in parts)) - self._whole_terms(tok)
            evidence = {
                t: PREFIX_EVIDENCE if t.startswith("~") else NEAR_STEM_EVIDENCE if t in near else min(1.0, w)
                for t, w in self.token_terms(tok).items()
                if t not in of_parts and (not t.startswith("~") or t == prefix_term(tok))
            }
            # a question's verb is often paraphrased, or absent from a fact written as a label
            # ("Opiskeluhuoltomarkkinat (180)" for "montako kävi …?"): it counts less
            weight = self.specificity(tok) * (VERB_WEIGHT if morphology.analyse(tok).verb else 1.0)
            profile.append((weight, evidence, parts))
        if len(self._profile_cache) > 10_000:
            self._profile_cache.clear()
        self._profile_cache[question] = profile
        return profile

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
