"""The kind of fact a question asks for (a name, a number, a time, a person, a definition)
and whether a text holds one. Shared by the second ranking stage and the answer and refusal rules."""

from __future__ import annotations

import os
import re

from . import morphology
from .finnish import content_tokens, fold
from .tuning import KEYWORD_QUERY_WORDS
from .years import years_in

_ASKS = {
    # "Kuka on X?" asks for a name; "kuka vastaa …?" may be answered by a body ("johtoryhmä").
    "name": re.compile(r"^\s*(kuka|ketk[äa])\s+(on|oli|ovat|olivat|toimi|toimii|toimivat)\b", re.I),
    "frequency": re.compile(r"^\s*(kuinka|miten) usein\b", re.I),
    # "montako / kuinka monta X?" counts X: a share ("19,9 %") is no answer ("kuinka moni",
    # "paljonko lapsista" may be one)
    "count": re.compile(r"^\s*(montako|monta|kuinka monta)\b(?!\s+prosent)", re.I),
    # (a length or a duration too: "kuinka pitkä / kauan …?"; "kuinka suuri" only with a noun of
    # measure, "kuinka suuri osa …?": "kuinka suuri ongelma …?" asks for no figure)
    # ("kuinka moni" in any case: "kuinka monen megabitin …?", "monessako kunnassa …?")
    "quantity": re.compile(r"^\s*(montako|monta|mon(?:en|elle|ella|essa|esta|een|eksi)ko"
                           r"|kuinka (mon(?:ta|i|en|elle|ella|essa|esta|een|eksi|ilta|ille|issa|ista|iin)|paljon|pitk[äa]|kauan"
                           r"|(?:suuri|iso) osa)"
                           # an age, a level or a price asked ("mihin ikään eläkeikä nostetaan?")
                           r"|paljonko|mink[äa] verran|mihin ik[äa][äa]n|kuinka vanh\w*|mille tasolle|mihin hintaan"
                           # a price asked as "mitä lippu maksaa?"
                           r"|mit[äa](?=.*\bmaks(?:aa|avat|oi|oivat|etaan|ettiin)\b))\b", re.I),
    # (a year, a month or a day asked by its name: "minä vuonna …?", "mihin mennessä …?")
    "time": re.compile(r"^\s*(milloin|mihin aikaan|mihin menness[äa]|mist[äa] (?:l[äa]htien|alkaen)|koska"
                       r"|(?:min[äa]|mill[äa]) (?:vuonna|vuosina|p[äa]iv[äa]n[äa]|kuukautena|viikolla|vuosikymmenell[äa])"
                       r"|mink[äa] vuoden aikana)\b", re.I),
    "person": re.compile(r"^\s*(kuka|ketk[äa]|ket[äa]|keit[äa]|kenen|keneltä|kenelle|kehen)\b", re.I),
    "reason": re.compile(r"^\s*(miksi|mist[äa] syyst[äa]|mill[äa] perusteella|mink[äa] takia|mink[äa] vuoksi)\b", re.I),
    # "missä X sijaitsee / pidettiin?" asks for a place; "missä asioissa / kunnissa / iässä /
    # vaiheessa / määrin …?" asks which ones, at what age or stage, how far
    "place": re.compile(r"^\s*miss[äa]\b(?!\s+(?:[\w-]+ss[aä]|m[äa][äa]rin)\b)", re.I),
}
# "viidenneksen", "kolmanneksella" (not an ordinal's "viidennessä luokassa")
_FRACTION = r"\b(?:kolma|neljä|viide|kuude|seitsemä|kahdeksa|yhdeksä|kymmene|sada)nne(?:s\b|ks\w*|st[aä]\b)"
# "joka kolmas / kolmannella / kymmenes", in any case
_EVERY_NTH = r"\bjoka (?:toi(?:nen|sen|sella|selle|sta)|kolma|neljä|viide|kuude|seitsemä|kahdeksa|yhdeksä|kymmene)\w*"
_NAME = r"[A-ZÅÄÖ][a-zåäö]+(?:-[a-zåäö]+)?(?:\s+|,\s+)[A-ZÅÄÖ][a-zåäö]+"
_HAS = {
    # a count or an amount: a figure that is not a year or part of a date, or a number word
    "quantity": re.compile(
        # (an ordinal, "2. vuosikurssi", "1.-2. luokka", "2.asteella", is no amount, nor a figure
        # in a name: "Koto25", "TE25")
        # ("n.70" is "noin 70"; "1.11." a date)
        r"(?<![\d/a-zåäöA-ZÅÄÖ])(?<!\d[.,])(?!(?:19|20)\d\d(?!\d|,\d))\d+(?:[ ,.]\d+)*(?![\d.]*\d)(?!\.\s*[-–]|\.\s*[a-zåäö])"
        r"|\b(yksi|kaksi|kolme|neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän|kymmenen|kerran|kahdesti)\b"
        # (in other cases, and hundreds, thousands and millions: "kymmeniä", "noin satatuhatta
        # suomalaista", "liki miljoona", "tuhansia nuoria")
        r"|\b(kahta|kolmea|neljää|viittä|kuutta|kymmentä|kymmeniä)\b"
        # ("kahdeksassa eri tapahtumassa", "neljälle perheelle", "kolmeen kuntaan"; not "yhdessä")
        r"|\b(?:kahde|kolme|neljä|viide|kuude|seitsemä|kahdeksa|yhdeksä|kymmene)(?:ss[aä]|st[aä]|ll[aä]|lt[aä]|lle|ksi|n[aä])\b"
        r"|\b(?:kahteen|kolmeen|neljään|viiteen|kuuteen|seitsemään|kahdeksaan|yhdeksään|kymmeneen)\b"
        r"|\b\w*(?:sata|sataa|sadan|satoja|tuhat|tuhatta|tuhannen|tuhansia|miljoon\w*|miljard\w*)\b"
        # shares written out: "puolet", "alle puoleen", "kolmasosa", "joka kymmenes", "joka kolmannella"
        r"|\bpuol(?:i|et|ta|een|ella|elle)\b|\b\w+sosa\w*|" + _EVERY_NTH + "|" + _FRACTION
        # a length in a unit of time without a figure: "kuukauden mittainen", "viikon pituinen"
        + r"|\b(?:tunnin|päivän|viikon|kuukauden|vuoden)\s+(?:mittai|pitui|kestoi)\w*",
        re.I,
    ),
    # a sum of money: "21,5 €/asukas", "12 miljoonaa euroa", "50 euron seteli"
    # (or in marks, before 2002: "50 miljardia markkaa", "300 mk")
    "money": re.compile(r"\d\s*(?:e/|mk\b)|€|\beur(?:o|on|oa|oja|ojen|oilla|oin|oihin|oiksi|ot)\b"
                        r"|\bmark(?:ka|kaa|an|oissa|oin|oilla|kaan|oiksi)\b", re.I),
    "time": re.compile(
        r"\d{1,2}\.\d{1,2}\.|\b(19|20)\d\d\b|(tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)"
        r"(kuu|kuussa|kuun)|keväällä|kesällä|syksyllä|talvella|alkuvuo|loppuvuo|\b(?:klo|kello)\s*\d"
        # a day of the week ("joka kuun 1. perjantai", "tiistaisin", "arkisin")
        r"|\b(?:maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai)\w*|\b(?:arkisin|viikonloppuisin)\b"
        # a period told from now: "ensi vuonna", "seuraavan eduskunnan kaudella", "kuluvalla vaalikaudella"
        r"|\b(?:seuraava|ensi|tuleva|kuluva|nykyi|tämä|tämän|tällä|viime)\w*\s+(?:[a-zåäö]+\s+)?"
        r"(?:\w*kaude|\w*kauden|vuonna|vuoden|vuosikymmene)\w*",
        re.I,
    ),
    # a name, a role or a body ("hyvinvointijohtaja", "maahanmuuttokoordinaattori", "kotouttamisverkosto",
    # "hyvinvoinnin palvelualue", "kaupunginhallitus", "Jyränkölän Setlementti ry"); society
    # ("yhteiskunta") and a conversation ("keskustelu") are no one who acts
    "person": re.compile(
        # (stems, for every case form: "kunnan", "kaupungin", "hallituksen", "päällikön"; not
    # "liikunta", "kunnossa", "kunnioitus")
        r"(?i:\w*(?:johtaj|ryhm|lautaku[nm]|päälli[kö]|koordinaattor|ohjaaj|asiantuntij|vastaav"
        r"|työntekij|palvelualue|yksik[kö]|toimial|verkost|valtuust|hallitu[sk]|neuvost|seuraku[nm]|yhdisty[sk]"
        r"|järjest[öo]|virast|kesku[sk](?!tel)|ministeri|(?<!yhteis)(?<!lii)ku(?:nt(?!o)|nn(?=[aei])(?!alli|ia|io))|kaupun[kg]|sihteer|edustaj"
        r"|kokou[sk]|eduskun[tn]|valtuuskun[tn]|valtuutet|viranomai)\w*|\bry\b)"
    ),
    # "kuinka usein …?": "4 x vuodessa", "kaksi kertaa kuussa", "joka toinen tiistai", "viikoittain"
    "frequency": re.compile(
        r"\b\d+\s*(?:x|krt|kertaa)\b|\bjoka\s+(?:\w+\s+)?(?:päivä|viikko|kuukausi|vuosi|kerta|maanantai|tiistai|"
        r"keskiviikko|torstai|perjantai|lauantai|sunnuntai)|\b(?:päivittäin|viikoittain|kuukausittain|vuosittain|"
        r"kerran|kahdesti|vuodessa|kuukaudessa|kuussa|viikossa|välein|väliajoin)\b",
        re.I,
    ),
    # "miksi …?" is answered by a sentence that gives a reason or a purpose
    "reason": re.compile(r"\b(koska|sillä|jotta|siksi|vuoksi|takia|ansiosta|johtuu|johtuen|johdosta|seurauksena|perusteena|syy(?:n|nä|tä|stä|hyn|t)?|syi(?:nä|tä|ksi|stä|den))\b", re.I),
}


