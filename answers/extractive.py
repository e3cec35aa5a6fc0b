"""Extractive answers: verbatim units of the best paragraphs, shaped by the question.

Every unit of an answer is a sentence, list item, table row or "Label: value" line of a cited
paragraph, kept as written, so figures, names and years cannot change. A unit's score mixes
how many of the question's words it holds (any form, with its heading), how close it is in
meaning (the embedder), its paragraph's rank, and whether it holds the fact asked for.

- list questions: a bulleted list, one item per line with its citation, gathered from every
  top paragraph that holds relevant items, in document order;
- fact questions: first the unit that holds the name, time, number or reason, then at most
  one more that supports it;
- definition questions: first the unit that introduces the term, then its neighbours;
- topic questions: the most relevant unit with its neighbours in its paragraph, then close
  units of other paragraphs, in the document's order, grouped by source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from retriever import morphology
from retriever.facts import is_keyword_query
from retriever.finnish import content_tokens
from retriever.lexical import BM25Index
from retriever.records import Paragraph
from retriever.search import Hit
from retriever.tuning import (
    ANSWER_PARAGRAPHS,
    DEFINITION_BONUS,
    DOCUMENT_OPENING,
    FACT_BONUS,
    FACT_NEAR,
    LIST_ITEM_ABOUT,
    LIST_ITEMS_BONUS,
    LIST_MAX_ITEMS,
    LIST_PARAGRAPH_SHARE,
    SUPPORT_SHARE,
    TOPIC_MAX_UNITS,
    TOPIC_PRESENT,
    TOPIC_WINDOW,
    W_LEX,
    W_RANK,
)

from .evidence import FIGURE_KINDS, action_verbs, holds_verb
from .qualifiers import figure_fits, of_another_year, owned_otherwise
from .questions import Question, defines, has_kind, names_role
from .units import (
    Unit,
    card_context,
    cell_entries,
    continues_list,
    ends_in_lead_in,
    is_cell_line,
    is_item_line,
    lead_in,
    names_or_figures,
    opening_under,
    paragraph_years,
    unit_context,
    units,
)


@dataclass
class Scored:
    """A unit of one of the top paragraphs, scored for the question."""

    rank: int  # rank of its paragraph among the hits
    unit: Unit
    score: float
    lexical: float  # share of the question's words in it (with its heading)
    fact: bool  # holds the kind of fact asked for, near the question's words
    defines: bool  # introduces the asked term

    @property
    def key(self) -> tuple[int, int]:
        return self.rank, self.unit.position


def candidate_units(q: Question, hits: list[Hit], analyzer: BM25Index | None = None) -> list[tuple[int, Unit]]:
    """(paragraph rank, unit) for the quotable units of the top paragraphs. A heading line
    that names a person or a figure answers only "kuka / montako / milloin" questions and
    keyword searches."""
    # A definition question also looks deeper for the sentence that introduces the term.
    ranks = list(range(min(ANSWER_PARAGRAPHS, len(hits))))
    # A year written in the question: answer from documents about that year, when the top
    # paragraphs hold any ("mitä tehtiin 2021?" is not answered from the 2026–2029 plan).
    of_year = [r for r in ranks if set(q.years) & paragraph_years(hits[r].paragraph)]
    if q.years and of_year:
        ranks = of_year
    if q.shape == "definition" and q.term:
        ranks += [r for r in range(ANSWER_PARAGRAPHS, len(hits))
                  if defines(q.term, hits[r].paragraph.text) or opening_under(hits[r].paragraph, q.term)][:1]
    # "Milloin / kuka X hyväksyi?" also looks deeper for a document's opening line that tells it.
    verbs = event_verbs(q)
    if verbs and analyzer is not None:
        ranks += [r for r in range(ANSWER_PARAGRAPHS, len(hits)) if hits[r].paragraph.paragraph < DOCUMENT_OPENING
                  and any(_tells_event(q, u, verbs, analyzer) for u in units(hits[r].paragraph))][:1]
    # A search by bare keywords looks for where its words stand, a "Valmistelija …" line too.
    labels = q.shape == "fact" or is_keyword_query(q.text)
    return [(rank, u) for rank in ranks for u in units(hits[rank].paragraph) if not u.heading or labels]


def event_verbs(q: Question) -> list[str]:
    """The finite verbs of a "milloin …?" or "kuka …?" question: the event whose time or
    doer it asks for."""
    return [w for w in q.words if morphology.finite_verb(w)] if q.kind in ("time", "person") else []


def _tells_event(q: Question, u: Unit, verbs: list[str], analyzer: BM25Index) -> bool:
    """The unit gives a time or a doer with the question's verb in some form ("Hyväksytty
    Vihreän liiton hallituksen kokouksessa 15.1.1999")."""
    return has_kind(q.kind, u.text, q.text) and any(analyzer.coverage(v, u.text) >= TOPIC_PRESENT for v in verbs)


