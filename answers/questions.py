"""What a Finnish question asks for, and so what shape its answer takes.

- ``list``: several actions, goals or concerns ("mitä tehtiin …", "mitkä ovat …", "mistä oltiin
  huolissaan …", "millaisia …") → a bulleted list, one item per action or goal;
- ``fact``: a name, a time or a number ("kuka …", "milloin …", "montako …") → first the
  sentence that holds it;
- ``definition``: "mikä on X?", "mitä X tarkoittaa?", or a bare term ("Hyry") → first the
  sentence that introduces X;
- ``topic``: anything else ("mitä suunnitelma sanoo yksinäisyydestä?") → the most relevant
  sentences in the document's order, grouped by source.

Question words are recognised also when typed without ä/ö ("mika on hyry").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from retriever import morphology
from retriever.facts import answer_kind, asks_what_is, defines, definition_term, has_kind
from retriever.finnish import content_tokens, fold
from retriever.years import years_in

__all__ = ["Question", "analyse", "defines", "definition_term", "has_kind"]

# Words that open a question about several things.
_LIST_OPENER = re.compile(
    r"^\s*(mit[äa]|mitk[äa]|millaisia|millaista|millaiset|mink[äa]laisia|keit[äa]|ketk[äa]|mist[äa]|"
    r"miss[äa] asioissa|mihin|miten|mill[äa] (?:tavoin|keinoin))\b", re.I
)
# A passive verb ("tehtiin", "vietettiin", "kerättiin", "tuetaan", "tehdään") after such an
# opener asks for the things done: a list.
_PASSIVE = re.compile(r"\b[a-zåäö]{2,}(?:ttiin|tiin|taan|tään|daan|dään)\b", re.I)
# Verbs of reporting ("mitä suunnitelma sanoo X:stä?") make a topic question, not a list.
_TOPIC_VERB = re.compile(r"\b(sanoo|sanotaan|kertoo|kerrotaan|mainitaan|todetaan|linjataan|esitet[äa][äa]n)\b", re.I)
# Plural or action verbs and nouns that ask for several items.
_LIST_CUE = re.compile(
    r"\b(tehtiin|teht[äa]v[äa]t|tehd[äa][äa]n|tehd[äa]|j[äa]rjestettiin|toteutettiin|tarjottiin|tarjotaan|aiotaan|"
    r"ovat|olivat|koostuu|kuuluu|kuuluvat|toimet|toimenpiteet|tavoitteet|teemat|painopisteet|huolissaan|"
    r"huolenaiheet|ilonaiheet|vahvuudet|keinot|tapahtumia|toimintaa|edistettiin|tuettiin|kehitettiin)\b",
    re.I,
)


# Nouns of measure: "mikä on X:n työttömyysprosentti / osuus / määrä" asks for a number.
_MEASURES = ("prosentti", "osuus", "määrä", "luku", "aste", "summa", "hinta", "kustannus", "kerroin",
             "keskiarvo", "numero", "lukumäärä")


# Compounds of a measure noun that name no quantity ("päämäärä" is a goal).
_NOT_MEASURES = ("päämäärä",)


def _is_measure(word: str) -> bool:
    """The word names a quantity: its base form (or, without an analyser, the word) ends in
    a noun of measure ("työttömyysprosentti", "tavoitemäärä", "osuus")."""
    forms = morphology.analyse(word).lemmas or (word,)
    return any(fold(f).endswith(fold(m)) and fold(f) not in map(fold, _NOT_MEASURES)
               for f in forms for m in _MEASURES)  # also typed without ä/ö
_WHAT_OPENER = re.compile(r"^\s*(mik[äa]|mit[äa]|kuinka suuri|kuinka iso)\b", re.I)
_NAME = r"[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖa-zåäö]+)?(?:\s+|,\s+)[A-ZÅÄÖ][a-zåäö]+"


@dataclass
class Question:
    """A question with what its answer should hold."""

    text: str
    shape: str  # "list" | "fact" | "definition" | "topic"
    kind: str | None = None  # fact kind: "name" | "quantity" | "time" | "person" | "reason"
    term: str | None = None  # the term a definition question asks about
    years: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # content words

    @property
    def wants_list(self) -> bool:
        return self.shape == "list"


def analyse(question: str) -> Question:
    """The shape, fact kind, term and years of a question."""
    q = question.strip()
    kind = answer_kind(q) or answer_kind(fold(q))
    words = content_tokens(q)
    term = definition_term(q)
    if kind is None and _WHAT_OPENER.match(q) and any(_is_measure(w) for w in words):
        kind = "quantity"  # "mikä on Heinolan työttömyysprosentti?", "mikä osuus …?"
    if term is not None and re.match(r"^\s*(mitk[äa]|ketk[äa])\b", q, re.I):
        term = None  # "mitkä ovat pääteemat?" asks for several things, not one definition
    if term is not None and not asks_what_is(q) and len(content_tokens(term)) > 1:
        term = None  # several bare keywords ("hyvinvointipäällikön puhelinnumero") are a topic, not a term
    if kind in ("quantity", "time", "reason") or (kind in ("name", "person") and not _LIST_CUE.search(q)):
        shape = "fact"
    elif term is not None:
        shape = "definition"
    elif _LIST_OPENER.match(q) and not _TOPIC_VERB.search(q) and (
        _LIST_CUE.search(q) or _PASSIVE.search(q) or q.lower().startswith(("mitkä", "mitka"))
    ):
        shape = "list"
    else:
        shape = "topic"
    return Question(q, shape, kind, term, years_in(q), words)


def names_role(words: list[str], text: str) -> bool:
    """A name stands right after one of the question's words, perhaps after a title
    ("Maahanmuuttokoordinaattori Marianna Kemppi" for "kuka on maahanmuuttokoordinaattori?",
    "Esittelijä hyvinvointijohtaja Hepo-oja, Pirjo"), typos in the word allowed."""
    for w in words:
        if len(w) >= 5 and not w[0].isdigit():
            # the word in any case, the name capitalised
            if re.search(rf"(?<![\wåäö])(?i:{re.escape(w[:6])})[\wåäö-]*(?:\s+[a-zåäö-]+)?\s+{_NAME}", text):
                return True
    return False