# Contact details, by the noun that asks for them: "mikä on X:n sähköpostiosoite / puhelinnumero /
# verkkosivu / osoite?" (an address alone may be any; "yhteystiedot" are all of them)
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_WEB = r"\bhttps?://\S+|\bwww\.[\w-]+\.\S+"
_PHONE = r"(?<![\d,.])(?:\+358|0)\s?\d{1,3}[\s-]?\d{3}[\s-]?\d{2,4}(?:\s?\d{2,3})?(?![\d,.]\d)"
_STREET = r"\b[A-ZÅÄÖ][a-zåäö-]*(?:katu|tie|kuja|polku|väylä|raitti|puistikko|kaari|rinne)\s+\d+"
_CONTACTS = (
    (re.compile(r"sähköpost|s-post|e-?mail", re.I), re.compile(_EMAIL)),
    (re.compile(r"puhelin|numero", re.I), re.compile(_PHONE)),
    (re.compile(r"verkkosiv|kotisiv|nettisiv|www|sivusto|verkko-osoit", re.I), re.compile(_WEB)),
    (re.compile(r"osoit|yhteystie", re.I), re.compile("|".join((_EMAIL, _WEB, _PHONE, _STREET)))),
)


def _contact(sentence: str, asked: str) -> bool:
    """The sentence gives the contact detail the question asks for: a phone number is no
    answer to "mikä on X:n sähköpostiosoite?", nor an e-mail address to "… puhelinnumero?"."""
    # (the first noun that matches: "sähköpostiosoite" asks for an e-mail, not any address)
    wanted = next((pattern for noun, pattern in _CONTACTS if noun.search(asked)), _CONTACTS[-1][1])
    return bool(wanted.search(sentence))