def score_units(
    q: Question, hits: list[Hit], cands: list[tuple[int, Unit]], sims: np.ndarray, analyzer: BM25Index
) -> list[Scored]:
    """Score each candidate unit; ``sims`` are the units' cosines to the question."""
    if not cands:
        return []
    lo, hi = float(sims.min()), float(sims.max())
    # "milloin / kuka X hyväksyi?": a document's opening line "Hyväksytty puoluehallituksessa
    # 26.11.2010" tells it of the document itself, the one whose title and heading best name
    # what is asked about ("lapsipoliittiset linjaukset"), not a sentence giving another
    # programme's year ("päihdepoliittinen (v. 2003) ohjelma täydentää tätä linjapaperia")
    verbs = event_verbs(q)
    what = " ".join(w for w in q.words if w not in verbs)
    own = {(rank, u.position): analyzer.coverage(what, f"{hits[rank].paragraph.title}\n{hits[rank].paragraph.heading}")
           for rank, u in cands if hits[rank].paragraph.paragraph < DOCUMENT_OPENING and _tells_event(q, u, verbs, analyzer)}
    own_best = max(own.values(), default=0.0)
    # the sentence that opens a section headed by the asked term, once per paragraph
    openings = {rank: opening_under(hits[rank].paragraph, q.term) for rank in {r for r, _ in cands}} if q.term else {}
    out = []
    for (rank, u), sim in zip(cands, sims):
        p = hits[rank].paragraph
        context = card_context(p, u) if q.kind == "contact" else unit_context(p, u)
        in_context = analyzer.coverage(q.asked, context)
        lexical = 0.5 * analyzer.coverage(q.asked, u.text) + 0.5 * in_context
        dense = (float(sim) - lo) / (hi - lo) if hi > lo else 1.0
        # (a figure about the thing under another owner is none: "nuorten hyvinvointikysely" /
        # "Ikäihmisten hyvinvointikysely … saatiin 367")
        # nor a figure of something else or of another season ("työntekijöitä oli kaksi" for
        # "kuinka moni perhe …?")
        if q.kind == "item":  # "mikä on suunnitelman kuudes tavoite?": the item "6." of a list about it
            fact = u.number == q.item and in_context >= FACT_NEAR
        else:
            fact = (bool(q.kind) and has_kind(q.kind, u.text, q.text) and in_context >= FACT_NEAR
                    and not owned_otherwise(q.text, context) and not of_another_year(q.text, u.text)
                    and figure_fits(q.text, q.kind, u.text))
            if fact and q.kind in FIGURE_KINDS and is_cell_line(u.text):
                # a cell that runs its entries together holds the figure in one of them, and that
                # entry under its headings holds the question's words: "milloin kävelyn ja
                # pyöräilyn edistämisohjelma hyväksyttiin?" is not answered by "… liikuntaväline-
                # lainaamo (2027 alkaen)" in the cell that also names the programme
                fact = any(has_kind(q.kind, e, q.text) and analyzer.coverage(q.asked, f"{p.section} {e}") >= FACT_NEAR
                           for e in cell_entries(u.text))
        defined = (bool(q.term) and (defines(q.term or "", u.text) or openings.get(rank) == u)) or (
            q.kind in ("name", "person") and names_role(q.role_words, u.text, f"{p.heading}\n{p.text}")
        ) or own.get((rank, u.position), -1.0) >= max(FACT_NEAR, own_best)
        score = W_LEX * lexical + (1 - W_LEX) * dense + W_RANK * max(0.0, 1 - rank / ANSWER_PARAGRAPHS)
        score += FACT_BONUS * fact + DEFINITION_BONUS * defined
        out.append(Scored(rank, u, score, lexical, fact, defined))
    return out


