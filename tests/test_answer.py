"""Extractive answers: cited sentences taken verbatim, and a refusal when the material is silent."""

from __future__ import annotations

import re

from answers.answerer import Answerer
from answers.prompts import prompt


def test_answer_cites_the_paragraph_it_quotes(corpus_index):
    _, searcher = corpus_index
    ans = Answerer(searcher).answer("Kuka on perhekoordinaattori?")
    assert ans.found
    assert "Tytti Lönnrot" in ans.text
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", ans.text)}
    assert numbers and max(numbers) <= len(ans.citations)
    # every answer sentence stands in the paragraph it cites
    for sentence, n in re.findall(r"(.+?) \[(\d+)\]", ans.text):
        assert sentence.strip() in ans.citations[int(n) - 1].text.replace("\n", " ")


def test_refuses_when_material_is_silent(corpus_index):
    _, searcher = corpus_index
    ans = Answerer(searcher).answer("Montako kävijää Ohjaamossa oli vuonna 2023?")
    assert not ans.found
    assert ans.text == prompt("no_answer")
    assert ans.citations == []
    assert ans.as_json()["found"] is False
    # the nearest paragraphs each come with their line closest to the question
    assert len(ans.nearest_lines) == len(ans.nearest) > 0
    assert all(line in p.text.split("\n") for p, line in zip(ans.nearest, ans.nearest_lines))


def test_a_sentence_ending_unfinished_brings_the_list_of_the_next_paragraph(corpus_index):
    """The 2023 statement's "Palvelualueen sitovia tavoitteita vuonna 2023 olivat" ends one PDF
    paragraph; its four goals open the next one."""
    _, searcher = corpus_index
    ans = Answerer(searcher).answer("Mitä sitovia tavoitteita palvelualueella oli vuonna 2023?")
    assert ans.found
    assert "• Yhdyspintaprosessien rakentaminen hyvinvointialueen kanssa" in ans.text
    assert ans.text.index("olivat") < ans.text.index("Yhdyspintaprosessien")


def test_a_list_split_by_ingest_is_answered_whole(corpus_index):
    """The 2023 statement's list of autumn events runs over two paragraphs of the PDF; the
    second starts with items and is fetched from the index although search did not rank it."""
    _, searcher = corpus_index
    ans = Answerer(searcher).answer("Mitä tapahtumia ikääntyneille järjestettiin syksyllä 2023?")
    assert ans.found
    lines = ans.text.split("\n")
    assert any(line.startswith("• Ikääntyneiden terveydenpäivä") for line in lines)
    assert any(line.startswith("• Vanhustenviikon juhla") for line in lines)  # from the next paragraph
    cited = [(c.doc, c.paragraph) for c in ans.citations]
    assert any((d, n + 1) in cited for d, n in cited)
