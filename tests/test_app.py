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


def test_app_tells_in_finnish_when_a_file_cannot_be_read(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rikki.pdf").write_bytes(b"%PDF-1.4 not really")
    (corpus / "muistio-2024.txt").write_text("Muistio 2024\n\nUimahalli avattiin syyskuussa 2024.\n", encoding="utf-8")
    monkeypatch.setenv("HYTE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HYTE_CORPUS_DIR", str(corpus))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    at.run()
    assert not at.exception
    warning = at.warning[0].value
    assert "rikki.pdf" in warning and "ei voitu lukea" in warning and "PDF" not in warning.replace("rikki.pdf", "")
    at.chat_input[0].set_value("Milloin uimahalli avattiin?").run()
    assert "syyskuussa 2024" in at.chat_message[1].markdown[0].value
