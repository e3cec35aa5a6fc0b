"""Finnish answers with a source number after every unit, or a refusal that helps.

By default extractive (``extractive.py``). With an LLM configured, the LLM writes the answer
from the same paragraphs and its reply must pass ``grounding.py``, else the extractive answer
stands. Whether to answer at all is ``evidence.py``'s decision; a refusal lists the nearest
paragraphs and names any active document or year filter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from retriever.finnish import clean_text
from retriever.records import Paragraph
from retriever.search import Hit, Searcher
from retriever.tuning import ANSWER_PARAGRAPHS, DEFINITION_DEPTH, NEAREST_ON_REFUSAL, UNIT_EMBED_LIMIT

from .citations import citation_json
from .evidence import FIGURE_KINDS, Evidence, gather, model_for
from .extractive import Scored, candidate_units, compose, score_units
from .grounding import check_answer
from .llm import ChatClient, LLMError
from .prompting import llm_messages
from .prompts import prompt
from .questions import Question, analyse, core_question, has_kind
from .units import Unit, continues_list, leads_into_list, unit_context

Event = tuple[str, object]


@dataclass
class Answer:
    question: str
    text: str
    found: bool
    citations: list[Paragraph] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    note: str = ""  # shown to the user under the answer (e.g. why the LLM was not used)
    written_by: str = "extractive"  # or "llm"
    nearest: list[Paragraph] = field(default_factory=list)  # on a refusal: the closest paragraphs
    filters: dict = field(default_factory=dict)  # active filters: {"doc": …, "year": …}
    nearest_lines: list[str] = field(default_factory=list)  # each nearest paragraph's line closest to the question

    def as_json(self) -> dict:
        out = {
            "question": self.question,
            "answer": self.text,
            "found": self.found,
            "citations": [citation_json(p) for p in self.citations],
        }
        if not self.found:
            out["nearest"] = [citation_json(p) for p in self.nearest]
        return out


class SentenceVectors:
    """Unit embeddings, cached: the same paragraphs come back question after question."""

    def __init__(self, embedder, limit: int = 50_000) -> None:
        self.embedder = embedder
        self.limit = limit
        self._cache: dict[str, np.ndarray] = {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            if len(self._cache) + len(missing) > self.limit:
                self._cache.clear()
            for t, v in zip(missing, self.embedder.embed_passages(missing)):
                self._cache[t] = v
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)


class Answerer:
    """Builds answers from search hits.

    With an LLM (``llm`` or ``HYTE_LLM_BASE_URL``) the answer is written by it from the same
    paragraphs and must pass the grounding check; otherwise, or when it fails, it is extractive.
    """

    def __init__(self, searcher: Searcher | None = None, llm: ChatClient | None | bool = None) -> None:
        self.searcher = searcher or Searcher()
        self.llm: ChatClient | None = ChatClient.from_settings() if llm is None else (llm if isinstance(llm, ChatClient) else None)
        self._vectors: SentenceVectors | None = None

    @property
    def analyzer(self):
        return self.searcher.index.lexical(stemmed=True)[0]

    def unit_vectors(self, texts: list[str]) -> np.ndarray:
        if self._vectors is None:
            self._vectors = SentenceVectors(self.searcher.index.embedder)
        return self._vectors(texts)

    def answer(self, question: str, k: int = 6, doc: str | None = None, year: int | None = None) -> Answer:
        """The answer to one question (the LLM's reply, if any, is read whole)."""
        return final_answer(self.stream(question, k=k, doc=doc, year=year))

    def prepare(
        self, question: str, k: int = 6, doc: str | None = None, year: int | None = None
    ) -> tuple[Question, list[Hit], list[Scored], Evidence]:
        """Search, score the top paragraphs' units and gather the evidence (no decision yet)."""
        question = core_question(clean_text(question))
        q = analyse(question)
        vec = self.searcher.embed_query(question)  # once, for search and units
        hits = self.searcher.search(question, k=max(k, DEFINITION_DEPTH), doc=doc, year=year, query_vector=vec)
        hits = self._with_list_continuations(hits, q.shape == "list")
        cands = candidate_units(q, hits, self.analyzer)
        sims = self._unit_sims(q, hits, cands, vec)
        scored = score_units(q, hits, cands, sims, self.analyzer)
        evidence = gather(q, hits, self.analyzer, float(sims.max()) if len(sims) else 0.0,
                          [(u, float(sim)) for (_, u), sim in zip(cands, sims)], [s.fact for s in scored])
        return q, hits, scored, evidence

    def _with_list_continuations(self, hits: list[Hit], any_list: bool) -> list[Hit]:
        """A list that ingest split over two paragraphs is one list: a top paragraph that ends
        in the words a list goes on from ("… tavoitteita vuonna 2023 olivat"), or, for a list
        question (``any_list``), holds list items, is followed by the next paragraph of its
        section when that one starts with an item (its rank and score shared; moved up when it
        was found lower), so an answer gathers the whole list."""
        out: list[Hit] = []
        top = {h.paragraph.id for h in hits[:ANSWER_PARAGRAPHS]}
        moved: set[str] = set()
        for rank, h in enumerate(hits):
            if h.paragraph.id in moved:
                continue
            out.append(h)
            p = h.paragraph
            if rank >= ANSWER_PARAGRAPHS or not leads_into_list(p, any_list):
                continue
            for n in self.searcher.index.neighbours(p):
                if n.id not in top and n.id not in moved and continues_list(p, n):
                    out.append(Hit(n, h.score, h.dense, h.lexical))
                    moved.add(n.id)
        return out

    def _unit_sims(self, q: Question, hits: list[Hit], cands: list[tuple[int, Unit]], vec: np.ndarray) -> np.ndarray:
        """Cosines of the candidate units to the question. Embedding a unit costs as much as
        the whole search, so only the ``UNIT_EMBED_LIMIT`` units most likely to be quoted (by
        the question's words, with the paragraph's rank) are embedded; the rest count as the
        farthest of those."""
        if not cands:
            return np.zeros(0, dtype=np.float32)
        order = list(range(len(cands)))
        if len(cands) > UNIT_EMBED_LIMIT:
            figure_kind = q.shape == "fact" and q.kind in FIGURE_KINDS

            def prior(i: int) -> float:
                rank, u = cands[i]
                # a "montako / milloin" question's answer holds the kind of fact asked for: those
                # units first (their cosines are also evidence, evidence.gather)
                holds = figure_kind and has_kind(q.kind, u.text, q.text)
                return self.analyzer.coverage(q.asked, unit_context(hits[rank].paragraph, u)) - 0.1 * rank + holds
            order = sorted(order, key=prior, reverse=True)[:UNIT_EMBED_LIMIT]
        embedded = self.unit_vectors([cands[i][1].text for i in order]) @ vec
        sims = np.full(len(cands), float(embedded.min()), dtype=np.float32)
        sims[order] = embedded
        return sims

    def is_answerable(self, evidence: Evidence) -> bool:
        return evidence.answerable(model_for(self.searcher.index.embedder.name))

    def stream(self, question: str, k: int = 6, doc: str | None = None, year: int | None = None) -> Iterator[Event]:
        """Events for a chat UI: ("text", piece) while an LLM writes, then ("answer", Answer).

        The final Answer is what counts: when the LLM's text fails the grounding check, the
        final answer replaces it with the extractive one and says why in ``note``. A UI shows
        the streamed text as plain text until the final answer arrives.
        """
        question = core_question(clean_text(question))
        q, hits, scored, evidence = self.prepare(question, k, doc, year)
        filters = {key: value for key, value in (("doc", doc), ("year", year)) if value}
        if not scored or not self.is_answerable(evidence):
            yield "answer", self.refusal(question, hits, filters)
            return
        extractive = self._extractive(q, hits, scored, filters)
        if self.llm is None:
            yield "answer", extractive
            return
        sources = hits[:ANSWER_PARAGRAPHS]
        pieces: list[str] = []
        try:
            for piece in self.llm.stream(llm_messages(question, [h.paragraph for h in sources])):
                pieces.append(piece)
                yield "text", piece
        except LLMError:
            extractive.note = prompt("llm_fallback_note")
            yield "answer", extractive
            return
        checked = self._checked_llm_answer(question, "".join(pieces).strip(), hits, sources, filters)
        if checked is None:  # the reply failed the check: the extractive answer stands
            extractive.note = prompt("llm_unsupported_note")
            checked = extractive
        yield "answer", checked

    def refusal(self, question: str, hits: list[Hit], filters: dict) -> Answer:
        text = prompt("no_answer")
        if filters:
            named = []
            if filters.get("doc"):
                named.append(prompt("filter_doc").format(doc=filters["doc"]))
            if filters.get("year"):
                named.append(prompt("filter_year").format(year=filters["year"]))
            text += " " + prompt("no_answer_filtered").format(filters=", ".join(named))
        nearest = [h.paragraph for h in hits[:NEAREST_ON_REFUSAL]]
        # the line of each that shares most of the question's words, for a reader to judge by
        lines = [max(p.text.splitlines() or [""], key=lambda ln: self.analyzer.coverage(question, ln)) for p in nearest]
        return Answer(question, text, False, [], hits, nearest=nearest, filters=filters, nearest_lines=lines)

    def _extractive(self, q: Question, hits: list[Hit], scored: list[Scored], filters: dict) -> Answer:
        text, citations = compose(q, hits, scored, self.analyzer)
        return Answer(q.text, text, True, citations, hits, filters=filters)

    def _checked_llm_answer(
        self, question: str, text: str, hits: list[Hit], sources: list[Hit], filters: dict
    ) -> Answer | None:
        """The LLM's reply as an Answer, or None when it fails the grounding check."""
        no_answer = prompt("no_answer")
        if no_answer.rstrip(".").lower() in text.lower():
            return self.refusal(question, hits, filters)
        # A claim may lean on where its paragraph sits (title, year, heading) as well as its text.
        grounds = [f"{h.paragraph.title}\n{h.paragraph.section}\n{h.paragraph.text}" for h in sources]
        if not check_answer(text, grounds, self.analyzer, question).ok:
            return None
        # Renumber: only the cited paragraphs become citations, in order of first use.
        order: dict[int, int] = {}
        for n in re.findall(r"\[(\d+)\]", text):
            order.setdefault(int(n), len(order) + 1)
        text = re.sub(r"\[(\d+)\]", lambda m: f"[{order[int(m.group(1))]}]", text)
        citations = [sources[n - 1].paragraph for n in sorted(order, key=order.__getitem__)]
        return Answer(question, text, True, citations, hits, written_by="llm", filters=filters)


def final_answer(events) -> Answer:
    """The Answer at the end of a stream of chat events."""
    result = None
    for event, value in events:
        if event == "answer":
            result = value
    if not isinstance(result, Answer):
        raise RuntimeError("the answer stream ended without an answer")
    return result