def answer_kind(question: str) -> str | None:
    """"name" (kuka on…), "frequency" (kuinka usein…), "count" (montako…), "quantity" (paljonko…), "time"
    (milloin…), "person" (kuka…), "reason" (miksi…), "place" (missä…), or None."""
    return next((kind for kind, rx in _ASKS.items() if rx.search(question)), None)


_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{2,4})?")
# A time of day ("klo 10-12.00", "kello 18") and a frequency ("joka toinen tiistai") are times,
# not amounts.
_CLOCK = re.compile(
    r"\b(?:klo|kello)\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?"
    r"|\bjoka \w+ (?:maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai|päivä|viikko|kuukausi|vuosi|kerta)",
    re.I,
)


# An age that qualifies who is counted ("25–64-vuotiaat", "65 vuotta täyttäneet") is no count,
# and neither is a figure in a name ("Mielenterveyden ensiapu 2-koulutus"): a figure joined to
# a noun by a hyphen, unless the compound is an adjective of amount ("150-paikkainen").
_AGE = re.compile(
    r"\d+(?:\s*[-–]\s*\d+)?\s*-?\s*vuotia\w*|\d+\s+vuotta\s+täyttän\w*"
    r"|(?<![\d.,])\d+-(?![a-zåäö]*(?:i(?:nen|sen|sta|set|sia|sten|siin)|is\w{0,4}))[a-zåäö]{3,}",
    re.I,
)
# A share, not a count: "19,9 %", "70 prosenttia", "puolet", "joka kymmenes", "kolmasosa".
_SHARE = re.compile(
    # (written out too: "yksi prosentti", "kolme neljännestä")
    r"(?:\d+(?:[,.]\d+)?|\b[a-zåäö]+)\s*(?:%|prosent\w*|promill\w*)|(?:\b[a-zåäö]+\s+)?" + _FRACTION
    + r"|\bpuol(?:i|et|ta|een|ella|elle)\b|\b\w+sosa\w*|" + _EVERY_NTH,
    re.I,
)
# A figure per period ("15 henkilöä/vuosi", "12 miljoonaa euroa vuodessa", "joka vuosi",
# "7 milj. euroa/v", "vuosittain"), by the period.
PERIODS = {
    "vuosi": re.compile(r"\bvuo(?:si|de|tt)\w*|/\s*v(?:uosi)?\b|\bp\.\s?a\.", re.I),
    "kuukausi": re.compile(r"\bkuukau\w*|\bkk\b|\bkuussa\b", re.I),
    "viikko": re.compile(r"\bviiko\w*|\bviikk\w*|\bvko\w*", re.I),
    "päivä": re.compile(r"\bpäiv\w*|/\s*pv\b", re.I),
}
# A ratio, not a count: "kolme kertaa enemmän", "seitsenkertaistunut", "2-3-kertaistaa".
_RATIO = re.compile(r"\b[\w,.]+\s+kertaa\s+(?:enemmän|vähemmän|useammin|harvemmin|\w+mpi\w*)\b"
                    r"|[\w,.-]*kertaist\w*", re.I)