def _distinct(scored: list[Scored]) -> list[Scored]:
    """Drop units that repeat one already taken ("6. Yksinäisyys on vähentynyt" and
    "Tavoite: Yksinäisyys on vähentynyt" say the same thing)."""
    out: list[Scored] = []
    seen: list[str] = []
    for s in scored:
        core = re.sub(r"^[\W\d]*(?:[\wäö ]{1,30}:\s*)?", "", s.unit.text.lower()).strip(" .")
        if any(fuzz.ratio(core, other) >= 90 or (len(core) > 30 and core in other) for other in seen):
            continue
        seen.append(core)
        out.append(s)
    return out


def _choose(q: Question, scored: list[Scored], hits: list[Hit], analyzer: BM25Index) -> list[Scored]:
    ranked = sorted(scored, key=lambda s: -s.score)
    best = ranked[0]
    if best.unit.heading and q.shape != "fact" and not names_or_figures(best.unit.text):
        # a bare title line ("Liikuntakaveri-toiminta") names the thing; a sentence about it
        # nearly as relevant says something of it (a label with a name or figure, "Valmistelija
        # Hyvinvointipäällikkö Kirsi Mäkilä", is itself the answer)
        said = next((s for s in ranked if not s.unit.heading), None)
        if said is not None and said.score >= SUPPORT_SHARE * best.score:
            best = said
    if q.shape in ("fact", "definition"):
        key = [s for s in ranked if s.defines] + [s for s in ranked if s.fact and not s.defines]
        verbs = action_verbs(q) if q.kind == "person" else []
        if verbs:
            # "ketkä valmistelivat ohjelman?" is answered by who did it ("Ohjelmaa valmistelleen
            # työryhmän jäseninä toimivat …"), before a sentence that merely names someone
            key = sorted(key, key=lambda s: not holds_verb(verbs, s.unit.text, analyzer))
        if q.kind == "reason":
            # a reason is often given without a word of reason ("… on vaikea saavuttaa, mikäli
            # ala säilyy naisvaltaisena"): a "koska / takia" sentence far less relevant than
            # the best one answers another question
            # (nor is one in another paragraph than the claim's that shares far fewer of the
            # question's words: the reason is told beside the claim, "… eivät ole hyvä paikka
            # lapsille. Pitkittynyt asuminen … haittaa kotoutumista", not in a "jotta" sentence
            # of the next paragraph)
            key = [s for s in key if s.score >= SUPPORT_SHARE * best.score
                   and (s.rank == best.rank or s.lexical >= SUPPORT_SHARE * best.lexical)]
        key = key or [best]
        if q.kind == "item" and key[0].fact:
            return key[:1]  # the one item asked for, not its neighbours in the list
        if q.kind == "reason" and _BACK_REFERENCE.match(key[0].unit.text):
            # "Tästä syystä suunnitelma on päivittyvä asiakirja.": the reason is what comes
            # before it; the answer quotes the claim with the sentences before it, in order
            own = sorted((s for s in scored if s.rank == key[0].rank), key=lambda s: s.unit.position)
            at = own.index(key[0])
            if at > 0:
                return _distinct(own[max(0, at - TOPIC_WINDOW + 1):at + 1])
        if q.shape == "definition" or q.kind == "reason":
            # the defining unit, or the claim a "miksi?" asks about, with the rest of its point
            # around it: a reason is often given in the sentences after the claim
            return _distinct(_window(key[0], scored))
        head = key[:2] if len(key) > 1 and (key[1].score >= SUPPORT_SHARE * key[0].score
                                            or _adds_asked(q, key[0], key[1], hits, analyzer)) else key[:1]
        # an item's lead-in is not another fact: it is quoted before the item (``_lead_ins``)
        leads = {(h.rank, lead_in(hits[h.rank].paragraph, h.unit, any_case=True)) for h in head}
        rest = [s for s in ranked if s not in head and s.rank == head[0].rank and s.score >= SUPPORT_SHARE * best.score
                and (s.rank, s.unit.text) not in leads]
        return _distinct(head + rest[:1])
    if q.shape == "list":
        # Paragraphs that hold relevant items: every top paragraph close to the best one by
        # the question's words in its heading and text (a list's items need not repeat them).
        para_best: dict[int, float] = {}
        for r in {s.rank for s in scored}:
            p = hits[r].paragraph
            n_items = sum(1 for s in scored if s.rank == r and s.unit.item)
            para_best[r] = (analyzer.coverage(q.asked, f"{p.heading}\n{p.text}")
                            + W_RANK * max(0.0, 1 - r / ANSWER_PARAGRAPHS)
                            + LIST_ITEMS_BONUS * min(n_items, 4) / 4)  # the answer to a list question is a list
        top = max(para_best.values())
        keep = {r for r, v in para_best.items() if v >= LIST_PARAGRAPH_SHARE * top}
        # the rest of a kept list that ingest split into the next paragraph of its section
        for r in sorted(para_best):
            if r - 1 in keep and continues_list(hits[r - 1].paragraph, hits[r].paragraph):
                keep.add(r)
                para_best[r] = para_best[r - 1] - 1e-6  # right after it
        chosen = []
        for r in sorted(keep, key=lambda r: -para_best[r]):
            own = [s for s in scored if s.rank == r]
            items = [s for s in own if s.unit.item]
            # A list paragraph gives its items (those about the question); prose gives its
            # relevant sentences.
            take = (_items_about(q, items, hits[r].paragraph, analyzer) if len(items) >= 2
                    else [s for s in own if s.score >= SUPPORT_SHARE * best.score])
            if len(items) >= 2:
                # the prose under an item that tells of it as closely as the best unit ("21
                # osallistujaa … palautteissa koettiin tapahtuma hyödylliseksi. Toivottiin …"),
                # with the rest of its short passage
                # (not the list's lead-in, "Kuntien on", quoted before its items anyway)
                first = min(i.unit.position for i in items)
                prose = [s for s in own if not s.unit.item and not s.unit.heading and s.unit.position > first]
                told = [s for s in prose if s.score >= SUPPORT_SHARE * best.score]
                after = [s for s in prose if any(s.unit.position == t.unit.position + 1 for t in told)]
                take = take + [s for s in told + after if s not in take]
            if take and len(items) < 2 and 2 * len(take) > len(own) and len(own) <= TOPIC_WINDOW:
                # most of a short passage is quoted: its other sentences finish its point
                # ("Ryhmät on koettu turvallisiksi …" after the feedback on the groups)
                take = own
            elif take and len(items) < 2 and q.kind in ("person", "name"):
                # "ketkä olivat mukana tutustumiskäynnillä?": the sentence next to the one about
                # the visit that names who ("Mukana olivat … työryhmä, koulun henkilökuntaa …")
                near = {t.unit.position + d for t in take for d in (-1, 1)}
                take = [s for s in own if s in take or (s.unit.position in near and has_kind("person", s.unit.text, q.text))]
            chosen += sorted(take, key=lambda s: s.unit.position)
            if len(chosen) >= LIST_MAX_ITEMS:
                break
        return _distinct(chosen)[:LIST_MAX_ITEMS] or [best]
    # Topic: the best unit with its neighbours, then close units of other paragraphs.
    others = [s for s in ranked if s.rank != best.rank and s.score >= SUPPORT_SHARE * best.score]
    return _distinct(_window(best, scored, relevant_first=True) + others)[:TOPIC_MAX_UNITS]


