"""A question's qualifiers: its genitive owners, and whether a text qualifies the same thing
otherwise; the result state its translative names; the noun it counts.

"Montako vastausta nuorten hyvinvointikyselyyn saatiin?" asks about the young people's survey;
a text that says "Ikäihmisten hyvinvointikysely … Vastauksia hyvinvointikyselyyn saatiin 367"
speaks of the older people's one, and its figure is no answer. A near miss is often made just so:
the same thing under another owner ("vanhusneuvoston" / "työryhmän puheenjohtaja", "Hollolan" /
"Heinolan valmistava luokka").
"""

from __future__ import annotations

import re
from functools import lru_cache

from retriever import morphology
from retriever.facts import figure_nouns
from retriever.finnish import STOP_WORDS, tokenize
from retriever.years import year_parts_in, years_in

# word classes that may own a thing in a noun phrase, in two groups that do not stand for each
# other: a place ("Heinolan") is not contradicted by a common noun ("kaupungin")
_COMMON = morphology.NOUN_CLASSES
_PLACE = {"paikannimi"}
# genitives that do not tell one thing from another: quantifiers and measures of time
_NEUTRAL = {"kaikki", "osa", "vuosi", "viikko", "kuukausi", "päivä", "kausi", "aika"}


def _reading(word: str) -> tuple[str, str] | None:
    """(word class, case) of the word's first reading, None when the analyser does not know it."""
    found = morphology.readings(word)
    return (found[0][0], found[0][2]) if found else None


def _group(word_class: str) -> str | None:
    return "common" if word_class in _COMMON else "place" if word_class in _PLACE else None


def _lemmas(word: str) -> set[str]:
    return set(morphology.analyse(word).lemmas) or {word}


@lru_cache(maxsize=256)  # asked once for each candidate unit of the same question
def qualified_pairs(question: str) -> tuple[tuple[str, str, str], ...]:
    """(owner's group, owner's base forms joined, thing's base form) for each genitive noun the
    question puts before another noun: "nuorten hyvinvointikyselyyn" → ("common", "nuori",
    "hyvinvointikysely")."""
    words = tokenize(question)
    pairs: list[tuple[str, str, str]] = []
    for owner, thing in zip(words, words[1:]):
        # (a question word is no owner: "paljonko" reads as the genitive of "paljo")
        if owner[:1].isdigit() or thing[:1].isdigit() or {owner.lower(), thing.lower()} & STOP_WORDS:
            continue
        first, second = _reading(owner.lower()), _reading(thing.lower())
        if not first or not second or first[1] != "omanto" or second[0] not in _COMMON:
            continue
        group = _group(first[0])
        lemmas = _lemmas(owner.lower())
        if group is None or lemmas & _NEUTRAL:
            continue
        pairs.extend((group, "|".join(sorted(lemmas)), t) for t in _lemmas(thing.lower()))
    return tuple(pairs)


# a year that tells one thing from another of its kind: "vuoden 2022 hyvinvointitilinpäätös",
# "hyvinvointitilinpäätös 2023" (not a span, "suunnitelma 2021–2025", whose first year is no owner)
_YEAR_BEFORE = re.compile(r"\bvuoden\s+((?:19|20)\d\d)\s+([a-zåäö-]+)", re.I)
_YEAR_AFTER = re.compile(r"\b([a-zåäö-]+)\s+((?:19|20)\d\d)(?!\d|\s*[-–/]\s*\d)", re.I)


def _years_of_things(text: str) -> dict[str, set[str]]:
    """For each noun a year qualifies in the text, its base forms → the years."""
    out: dict[str, set[str]] = {}
    pairs = [(m.group(2), m.group(1)) for m in _YEAR_BEFORE.finditer(text)]
    pairs += [(m.group(1), m.group(2)) for m in _YEAR_AFTER.finditer(text)]
    for word, year in pairs:
        found = morphology.readings(word.lower()) or ()
        if not any(cls in _COMMON for cls, _, _ in found):
            continue
        for lemma in _lemmas(word.lower()) - _NEUTRAL:
            out.setdefault(lemma, set()).add(year)
    return out