# A duration is no count of anything else: "ulkomaalaisväestö on viimeisen 20 vuoden aikana
# kasvanut" does not say how many immigrants there are.
_DURATION = re.compile(r"\b(?:\d+(?:[,.]\d+)?|\w+)\s+(?:vuo(?:si|tta|den|desta|siksi)|kuukau(?:si|tta|den)|viiko(?:n|ssa)|viikkoa"
                       r"|päivä(?:ä|n)|tunti(?:a|n)|minuutti(?:a|n))\b", re.I)
# A change, not a level: "menot ovat kasvaneet 5-10 % vuosittain", "laski 3 prosenttia" do not
# say how large a share or an amount is, unless the question asks how much something changed.
# (the forms of change only: "kasvatukseen osallistui 40 lasta", "kävijöitä laskettiin 480")
_CHANGE_WORD = (r"\b(?:kasv(?:oi|an|aa|av|u)|nous(?:i|s|ee|u)|lisäänty|vähen|laski\b|lasken(?:ut|eet)|lasku|pienen"
                r"|suuren(?:i|tu)|koho(?:si|nn)|heikken|muuttu|muutos)\w*")
_CHANGE = re.compile(
    _CHANGE_WORD + r"\s+(?:[a-zåäö]+\s+){0,2}?(?:noin\s+|n\.\s*|yli\s+|alle\s+|jopa\s+|lähes\s+)?"
    r"\d+(?:[,.]\d+)?(?:\s*[-–]\s*\d+(?:[,.]\d+)?)?(?:\s*(?:%|prosent\w*|prosenttiyksik\w*))?",
    re.I,
)
_ASKS_CHANGE = re.compile(_CHANGE_WORD + r"|\bkertai\w*|\benemmän\b|\bvähemmän\b", re.I)
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[\wåäöÅÄÖ-]+")
_SAME_STEM = 6  # words that share this many first letters are one word in two forms ("kuntaliiton" / "kuntaliittoa")


_NAME_AT = re.compile(rf"(?<![\wåäöÅÄÖ-])(?=({_NAME}))")
_PERSON_CLASSES = {"etunimi", "sukunimi"}


def is_person_name(words: str) -> bool:
    """Two capitalised words name someone, unless they are a sentence's first word before a
    place in the genitive: "Tutustumiskäynti Hollolan …", "Lisäksi Heinolan …" (the analyser
    reads the first only as a common word, the second only as a place name, neither as a
    first name or surname). Surnames that are common words ("Laine", "Kemppi") stay names."""
    pair = [w for w in re.split(r"[\s,]+", words) if w]
    if len(pair) != 2:
        return True
    first, second = (morphology.readings(w) for w in pair)
    if not first or not second:
        return True  # unknown to the analyser, or no analyser: cannot tell
    if any(cls in _PERSON_CLASSES for cls, _, _ in first + second):
        return True
    common_first = all(cls not in ("paikannimi", "nimi") for cls, _, _ in first)
    genitive_place = all(cls == "paikannimi" and case == "omanto" for cls, _, case in second)
    return not (common_first and genitive_place)


def _names_someone(sentence: str) -> bool:
    return any(is_person_name(m.group(1)) for m in _NAME_AT.finditer(sentence))


_CASE_ENDING = 4  # letters a case ending may add or change ("kuntaliitto" / "kuntaliittoa" / "kuntaliitolle")


def _one_word(word: str, others: list[str]) -> bool:
    """The word is one of the others in another form: they share all but a case ending's letters."""
    return any(len(os.path.commonprefix([word, o])) >= max(_SAME_STEM, len(word) - _CASE_ENDING, len(o) - _CASE_ENDING)
               for o in others)


# A "%" or "€" with no figure before it: the line names a measure ("Raittius, %,
# (kouluterveyskysely)", "Nettokäyttökustannukset, €/asukas") rather than giving its value.
_BARE_UNIT = re.compile(r"(?:^|[^\d\s])[ \t]*(?:%|€)")
# … and a rate's denominator with no value before it, ending the line: "Menetetyt elinvuodet
# ikävälillä 0 - 80 vuotta / 100 000 asukasta" names the measure ("250 / 100 000 asukasta" gives one)
# (a range before it is part of the label: "ikävälillä 0 - 80 vuotta")
_RATE_TAIL = re.compile(r"(?:/|\bper\b)[ \t]*\d[\d \t]*(?:[\w-]+[ \t]*){1,3}[.]?[ \t]*$", re.I)
_RANGE = re.compile(r"\d+\s*[-–]\s*\d+")


def _bare_rate(line: str) -> bool:
    m = _RATE_TAIL.search(line)
    return m is not None and not re.search(r"\d", _RANGE.sub(" ", line[:m.start()]))


