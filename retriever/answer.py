"""Finnish answers with a source number after every sentence.

By default extractive: every sentence of an answer is a sentence of a cited paragraph, kept as
written, so figures, names and years cannot change. With an LLM configured, the LLM writes the
answer from the same paragraphs and its reply must pass retriever/grounding.py, else the
extractive answer stands. Whether to answer at all is retriever/evidence.py's decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

from .evidence import TYPED_COVERAGE, Evidence
from .grounding import check_answer
from .llm import ChatClient, LLMError
from .prompts import prompt
from .questions import answer_kind, asks_definition, defines, definition_term, has_kind, wants_list
from .records import Paragraph
from .search import Hit, Searcher
from .sentences import is_content, sentences

DEFINITION_BONUS = 0.3  # a sentence that introduces the asked term ("... työryhmä Hyry.")
TYPE_BONUS = 0.25  # a sentence with the kind of fact asked for (a number for "montako")

ANSWER_PARAGRAPHS = 5  # sentences are drawn from this many top paragraphs
WHOLE_PARAGRAPH_CHARS, WHOLE_PARAGRAPH_SENTENCES = 600, 3  # a paragraph this small is quoted whole
LIST_ITEM_BONUS = 0.05
SUPPORT_SHARE = 0.7  # other paragraphs' sentences scoring this close to the best join the answer
W_LEX, W_RANK = 0.5, 0.4  # sentence score: lexical vs dense share, and the paragraph-rank prior


@dataclass
class Answer:
    question: str
    text: str
    found: bool
    citations: list[Paragraph] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    note: str = ""  # shown to the user under the answer (e.g. why the LLM was not used)
    written_by: str = "extractive"  # or "llm"

    def as_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "found": self.found,
            "citations": [
                {k: v for k, v in p.citation().items() if k != "year"} for p in self.citations
            ],
        }


class Answerer:
    """Builds answers from search hits; the refusal decision lives here.

    With an LLM (``llm`` or ``HYTE_LLM_BASE_URL``) the answer is written by it from the same
    paragraphs and must pass the grounding check; otherwise, or when it fails, the answer is
    extractive.
    """

    def __init__(self, searcher: Searcher | None = None, llm: ChatClient | None | bool = None) -> None:
        self.searcher = searcher or Searcher()
        self.llm = ChatClient.from_settings() if llm is None else (llm or None)

    def _bm25(self):
        return self.searcher.index.lexical(stemmed=True)[0]

    def coverage(self, question: str, text: str) -> float:
        return Evidence(self._bm25()).coverage(question, text)

    def is_answerable(self, question: str, hits: list[Hit], best_sentence: float) -> bool:
        """``best_sentence``: the highest similarity of a single sentence of the top paragraphs."""
        embedder = self.searcher.index.embedder
        min_dense = getattr(embedder, "min_answer_similarity", 0.0)
        if best_sentence < getattr(embedder, "min_sentence_similarity", 0.0):
            min_dense = float("inf")  # no sentence close in meaning: only strong word evidence answers
        return Evidence(self._bm25()).is_answerable(question, hits[:ANSWER_PARAGRAPHS], min_dense)

    def _candidates(self, q: np.ndarray, hits: list[Hit]) -> tuple[list[tuple[int, int, str]], np.ndarray]:
        """Content sentences of the top paragraphs as (rank, position, text), and their
        similarity to the question's embedding ``q``."""
        candidates = [
            (rank, pos, sent)
            for rank, hit in enumerate(hits[:ANSWER_PARAGRAPHS])
            for pos, sent in enumerate(sentences(hit.paragraph.text))
            if is_content(sent, hit.paragraph)
        ]
        if not candidates:
            return [], np.zeros(0, dtype=np.float32)
        return candidates, self.searcher.index.embedder.embed_passages([c[2] for c in candidates]) @ q

    def answer(self, question: str, k: int = 6, doc: str | None = None, year: int | None = None) -> Answer:
        """The answer to one question (the LLM's reply, if any, is read whole)."""
        return final_answer(self.stream(question, k=k, doc=doc, year=year))

    def stream(self, question: str, k: int = 6, doc: str | None = None, year: int | None = None):
        """Events for a chat UI: ("text", piece) while an LLM writes, then ("answer", Answer).

        The final Answer is what counts: when the LLM's text fails the grounding check, the
        final answer replaces it with the extractive one and says why in ``note``.
        """
        q = self.searcher.index.embedder.embed_queries([question])[0]  # once, for search and sentences
        hits = self.searcher.search(question, k=k, doc=doc, year=year, query_vector=q)
        candidates, sims = self._candidates(q, hits)
        best_sentence = float(sims.max()) if len(sims) else 0.0
        if not candidates or not self.is_answerable(question, hits, best_sentence):
            yield "answer", Answer(question, prompt("no_answer"), False, [], hits)
            return
        if self.llm is None:
            yield "answer", self.compose(question, hits, candidates, sims)
            return
        sources = hits[:ANSWER_PARAGRAPHS]
        pieces: list[str] = []
        try:
            for piece in self.llm.stream(self._llm_messages(question, sources)):
                pieces.append(piece)
                yield "text", piece
        except LLMError:
            fallback = self.compose(question, hits, candidates, sims)
            fallback.note = prompt("llm_fallback_note")
            yield "answer", fallback
            return
        text = "".join(pieces).strip()
        checked = self._checked_llm_answer(question, text, hits, sources)
        if checked is None:  # the reply failed the check: the extractive answer stands
            checked = self.compose(question, hits, candidates, sims)
            checked.note = prompt("llm_unsupported_note")
        yield "answer", checked

    def _llm_messages(self, question: str, sources: list[Hit]) -> list[dict]:
        blocks = []
        for n, hit in enumerate(sources, start=1):
            p = hit.paragraph
            where = f", sivu {p.pages}" if p.page else ""
            # Source text is quoted as data; the system prompt says it is never instructions.
            blocks.append(f"[{n}] {p.title} › {p.section}{where}\n\"\"\"\n{p.text}\n\"\"\"")
        user = prompt("answer").format(question=question, sources="\n\n".join(blocks))
        return [{"role": "system", "content": prompt("system")}, {"role": "user", "content": user}]

    def _checked_llm_answer(self, question: str, text: str, hits: list[Hit], sources: list[Hit]) -> Answer | None:
        """The LLM's reply as an Answer, or None when it fails the grounding check."""
        no_answer = prompt("no_answer")
        if no_answer.rstrip(".").lower() in text.lower():
            return Answer(question, no_answer, False, [], hits, written_by="llm")
        # A claim may lean on where its paragraph sits (title, year, heading) as well as its text.
        grounds = [f"{h.paragraph.title}\n{h.paragraph.section}\n{h.paragraph.text}" for h in sources]
        if not check_answer(text, grounds, self._bm25()).ok:
            return None
        # Renumber: only the cited paragraphs become citations, in order of first use.
        order: dict[int, int] = {}
        for n in re.findall(r"\[(\d+)\]", text):
            order.setdefault(int(n), len(order) + 1)
        text = re.sub(r"\[(\d+)\]", lambda m: f"[{order[int(m.group(1))]}]", text)
        citations = [sources[n - 1].paragraph for n in sorted(order, key=order.get)]
        return Answer(question, text, True, citations, hits, written_by="llm")

    def compose(
        self, question: str, hits: list[Hit], candidates: list[tuple[int, int, str]], sims: np.ndarray
    ) -> Answer:
        """Pick the sentences that answer, keep their order in the text, number the sources.

        A sentence's score mixes how many of the question's words it has (any inflection) with
        how close it is in meaning (the embedder), plus a small prior for the paragraph's rank.
        """
        as_list = wants_list(question)
        max_sentences = 5 if as_list else 4
        term = definition_term(question)
        kind = answer_kind(question)
        lo, hi = float(sims.min()), float(sims.max())
        scored = []
        for (rank, pos, sent), sim in zip(candidates, sims):
            dense = (float(sim) - lo) / (hi - lo) if hi > lo else 1.0
            # Half the credit from the sentence alone, half with its heading: items under
            # "Tavoite: Yksinäisyyden kokemus on vähentynyt" are about loneliness.
            heading = hits[rank].paragraph.heading
            lexical = 0.5 * self.coverage(question, sent) + 0.5 * self.coverage(question, f"{heading} {sent}")
            if term and defines(term, sent):
                lexical += DEFINITION_BONUS
            if has_kind(kind, sent):
                lexical += TYPE_BONUS
            score = W_LEX * lexical + (1 - W_LEX) * dense + W_RANK * (1 - rank / ANSWER_PARAGRAPHS)
            scored.append((score, rank, pos, sent))
        ranked = sorted(scored, key=lambda s: -s[0])
        top_rank = self._answer_paragraph(question, hits[:ANSWER_PARAGRAPHS])
        # The answering paragraph: whole when short, else its best sentences.
        own = [c for c in ranked if c[1] == top_rank]
        if len(hits[top_rank].paragraph.text) > WHOLE_PARAGRAPH_CHARS or len(own) > WHOLE_PARAGRAPH_SENTENCES:
            own = [c for c in own[:max_sentences] if c[0] >= SUPPORT_SHARE * own[0][0]]
        extra_max = 3 if as_list else 2
        own_best = own[0][0] if own else ranked[0][0]
        others = [c for c in ranked if c[1] != top_rank and c[0] >= SUPPORT_SHARE * own_best][:extra_max]
        best = _distinct(own + others) or ranked[:1]
        # Reading order; for "what is / who" questions the best sentence (the definition) first.
        head = own[:1] if asks_definition(question) and own else []
        # The answering paragraph's sentences come first, then the other paragraphs'.
        chosen = head + sorted((c for c in best if c not in head), key=lambda c: (c[1] != top_rank, c[1], c[2]))
        numbers: dict[int, int] = {}
        parts: list[str] = []
        for _, rank, _, sent in chosen:
            n = numbers.setdefault(rank, len(numbers) + 1)
            parts.append(f"{sent.lstrip('•▫-– ').strip()} [{n}]")
        citations = [hits[rank].paragraph for rank in sorted(numbers, key=numbers.get)]
        return Answer(question, " ".join(parts), True, citations, hits)

    def _answer_paragraph(self, question: str, hits: list[Hit]) -> int:
        """Rank of the paragraph that answers: retrieval score and the question's words in it."""
        top = max(h.score for h in hits)
        term = definition_term(question)
        kind = answer_kind(question)
        as_list = wants_list(question)

        def score(h: Hit) -> float:
            heading = h.paragraph.heading
            value = 0.5 * h.score / top + 0.5 * self.coverage(question, f"{heading}\n{h.paragraph.text}")
            if term and defines(term, h.paragraph.text):
                value += DEFINITION_BONUS
            content = [s for s in sentences(h.paragraph.text) if is_content(s, h.paragraph)]
            relevant = [s for s in content if self.coverage(question, f"{heading} {s}") >= TYPED_COVERAGE]
            if kind and any(has_kind(kind, s) for s in relevant):
                value += TYPE_BONUS
            if as_list:  # a list question is answered by a paragraph with several items, not a label
                value += LIST_ITEM_BONUS * min(4, len(relevant)) - (LIST_ITEM_BONUS * 4 if len(content) < 2 else 0)
            return value

        return max(range(len(hits)), key=lambda i: score(hits[i]))


def final_answer(events) -> Answer:
    """The Answer at the end of a stream of chat events."""
    result = None
    for event, value in events:
        if event == "answer":
            result = value
    assert isinstance(result, Answer)
    return result


def _distinct(scored: list[tuple[float, int, int, str]]) -> list[tuple[float, int, int, str]]:
    """Drop sentences that repeat one already taken ("6. Yksinäisyys on vähentynyt" and
    "Tavoite: Yksinäisyys on vähentynyt" say the same thing)."""
    out: list[tuple[float, int, int, str]] = []
    seen: list[str] = []
    for item in scored:
        core = re.sub(r"^[\W\d]*(?:tavoite:\s*)?", "", item[3].lower()).strip(" .")
        if any(fuzz.ratio(core, other) >= 90 for other in seen):
            continue
        seen.append(core)
        out.append(item)
    return out