# Words that open a sentence by pointing back to the reason given before it.
_BACK_REFERENCE = re.compile(
    r"^(?:tästä|siitä|tämän|sen)\s+(?:syystä|vuoksi|takia|johdosta|seurauksena)\b|^(?:siksi|näin ollen|tästä johtuen)\b",
    re.I,
)


# A sentence that opens with a word pointing back at what the one before it names ("Vain
# heillä on oikeus …", "Tämä koskee …", "Näille ihmisille …"), after a focus word perhaps.
_ANAPHOR = re.compile(
    r"^(?:(?:vain|myös|juuri|kuitenkin|lisäksi|silti)\s+)?"
    r"(?:hän|häne\w*|he|heid\w*|heillä|heille|heiltä|heitä|heihin|se|sen|sitä|siinä|siitä|sillä|siihen|ne|niiden"
    r"|niitä|niille|niillä|niistä|tämä|tämän|tätä|tässä|tästä|tähän|tällä|tältä|nämä|näiden|näitä|näille|näillä"
    r"|näissä|näistä|näihin|tällöin|silloin|siksi|näin)\b",
    re.I,
)


def _adds_asked(q: Question, first: Scored, second: Scored, hits: list[Hit], analyzer: BM25Index) -> bool:
    """The second fact stands in the first one's paragraph or the next to it and names a word
    of the question that the first, with its headings, leaves out: "kuinka moni piti
    luentotilaisuutta hyödyllisenä?" is answered by the lecture's head count and the lines
    after it, "Oliko tilaisuus hyödyllinen kysymykseen 50 kyllä vastausta"."""
    one, two = hits[first.rank].paragraph, hits[second.rank].paragraph
    if one.doc != two.doc or abs(one.paragraph - two.paragraph) > 1:
        return False
    held = unit_context(one, first.unit)
    return any(not analyzer.mentions(w, held) and analyzer.mentions(w, second.unit.text)
               for w in content_tokens(q.asked) if not w[0].isdigit())