def _without_measure_labels(text: str) -> str:
    """The text without the lines that name a measure and give no value after its unit: an
    indicator list's figures ("korkeintaan 1 h viikossa, %", "25–64-vuotiaat, %", "0 - 80 vuotta
    / 100 000 asukasta") define what is measured, they are no result."""
    def label(line: str) -> bool:
        m = _BARE_UNIT.search(line)
        return (m is not None and not re.search(r"\d", line[m.end():])) or _bare_rate(line)
    return "\n".join(line for line in text.splitlines() if not label(line))


# Cases of place ("kirjastolla", "HeiMo-kahvilassa", "Imatralla", "ryhmäkoteihin") and the
# words that may stand in them as a place: nouns and place names, not "yhdessä" or "siinä".
_PLACE_CASES = frozenset({"sisaolento", "ulkoolento", "sisatulento"})
_PLACE_CLASSES = frozenset({"nimisana", "nimisana_laatusana", "paikannimi", "nimi"})
# Nouns of time, which stand in the same cases ("elokuussa", "keväällä", "vuoden lopussa").
_TIME_NOUNS = frozenset({
    "kevät", "kesä", "syksy", "talvi", "vuosi", "kuukausi", "kuu", "viikko", "päivä", "ilta", "aamu", "yö",
    "iltapäivä", "aamupäivä", "viikonloppu", "hetki", "vaihe", "alku", "loppu", "aika", "kerta", "tunti",
    "kausi", "jakso", "vuosikymmen", "tulevaisuus", "menneisyys",
})
_TIME_ENDINGS = ("kuu", "vuosi", "aika", "kausi")  # "elokuu", "koronavuosi", "kesäaika", "vaalikausi"


def _lemmas(word: str) -> set[str]:
    """Base forms of a word and of its last hyphenated part (an unknown compound by its head:
    "WPK-talolla"); the word itself when the analyser knows neither."""
    head = word.rsplit("-", 1)[-1]
    return {*morphology.analyse(word).lemmas, *morphology.analyse(head).lemmas} or {word}


def _noun_in_case(sentence: str, asked: str, cases: frozenset[str], plural_adjective: bool = False,
                  excluded: frozenset[str] = frozenset()) -> bool | None:
    """Whether the sentence holds a noun or a name in one of the cases (or, with
    ``plural_adjective``, an adjective in the plural standing for people) that is no time, no
    word of the question and none of ``excluded``. None without an analyser."""
    own = {lemma for w in _WORD.findall(asked) for lemma in _lemmas(w.lower())}
    for w in _WORD.findall(sentence):
        word = w.lower()
        found = morphology.readings(word) or morphology.readings(word.rsplit("-", 1)[-1])
        if found is None:
            return None
        if not any(case in cases and (cls in _PLACE_CLASSES or (plural_adjective and (cls, number) == (
                "laatusana", "plural"))) for cls, number, case in found):
            continue
        base = _lemmas(word)
        if base & (own | excluded | _TIME_NOUNS) or any(b.endswith(_TIME_ENDINGS) for b in base):
            continue
        return True
    return False


def _names_place(sentence: str, asked: str) -> bool:
    """A noun or a place name in a case of place that is not a time and not a word of the
    question itself: "Missä HeiMo-kahvila sijaitsee?" is not answered by "… päivystää
    HeiMo-kahvilassa", nor "missä tilaisuus pidettiin?" by "… elokuussa". (Without an
    analyser no place can be told from another word: any sentence may hold one.)"""
    return _noun_in_case(sentence, asked, _PLACE_CASES) is not False


# "kenelle …?" asks to whom: anyone a noun in the allative names ("murrosikäisen vanhemmille",
# "eläkeläisille", "kunnalle"), or an adjective in the plural standing for people ("iäkkäille",
# "heinolalaisille"); not "kaikille" alone, and not a time ("vuodelle")
_TO_WHOM = re.compile(r"^\s*(?:kenelle|keille)\b", re.I)
_NOT_RECIPIENTS = frozenset({"kaikki", "muu", "jokainen", "itse", "moni", "useampi"})


def _names_recipient(sentence: str, asked: str) -> bool:
    """(Without an analyser, the person pattern alone answers "kenelle".)"""
    return bool(_noun_in_case(sentence, asked, frozenset({"ulkotulento"}), plural_adjective=True,
                              excluded=_NOT_RECIPIENTS))


# "mikä on X:n nimi?" of a thing is answered by a name: a word of naming ("nimeltään",
# "kutsutaan"), a quotation, or a capitalised word inside a sentence that the question does not use
_NAMING = re.compile(r"\bnime(?:ltä|ltään|llä)\b|\bnimi(?:nen|set)?\b|\bkutsu\w*|[\"“”«»]", re.I)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;•▫]\s*|\n\s*)$")