def of_another_year(question: str, text: str) -> bool:
    """The text (a unit's own words: a document titled "Hyvinvointitilinpäätös 2023" may tell of
    2022's) names a thing the question qualifies by a year only with other years: "milloin
    valtuusto hyväksyi vuoden 2023 hyvinvointitilinpäätöksen?" is not answered by "Valtuusto
    käsitteli vuoden 2022 hyvinvointitilinpäätöksen kesäkuussa 2023"."""
    asked = _years_of_things(question)
    if not asked:
        return False
    told = _years_of_things(text)
    return any(thing in told and not told[thing] & years for thing, years in asked.items())


def owned_otherwise(question: str, text: str) -> bool:
    """The text names a thing the question qualifies by a genitive under another owner of the
    same kind, and never names the question's owner: the text speaks of another thing."""
    pairs = qualified_pairs(question)
    if not pairs:
        return False
    words = [w.lower() for w in tokenize(text)]
    lemmas = [_lemmas(w) for w in words]
    held = set().union(*lemmas) if lemmas else set()
    for group, owner, thing in pairs:
        if set(owner.split("|")) & held:
            continue
        for i in range(len(words)):
            if thing in lemmas[i]:
                before = _reading(words[i - 1]) if i else None
                if before and before[1] == "omanto" and _group(before[0]) == group and not lemmas[i - 1] & _NEUTRAL:
                    return True
            # a compound whose head is the thing and whose first part is another owner:
            # "hyvinvointikyselyyn" for "harrastemallin kyselyyn"
            elif group == "common" and any(lemma.endswith(thing) and len(lemma) > len(thing) + 2 for lemma in lemmas[i]):
                return True
    return False


def result_words(question: str) -> list[str]:
    """The question's words in the translative that name a result or a state, not a time:
    "milloin esiopetus tuli maksuttomaksi?" → ["maksuttomaksi"], "montako yläkoululaista
    koulutettiin liikuntakavereiksi?" → ["liikuntakavereiksi"]; not "seuraavaksi" (a
    function word's form) or "vuodeksi"."""
    found = []
    for word in tokenize(question):
        w = word.lower()
        if w in STOP_WORDS or w[:1].isdigit():
            continue
        readings = morphology.readings(w)
        if readings and all(case == "tulento" for _, _, case in readings) and not _lemmas(w) & (_NEUTRAL | STOP_WORDS):
            found.append(word)
    return found


# "montako / kuinka monta / kuinka moni X …?": X is what is counted
_COUNTED = re.compile(r"^\s*(?:kuinka\s+(?:moni|monta)|montako|monta)\s+([a-zåäö-]+)", re.I)


def counted_compound(question: str) -> str | None:
    """The compound noun a count question counts ("montako perhehoitajaa …?" → "perhehoitajaa"),
    None when it counts a simple word or names no noun after its question word: a figure of
    another compound with the same head ("omaishoitajia on 300 000") counts another thing."""
    m = _COUNTED.match(question)
    if not m:
        return None
    word = m.group(1).lower()
    found = morphology.readings(word)
    if not found or found[0][0] not in _COMMON or word in STOP_WORDS:
        return None
    return m.group(1) if morphology.analyse(word).parts else None


# what a figure may count whatever a question counts: a share of it, or people or things in general
_ANY_COUNTED = {"prosentti", "prosenttiyksikkö", "promille", "henkilö", "ihminen", "kappale"}


