"""Follow-up questions in a chat: "entä vuonna 2021?", "kuka siitä vastaa?" made standalone.

Without an LLM, rules: a question that starts with "entä"/"entäs"/"ja", or leans on a pronoun
with few words of its own, borrows the topic of the previous question (a new year replaces the
old one). With an LLM, the rewrite prompt in prompts/rewrite.txt does it, and the rules are the
fallback when the LLM fails.
"""

from __future__ import annotations

import re

from retriever.finnish import content_tokens
from retriever.years import years_in

from .llm import ChatClient, LLMError
from .prompts import prompt

_OPENER = re.compile(r"^\s*(entä|entäs|entäpä|mites|ja|kun taas)\b[\s,]*", re.I)
_PRONOUN = re.compile(
    r"\b(se|sen|siitä|siihen|sitä|sillä|siinä|ne|niistä|niitä|niille|niihin|hän|he|heistä|tämä|tästä|tähän|"
    r"sama|samaa|samasta|kyseinen|kyseisestä)\b",
    re.I,
)
_YEAR_PHRASE = re.compile(r"\b(vuonna|vuodelta|vuodesta|vuoden|vuosina)?\s*((?:19|20)\d\d)\b", re.I)


def is_followup(question: str) -> bool:
    if _OPENER.match(question):
        return True
    own = [t for t in content_tokens(question) if not t.isdigit()]
    return bool(_PRONOUN.search(question)) and len(own) <= 2


def resolve_by_rules(question: str, previous: str) -> str:
    """Make a follow-up standalone using the previous (already standalone) question."""
    if not previous or not is_followup(question):
        return question
    body = _OPENER.sub("", question).strip()
    new_years = years_in(body)
    rest = _YEAR_PHRASE.sub("", body).strip(" ?.!,")
    old_years = years_in(previous)
    if new_years and not content_tokens(rest):  # "entä vuonna 2021?"
        if old_years:
            out = previous
            for old in dict.fromkeys(old_years):
                out = out.replace(str(old), str(new_years[0]))
            return out
        return f"{previous.rstrip(' ?')} vuonna {new_years[0]}?"
    # "entä lapsille?" after "Mitä ikäihmisille tehtiin?": the word in the same case is swapped.
    new_words = content_tokens(rest)
    if len(new_words) == 1 and not _PRONOUN.search(rest):
        for word in content_tokens(previous):
            if word != new_words[0] and len(word) > 4 and word[-3:] == new_words[0][-3:]:
                swapped = re.sub(rf"\b{re.escape(word)}\b", new_words[0], previous, count=1, flags=re.I)
                if new_years and old_years:  # "entä lapsille vuonna 2021?"
                    swapped = swapped.replace(str(old_years[0]), str(new_years[0]))
                return swapped
    # "kuka siitä vastaa?": keep the new question, add the previous question's topic words.
    own = set(content_tokens(body))
    topic = [t for t in content_tokens(previous) if t not in own]
    return f"{body.rstrip(' ?')} ({' '.join(topic)})?" if topic else body


def resolve(question: str, history: list[str], llm: ChatClient | None = None) -> str:
    """``history``: earlier standalone user questions of the conversation, oldest first."""
    if not history or not is_followup(question):
        return question
    if llm is not None:
        try:
            lines = "\n".join(f"Käyttäjä: {h}" for h in history[-4:])
            rewritten = llm.complete(
                [{"role": "user", "content": prompt("rewrite").format(history=lines, question=question)}]
            ).strip().splitlines()
            if rewritten and rewritten[0].strip():
                return rewritten[0].strip()
        except LLMError:
            pass
    return resolve_by_rules(question, history[-1])
