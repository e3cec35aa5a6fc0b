"""What a Finnish question asks for, and so what shape its answer takes.

- ``list``: several actions, goals or concerns ("mitä tehtiin …", "mitkä ovat …", "mistä oltiin
  huolissaan …", "millaisia …") → a bulleted list, one item per action or goal;
- ``fact``: a name, a time or a number ("kuka …", "milloin …", "montako …"), or a numbered
  list's item ("mikä on suunnitelman kuudes tavoite?") → first the sentence that holds it;
- ``definition``: "mikä on X?", "mitä X tarkoittaa?", or a bare term ("Hyry") → first the
  sentence that introduces X;
- ``topic``: anything else ("mitä suunnitelma sanoo yksinäisyydestä?") → the most relevant
  sentences in the document's order, grouped by source.

Question words are recognised also when typed without ä/ö ("mika on hyry").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from retriever import morphology
from retriever.facts import answer_kind, asks_what_is, defines, definition_term, has_kind
from retriever.finnish import content_tokens, fold, tokenize
from retriever.years import years_in

__all__ = ["Question", "analyse", "core_question", "defines", "definition_term", "has_kind"]

# Words that open a question about several things.
_LIST_OPENER = re.compile(
    r"^\s*(listaa|luettele|mit[äa]|mitk[äa]|millaisia|millaista|millaiset|mink[äa]laisia|keit[äa]|ketk[äa]|mist[äa]|"
    r"miss[äa] asioissa|mihin|miten|mill[äa] (?:tavoin|keinoin))\b", re.I
)
# A passive verb ("tehtiin", "vietettiin", "kerättiin", "tuetaan", "tehdään") after such an
# opener asks for the things done: a list.
_PASSIVE = re.compile(r"\b[a-zåäö]{2,}(?:ttiin|tiin|taan|tään|daan|dään)\b", re.I)
# Verbs of reporting ("mitä suunnitelma sanoo X:stä?") make a topic question, not a list.
_TOPIC_VERB = re.compile(r"\b(sanoo|sanotaan|kertoo|kerrotaan|mainitaan|todetaan|linjataan|esitet[äa][äa]n)\b", re.I)
# "Mitä X sanoo / sanovat / kertoo / linjaa Y:stä?": what follows the verb is the topic asked about.
_REPORTING_VERB = re.compile(
    r"\b(?:sano(?:o|vat|taan|ttiin|i)|kerto(?:o|vat|i)|kerrotaan|kerrottiin|mainit(?:see|sevat|aan|tiin)"
    r"|tode(?:taan|ttiin)|linja(?:a|avat|taan|ttiin)|esitet(?:ään|tiin)"
    # an opinion asked: "mitä mieltä X on / ovat Y:stä?", "mitä X on mieltä Y:stä?"
    r"|mielt[äa](?:\s+[\wåäö-]+){0,3}?\s+(?:on|ovat|oli|olivat|ollaan)|(?:on|ovat|oli|olivat|ollaan)\s+mielt[äa])\b",
    re.I,
)
# Plural or action verbs and nouns that ask for several items.
_LIST_CUE = re.compile(
    r"\b(tehtiin|teht[äa]v[äa]t|tehd[äa][äa]n|tehd[äa]|j[äa]rjestettiin|toteutettiin|tarjottiin|tarjotaan|aiotaan|"
    r"ovat|olivat|koostuu|kuuluu|kuuluvat|toimet|toimenpiteet|tavoitteet|teemat|painopisteet|huolissaan|"
    r"huolenaiheet|ilonaiheet|vahvuudet|keinot|tapahtumia|toimintaa|edistettiin|tuettiin|kehitettiin)\b",
    re.I,
)


# Nouns of measure: "mikä on X:n työttömyysprosentti / osuus / määrä" asks for a number.
# (a limit too: "mikä ikäraja …?", "mikä on tuloraja / maksukatto?")
_MEASURES = ("prosentti", "osuus", "määrä", "luku", "aste", "summa", "hinta", "kustannus", "kerroin",
             "keskiarvo", "numero", "lukumäärä", "arvo", "raja", "katto")


# Compounds of a measure noun that name no quantity ("päämäärä" is a goal).
_NOT_MEASURES = ("päämäärä",)


def _base_forms(word: str) -> tuple[str, ...]:
    """The word's base forms; a hyphenated compound's are its head's ("hyte-kertoimen" ->
    "kerroin"); without an analyser, the word (or its head) itself."""
    head = word.rsplit("-", 1)[-1]
    return morphology.analyse(word).lemmas or morphology.analyse(head).lemmas or (head,)


def _ends_in(word: str, nouns: tuple[str, ...], but: tuple[str, ...] = ()) -> bool:
    """A base form of the word ends in one of the nouns (a compound of it), also typed without
    ä/ö, and is none of ``but``."""
    return any(fold(f).endswith(fold(n)) and fold(f) not in map(fold, but) for f in _base_forms(word) for n in nouns)


def _is_measure(word: str) -> bool:
    """The word names a quantity: a base form ends in a noun of measure
    ("työttömyysprosentti", "tavoitemäärä", "osuus", also typed without ä/ö)."""
    return _ends_in(word, _MEASURES, but=_NOT_MEASURES)


# Nouns of contact details: "mikä on X:n sähköpostiosoite / puhelinnumero / osoite?" asks for one.
_CONTACTS = ("sähköposti", "sähköpostiosoite", "osoite", "puhelinnumero", "puhelin", "verkkosivu", "verkkosivusto",
             "kotisivu", "nettisivu", "yhteystieto")


def _is_contact(word: str) -> bool:
    return _ends_in(word, _CONTACTS)


# Units a figure is given in: "montako prosenttia nuorista …?" asks about young people, not percentages.
_UNITS = ("prosentti", "prosenttiyksikkö", "euro", "raha", "kerta", "määrä", "lukumäärä", "osuus", "kappale",
          "tunti", "päivä", "viikko", "kuukausi", "vuosi")


def names_unit(word: str) -> bool:
    """The word is a unit of measure ("prosenttia", "euroa", "kertaa"), not what is measured."""
    return any(fold(f) in map(fold, _UNITS) for f in _base_forms(word))


# Nouns and a verb of money: "paljonko … maksaa / rahaa / euroa / hinta / korvauksia?" asks for a
# sum, which a count or a share does not answer.
_MONEY = ("raha", "euro", "hinta", "kustannus", "palkka", "maksu", "budjetti", "määräraha", "korvaus",
          "rahoitus", "avustus", "maksaa", "eläke")


# "kuinka suuri osa eläkkeestä …?", "montako prosenttia menoista …?" ask for a share of a sum
_ASKS_SHARE = re.compile(r"\b(?:prosent\w*|osa|osan|osuus|osuuden)\b", re.I)
_HOW_LARGE = re.compile(r"^\s*kuinka (?:suuri|iso|suuret|isot|korkea|pieni)\b", re.I)


def _is_money(word: str) -> bool:
    """The word names money: a base form ends in a noun of money ("kerroinraha", "tuntipalkka")."""
    return _ends_in(word, _MONEY)


# "mikä on / mitä on / kuinka suuri …": a measure asked for; "mitä lukuja ohjelma käsittelee?"
# asks for chapters, not a figure
_WHAT_OPENER = re.compile(r"^\s*(mik[äa]|mit[äa](?=.*\b(?:on|oli)\b)|kuinka suuri|kuinka iso)\b", re.I)
# … and the openers that may ask for contact details ("mihin numeroon …?", "mistä löytyy …?")
_CONTACT_OPENER = re.compile(r"^\s*(mik[äa]|mitk[äa]|mist[äa]|mihin|mill[äa]|miten)\b", re.I)
_NAME = r"[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖa-zåäö]+)?(?:\s+|,\s+)[A-ZÅÄÖ][a-zåäö]+"


# A request around the question ("Voisitko kertoa, kuka …", "Kerro minulle, mitä …", "Haluaisin
# tietää, milloin …"): the question proper starts after it. (Typed without ä/ö too.)
_REQUEST = re.compile(
    r"^\s*(?:(?:voisitko|voitko|voisitteko|voitteko|osaatko|osaisitko|osaisitteko|pystytkö|pystyisitkö|"
    r"tiedätkö|tiedättekö|tietäisitkö|viitsisitkö|kertoisitko|kerrotko|kertoisitteko)"
    r"(?:\s+(?:kertoa|sanoa|selittää|selvittää|kuvata|etsiä|hakea))?"
    r"|kerro|kertokaa|selitä|selittäkää|selvitä|kuvaile|etsi|hae|näytä"
    r"|(?:haluaisin|haluan|haluaisimme|haluamme|saisinko|saanko)\s+(?:tietää|kuulla|selvittää)"
    r"|(?:minua|meitä)\s+kiinnostaa(?:\s+tietää)?"
    r"|(?:onko|löytyykö)\s+(?:teillä\s+|aineistossa\s+)?tietoa)(?![\wåäö-])"
    r"(?:\s+(?:minulle|meille))?(?:\s+tietoa)?(?:\s+siitä)?\s*[,:]?\s*(?:että\s+)?(?=\S)",
    re.I,
)


def core_question(question: str) -> str:
    """The question without a request around it: "Voisitko kertoa, kuka on perhekoordinaattori?"
    -> "kuka on perhekoordinaattori?" (its shape, kind and words are the question's)."""
    m = _REQUEST.match(question) or _REQUEST.match(fold(question))
    return question[m.end():] if m else question


@dataclass
class Question:
    """A question with what its answer should hold."""

    text: str
    shape: str  # "list" | "fact" | "definition" | "topic"
    kind: str | None = None  # "name" | "count" | "quantity" | "money" | "time" | "frequency" | "person" | "reason"
    #                          | "place" | "title" (a thing's name) | "item" (a numbered list's item)
    #                          | "contact" (an e-mail or street address, a phone number, a web page)
    term: str | None = None  # the term a definition question asks about
    years: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # content words
    proper: list[str] = field(default_factory=list)  # content words written with a capital inside the question
    topic: list[str] = field(default_factory=list)  # "mitä X sanoo Y:stä?": the content words of Y (of "onko Y …?": all after the verb)
    frame: list[str] = field(default_factory=list)  # … and those of X (the document, its kind or author)
    per: str | None = None  # "paljonko … kuukaudessa / vuosittain?": the period a figure is asked per
    item: int | None = None  # "mikä on suunnitelman kuudes tavoite?": the number of the list item asked for
    item_word: str | None = None  # … and the word that asks it ("kuudes"), which no passage need hold

    @property
    def role_words(self) -> list[str]:
        """The words that may name a role ("kuka on Heinolan kaupunginjohtaja?": not "Heinolan")."""
        return [w for w in self.words if w not in self.proper and not (self.kind == "name" and w in ("nimi", "nimet"))]

    @property
    def asked(self) -> str:
        """The words a passage must hold to answer: "mitä linjapaperi sanoo
        pakkausmerkinnöistä?" asks about package labels; the frame names where to look."""
        if not self.frame and not self.item_word:
            return self.text
        return " ".join(w for w in content_tokens(self.text) if w not in self.frame and w != self.item_word)

    @property
    def wants_list(self) -> bool:
        return self.shape == "list"


# "Mikä on X:n nimi?"
_NAME_OF = re.compile(r"^\s*mik[äa]\s+(?:on|oli)\s+(.*\w)\s+nim(?:i|et)\s*\??\s*$", re.I)


def _is_holder(word: str) -> bool:
    """A role or a body (the person pattern), or an agent noun ("rehtori", "opettaja", "sihteeri")."""
    return has_kind("person", word) or any(
        lemma.endswith(("ja", "jä", "ri")) for lemma in morphology.analyse(word).lemmas)


def _asks_several(q: str) -> bool:
    """"Mitä / millaisia" with a plural noun ("mitä keinoja …", "mitä uusia palveluita …",
    "mitä mahdollisuuksia …"): the question asks for several things, whatever its verb."""
    words = tokenize(q)
    if len(words) < 2 or fold(words[0].lower()) not in ("mita", "millaisia", "minkalaisia"):
        return False
    return any(morphology.plural_partitive_noun(w.lower()) for w in words[1:3])


# The nouns among the list cues: what a "kuka" question asks about, not the several it asks for.
_CUE_NOUNS = {"toimet", "toimenpiteet", "tavoitteet", "teemat", "painopisteet", "huolenaiheet", "ilonaiheet",
              "vahvuudet", "keinot", "tapahtumia", "toimintaa"}


def _asks_who_all(q: str) -> bool:
    """A "kuka" question that asks for everyone of a group or everything done ("ketkä
    kuuluvat työryhmään?", "kenelle järjestettiin …?"), not the one who did something: by a
    list cue that is no plural object ("kuka hyväksyi perhepoliittiset tavoitteet?")."""
    return any(m.lower() not in _CUE_NOUNS for m in _LIST_CUE.findall(q))


# Ordinals in the nominative: "mikä on suunnitelman kuudes tavoite?" asks for the list's item "6."
# (in other cases they are mostly set phrases: "toisen asteen", "kolmannella sektorilla")
_ORDINALS = {"ensimmainen": 1, "toinen": 2, "kolmas": 3, "neljas": 4, "viides": 5, "kuudes": 6,
             "seitsemas": 7, "kahdeksas": 8, "yhdeksas": 9, "kymmenes": 10}
_NUMBERED_ASK = re.compile(r"(?<![\d.,])(\d{1,2})\.\s+(?=[a-zåäö])")  # "mikä on 3. tavoite?"


def _item_asked(q: str) -> tuple[int, str] | None:
    """(number, word) of the list item a "mikä / mitä" question asks for by an ordinal before a
    noun ("kuudes tavoite", "3. tavoite"); not "joka toinen viikko" (every other week)."""
    if not _WHAT_OPENER.match(q) and not re.match(r"^\s*mit[äa]\b", q, re.I):
        return None
    m = _NUMBERED_ASK.search(q)
    if m:
        return int(m.group(1)), m.group(1)
    words = tokenize(q)
    for before, word, after in zip(["", *words], words, [*words[1:], ""]):
        number = _ORDINALS.get(fold(word.lower()))
        if number and after and fold(before.lower()) != "joka":
            return number, word.lower()
    return None


def analyse(question: str) -> Question:
    """The shape, fact kind, term and years of a question."""
    q = question.strip()
    kind = answer_kind(q) or answer_kind(fold(q))
    words = content_tokens(q)
    term = definition_term(q)
    if kind is None and _CONTACT_OPENER.match(q) and any(_is_contact(w) for w in words):
        kind, term = "contact", None  # "mikä on hyvinvointipäällikön puhelinnumero?", "mistä löydän … sähköpostin?"
    if kind is None and _WHAT_OPENER.match(q) and any(_is_measure(w) for w in words):
        kind = "quantity"  # "mikä on Heinolan työttömyysprosentti?", "mikä osuus …?"
    if kind is None and _HOW_LARGE.match(q) and any(_is_money(w) for w in words):
        kind = "quantity"  # "kuinka suuri maksukatto hoitopäivämaksuille …?" asks for a sum
    named = _NAME_OF.match(q) or _NAME_OF.match(fold(q))
    if kind is None and named and _is_holder(tokenize(named.group(1))[-1].lower()):
        kind, term = "name", None  # "mikä on hyvinvointijohtajan nimi?" asks who holds the role
    elif kind is None and named:
        kind = "title"  # "mikä on toimintamallin nimi?" asks what a thing is called
    if kind in ("quantity", "count") and any(_is_money(w) for w in words) and not _ASKS_SHARE.search(q):
        kind = "money"
    if term is not None and (re.match(r"^\s*(mitk[äa]|ketk[äa])\b", q, re.I) or _asks_several(q)):
        # "mitkä ovat pääteemat?", "mitä kehittämiskohteita työryhmällä on?" ask for several
        # things, not one definition
        term = None
    if term is not None and not asks_what_is(q) and len(content_tokens(term)) > 1:
        term = None  # several bare keywords ("hyvinvointipäällikön puhelinnumero") are a topic, not a term
    if kind in ("quantity", "count", "money", "time", "frequency", "reason", "contact") or (kind in ("name", "person") and not _asks_who_all(q)):
        shape = "fact"
    elif term is not None:
        shape = "definition"
    elif _LIST_OPENER.match(q) and not _TOPIC_VERB.search(q) and (
        _LIST_CUE.search(q) or _PASSIVE.search(q) or q.lower().startswith(("mitkä", "mitka")) or _asks_several(q)
    ):
        shape = "list"
    else:
        shape = "topic"
    # a capital inside the question marks a proper noun; all capitals an acronym ("HYTE-työ")
    proper = [w.lower() for w in re.findall(r"(?<=\s)[A-ZÅÄÖ][a-zåäö][\wåäöÅÄÖ-]*", q)]
    reporting = _REPORTING_VERB.search(q) if shape in ("topic", "list") else None
    topic = [w for w in content_tokens(q[reporting.end():]) if not w[0].isdigit()] if reporting else []
    if shape == "topic" and not topic and _asks_yes_or_no(q):
        # "onko Heinolassa ilmainen joukkoliikenne ikäihmisille?" asks whether the material says
        # so of a thing it names: the words after the verb are its topic
        topic = [w for w in content_tokens(" ".join(tokenize(q)[1:])) if not w[0].isdigit()]
    frame: list[str] = []
    if reporting and topic:
        # (the one whose opinion is asked is the frame too: "mitä mieltä vihreät ovat Y:stä?")
        opinion = reporting.group(0).lower().startswith("mielt")
        before = q[:reporting.end() if opinion else reporting.start()]
        frame = [w for w in content_tokens(before) if not w[0].isdigit() and not w.startswith("mielt")]
    per = _period(q) if kind in ("quantity", "count", "money") else None
    item = _item_asked(q) if kind is None else None
    if item:
        # the item, not a definition of "suunnitelman kuudes tavoite" nor a topic
        shape, kind, term = "fact", "item", None
    return Question(q, shape, kind, term, years_in(q), words, proper, topic, frame, per,
                    *(item or (None, None)))


def _asks_yes_or_no(question: str) -> bool:
    """The question opens with a verb carrying the question clitic ("onko", "saavutettiinko",
    "pitäisikö"), not with a question word ("montako", "paljonko")."""
    words = tokenize(question)
    first = words[0].lower() if words else ""
    return first.endswith(("ko", "kö")) and bool(morphology.may_be_verb(first))


# "vuosittain", "kuukausittain": a figure per period, as "vuodessa" is
_PER_ADVERB = {"päivittäin": "päivä", "viikoittain": "viikko", "kuukausittain": "kuukausi", "vuosittain": "vuosi"}


def _period(q: str) -> str | None:
    """The period a figure is asked per: a period noun in the inessive ("montako … vuodessa?",
    "paljonko … kuukaudessa?", "kuussa") or an adverb ("vuosittain"); None when none."""
    for w in tokenize(q.lower()):
        if w in _PER_ADVERB:
            return _PER_ADVERB[w]
        found = morphology.readings(w) or ()
        lemmas = morphology.analyse(w).lemmas
        if any(case == "sisaolento" for _, _, case in found[:1]):
            for lemma in lemmas:
                if lemma in ("päivä", "viikko", "kuukausi", "vuosi", "kuu"):
                    return "kuukausi" if lemma == "kuu" else lemma
    return None


# A title-like word and, perhaps, a second one before a name ("Esittelijä hyvinvointijohtaja
# Hepo-oja, Pirjo"); a look-ahead, so that every word is tried as the title.
_BEFORE_NAME = re.compile(rf"(?<![\wåäöÅÄÖ-])([\wåäöÅÄÖ-]+)(?=(?:\s+([a-zåäö-]+))?\s+{_NAME})")
_TITLE_THEN_ROLE = re.compile(r"([\wåäöÅÄÖ-]+)\s+\(([\wåäöÅÄÖ-]+)\)")
SAME_WORD = 80  # rapidfuzz ratio: the same word in another form or with a typo ("esittelijänä" / "esittelijä")


def names_role(words: list[str], text: str, context: str = "") -> bool:
    """A name stands right after the question's role word, perhaps after a title
    ("Maahanmuuttokoordinaattori Marianna Kemppi" for "kuka on maahanmuuttokoordinaattori?",
    "Esittelijä hyvinvointijohtaja Hepo-oja, Pirjo"), or a holder serves in the role
    ("Hyvinvointipäällikkö toimii yksikön esihenkilönä" for "kuka toimii yksikön esihenkilönä?").
    The word must be the same word, in any form or with a typo, not merely share its first
    letters: "hyvinvointialueen johtaja" is not answered by "hyvinvointijohtaja Pirjo Hepo-oja"."""
    typed = [w.lower() for w in words if len(w) >= 5 and not w[0].isdigit()]
    if not typed:
        return False
    asked = [fold(w) for w in typed]
    head = [fold(w) for w in role_head(typed)]
    seen = {fold(t) for t in tokenize(f"{context}\n{text}")}
    # (its verb aside: "kuka toimii … puheenjohtajana?" is answered whatever the verb)
    others = [w for w in asked if w not in head and not morphology.analyse(w).verb]

    def rest_seen(role: str) -> bool:
        return all(any(_same_word(w, t) for t in seen) for w in others if not _same_word(w, role))

    for m in _BEFORE_NAME.finditer(text):
        for role in filter(None, m.groups()):
            role = fold(role.lower())
            if any(fuzz.ratio(w, role) >= SAME_WORD for w in head):
                return True
    # A member list gives the role by the holder's title, "hyvinvointijohtaja (puheenjohtaja)",
    # under the body's name (``context``: the paragraph), which must be the one asked about:
    # "kuka on vanhusneuvoston puheenjohtaja?" is not answered by the list of another group.
    for m in _TITLE_THEN_ROLE.finditer(text):
        role = fold(m.group(2).lower())
        if has_kind("person", m.group(1)) and any(_same_word(w, role) for w in head) and rest_seen(role):
            return True
    # "X toimii Y:nä" / "Y:nä toimii X": the holder X is a title or a name
    for m in _SERVES_AS.finditer(text):
        holder, role = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        role = fold(role.lower())
        if (any(_same_word(w, role) for w in head) and not any(_same_word(w, fold(holder.lower())) for w in asked)
                and (has_kind("person", holder) or holder[0].isupper()) and rest_seen(role)):
            return True
    return False


_SERVES_AS = re.compile(
    r"([\wåäöÅÄÖ-]+)\s+toimi(?:i|vat|)\b(?:\s+[\wåäöÅÄÖ-]+){0,4}?\s+([\wåäöÅÄÖ-]+n[aä])\b"
    r"|([\wåäöÅÄÖ-]+n[aä])\s+toimi(?:i|vat|)\s+([\wåäöÅÄÖ-]+)"
)


def role_head(asked: list[str]) -> list[str]:
    """The role a who-question asks for: the word in the essive ("kuka toimii hyvinvointipäällikön
    sijaisena?": "sijaisena", not the superior it stands in for), else the last word in the
    nominative (a Finnish noun phrase ends in its head: "vanhusneuvoston puheenjohtaja"), else
    every word."""
    cases = {w: next((case for _, _, case in morphology.readings(w) or ()), "") for w in asked}
    essive = [w for w in asked if cases[w] == "olento"]
    if essive:
        return essive
    nominative = [w for w in asked if cases[w] == "nimento" and not morphology.analyse(w).verb]
    return nominative[-1:] or asked


def _same_word(a: str, b: str) -> bool:
    """The same word in another form or with a typo, from its start: "puheenjohtajana" is
    "puheenjohtaja", "varapuheenjohtaja" is another role."""
    return a[:3] == b[:3] and fuzz.ratio(a, b) >= SAME_WORD
