"""Extractive Finnish answers: sentences of the best paragraphs, each with its source number.

No LLM: every sentence of an answer is a sentence of a cited paragraph, kept as written, so
figures, names and years cannot change. A calibrated check says "not in the material"
instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .finnish import content_tokens
from .grounding import check_answer
from .llm import ChatClient, LLMError
from .prompts import prompt
from .records import Paragraph
from .search import Hit, Searcher

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])")
LIST_QUESTION = re.compile(
    r"\b(mitä|mitkä|millaisia|millaista|miten|mistä|kenen kanssa|ketkä)\b.*\b(tehtiin|järjestettiin|"
    r"ovat|olivat|toteutettiin|tarjottiin|tuetaan|aiotaan|sanotaan|koostuu|tehdään)\b",
    re.I,
)
DEFINITION_QUESTION = re.compile(r"^\s*(mikä|mitä|kuka|ketkä|mikä on|kuka on)\b", re.I)
# "Mikä on Hyry?", "mitä tarkoittaa X", or a bare term ("Hyry", "kohtaamisten aamukahvit").
WHAT_IS = re.compile(r"^\s*(?:mikä|mitä|kuka|ketkä)\s+(?:on|ovat|oli|tarkoittaa|tarkoitetaan)\s+(.+?)\??\s*$", re.I)
DEFINITION_BONUS = 0.3

# What kind of answer a question wants; a sentence of that kind scores higher.
_ASKS = {
    "quantity": re.compile(r"^\s*(montako|monta|kuinka (monta|moni|monesta|monella|paljon)|paljonko|minkä verran)\b", re.I),
    "time": re.compile(r"^\s*(milloin|mihin aikaan|minä päivänä|mistä lähtien|koska)\b", re.I),
    "person": re.compile(r"^\s*(kuka|ketkä|kenen|keneltä|kenelle|kehen)\b", re.I),
}
_HAS = {
    "quantity": re.compile(r"\d|\b(yksi|kaksi|kolme|neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän|kymmenen)\b", re.I),
    "time": re.compile(r"\d{1,2}\.\d{1,2}\.|\b(19|20)\d\d\b|(tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)"
                       r"(kuu|kuussa|kuun)|keväällä|kesällä|syksyllä|talvella|alkuvuo|loppuvuo", re.I),
    "person": re.compile(r"[A-ZÅÄÖ][a-zåäö]+(?:-[a-zåäö]+)?\s+[A-ZÅÄÖ][a-zåäö]+|johtaja|johtoryhmä|työryhmä|lautakunta|päällikkö"),
}
TYPE_BONUS = 0.25
TYPED_COVERAGE = 0.3
PREFIX_EVIDENCE = 0.5


def answer_kind(question: str) -> str | None:
    return next((kind for kind, rx in _ASKS.items() if rx.search(question)), None)


def has_kind(kind: str | None, sentence: str) -> bool:
    return kind is not None and bool(_HAS[kind].search(sentence))

# Refusal thresholds, calibrated on the development set (python -m retriever.eval prints the rates).
# Both retrievers must agree that something relevant was found: enough of the question's words
# in a top paragraph, and a top paragraph close in meaning (cosine, on the embedder's own scale).
MIN_COVERAGE = 0.31  # idf-weighted share of the question's words found in one top-5 paragraph
STRONG_COVERAGE = 0.8  # this much lexical evidence answers on its own
MEDIUM_COVERAGE, MEDIUM_DENSE_SLACK = 0.6, 0.02
ANSWER_PARAGRAPHS = 5  # sentences are drawn from this many top paragraphs
WHOLE_PARAGRAPH_CHARS = 600  # an answering paragraph up to this long is quoted whole
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


_ABBREVIATION = re.compile(r"(?:^|\s)(?:esim|mm|max|min|n|ns|ym|yms|klo|ks|kts|vrt|milj|t|s|nro|pj|ka)\.$", re.I)


def sentences(text: str) -> list[str]:
    """Sentences and list items of a paragraph, in order ("esim." and "max." end no sentence)."""
    out: list[str] = []
    for line in text.split("\n"):
        pieces = [s.strip() for s in _SENTENCE.split(line) if s.strip()]
        merged: list[str] = []
        for piece in pieces:
            if merged and (_ABBREVIATION.search(merged[-1]) or re.fullmatch(r"[\d.]+", merged[-1])):
                merged[-1] = f"{merged[-1]} {piece}"
            else:
                merged.append(piece)
        out += merged
    return out


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
        """idf-weighted share of the question's words that the text contains (any form)."""
        bm25 = self._bm25()
        have = bm25.text_terms(text)
        total = got = 0.0
        for tok in dict.fromkeys(content_tokens(question)):
            terms = bm25.token_terms(tok)
            weight = max((bm25.idf(t) for t in terms), default=0.0)
            if weight <= 0:
                weight = bm25.max_idf  # a word the index has never seen is as specific as can be
            total += weight
            # A shared stem prefix is good evidence of the same word in another inflection.
            matched = [PREFIX_EVIDENCE if t.startswith("~") else w for t, w in terms.items() if t in have]
            if matched:
                got += weight * min(1.0, max(matched))
        return got / total if total else 0.0

    def is_answerable(self, question: str, hits: list[Hit]) -> bool:
        if not hits:
            return False
        top = hits[:ANSWER_PARAGRAPHS]
        best_cov = max(self.coverage(question, h.paragraph.section.split(" › ")[-1] + "\n" + h.paragraph.text) for h in top)
        best_dense = max((h.dense or 0.0) for h in top)
        kind = answer_kind(question)
        if kind and not any(
            has_kind(kind, sent) and self.coverage(question, sent) >= TYPED_COVERAGE
            for h in top
            for sent in sentences(h.paragraph.text)
        ):
            return False  # "how many / when / who" with no such fact near the question's words
        if best_cov >= STRONG_COVERAGE:
            return True
        min_dense = getattr(self.searcher.index.embedder, "min_answer_similarity", 0.0)
        if best_cov >= MIN_COVERAGE and best_dense >= min_dense:
            return True
        # Most of the words, and close enough in meaning: short questions sit lower on e5's scale.
        return best_cov >= MEDIUM_COVERAGE and best_dense >= min_dense - MEDIUM_DENSE_SLACK

    def answer(self, question: str, k: int = 6, doc: str | None = None, year: int | None = None) -> Answer:
        """The answer to one question (the LLM's reply, if any, is read whole)."""
        result = None
        for event, value in self.stream(question, k=k, doc=doc, year=year):
            if event == "answer":
                result = value
        assert result is not None
        return result

    def stream(self, question: str, k: int = 6, doc: str | None = None, year: int | None = None):
        """Events for a chat UI: ("text", piece) while an LLM writes, then ("answer", Answer).

        The final Answer is what counts: when the LLM's text fails the grounding check, the
        final answer replaces it with the extractive one and says why in ``note``.
        """
        hits = self.searcher.search(question, k=k, doc=doc, year=year)
        if not self.is_answerable(question, hits):
            yield "answer", Answer(question, prompt("no_answer"), False, [], hits)
            return
        if self.llm is None:
            yield "answer", self.compose(question, hits)
            return
        sources = hits[:ANSWER_PARAGRAPHS]
        pieces: list[str] = []
        try:
            for piece in self.llm.stream(self._llm_messages(question, sources)):
                pieces.append(piece)
                yield "text", piece
        except LLMError:
            fallback = self.compose(question, hits)
            fallback.note = prompt("llm_fallback_note")
            yield "answer", fallback
            return
        yield "answer", self._checked_llm_answer(question, "".join(pieces).strip(), hits, sources)

    def _llm_messages(self, question: str, sources: list[Hit]) -> list[dict]:
        blocks = []
        for n, hit in enumerate(sources, start=1):
            p = hit.paragraph
            where = f", sivu {p.page}" if p.page else ""
            # Source text is quoted as data; the system prompt says it is never instructions.
            blocks.append(f"[{n}] {p.title} › {p.section}{where}\n\"\"\"\n{p.text}\n\"\"\"")
        user = prompt("answer").format(question=question, sources="\n\n".join(blocks))
        return [{"role": "system", "content": prompt("system")}, {"role": "user", "content": user}]

    def _checked_llm_answer(self, question: str, text: str, hits: list[Hit], sources: list[Hit]) -> Answer:
        no_answer = prompt("no_answer")
        if no_answer.rstrip(".").lower() in text.lower():
            return Answer(question, no_answer, False, [], hits, written_by="llm")
        # A claim may lean on where its paragraph sits (title, year, heading) as well as its text.
        grounds = [f"{h.paragraph.title}\n{h.paragraph.section}\n{h.paragraph.text}" for h in sources]
        check = check_answer(text, grounds, self._bm25())
        if not check.ok:
            fallback = self.compose(question, hits)
            fallback.note = prompt("llm_unsupported_note")
            return fallback
        # Renumber: only the cited paragraphs become citations, in order of first use.
        order: dict[int, int] = {}
        for n in re.findall(r"\[(\d+)\]", text):
            order.setdefault(int(n), len(order) + 1)
        text = re.sub(r"\[(\d+)\]", lambda m: f"[{order[int(m.group(1))]}]", text)
        citations = [sources[n - 1].paragraph for n in sorted(order, key=order.get)]
        return Answer(question, text, True, citations, hits, written_by="llm")

    def compose(self, question: str, hits: list[Hit]) -> Answer:
        """Pick the sentences that answer, keep their order in the text, number the sources.

        A sentence's score mixes how many of the question's words it has (any inflection) with
        how close it is in meaning (the embedder), plus a small prior for the paragraph's rank.
        """
        wants_list = bool(LIST_QUESTION.search(question))
        max_sentences = 5 if wants_list else 4
        candidates = [
            (rank, pos, sent)
            for rank, hit in enumerate(hits[:ANSWER_PARAGRAPHS])
            for pos, sent in enumerate(sentences(hit.paragraph.text))
            if _is_content(sent, hit.paragraph)
        ]
        if not candidates:
            return Answer(question, prompt("no_answer"), False, [], hits)
        embedder = self.searcher.index.embedder
        term = definition_term(question)
        kind = answer_kind(question)
        q = embedder.embed_queries([question])[0]
        sims = embedder.embed_passages([c[2] for c in candidates]) @ q
        lo, hi = float(sims.min()), float(sims.max())
        scored = []
        for (rank, pos, sent), sim in zip(candidates, sims):
            dense = (float(sim) - lo) / (hi - lo) if hi > lo else 1.0
            lexical = self.coverage(question, sent)
            if term and defines(term, sent):
                lexical += DEFINITION_BONUS
            if has_kind(kind, sent):
                lexical += TYPE_BONUS
            score = W_LEX * lexical + (1 - W_LEX) * dense + W_RANK * (1 - rank / ANSWER_PARAGRAPHS)
            scored.append((score, rank, pos, sent))
        ranked = sorted(scored, key=lambda s: -s[0])
        top_rank = self._answer_paragraph(question, hits[:ANSWER_PARAGRAPHS])
        # The paragraph of the best sentence answers: whole when short, else its best sentences.
        own = [c for c in ranked if c[1] == top_rank]
        if len(hits[top_rank].paragraph.text) > WHOLE_PARAGRAPH_CHARS:
            own = own[:max_sentences]
        extra_share, extra_max = (0.8, 3) if wants_list else (0.9, 1)
        own_best = own[0][0] if own else ranked[0][0]
        others = [c for c in ranked if c[1] != top_rank and c[0] >= extra_share * own_best][:extra_max]
        best = own + others or ranked[:1]
        # Reading order; for "what is / who" questions the best sentence (the definition) first.
        head = own[:1] if DEFINITION_QUESTION.match(question) and own else []
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

        def score(h: Hit) -> float:
            heading = h.paragraph.section.split(" › ")[-1]
            value = 0.5 * h.score / top + 0.5 * self.coverage(question, f"{heading}\n{h.paragraph.text}")
            if term and defines(term, h.paragraph.text):
                value += DEFINITION_BONUS
            if kind and any(has_kind(kind, s) and self.coverage(question, s) >= 0.3 for s in sentences(h.paragraph.text)):
                value += TYPE_BONUS / 2
            return value

        return max(range(len(hits)), key=lambda i: score(hits[i]))


