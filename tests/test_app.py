"""The Streamlit page with AppTest: first start indexes, answers carry sources with the cited
sentences marked, filters show as chips and clear, refusals show the nearest paragraphs,
hostile document text stays text, a broken file gets a Finnish notice."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def app(corpus_index, monkeypatch):
    index, _ = corpus_index
    monkeypatch.setenv("HYTE_DATA_DIR", str(index.settings.data_dir))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    at.run()
    assert not at.exception
    return at


def _answer_markdown(at: AppTest, n: int = 1) -> list[str]:
    return [m.value for m in at.chat_message[n].markdown]


def test_welcome_examples_and_a_cited_answer_with_marked_sentences(app):
    assert any("Tervetuloa" in i.value for i in app.info)
    example = next(b for b in app.button if b.label == "Mikä on Hyry?")
    example.click().run()
    assert not app.exception
    texts = _answer_markdown(app)
    assert "hyvinvointityöryhmä Hyry" in texts[0] and "\\[1\\]" in texts[0]
    assert any(e.label.startswith("[1] Hyvinvointitilinpäätös 2021") for e in app.expander)
    marked = [t for t in texts if "<mark>" in t]
    assert marked and "hyvinvointityöryhmä Hyry" in marked[0].split("<mark>", 1)[1]
    assert any("?doc=hyvinvointitilinpaatos-2021.pdf&p=1" in t for t in texts)


def test_filter_chips_show_and_clear_and_a_refusal_names_them(app):
    app.sidebar.selectbox[0].set_value("kuntakortti-2023-hyte-toiminta.txt").run()
    assert any(b.label.startswith("✕ Asiakirja") for b in app.button)
    app.chat_input[0].set_value("Kuka on Heinolan kaupunginjohtaja?").run()
    assert not app.exception
    answer = _answer_markdown(app)[0]
    assert "En löytänyt" in answer and "rajattu" in answer
    assert any("Lähimmät kohdat" in c.value for c in app.caption)
    next(b for b in app.button if b.label.startswith("✕ Asiakirja")).click().run()
    assert app.sidebar.selectbox[0].value is None
    assert not any(b.label.startswith("✕") for b in app.button)


def test_followup_and_new_conversation_clears_filters(app):
    app.chat_input[0].set_value("Miten kävelyä ja pyöräilyä edistettiin vuonna 2023?").run()
    app.chat_input[0].set_value("entä vuonna 2021?").run()
    assert not app.exception
    captions = " ".join(c.value for c in app.caption).replace("\\", "")
    assert "Tulkitsin kysymyksen: Miten kävelyä ja pyöräilyä edistettiin vuonna 2021?" in captions
    app.sidebar.selectbox[1].set_value(2023).run()
    next(b for b in app.sidebar.button if b.label == "Uusi keskustelu").click().run()
    assert app.sidebar.selectbox[1].value is None and len(app.chat_message) == 0


def test_hostile_document_text_is_shown_as_text(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "vihamielinen-2024.md").write_text(
        "# Uimahalli 2024\n\nUimahallin kävijämäärä vuonna 2024 oli 12 480 kävijää "
        "![kuva](http://example.invalid/x.png) <img src=x onerror=alert(1)> $x^2$ **lihava**.\n",
        encoding="utf-8")
    monkeypatch.setenv("HYTE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HYTE_CORPUS_DIR", str(corpus))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    at.run()
    at.chat_input[0].set_value("Mikä oli uimahallin kävijämäärä 2024?").run()
    assert not at.exception
    for text in _answer_markdown(at):
        assert "](http" not in text and "<img" not in text  # escaped: no link, image or tag renders
        assert "$x" not in text.replace("\\$", "")  # no LaTeX: every "$" escaped


def test_app_tells_in_finnish_when_a_file_cannot_be_read(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "rikki.pdf").write_bytes(b"%PDF-1.4 not really")
    (corpus / "taulukko.xlsx").write_bytes(b"PK\x03\x04")
    (corpus / "muistio-2024.txt").write_text("Muistio 2024\n\nUimahalli avattiin syyskuussa 2024.\n", encoding="utf-8")
    monkeypatch.setenv("HYTE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HYTE_CORPUS_DIR", str(corpus))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    at.run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "rikki.pdf" in warnings and "taulukko.xlsx" in warnings and "ei voitu lukea" in warnings
    at.chat_input[0].set_value("Milloin uimahalli avattiin?").run()
    assert "syyskuussa 2024" in _answer_markdown(at)[0]


def test_another_data_folder_gets_its_own_index_in_one_process(tmp_path, monkeypatch):
    """A page run with one configuration and then another (AppTest runs the page in this
    process, as a server would) must not search or write the first one's index."""
    from retriever.settings import load_settings
    from retriever.store import Index

    def run(name: str, text: str) -> AppTest:
        corpus = tmp_path / f"corpus-{name}"
        corpus.mkdir()
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        monkeypatch.setenv("HYTE_DATA_DIR", str(tmp_path / f"data-{name}"))
        monkeypatch.setenv("HYTE_CORPUS_DIR", str(corpus))
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
        at.run()
        assert not at.exception
        return at

    run("kirjasto", "Kirjasto\n\nKirjasto on auki lauantaisin.\n")
    second = run("uimahalli", "Uimahalli\n\nUimahalli avattiin syyskuussa 2024.\n")
    second.chat_input[0].set_value("Milloin uimahalli avattiin?").run()
    assert "syyskuussa 2024" in _answer_markdown(second)[0]
    monkeypatch.setenv("HYTE_DATA_DIR", str(tmp_path / "data-kirjasto"))
    assert sorted(Index(load_settings()).file_hashes()) == ["kirjasto.txt"]


def test_document_browser_deep_link(corpus_index, monkeypatch):
    index, _ = corpus_index
    monkeypatch.setenv("HYTE_DATA_DIR", str(index.settings.data_dir))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    at.query_params["doc"] = "hyvinvointitilinpaatos-2021.pdf"
    at.query_params["p"] = "9"
    at.run()
    assert not at.exception
    assert at.sidebar.radio[0].value == "documents"
    marked = [m.value for m in at.markdown if m.value.startswith("<mark>")]
    assert len(marked) == 1 and "miepä&#45;palvelun" in marked[0]  # paragraph 9, and only it
    assert at.number_input[0].value == 9
