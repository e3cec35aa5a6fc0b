"""The Streamlit page end to end with AppTest: first start indexes, a Finnish question gets sources."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def test_app_answers_a_question_with_sources(tmp_path, monkeypatch):
    monkeypatch.setenv("HYTE_DATA_DIR", str(tmp_path / "data"))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    at.run()
    assert not at.exception
    at.chat_input[0].set_value("Mikä on Hyry?").run()
    assert not at.exception
    answer = at.chat_message[1].markdown[0].value
    assert "Hyry" in answer and "[1]" in answer
    assert any("[1]" in e.label for e in at.expander)


def test_app_document_filter_and_followup(tmp_path, monkeypatch):
    monkeypatch.setenv("HYTE_DATA_DIR", str(tmp_path / "data"))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    at.run()
    at.sidebar.selectbox[0].set_value("kuntakortti-2023-hyte-toiminta.txt").run()
    at.chat_input[0].set_value("Mitä ikääntyneille järjestettiin?").run()
    assert not at.exception
    sources = [e.label for e in at.expander]
    assert sources and all("Kuntakortti" in label for label in sources)
    at.sidebar.selectbox[0].set_value(None).run()
    at.chat_input[0].set_value("Miten kävelyä ja pyöräilyä edistettiin vuonna 2023?").run()
    at.chat_input[0].set_value("entä vuonna 2021?").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "Tulkitsin kysymyksen: Miten kävelyä ja pyöräilyä edistettiin vuonna 2021?" in captions
