"""The LLM's messages: Finnish instructions from prompts/, the sources quoted as data."""

from __future__ import annotations

from retriever.records import Paragraph

from .citations import where
from .prompts import prompt


def llm_messages(question: str, sources: list[Paragraph]) -> list[dict]:
    """System and user messages; source text sits inside ``<lähteet>`` and quotes, and the
    system prompt says it is never instructions."""
    blocks = []
    for n, p in enumerate(sources, start=1):
        text = p.text.replace('"""', "”””")  # a document cannot close the quote it sits in
        blocks.append(f"[{n}] {where(p, page_word='sivu', paragraph_word='kappale')}\n\"\"\"\n{text}\n\"\"\"")
    user = prompt("answer").format(question=question, sources="\n\n".join(blocks))
    return [{"role": "system", "content": prompt("system")}, {"role": "user", "content": user}]
