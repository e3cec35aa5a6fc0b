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
