"""Follow-up questions resolved with the conversation: rules without an LLM, the rewrite prompt with one."""

from __future__ import annotations

from answers.answerer import Answerer
from answers.conversation import Conversation
from answers.followup import resolve
from answers.llm import ChatClient

from .fake_llm import FakeLLM


def test_rules_resolve_year_and_topic_followups():
    assert resolve("entä vuonna 2021?", ["Mitä ikäihmisille tehtiin 2023?"]) == "Mitä ikäihmisille tehtiin 2021?"
    assert resolve("Entä 2021?", ["Miten kävelyä edistettiin?"]) == "Miten kävelyä edistettiin vuonna 2021?"
    assert resolve("entä lapsille?", ["Mitä ikäihmisille tehtiin 2023?"]) == "Mitä lapsille tehtiin 2023?"
    assert "kotouttamisen" in resolve("kuka siitä vastaa?", ["Mikä on kotouttamisen palvelu?"])
    assert resolve("Mikä on Hyry?", ["Mikä on kotouttamisen palvelu?"]) == "Mikä on Hyry?"
    assert resolve("entä vuonna 2021?", []) == "entä vuonna 2021?"


def test_conversation_answers_a_followup_from_the_right_year(corpus_index):
    _, searcher = corpus_index
    chat = Conversation()
    answerer = Answerer(searcher, llm=False)
    first = chat.answer(answerer, "Miten kävelyä ja pyöräilyä edistettiin vuonna 2023?")
    second = chat.answer(answerer, "entä vuonna 2021?")
    assert chat.questions[1] == "Miten kävelyä ja pyöräilyä edistettiin vuonna 2021?"
    assert second.found and 2021 in second.citations[0].years
    assert first.question != second.question


def test_llm_rewrites_followups(corpus_index):
    _, searcher = corpus_index
    with FakeLLM(lambda m: "Kuka vastaa kotouttamisesta Heinolassa?") as server:
        client = ChatClient(server.base_url, "m", timeout=5)
        assert resolve("kuka siitä vastaa?", ["Mikä on kotouttaminen?"], client) == "Kuka vastaa kotouttamisesta Heinolassa?"
        assert "Mikä on kotouttaminen?" in server.requests[0]["messages"][0]["content"]
