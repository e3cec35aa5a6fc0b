"""Hyte-haku chat: a thin Streamlit page over the ingest and retriever libraries."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import streamlit as st

from answers.answerer import Answerer
from answers.conversation import Conversation
from answers.prompts import ui_texts
from ingest.pipeline import ingest
from retriever.records import body_text
from retriever.search import Searcher
from retriever.settings import load_settings

T = ui_texts()
st.set_page_config(page_title=T.get("title", "Hyte-haku"), page_icon="🔎")


@st.cache_resource(show_spinner=False)
def get_answerer() -> Answerer:
    return Answerer(Searcher())


@st.cache_resource(show_spinner=False)
def ingest_lock() -> threading.Lock:
    """One ingest at a time: browser sessions share the index."""
    return threading.Lock()


def ensure_index(answerer: Answerer) -> None:
    """Index the shipped corpus on first start (and pick up changed files), with progress."""
    if st.session_state.get("indexed"):
        return
    settings = load_settings()
    bar = st.progress(0.0, text=T.get("indexing", "Indexing…"))

    def progress(name: str, done: float, total: int) -> None:
        label = T.get("indexing_file", "{name}").format(name=name, done=int(done) + 1, total=total) if name else T.get("indexing", "")
        bar.progress(min(done / max(total, 1), 1.0), text=label)

    with ingest_lock():
        report = ingest([settings.corpus_dir], index=answerer.searcher.index, progress=progress)
    bar.empty()
    for f in report.failed:
        logging.getLogger("hyte.app").warning("could not read %s: %s", f["path"], f["error"])
        st.warning(T.get("failed_file", "{path}").format(path=Path(f["path"]).name))
    st.session_state["indexed"] = True


def show_sources(citations: list[dict]) -> None:
    if not citations:
        return
    st.caption(T.get("sources", "Lähteet"))
    for n, c in enumerate(citations, start=1):
        where = [c["title"]]
        if c.get("page"):
            pages = f"{c['page']}–{c['page_end']}" if c.get("page_end") else str(c["page"])
            where.append(f"{T.get('page', 'sivu')} {pages}")
        where.append(f"{T.get('paragraph', 'kappale')} {c['paragraph']}")
        with st.expander(f"[{n}] " + " · ".join(where)):
            if c.get("section"):
                st.markdown(f"**{c['section']}**")
            st.text(body_text(c.get("section", ""), c["text"]))
            st.caption(c["doc"])


st.title(T.get("title", "Hyte-haku"))
st.caption(T.get("caption", ""))
answerer = get_answerer()
ensure_index(answerer)

with st.sidebar:
    st.subheader(T.get("filters", "Rajaa hakua"))
    documents = answerer.searcher.index.documents()
    doc_labels = {d["doc"]: d["title"] for d in documents}
    doc = st.selectbox(T.get("document", "Asiakirja"), [None, *doc_labels],
                       format_func=lambda d: T.get("all_documents", "Kaikki") if d is None else doc_labels[d])
    years = sorted({y for d in documents for y in d["years"]})
    year = st.selectbox(T.get("year", "Vuosi"), [None, *years],
                        format_func=lambda y: T.get("all_years", "Kaikki") if y is None else str(y))
    if st.button(T.get("clear", "Uusi keskustelu")):
        st.session_state.pop("messages", None)
        st.session_state.pop("conversation", None)

history = st.session_state.setdefault("messages", [])
conversation = st.session_state.setdefault("conversation", Conversation())
for msg in history:
    with st.chat_message(msg["role"]):
        st.markdown(msg["content"])
        for note in msg.get("notes", []):
            st.caption(note)
        show_sources(msg.get("citations", []))

question = st.chat_input(T.get("input", ""))
if question:
    history.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(question)
    with st.chat_message("assistant"):
        placeholder = st.empty()
        notes: list[str] = []
        result = None
        try:
            with st.spinner(T.get("searching", "")):
                written = ""
                for event, value in conversation.ask(answerer, question, doc=doc, year=year):
                    if event == "question" and value != question:
                        notes.append(T.get("interpreted", "{question}").format(question=value))
                    elif event == "text":
                        written += value
                        placeholder.markdown(written + " ▌")
                    elif event == "answer":
                        result = value
        except Exception:  # noqa: BLE001 - the page must stay usable; details go to the log
            logging.getLogger("hyte.app").exception("answer failed")
        if result is None:
            text, citations = T.get("error", "Virhe."), []
        else:
            data = result.as_json()
            text, citations = data["answer"], data["citations"]
            if result.note:
                notes.append(result.note)
            elif result.written_by == "llm" and result.found:
                notes.append(T.get("written_by_llm", ""))
        placeholder.markdown(text)
        for note in notes:
            st.caption(note)
        show_sources(citations)
    history.append({"role": "assistant", "content": text, "citations": citations, "notes": notes})