def _names_thing(sentence: str, asked: str) -> bool:
    if _NAMING.search(sentence):
        return True
    own = {fold(w.lower()) for w in _WORD.findall(asked)} | {
        lemma for w in _WORD.findall(asked) for lemma in morphology.analyse(w.lower()).lemmas}
    for m in _WORD.finditer(sentence):
        w = m.group(0)
        if not w[:1].isupper() or _SENTENCE_START.search(sentence[:m.start()]):
            continue
        if fold(w.lower()) in own or set(morphology.analyse(w.lower()).lemmas) & own:
            continue
        return True
    return False


def has_kind(kind: str | None, sentence: str, asked: str = "") -> bool:
    """The sentence holds the kind of fact asked for (a number, a sum, a date, a frequency, a
    name). A year, a date or a time of day is a time, not a quantity; a frequency may also be
    given as a plain figure ("esim. 5 vuotta"). A figure the question itself (``asked``)
    names is no answer to it: "milloin suunnitelma 2021-2025 hyväksyttiin?" is not answered
    by "2021-2025", nor "montako yli 65-vuotiasta …?" by "65"; nor is a body it names an
    answer to "kuka"."""
    if kind is None:
        return False
    sentence = _without_asked_figures(_without_measure_labels(sentence) if kind in (
        "quantity", "frequency", "count", "money") else sentence, asked)
    if kind == "frequency" and _HAS[kind].search(sentence):
        return True
    if kind in ("quantity", "frequency", "count"):  # "kuinka usein?" may be answered by a plain figure ("5 vuotta")
        return bool(_figures(kind, sentence, asked))
    if kind == "name":
        return _names_someone(sentence)
    if kind == "place":
        return _names_place(sentence, asked)
    if kind == "title":
        return _names_thing(sentence, asked)
    if kind == "person":  # a name, or a role or body ("hyvinvointijohtaja", "kaupunginhallitus")
        # … other than the one the question names: "kuka johtaa Kuntaliittoa?" is not
        # answered by "Kuntaliiton mukaan …"
        # (the same word in another case, not a compound that merely begins with a word of the
        # question: "syrjintälautakunta" is an answer to "kuka valvoo syrjintää?")
        own = [w.lower() for w in _WORD.findall(asked) if len(w) >= _SAME_STEM]
        return _names_someone(sentence) or any(
            not _one_word(m.group(0).lower(), own) for m in _HAS[kind].finditer(sentence)) or (
            bool(_TO_WHOM.match(asked)) and _names_recipient(sentence, asked))
    if kind == "contact":
        return _contact(sentence, asked)
    if kind == "money" and _free_of_charge(sentence, asked):
        return True
    pattern = _HAS.get(kind)  # (a kind told by where the sentence stands, a list item's number, is not in it)
    if kind == "time" and not (pattern and pattern.search(sentence)):
        # a time told by what happened then: "avuntarve oli suurinta kriisin alkaessa"
        return any(morphology.temporal_infinitive(w) for w in _WORD.findall(sentence))
    return bool(pattern and pattern.search(sentence))


# no charge is a price too ("ilmainen verkkokurssi", "maksuton välipala", "kurssi on maksuton")
_FREE = re.compile(r"\b(?:ilmai(?:nen|s)|maksuto(?:n|in)|maksutt|veloitukse(?:tta|ton))\w*", re.I)
_BEFORE_FREE = re.compile(r"([\wåäö-]+)\s+(?:(?:on|ovat|oli|olivat|olisi)\s+)?(?:\w+\s+)?$")


def _free_of_charge(sentence: str, asked: str) -> bool:
    """A word of no charge stands by a thing the question names ("maksuton puistoruokailu" for
    "paljonko puistoruokailu maksoi?", "kurssi on ilmainen"): "palvelutaksin maksuton ajanjakso
    ja kenkien liukueste-etuus" tells nothing of the price of anti-slip shoe spikes. Without a
    question, any such word."""
    own = {lemma for w in _WORD.findall(asked) if len(w) > 2 for lemma in _lemmas(w.lower())}
    for m in _FREE.finditer(sentence):
        if not asked:
            return True
        after = _NEXT_WORD.match(sentence[m.end():])
        before = _BEFORE_FREE.search(sentence[:m.start()])
        near = [g.group(1) for g in (after, before) if g]
        if any(b == o or b.endswith(o) for w in near for b in _lemmas(w.lower()) for o in own):
            return True
    return False


def _without_asked_figures(sentence: str, asked: str) -> str:
    for figure in set(_FIGURE.findall(asked)):
        sentence = re.sub(rf"(?<![\d.,]){re.escape(figure)}(?![\d]|[.,]\d)", " ", sentence)
    return sentence