def _with_antecedents(chosen: list[Scored], scored: list[Scored]) -> list[Scored]:
    """A chosen sentence that points back ("Vain heillä on oikeus kotoutumissuunnitelmaan")
    comes right after the sentence it points at ("… jotka ilmoittautuvat työttömiksi
    työnhakijoiksi …"): alone it does not say who or what."""
    out: list[Scored] = []
    for s in chosen:
        if not s.unit.item and _ANAPHOR.match(s.unit.text):
            before = next((o for o in scored if o.rank == s.rank and o.unit.position == s.unit.position - 1
                           and not o.unit.item and not o.unit.heading), None)
            if before is not None and before not in chosen and before not in out:
                out.append(before)
        out.append(s)
    return out


def _items_about(q: Question, items: list[Scored], paragraph: Paragraph, analyzer: BM25Index) -> list[Scored]:
    """A list's items, or, when the list is not about the question (its heading and lead do
    not name it) but some of its items are, those items: "miten kaatumisia ehkäistiin?" takes
    the falls campaign and lecture from a list of the autumn's events, not the whole list."""
    lead = "\n".join([paragraph.heading] + [ln for ln in paragraph.text.split("\n") if not is_item_line(ln)][:2])
    if analyzer.coverage(q.asked, lead) >= LIST_ITEM_ABOUT:
        return items
    about = [s for s in items if analyzer.coverage(q.asked, s.unit.text) >= LIST_ITEM_ABOUT]
    return about or items


def _with_introduced(chosen: list[Scored], scored: list[Scored], hits: list[Hit]) -> list[Scored]:
    """A chosen unit that ends in a colon comes with the items it introduces ("… kokoaa yhteen
    kaikki keskeiset osa-alueet:" and its list): without them it is a fragment. So does the
    unfinished last sentence of a paragraph ("… tavoitteita vuonna 2023 olivat"), with the
    items that open the next paragraph (``Answerer`` puts it among the hits)."""
    out = list(chosen)
    for s in chosen:
        p = hits[s.rank].paragraph
        last = s.unit.position == units(p)[-1].position and ends_in_lead_in(p)
        if not s.unit.text.rstrip().endswith(":") and not last:
            continue
        after = sorted((o for o in scored if o.rank == s.rank and o.unit.position > s.unit.position),
                       key=lambda o: o.unit.position)
        if last:
            nxt = [r for r, h in enumerate(hits) if continues_list(p, h.paragraph)]
            after = sorted((o for o in scored if nxt and o.rank == nxt[0]), key=lambda o: o.unit.position)
        for o in after[:LIST_MAX_ITEMS]:
            if not o.unit.item:
                break
            if o not in out:
                out.append(o)
    return out