def definition_term(question: str) -> str | None:
    """The term an onboarding question asks about ("Mikä on Hyry?" -> "Hyry"), if it is one."""
    m = WHAT_IS.match(question)
    if m:
        return m.group(1).strip()
    if len(content_tokens(question)) <= 3 and not question.rstrip().endswith("?"):
        return question.strip()
    return None


def defines(term: str, text: str) -> bool:
    """The text introduces the term as written: "X on ...", "X eli ...", or "... työryhmä X"."""
    t = re.escape(term.strip())
    return bool(
        re.search(rf"(?<![\wåäö-]){t}\s+(?:on|ovat|eli|tarkoittaa|=)\s", text, re.I)
        or re.search(rf"[a-zåäö]{{4,}}\s+{t}(?:[.,;:)]|\s+(?:ja|on|vastaa))", text)
        or re.search(rf"(?<![\wåäö-]){t}\s*[(–-]\s", text, re.I)
    )


def _is_content(sentence: str, paragraph: Paragraph) -> bool:
    """Headings and labels inside the text ("Kuntalaisten hyvinvointi:") are not answers."""
    s = sentence.strip().lstrip("•▫-– ").strip()
    if not re.search(r"[A-Za-zÅÄÖåäö]{2}|\d{3}", s):  # a stray "4.2." is no sentence; a phone number is
        return False
    if s in paragraph.section.split(" › "):
        # A heading line is no answer, unless it is a label that names people
        # ("Perhekoordinaattori Tytti Lönnrot ja ...", "... Hepo-oja, Pirjo").
        names = re.search(r"[A-ZÅÄÖ][\wåäö-]+(?:\s+|,\s+)[A-ZÅÄÖ][a-zåäö]", s[1:])
        if re.match(r"\d+(\.\d+)*\.?(\s|$)", s) or not names:
            return False
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.85:
        return False
    return not (s.endswith(":") and len(s.split()) <= 4)