@lru_cache(maxsize=256)
def counted_noun(question: str) -> frozenset[str] | None:
    """Base forms of the noun a count question counts, simple or compound ("kuinka moni perhe
    …?" → {"perhe"}, "montako rasistista rikosilmoitusta …?" → {"rikosilmoitus"}); None when no
    noun follows its question word ("kuinka moni osallistui …?")."""
    m = _COUNTED.match(question)
    if not m:
        return None
    words = [w.strip("?,.!:;").lower() for w in question[m.start(1):].split()[:4]]
    adjective = None
    for w in words:
        found = morphology.readings(w) or ()
        if not found or w in STOP_WORDS:
            break
        if any(cls in _COMMON and case in ("nimento", "osanto") for cls, _, case in found):
            return frozenset(_lemmas(w))
        if any(cls in _COMMON | _PLACE and case == "omanto" for cls, _, case in found):
            continue  # an owner: "kuinka moni huumeiden ongelmakäyttäjä …?"
        if any(cls == "laatusana" and case in ("nimento", "osanto") for cls, _, case in found):
            adjective = adjective or w
            continue
        break
    # an adjective standing for a noun: "montako heinolalaista …?"
    return frozenset(_lemmas(adjective)) if adjective else None


def counts_asked(asked: frozenset[str], counted: tuple[str, ...]) -> bool:
    """A figure that counts ``counted`` (its noun's base forms, () when it names none) may count
    what the question counts: the same noun, a compound of it ("yksinhuoltajaperhettä" for
    "perhettä"), its head ("hoitajaa" for "perhehoitajaa"), a share, or people in general. "3
    kertaa" and "työntekijöitä oli kaksi" count no families."""
    if not counted or set(counted) & _ANY_COUNTED:
        return True
    return any(c == a or c.endswith(a) or a.endswith(c) for c in counted for a in asked)


_ASKS_PERCENT = re.compile(r"\b(?:kuinka\s+monta|montako|monta)\s+prosent", re.I)


def figure_fits(question: str, kind: str | None, unit_text: str) -> bool:
    """A figure of the unit may be the one asked for, as far as what it counts and when tell:
    "kuinka moni perhe osallistui ryhmiin?" is not answered by "työntekijöitä oli kaksi", nor
    "montako maahanmuuttajaa …?" by a network meeting "3 kertaa"; a part of the year asked is
    the figure's own ("montako kokousta oli keväällä?" is not answered by "3 kokousta syksyn
    aikana")."""
    asked = counted_noun(question) if kind in ("count", "quantity") else None
    nouns = figure_nouns(kind or "", unit_text, question)
    if asked and not any(counts_asked(asked, noun) for noun in nouns):
        return False
    if kind == "quantity" and _ASKS_PERCENT.search(question) and not any("prosentti" in noun for noun in nouns):
        return False  # "kuinka monta prosenttia …?" is answered by a share, not by any figure
    parts = year_parts_in(question)
    told = year_parts_in(unit_text) if parts else set()
    return not told or bool(told & parts)


# a number standing alone, not glued to letters ("Koto25", "2x") and not a part of a longer one
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w]|[.,]\d)")
_DIGITS = re.compile(r"\d+")


def _digit_runs(text: str) -> set[str]:
    """The runs of digits in a text, without leading zeros ("07" and "7" are one)."""
    return {d.lstrip("0") or "0" for d in _DIGITS.findall(text)}


def _number_parts(text: str) -> set[str]:
    """The digit runs of a text's numbers, years left out: "13–17-vuotiaista" → {"13", "17"}."""
    years = {str(y) for y in years_in(text)}
    return {d for n in _NUMBER.findall(text) for d in _digit_runs(n)} - years


def names_asked_figures(question: str, text: str) -> bool:
    """The text names every number the question qualifies its thing with (an age, a grade, a
    date; a year is the year rules' business): "kuinka monta prosenttia 13–17-vuotiaista on
    sijoitettu?" is not answered by the shares of 0–6- and 7–12-year-olds, nor "kuinka moni
    25–64-vuotias sai toimeentulotukea?" by the share of those over 65."""
    asked = _number_parts(question)
    if not asked:
        return True
    return asked <= _digit_runs(text)