def _figures(kind: str, sentence: str, asked: str) -> list[tuple[re.Match[str], str]]:
    """The figures of a sentence that may answer a "montako / paljonko / kuinka usein" question
    (``has_kind`` has already left out the measure labels and the question's own figures),
    each with the sentence they were found in once ages, times, shares, changes, ratios and
    durations are blanked out."""
    sentence = _AGE.sub(" ", _CLOCK.sub(" ", sentence))
    if not _ASKS_CHANGE.search(asked):
        sentence = _CHANGE.sub(" ", sentence)
    if kind == "count":
        sentence = _SHARE.sub(" ", sentence)
        if not re.search(r"\bkert", asked, re.I):  # "montako kertaa enemmän …?" asks for the ratio
            sentence = _RATIO.sub(" ", sentence)
        if not _DURATION.search(asked):  # "montako vuotta …?" asks for the duration
            sentence = _DURATION.sub(" ", sentence)
    return [(m, sentence) for m in _HAS["quantity"].finditer(sentence) if not _DATE.fullmatch(m.group(0).strip())]


# what a figure counts is named by the noun after it ("3 kertaa", "130 vastausta", "yksi ryhmä")
# or, in "työntekijöitä oli kaksi", by the noun before a form of "olla"
# (glued on too: "2x/v", "5krt")
_NEXT_WORD = re.compile(r"[ \t]*([a-zåäöA-ZÅÄÖ]+)")
# (not a noun a preposition governs: "kerrostaloja ilman hissejä on noin 23 000" counts houses,
# not lifts)
_PREVIOUS_WORDS = re.compile(
    r"(?<![Ii]lman\s)(?<![Ee]nnen\s)(?<![Kk]ohti\s)\b([a-zåäöA-ZÅÄÖ]+)\s+(?:on|oli|ovat|olivat|olisi|olisivat)\s+(?:yhteensä\s+|noin\s+|n\.\s*)?$")
_TIMES = {"x", "krt"}  # "4 x vuodessa": so many times
_MAGNITUDES = {"sata", "tuhat", "miljoona", "miljardi", "milj"}  # "12 miljoonaa euroa" counts euros


def _counted_noun(word: str, after: str, one: bool, case: str | None = None) -> tuple[str, ...] | None:
    """Base forms of the noun a figure counts when ``word`` stands after it: a noun in the
    partitive (after "1"/"yksi" in the nominative too; after a number word in another case, in
    that ``case``: "kolmessa kunnassa"), or an adjective before one ("3 uutta ryhmää",
    "kahdeksassa eri tapahtumassa"), or an adjective standing for a noun ("30 000
    suomalaista"); None when the word names nothing counted."""
    w = word.lower()
    if w in _TIMES:
        return ("kerta",)
    found = morphology.readings(w) or ()
    # (in the genitive the figure agrees with a noun it does not count: "4 tuulen ilmiöt", "2
    # vuoden aikana")
    # (the nominative beside a case: the indeclinable "eri" of "kahdeksassa eri tapahtumassa")
    cases = {case, "nimento"} if case else {"osanto", "nimento", "omanto"} if one else {"osanto", "omanto"}
    noun = [r for r in found if r[0] in morphology.NOUN_CLASSES and r[2] in cases]
    adjective = [r for r in found if r[0] == "laatusana" and r[2] in cases]
    lemmas = tuple(morphology.analyse(w).lemmas)
    if (adjective and not noun) or set(lemmas) & _MAGNITUDES:
        following = _NEXT_WORD.match(after)
        if following:
            head = _counted_noun(following.group(1), after[following.end():], one, case)
            if head and not set(head) & _MAGNITUDES:
                return head
    return lemmas if (noun or adjective) and lemmas else None


def figure_nouns(kind: str, sentence: str, asked: str = "") -> list[tuple[str, ...]]:
    """For each figure of a sentence that may answer a "montako / kuinka moni" question, the
    base forms of the noun it counts ("Verkosto kokoontui 3 kertaa" → ("kerta",),
    "työntekijöitä oli kaksi" → ("työntekijä",), "19,9 %" → ("prosentti",), "hankkeet (2)" →
    ("hanke",)), or () when the sentence does not say (a figure at a sentence's end, or in
    brackets after a singular noun: "yleisöluento (34)" counts who came)."""
    if kind not in ("quantity", "count"):
        return []
    sentence = _without_asked_figures(_without_measure_labels(sentence), asked)
    out: list[tuple[str, ...]] = []
    for m, text in _figures(kind, sentence, asked):
        after = text[m.end():]
        if after.lstrip(" \t").startswith("%"):
            out.append(("prosentti",))
            continue
        one = m.group(0).strip().lower() in ("1", "yksi")
        following = _NEXT_WORD.match(after)
        noun = _counted_noun(following.group(1), after[following.end():], one, _local_case(m.group(0))) if following else None
        if noun is None:
            before = _PREVIOUS_WORDS.search(text[:m.start()])
            found = morphology.readings(before.group(1).lower()) if before else None
            if before and found and any(r[0] in morphology.NOUN_CLASSES and r[2] == "osanto" for r in found):
                noun = tuple(morphology.analyse(before.group(1).lower()).lemmas) or None
        if noun is None:
            noun = _bracket_counted(text[:m.start()])
        out.append(noun or ())
    return out