def _window(center: Scored, scored: list[Scored], relevant_first: bool = False) -> list[Scored]:
    """``center`` first, then up to ``TOPIC_WINDOW`` units of its paragraph around it, grown
    towards the better scoring neighbour: the sentences around the most relevant one carry
    the rest of its point. ``relevant_first`` (a topic): a sentence of the paragraph beyond
    the window nearly as relevant as the centre takes the place of a weaker neighbour. (A
    definition or a reason goes on in the sentences right after it, whatever their words.)"""
    own = sorted((s for s in scored if s.rank == center.rank), key=lambda s: s.unit.position)
    if center.unit.item:
        # a list item is a point of its own: its neighbours are other points, quoted only
        # when they are about the question too (its lead-in comes with it: ``_lead_ins``)
        own = [s for s in own if s is center or (s.unit.item and s.score >= SUPPORT_SHARE * center.score)]
    lo = hi = own.index(center)
    while hi - lo + 1 < TOPIC_WINDOW and (lo > 0 or hi < len(own) - 1):
        left = own[lo - 1].score if lo > 0 else -1.0
        right = own[hi + 1].score if hi < len(own) - 1 else -1.0
        lo, hi = (lo - 1, hi) if left >= right else (lo, hi + 1)
    window = [s for s in own[lo:hi + 1] if s is not center]
    # a paragraph's point is often in its opening sentence, some sentences before the best one
    near = [s for s in own if s is not center and s not in window and s.score >= SUPPORT_SHARE * center.score]
    for s in sorted(near if relevant_first else [], key=lambda s: -s.score):
        weakest = min(window, key=lambda w: w.score, default=None)
        if weakest is not None and s.score > weakest.score:
            window[window.index(weakest)] = s
    return [center] + sorted(window, key=lambda s: s.unit.position)


def _lead_ins(chosen: list[Scored], hits: list[Hit], any_case: bool = False) -> dict[tuple[int, int], str]:
    """For the first chosen item of each lead-in ("Kuntien on" / "• tuettava …"), the lead-in
    line, unless the answer already quotes it. ``any_case``: also for items that start in
    upper case (a fact quoted from a list needs what the list is about)."""
    quoted = {s.unit.text for s in chosen}
    out: dict[tuple[int, int], str] = {}
    seen: set[tuple[int, str]] = set()
    for s in chosen:
        line = lead_in(hits[s.rank].paragraph, s.unit, any_case)
        if line and line not in quoted and (s.rank, line) not in seen:
            out[s.key] = line
            seen.add((s.rank, line))
    return out


def _doc_order(hits: list[Hit], s: Scored) -> tuple[str, int, int]:
    p = hits[s.rank].paragraph
    return p.doc, p.paragraph, s.unit.position


def compose(q: Question, hits: list[Hit], scored: list[Scored], analyzer: BM25Index) -> tuple[str, list[Paragraph]]:
    """The answer text with its source numbers, and the cited paragraphs in number order."""
    chosen = _with_antecedents(_with_introduced(_choose(q, scored, hits, analyzer), scored, hits), scored)
    if q.shape == "list":
        chosen.sort(key=lambda s: _doc_order(hits, s))
    elif q.shape in ("fact", "definition"):
        head, rest = chosen[:1], sorted(chosen[1:], key=lambda s: _doc_order(hits, s))
        chosen = head + rest
    else:  # topic: sources in order of their best unit, each source's units in its order
        first_seen: dict[int, float] = {}
        for s in chosen:
            first_seen[s.rank] = max(first_seen.get(s.rank, 0.0), s.score)
        chosen.sort(key=lambda s: (-first_seen[s.rank], s.unit.position))
    numbers: dict[int, int] = {}
    for s in chosen:
        numbers.setdefault(s.rank, len(numbers) + 1)
    lines: list[str] = []
    leads = _lead_ins(chosen, hits, any_case=q.shape == "fact")
    if q.shape == "list":
        for s in chosen:
            if s.key in leads:  # the words the items go on from, as a line of their own
                lines.append(f"{leads[s.key]} [{numbers[s.rank]}]")
            lines.append(f"• {s.unit.text} [{numbers[s.rank]}]")
    else:
        group: list[str] = []
        for i, s in enumerate(chosen):
            text = f"• {s.unit.text}" if s.unit.item and q.shape == "topic" else s.unit.text
            if q.kind == "item" and s.unit.number == q.item:
                text = f"{s.unit.number}. {text}"  # the number shows it is the item asked for
            group.append(f"{leads[s.key]} {text}" if s.key in leads else text)
            last = i + 1 == len(chosen) or chosen[i + 1].rank != s.rank
            if last:  # one line per source, its citation at the end of each unit
                lines.append(" ".join(f"{g} [{numbers[s.rank]}]" for g in group))
                group = []
    citations = [hits[rank].paragraph for rank in sorted(numbers, key=numbers.__getitem__)]
    return "\n".join(lines), citations
