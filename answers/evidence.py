"""Is the answer in the material? A decision from evidence that does not hang on wording.

The evidence of the top paragraphs: the share of the question's words they hold in any form
(base forms, compound parts, stems, ä/ö-less spellings: ``coverage``), how close the best
paragraph and the best single unit are in meaning (cosines), for "montako / milloin" whether
the kind of fact asked for stands near the question's words (``fact``) and near its most
specific word (``fact_rare``; ``fact_pair``: its two most specific words by one fact;
"montako lasta osallistui uimakouluihin?" is not answered by a count of children in a unit
that never mentions swimming school; a figure that names another thing it counts, "työntekijöitä
oli kaksi" for "kuinka moni perhe …?", or another season, is no such fact:
``qualifiers.figure_fits``; nor is one whose unit lacks a number the question names, "13–17-
vuotiaista", nor, for "montako lasta siirtyi …?", one in paragraphs that never tell of that deed or in
a sentence that only says how many there are), how close in meaning the closest unit holding such a
fact is (for those questions, and for "kuka vastaa …?" the closest unit naming a person or a
body, it stands for ``unit``: "montako lasta päiväkodeissa on?" is not answered by a count of
interviews that shares its words), and whether a year the question
names appears anywhere in them (``year_missing``).

The evidence is combined by a logistic model, not by hand thresholds: its weights are fitted by
``python -m answers.refusal_fit`` on the tuning part of both development collections
(``retriever/tuning.py`` holds them). The cosines are on one embedder's scale, so an embedder
the model was not fitted for uses the model without them. Nine rules stay outside the model:
"kuka on X?" is answered only by a name standing next to X, "montako / milloin / paljonko"
only when some top unit holds that kind of fact with any of the question's words, and one the
answer could quote holds it near them (``quotable``) ("kenen /
kuka vastaa …?" is not held to this: any group of people may answer it, "perheiden"), "kuka
vastaa / johtaa X:ää?" only when some top unit about X holds its verb or a word made from it
("vastuulla", "johtaja"), "mitä
X sanoo Y:stä?" only when a top paragraph mentions Y (its most specific word, in any form; so
too the thing a yes-or-no question asks about, "onko X …?"),
"mikä on X?" only when a top paragraph names X itself (not only its parts apart), "missä X
on?" only when a unit about X names a place other than X, "mikä on X:n nimi?" of a thing only
when a unit about X gives a name ("mikä on X:n sähköpostiosoite / puhelinnumero?" only when a
unit under lines about X gives that contact detail), a question
naming a year only when the material speaks of that year (in the development sets no
answerable question ever lacked it; "montako … vuonna 2020?" answered by 2024's figure is a
wrong figure; nor when the thing a figure is asked of is told for another year only), and a
bare keyword search is answered when a top paragraph holds all its words (a short query is never close in meaning to a paragraph). When a question names a year, the
evidence comes from the top paragraphs about that year (their document's, headings' or text's), the ones the answer
is drawn from, and a fact question's from the units about it; a paragraph's document title and
years count as words it holds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from retriever import morphology
from retriever.facts import PERIODS, is_keyword_query
from retriever.finnish import STOP_WORDS, content_tokens, tokenize
from retriever.lexical import BM25Index
from retriever.records import Paragraph
from retriever.search import Hit
from retriever.tuning import ANSWER_PARAGRAPHS, FACT_NEAR, REFUSAL_MODELS, TOPIC_PRESENT
from retriever.years import years_in

from .qualifiers import (
    counted_compound,
    figure_fits,
    names_asked_figures,
    of_another_year,
    owned_otherwise,
    result_words,
)
from .questions import Question, has_kind, names_role, names_unit
from .units import Unit, card_context, paragraph_years, unit_context, units, years_text

# Every feature a refusal model may use, in this order.
FEATURES = ("coverage", "fact", "fact_rare", "fact_pair", "year_missing", "dense", "unit")
LEXICAL_FEATURES = ("coverage", "fact", "fact_rare", "fact_pair", "year_missing")


@dataclass
class Evidence:
    coverage: float  # best share of the question's words in one top paragraph (with its heading)
    dense: float  # best paragraph cosine
    unit: float  # best cosine of the embedded candidate units
    fact: float | None  # best share of the question's words in a unit with the asked kind of fact
    #                     (None: not a "montako / milloin / paljonko / kuka on" question)
    year_missing: bool  # the question names a year that none of the top paragraphs mentions
    names_role: bool | None = None  # "kuka on X?": a name stands next to X (None: not such a question)
    fact_rare: float | None = None  # "montako / milloin / paljonko": its most specific word in a unit with the fact
    keywords_found: bool = False  # a bare keyword query ("evaus") whose every word a top paragraph holds
    topic_found: bool | None = None  # "mitä X sanoo Y:stä?": Y's most specific word is in a top paragraph
    fact_unit: float | None = None  # "montako / milloin / kuka vastaa": best cosine of a unit holding that kind of fact
    term_found: bool | None = None  # "mikä on X?": X itself is in a top paragraph (None: no such question)
    fact_pair: float | None = None  # "montako / milloin / paljonko": its two most specific words both near one fact
    acts: bool | None = None  # "kuka vastaa / johtaa …?": a person or body stands with the question's verb
    kind_found: bool | None = None  # "missä X on?", "mikä on X:n nimi?": a unit about X gives a place / a name
    fact_quotable: bool | None = None  # "montako / milloin / paljonko": a unit the answer could quote
    #                                    holds the fact near the question's words (``score_units``)

    def features(self) -> dict[str, float]:
        return {
            "coverage": self.coverage,
            # not a fact question: the fact evidence is the word evidence itself (neutral)
            "fact": self.coverage if self.fact is None else self.fact,
            "year_missing": float(self.year_missing),
            "dense": self.dense,
            "unit": self.unit if self.fact_unit is None else self.fact_unit,
            "fact_rare": 1.0 if self.fact_rare is None else self.fact_rare,
            "fact_pair": 1.0 if self.fact_pair is None else self.fact_pair,
        }

    def probability(self, model: dict) -> float:
        """The model's probability that the top paragraphs answer the question."""
        f = self.features()
        z = model["bias"] + sum(
            w * (f[name] - m) / s for name, w, m, s in zip(model["features"], model["weights"], model["mean"], model["scale"])
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def answerable(self, model: dict, threshold: float | None = None) -> bool:
        """``threshold``: another than the model's own (the fitting script tries them)."""
        if (self.names_role is False or self.fact == 0.0 or self.topic_found is False or self.term_found is False
                or self.year_missing or self.acts is False or self.kind_found is False
                or self.fact_quotable is False):
            # "Kuka on X?" with no name next to X; "montako?" with no figure near its words;
            # "mitä suunnitelma sanoo Y:stä?" when no top paragraph mentions Y in any form; a
            # year asked about that the material does not speak of ("montako … vuonna 2020?"
            # answered by 2024's figure is a wrong figure); "mikä on X?" of an X no top paragraph
            # names (its parts apart are another thing: "esteettömyysasiamies"); "missä X on?"
            # with no place by the question's words but X itself, "mikä on X:n nimi?" with no name;
            # a figure question with no unit to quote for its figure
            return False
        if self.keywords_found:
            return True  # a search by keywords is answered when the material holds them: a short
            #              query is far from any paragraph in meaning, whatever it finds
        return self.probability(model) >= (model["threshold"] if threshold is None else threshold)


def model_for(embedder_name: str, models: dict | None = None) -> dict:
    """The refusal model fitted for this embedder's cosine scale, else the one without cosines."""
    models = REFUSAL_MODELS if models is None else models
    return models.get(embedder_name) or models["lexical"]


FIGURE_KINDS = ("count", "quantity", "money", "time", "frequency")


def gather(
    q: Question, hits: list[Hit], analyzer: BM25Index, best_unit: float,
    unit_cosines: Sequence[tuple[Unit, float]] = (), quotable: Sequence[bool] | None = None,
) -> Evidence:
    """``unit_cosines``: the embedded candidate units with their cosines to the question;
    ``quotable``: for each candidate unit, whether the answer would quote it as the fact asked
    for (``extractive.score_units``)."""
    top = hits[:ANSWER_PARAGRAPHS]
    # A year named: the answer is drawn from the paragraphs about it (extractive.candidate_units),
    # so they are the evidence ("kuka piti oppitunteja vuonna 2021?" is not answered by 2023's);
    # with none, the year is missing from the material the answer would come from.
    of_year = [h for h in top if set(q.years) & paragraph_years(h.paragraph)]
    year_missing = bool(q.years) and not of_year
    top = of_year or top
    # (a document's title and years count as said: "mitä kuntakortissa …?", "mitä vuoden 2008
    # ohjelma sanoo …?" of a programme whose year is only in its metadata)
    texts = [f"{years_text(h.paragraph)} {h.paragraph.title}\n{h.paragraph.heading}\n{h.paragraph.text}" for h in top]
    framed = _frame_held(q, hits[:ANSWER_PARAGRAPHS], analyzer)
    cov = max((analyzer.coverage(q.text, f"{t}\n{framed.get(h.paragraph.doc, '')}") for h, t in zip(top, texts)),
              default=0.0)
    dense = max(((h.dense or 0.0) for h in top), default=0.0)
    fact = None
    named = None
    if q.shape == "fact" and q.kind == "name":
        named = any(names_role(q.role_words, u.text, f"{h.paragraph.heading}\n{h.paragraph.text}")
                    for h in top for u in units(h.paragraph))
        fact = float(named)
    fact_rare = fact_unit = fact_pair = None
    if q.shape == "fact" and q.kind in FIGURE_KINDS:
        found = [(h.paragraph, u, unit_context(h.paragraph, u)) for h in top for u in units(h.paragraph)
                 if has_kind(q.kind, u.text, q.text)]
        # the thing asked about under another owner is another thing: "montako vastausta nuorten
        # hyvinvointikyselyyn saatiin?" is not answered by the older people's survey's 367
        found = [(p, u, c) for p, u, c in found if not owned_otherwise(q.text, c) and not of_another_year(q.text, u.text)]
        # so is the thing under another number: "kuinka monta prosenttia 13–17-vuotiaista …?" is
        # not answered by the shares of 0–6- and 7–12-year-olds
        found = [(p, u, c) for p, u, c in found if names_asked_figures(q.text, c)]
        # the state a translative names is what is asked: "milloin esiopetus tuli maksuttomaksi?"
        # is not answered by when it is to be arranged
        result = [analyzer.restore_letters(w) for w in result_words(q.text)]
        found = [(p, u, c) for p, u, c in found if all(analyzer.mentions(w, c) for w in result)]
        verbs = deed_verbs(q) if q.kind == "count" else []
        if verbs and not any(holds_verb(verbs, unit_context(h.paragraph, u), analyzer, glued=True)
                             for h in top for u in units(h.paragraph)):
            # a count of those who did what the question names, when the material around it
            # never tells of that deed (by its verb or a word made from it, "osallistui" /
            # "osallistujaa"): "montako Rainion päiväkodin lasta siirtyi toiseen päiväkotiin?"
            # is not answered by how many of its children were interviewed. (Of the paragraphs,
            # not the figure's own line: "Vanhus- ja vammaisneuvostot 4 x vuodessa" tells how
            # often they met without a verb.)
            found = []
        elif verbs:
            # a figure's own sentence that only tells how many there are counts no deed: "…
            # kiintiö on 15 henkilöä/vuosi, joista 5 on hätätapausta" is no count of emergency
            # cases that arrived. (A line without a verb, "Vanhus- ja vammaisneuvostot 4 x
            # vuodessa", may count any; another verb may be the question's in other words,
            # "maksusitoumuksia kirjoitettiin 44" for "montako … myönnettiin?".)
            found = [(p, u, c) for p, u, c in found
                     if holds_verb(verbs, u.text, analyzer, glued=True) or not _only_states(u.text)]
        # a compound counted is named whole by its figure: "montako perhehoitajaa on?" is not
        # answered by "omaishoitajia on 300 000"
        counted = counted_compound(q.text)
        if counted:
            found = [(p, u, c) for p, u, c in found if analyzer.mentions(analyzer.restore_letters(counted), c)]
        # what the figure counts and when: "kuinka moni perhe …?" is not answered by "työntekijöitä
        # oli kaksi", nor "montako kokousta oli keväällä?" by "3 kokousta syksyn aikana"
        found = [(p, u, c) for p, u, c in found if figure_fits(q.text, q.kind, u.text)]
        if q.per:
            # "paljonko omaishoidon tuki on kuukaudessa?" asks for a figure per month: a count of
            # carers who get the support ("22 000 saa … tukea") is none
            found = [(p, u, c) for p, u, c in found if PERIODS[q.per].search(u.text)]
        # "paljonko … vuodelle 2024?" is answered by a figure given for 2024, not for 2026; a
        # unit naming its own year speaks of that year, not of another its paragraph names
        # ("vuoden 2009 aikana tehtiin 76 000 ilmoitusta" is no count for 2008)
        for_year = [(p, u, c) for p, u, c in found
                    if set(q.years) & (set(years_in(u.text)) or set(years_in(c)) or set(p.years))]
        specific = _specific(q, analyzer)
        if q.years and found:
            year_missing = not for_year or _other_year_only(q, found, for_year, specific, analyzer)
            found = for_year or found
        fact = max((analyzer.coverage(q.text, c) for _, _, c in found), default=0.0)
        fact_rare = max((analyzer.coverage(specific[0], c) for _, _, c in found), default=0.0) if specific else 1.0
        # both of its two most specific words by one fact: "kuinka moni osallistui ADHD-viikon
        # yleisöluennolle?" is not answered by the ADHD week's staff briefing (125) beside the
        # autism week's public lecture (34)
        fact_pair = max((min(analyzer.coverage(w, c) for w in specific[:2]) for _, _, c in found),
                        default=0.0) if specific else 1.0
    if q.kind == "item":
        # "mikä on suunnitelman kuudes tavoite?": how fully the context of a top paragraph's
        # item "6." holds the question's other words; none such, no answer
        fact = max((analyzer.coverage(q.asked, unit_context(h.paragraph, u)) for h in top
                    for u in units(h.paragraph) if u.number == q.item), default=0.0)
    if q.shape == "fact" and q.kind in (*FIGURE_KINDS, "person"):
        # how close in meaning the closest unit with such a fact is: "montako lasta päiväkodeissa
        # on?" is near a sentence about day care, far from a count of interviews that shares its
        # words; "kuka vastaa kirjaston remontista?" is not answered by a sentence naming nobody
        fact_unit = max((sim for u, sim in unit_cosines if has_kind(q.kind, u.text, q.text)), default=None)
    acts = None
    if q.shape == "fact" and q.kind == "person":
        # "kuka vastaa kirjaston remontista?" is answered by someone who does it: a person or
        # body in a unit with the question's verb or a word made from it ("vastaa", "vastuulla",
        # "johtaja", "valmistelija"), not by any body a sentence about the library names
        # (about what the question asks: "kuka johtaa Kuntaliittoa?" is not answered by "jos
        # johtajat ovat huonoja …" in a paragraph that names the union elsewhere)
        words = [w.lower() for w in tokenize(q.text)[1:]]  # after the question word
        verbs = action_verbs(q)
        what = [w for w in content_tokens(" ".join(words)) if w not in verbs and not w[0].isdigit()]
        # (its most specific word too, whole: "kuka johtaa seurakunnan diakoniatyötä?" is not
        # answered by "HYTE-toimintaa johtaa johtoryhmä" after a sentence naming the parish, nor
        # "kuka johtaa Lape-työryhmää?" by the one who leads another "työryhmä")
        # (a noun, not a qualifier: "ketkä hyötyisivät perustulosta erilaisilla alueilla?" asks
        # about the basic income, whatever "erilaisilla" weighs)
        key = _thing_asked([w for w in _specific(q, analyzer) if w not in verbs])
        # A unit that names no one must be about it by its own words, not by the document's
        # title: "Maahanmuuttajille tulee laatia … ohjelmat" in a paper titled "lapsipoliittisia
        # linjauksia" does not say who drew up the paper ("Valmistelija Hyvinvointipäällikkö …"
        # under a title naming the report does).
        def about(h: Hit, u: Unit, title: bool) -> bool:
            c = unit_context(h.paragraph, u, title=title)
            return not what or (analyzer.coverage(" ".join(what), c) >= FACT_NEAR
                                and (not key or analyzer.mentions(key, c)))
        if verbs:
            acts = any(holds_verb(verbs, u.text, analyzer) and about(h, u, True)
                       and (has_kind("person", u.text, q.text) or about(h, u, False))
                       for h in top for u in units(h.paragraph))
    kind_found = None
    if q.kind in ("place", "title", "contact"):
        # "missä HeiMo-kahvila sijaitsee?" is not answered by "… päivystää HeiMo-kahvilassa",
        # nor "missä tilaisuus pidettiin?" by its month and head count, nor "mikä on
        # toimintamallin nimi?" by a line that names the model's building but not the model:
        # a place or a name in a unit about the thing asked by its own words (with its heading;
        # the sentence before may be about another thing), holding the most specific noun the
        # top paragraphs use whole ("Heimo … kahvila" apart is not it; "missä valtuuston
        # iltakoulu pidettiin?" is not answered by "Perheiden ilta Kailaan koulussa", nor by a
        # sentence on the youth council). Who went is no thing: "missä työntekijät kävivät
        # tutustumassa valmistavaan opetukseen?" is answered by a visit to a class of it.
        # A contact detail stands on a line under the one it belongs to (a name, a role): "mikä
        # on perhekoutsin sähköpostiosoite?" is not answered by a sentence about the coach, nor
        # by another person's address.
        things = _things_asked([w for w in _specific(q, analyzer) if any(analyzer.mentions(w, t) for t in texts)])
        if q.kind == "contact":
            keys = things[:1]
        else:
            keys = [w for w in things[:2] if not has_kind("person", w)] or things[:2]

        def own(p: Paragraph, u: Unit) -> str:
            return card_context(p, u) if q.kind == "contact" else f"{p.heading}\n{u.text}"
        kind_found = any(has_kind(q.kind, u.text, q.text) and analyzer.coverage(q.text, text) >= FACT_NEAR
                         and all(analyzer.mentions(key, text) for key in keys)
                         for h in top for u in units(h.paragraph) for text in [own(h.paragraph, u)])
    keywords = q.shape in ("definition", "topic") and is_keyword_query(q.text)
    # a figure question whose answer could quote no unit holding its figure near its words
    # ("mikä on ikäihmisten pienituloisuusaste?" when the one share beside them is the
    # children's): the composed answer would be sentences without the figure asked
    quotable_fact = any(quotable) if quotable is not None and q.shape == "fact" and q.kind in FIGURE_KINDS else None
    return Evidence(cov, dense, best_unit, fact, year_missing, names_role=named, fact_rare=fact_rare,
                    keywords_found=keywords and cov >= 1.0, topic_found=_topic_found(q, texts, analyzer),
                    fact_unit=fact_unit, term_found=_term_found(q, texts, analyzer), fact_pair=fact_pair, acts=acts,
                    kind_found=kind_found, fact_quotable=quotable_fact)


def _other_year_only(
    q: Question, found: list[tuple[Paragraph, Unit, str]], for_year: list[tuple[Paragraph, Unit, str]],
    specific: list[str], analyzer: BM25Index,
) -> bool:
    """Whether the thing a figure is asked of for a year is told only for another: a unit that
    names its own other year holds the question's most specific word (by its own words and
    heading) more fully than any unit of the asked year. "Mikä on työttömyysaste vuonna 2024?"
    is not answered by 2024's share of low-income children after a sentence on 12/2025's
    unemployment rate; the words of the sentence before, which ``unit_context`` lends a unit,
    do not make a figure of another thing the one asked."""
    if not specific:
        return False
    def own(p: Paragraph, u: Unit) -> float:
        return analyzer.coverage(specific[0], f"{p.heading} {u.text}")
    # (in a document of the asked year another year named in passing is an aside: "3 kokousta
    # syksyn aikana … (vuonna 2024 HeiPeten pj.)" in the report of 2023)
    other = max((own(p, u) for p, u, _ in found if (told := set(years_in(u.text)))
                 and not set(q.years) & (told | set(p.years))), default=0.0)
    return other >= TOPIC_PRESENT and other > max((own(p, u) for p, u, _ in for_year), default=0.0)


# a verb's stem a word made from it begins with: "vast" of "vastata" in "vastuulla", "vastaava"
VERB_STEM = 4
# verbs that carry no action of their own ("kenen pitäisi kantaa …", "kuka voisi olla …")
AUXILIARIES = {"olla", "ei", "pitää", "voida", "tulla", "täytyä", "saattaa"}
# of them, those that are a verb of their own without an infinitive after them ("kuka piti
# luennon?", "kuka tulee tilalle?")
MODALS = {"pitää", "voida", "tulla", "saattaa"}
# verbs of doing and telling, whose forms are stop words ("tehtiin", "sanoo", "kerrotaan"):
# the deed is in their object
LIGHT_VERBS = {"tehdä", "sanoa", "kertoa", "mainita", "tarkoittaa"}


def action_verbs(q: Question) -> list[str]:
    """The verbs of a "kuka …?" question after its question word, auxiliaries aside: what the
    one asked about does ("vastaa", "johtaa", "valmistelivat"). A modal is an auxiliary only
    with an infinitive in the question ("kenen pitäisi kantaa …?"), else the deed ("kuka piti
    luennon?")."""
    words = [w.lower() for w in tokenize(q.text)[1:]]
    verbs = [w for w in words if morphology.may_be_verb(w)]
    def auxiliary(w: str) -> bool:
        lemmas = set(morphology.analyse(w).lemmas)
        if lemmas & MODALS and not lemmas & (AUXILIARIES - MODALS):
            return any(morphology.may_be_infinitive(v) for v in verbs if v != w)
        return bool(lemmas & AUXILIARIES)
    return [w for w in verbs if not auxiliary(w)]


def deed_verbs(q: Question) -> list[str]:
    """The finite verbs of a question after its question word that tell what was done:
    auxiliaries aside, and the verbs of doing and telling whose forms search ignores
    ("tehtiin", "sanoo"), in any form ("montako vierailua ohjaaja teki?": the deed is the visit)."""
    return [w for w in action_verbs(q) if w not in STOP_WORDS and morphology.finite_verb(w)
            and not set(morphology.analyse(w).lemmas) & LIGHT_VERBS]


def _only_states(text: str) -> bool:
    """The text's finite verbs are all auxiliaries ("on", "oli"), and it has some: it tells how
    many there are, not what was done. (A word that also reads as a noun is none: "vuosi".)"""
    words = [w.lower() for w in tokenize(text) if not w[0].isdigit()]
    verbs = [w for w in words if morphology.finite_verb(w)
             and not any(cls in morphology.NOUN_CLASSES for cls, _, _ in morphology.readings(w) or ())]
    return bool(verbs) and all(AUXILIARIES & set(morphology.analyse(w).lemmas) for w in verbs)


def holds_verb(verbs: list[str], text: str, analyzer: BM25Index, glued: bool = False) -> bool:
    """The text holds one of the verbs in some form (``BM25Index.coverage``) or a word made
    from it, told by the stem its base form or the question's form begins with ("johtaa" /
    "johtaja", "valmisteli" / "valmistelija", "päättää" / "päätös"). ``glued``: also a compound
    that holds its base form's stem after another word, as a verb with its particle is often
    written as one word ("ottaa vastaan" / "vastaanottamisen")."""
    words = [w.lower() for w in tokenize(text)]  # every word: "vastaa" is no content word in search
    for v in verbs:
        lemma_stems = {lemma[:VERB_STEM] for lemma in morphology.analyse(v.lower()).lemmas}
        stems = (v.lower()[:VERB_STEM], *lemma_stems)
        if analyzer.coverage(v, text) >= TOPIC_PRESENT or any(w.startswith(stems) for w in words):
            return True
        if glued and any(stem in w[3:] for w in words for stem in lemma_stems):
            return True
    return False


def _term_found(q: Question, texts: list[str], analyzer: BM25Index) -> bool | None:
    """Whether a top paragraph names the term a "mikä on X?" question asks about: its most
    specific word itself, in any form or inside a compound, or most of its words. A term the
    material never names is not defined there, however many of its parts it uses."""
    if q.shape != "definition" or not q.term:
        return None
    words = [analyzer.restore_letters(w) for w in content_tokens(q.term) if not w[0].isdigit()]
    if not words:
        return None
    held = [w for w in words if any(analyzer.mentions(w, t) for t in texts)]
    return max(words, key=analyzer.specificity) in held or 2 * len(held) > len(words)


def _frame_held(q: Question, hits: list[Hit], analyzer: BM25Index) -> dict[str, str]:
    """Per document, the words of a "mitä X sanoo Y:stä?" question's frame X that the document
    holds (in its title or any top paragraph): "mitä linjapaperi sanoo pakkausmerkinnöistä?"
    is answered by a paragraph on package labels of a document that calls itself a
    "linjapaperi" elsewhere; the paragraph need not repeat it."""
    held: dict[str, set[str]] = {}
    for h in hits:
        p = h.paragraph
        text = f"{p.title}\n{p.heading}\n{p.text}"
        held.setdefault(p.doc, set()).update(w for w in q.frame if analyzer.coverage(w, text) >= TOPIC_PRESENT)
    return {doc: " ".join(sorted(words)) for doc, words in held.items() if words}


def _topic_found(q: Question, texts: list[str], analyzer: BM25Index) -> bool | None:
    """Whether a top paragraph's text (with its title and headings) holds, in any form, the most
    specific word of the topic a "mitä X sanoo Y:stä?" question names (a word the material
    never uses is the most specific): the topic is the question, the document only its frame.
    As in ``_specific``, a verb form is left out while a noun remains: "epäterveellisen ruoan
    verottamisesta" is found by "epäterveellisen ruoan haittavero"."""
    if not q.topic:
        return None
    word = max(_nouns_first(analyzer.restore_letters(w) for w in q.topic), key=analyzer.specificity)
    return max((analyzer.coverage(word, t) for t in texts), default=0.0) >= TOPIC_PRESENT


def _specific(q: Question, analyzer: BM25Index) -> list[str]:
    """The question's words, most specific first (``BM25Index.specificity``), among those the material
    uses in some form (whole or by its compound parts), years, figures and verbs aside: the
    thing asked about is named by a noun, while its verb is often paraphrased or inflected past
    recognition ("jaettiin" / "jaettujen"); a unit of measure is left out too."""
    # as the index spells them ("kasittelee" is the verb "käsittelee"); a word the material
    # never uses in any form cannot be looked for near the fact
    words = [w for w in content_tokens(analyzer.restore_letters(q.text)) if not w[0].isdigit()]
    words = [w for w in words if analyzer.specificity(w) < analyzer.max_idf or analyzer.word_parts(w)] or words
    words = _nouns_first(words)
    words = [w for w in words if not names_unit(w)] or words  # "prosenttia" is how, not what
    # an adposition or adverb names no thing ("yli 80-vuotias": "yli" is rare, not asked about)
    words = [w for w in words if not _particle(w)] or words
    return sorted(dict.fromkeys(words), key=analyzer.specificity, reverse=True)


_PARTICLES = {"suhdesana", "seikkasana", "sidesana", "huudahdussana"}


def _particle(word: str) -> bool:
    """Every reading of the word is an adposition, adverb, conjunction or interjection."""
    found = morphology.readings(word) or ()
    return bool(found) and all(cls in _PARTICLES for cls, _, _ in found)


# Word classes that name a thing: nouns and names (not adjectives, "erilaisilla").
_THING_CLASSES = morphology.NOUN_CLASSES | morphology.NAME_CLASSES


def _things_asked(words: list[str]) -> list[str]:
    """The words (most specific first) that may name a thing: a noun, a name, or a word the
    analyser does not know; else all of them."""
    def thing(word: str) -> bool:
        found = morphology.readings(word)
        return not found or any(cls in _THING_CLASSES for cls, _, _ in found)
    return [w for w in words if thing(w)] or words


def _thing_asked(words: list[str]) -> str:
    """The first of ``_things_asked`` ("" for none)."""
    return next(iter(_things_asked(words)), "")


def _nouns_first(words: Iterable[str]) -> list[str]:
    """The words that are no verb form, or all of them when every one is: the thing asked
    about is named by a noun, its verb often paraphrased ("verottamisesta" / "haittavero"), a
    participle too ("työkyvyttömyyteen johtavista" / "työkyvyttömyyttä aiheuttavia")."""
    words = list(words)
    return [w for w in words if _is_noun(w)] or words


def _is_noun(word: str) -> bool:
    """No verb form or participle; a compound that may be read as a verb and as a noun is an
    action noun with its object ("perheenyhdistämistä"): Finnish verbs are hardly ever
    compounds. A verb whose other reading only splits as an adjective is a verb
    ("kokoontuvat", "koko" + "ontuva")."""
    analysis = morphology.analyse(word)
    noun_compound = bool(analysis.parts) and any(
        cls in morphology.NOUN_CLASSES for cls, _, _ in morphology.readings(word) or ())
    return (not analysis.verb or noun_compound) and not morphology.participle(word)