def _local_case(figure: str) -> str | None:
    """The case of a number word written out in a case other than the nominative, partitive
    or genitive ("kolmessa" → "sisaolento"), whose counted noun stands in the same case."""
    found = morphology.readings(figure.strip().lower()) or ()
    return next((c for cls, _, c in found if cls == "lukusana" and c not in ("nimento", "osanto", "omanto", "")), None)


# a figure in brackets after a noun: "Maahanmuuttajien työllistymiseen liittyvät hankkeet (2)"
_BEFORE_BRACKET = re.compile(r"([a-zåäöA-ZÅÄÖ-]+)\s*\(\s*$")


def _bracket_counted(before: str) -> tuple[str, ...] | None:
    """The noun a figure in brackets counts when a plural noun stands right before them
    ("hankkeet (2)", "kokoukset (4)"); None after a singular one, whose figure counts who took
    part ("yleisöluento (34)", "lasten haastattelu (14)")."""
    m = _BEFORE_BRACKET.search(before)
    found = morphology.readings(m.group(1).lower()) if m else None
    if not m or not found or not any(cls in morphology.NOUN_CLASSES and (number, case) == ("plural", "nimento")
                                     for cls, number, case in found):
        return None
    return tuple(morphology.analyse(m.group(1).lower()).lemmas) or None


# "Mikä on Hyry?", "mitä tarkoittaa X", "mitä X tarkoittaa"
_WHAT_IS = re.compile(
    r"^\s*(?:mik[äa]|mit[äa]|mitk[äa]|kuka|ketk[äa])\s+(?:on|ovat|oli|tarkoittaa|tarkoitetaan)\s+(.+?)\??\s*$", re.I
)
_X_MEANS = re.compile(r"^\s*mit[äa]\s+(.+?)\s+(?:tarkoittaa|tarkoitetaan|on)\??\s*$", re.I)


def asks_what_is(question: str) -> bool:
    """The question is worded "mikä on X?" / "mitä X tarkoittaa?"."""
    return bool(_WHAT_IS.match(question) or _X_MEANS.match(question))


def definition_term(question: str) -> str | None:
    """The term an onboarding question asks about ("Mikä on Hyry?" -> "Hyry"), if it is one."""
    m = _WHAT_IS.match(question) or _X_MEANS.match(question)
    if m:
        term = m.group(1).strip()
        return term if len(content_tokens(term)) <= 4 else None
    if is_keyword_query(question) and not years_in(question):
        return question.strip()
    return None


def is_keyword_query(question: str) -> bool:
    """A search by a few bare words ("evaus", "hyvinvointipäällikön puhelinnumero"), not a question."""
    return len(content_tokens(question)) <= KEYWORD_QUERY_WORDS and not question.rstrip().endswith("?")


def defines(term: str, text: str) -> bool:
    """The text introduces the term as written: "X on ...", "X eli ...", or "... työryhmä X";
    or in any form, as Finnish definitions put it: "X:llä tarkoitetaan ...", "... kutsutaan X:ksi"."""
    t = re.escape(term.strip())
    words = term.strip().split()
    last = words[-1]
    # the last word in any case form ("hyvinvointitilinpäätös" / "hyvinvointitilinpäätökseksi")
    inflected = r"\s+".join([*map(re.escape, words[:-1]), re.escape(last[:max(4, len(last) - 3)]) + r"[\wåäö]*"])
    if re.search(rf"(?<![\wåäö-]){inflected}\s+(?:tarkoitetaan|kutsutaan|nimitetään)\b"
                 rf"|\b(?:kutsutaan|nimitetään|kutsumme)\s+{inflected}", text, re.I):
        return True
    if re.search(rf"(?<![\wåäö-]){t}\s+(?:on|ovat|eli|tarkoittaa|=)\s", text, re.I):
        return True
    if re.search(rf"(?<![\wåäö-]){t}\s*[(–-]\s", text, re.I):
        return True
    # a term introduced after what it names: "… jaettavaksi (ns. 6+6+6-malli)", "niin sanottu X"
    if re.search(rf"\b(?:ns\.|niin\s+sanot\w*)\s+{t}(?![\wåäö])", text, re.I):
        return True
    # an abbreviation after what it stands for: "Hyvinvointialue (hva) aloitti …"
    if re.search(rf"[\wåäö-]{{3,}}\s*\(\s*{t}\s*\)", text, re.I):
        return True
    # Apposition of a name: "... hyvinvointityöryhmä Hyry." (not a list: "kuuluu perhekoordinaattori,")
    m = re.search(rf"[a-zåäö]{{4,}}\s+({t})(?:[.;)]|:(?![a-zåäö])|\s+(?:ja|on|vastaa))", text, re.I)
    return bool(m and m.group(1)[:1].isupper())
