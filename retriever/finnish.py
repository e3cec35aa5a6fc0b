"""Finnish text analysis for lexical search: tokens, stop words, Snowball stems, compound parts."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[a-zåäöéüšž]+(?:[-'’´][a-zåäöéüšž]+)*", re.IGNORECASE)
_STEMMER = Stemmer.Stemmer("finnish")

# Function words, question words and time relative to now ("edellisenä vuonna", "ensi vuonna"):
# they carry no topic, and would match every paragraph or none.
STOP_WORDS = frozenset(
    """
    ja tai sekä eli että mutta vaan kuin jos kun niin myös vielä jo nyt sitten siis kuitenkin
    on ovat oli olivat olla ollut olleet olleen olleiden oleva olevan olevat olevia olevien ole ei en et emme ette
    eivät olen olet olemme olette
    se ne sen niiden sitä niitä siitä niistä siihen niihin sillä niillä siinä niissä sille niille
    tämä nämä tämän näiden tätä näitä tästä näistä tähän näihin tällä näillä tässä näissä
    tuo nuo hän he minä sinä me te joka jotka jonka joiden jota joita jossa joissa josta joista
    mikä mitkä mitä minkä mihin missä mistä millä mille miksi miten milloin mites
    kuka ketkä kenen ketä keitä keneltä kenelle kenen kenet kuinka usein montako monta moni paljonko paljon
    monen monelle monella monessa monesta moneen moneksi monessako monellako moneenko monenko mennessä lähtien alkaen
    millainen millaista millaisia millaiset minkälainen minkälaista mikäli
    voi voiko onko oliko ovatko mm. mm esim noin vain kaikki kaikkia jokin mitään
    mukaan kautta osalta aikana vuoden vuonna vuosina vuosi vuodelle vuodesta
    sanotaan sanoo kertoo kerrotaan tehtiin tehty tehdään mainitaan mainitaanko tarkoittaa tarkoitetaan
    vastaa vastaavat vastasi vastaako
    edellinen edellisenä edellisen edellisellä viime viimeksi viimeisin tänä ensi seuraava seuraavana
    nykyinen nykyään tällä hetkellä
    """.split()
)


# Typographic ligatures (PDFs set "ﬁ" for "fi"), soft hyphens and zero-width marks, and the
# spaces that are not plain spaces.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
                            "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
                            "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " "})


def clean_text(text: str) -> str:
    """Text as one writes it: composed letters ("a" + combining diaeresis, as macOS and some
    PDFs store it, is "ä"), ligatures spelled out, no soft hyphens or zero-width marks, plain
    spaces. Applied to documents at ingest and to questions, so that both meet."""
    return unicodedata.normalize("NFC", text).translate(_LIGATURES)


def fold(word: str) -> str:
    """The word as typed on a keyboard without Finnish letters: "päätös" -> "paatos"."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


# "mika on hyry" is "mikä on Hyry": a question word typed without ä is still a question word.
FOLDED_STOP_WORDS = {fold(w): w for w in sorted(STOP_WORDS) if fold(w) != w}  # "mika" -> "mikä"
STOP_WORDS = STOP_WORDS | frozenset(FOLDED_STOP_WORDS)


def tokenize(text: str) -> list[str]:
    """Lower-cased word and number tokens; hyphenated words stay whole ("hyte-työ")."""
    return [m.group(0).lower().replace("’", "'").replace("´", "'") for m in TOKEN.finditer(text)]


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Snowball Finnish stem; numbers are kept as written."""
    if token[0].isdigit():
        return token
    return _STEMMER.stemWord(token)


def content_tokens(text: str) -> list[str]:
    """Tokens worth searching for: no stop words, no one-letter words."""
    return [t for t in tokenize(text) if t not in STOP_WORDS and (len(t) > 1 or t.isdigit())]


def hyphen_parts(token: str) -> list[str]:
    """Parts of a hyphenated token plus the joined form: "hyte-työ" -> hyte, työ, hytetyö."""
    if "-" not in token:
        return []
    parts = [p for p in token.split("-") if p]
    return parts + ["".join(parts)]


PREFIX_LEN = 6


def prefix_term(token: str) -> str | None:
    """A looser term: the first letters of the stem, so "ikäihmisille" meets "ikäihmisten".

    Snowball's Finnish stemmer leaves some case endings on ("ikäihmis" / "ikäihmist"); a
    stem prefix catches those at a lower weight than the exact stem.
    """
    s = stem(token)
    if s[0].isdigit() or len(s) <= PREFIX_LEN:
        return None
    return "~" + s[:PREFIX_LEN]


def is_near_stem(candidate: str, s: str, max_len_diff: int) -> bool:
    """Snowball leaves some case endings on: a long stem and another that equals it but for its
    last two letters ("kotouttamis" / "kotouttamin") are the same word."""
    return len(s) >= 8 and not s[0].isdigit() and candidate.startswith(s[:-2]) and abs(len(candidate) - len(s)) <= max_len_diff


class Vocabulary:
    """Known words of an index, for compound splitting and typo correction."""

    def __init__(self, tokens: set[str]) -> None:
        self.tokens = {t for t in tokens if not t[0].isdigit()}
        self.stems = {stem(t) for t in self.tokens}
        self.prefixes = {s[:PREFIX_LEN] for s in self.stems if len(s) >= PREFIX_LEN}

    def knows(self, word: str) -> bool:
        if word in self.tokens:
            return True
        s = stem(word)
        return s in self.stems or (len(s) >= PREFIX_LEN and s[:PREFIX_LEN] in self.prefixes)

    def split_compound(self, word: str, min_part: int = 3) -> list[str]:
        """Split a compound into known parts: "liikuntaneuvontaa" -> liikunta, neuvontaa.

        Right to left, because the head of a Finnish compound is its last part and carries
        the inflection; modifiers must be known as written or by stem. [] when no split works.
        """
        if len(word) < 2 * min_part + 1 or word[0].isdigit() or "-" in word:
            return []
        for i in range(len(word) - min_part, min_part - 1, -1):
            left, right = word[:i], word[i:]
            if len(stem(right)) < 4 and right not in self.tokens:  # "-ille" is a case ending, "työ" a word
                continue
            if not self.knows(right):
                continue
            if left in self.tokens or stem(left) in self.stems:
                return [left, right]
            deeper = self.split_compound(left, min_part)
            if deeper:
                return deeper + [right]
        return []
