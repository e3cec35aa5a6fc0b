"""A chat conversation: follow-up questions resolved with the history, answers streamed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .answerer import Answer, Answerer, final_answer
from .followup import resolve


@dataclass
class Conversation:
    """What the chat remembers between turns: the standalone form of each user question."""

    questions: list[str] = field(default_factory=list)

    def ask(
        self, answerer: Answerer, question: str, doc: str | None = None, year: int | None = None
    ) -> Iterator[tuple[str, object]]:
        """Events: ("question", standalone question) first, then Answerer.stream's events."""
        standalone = resolve(question, self.questions, answerer.llm)
        self.questions.append(standalone)
        yield "question", standalone
        yield from answerer.stream(standalone, doc=doc, year=year)

    def answer(self, answerer: Answerer, question: str, doc: str | None = None, year: int | None = None) -> Answer:
        return final_answer(self.ask(answerer, question, doc=doc, year=year))
