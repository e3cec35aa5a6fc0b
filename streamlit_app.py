"""Hyte-haku: a thin Streamlit page over the ingest, retriever and answers libraries.

Views: the chat (sources with the cited sentences marked, filters as chips, feedback, upload),
the document browser (deep links ?doc=<file>&p=<paragraph>), the glossary, a topic across the
years, and the index's status. Document text is always escaped before it reaches the page.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

import streamlit as st

from answers import workspace as ws
from answers.answerer import Answer, Answerer
from answers.citations import place, where
from answers.conversation import Conversation
from answers.feedback import FeedbackStore
from answers.prompts import ui_texts
from answers.questions import analyse
from ingest.pipeline import IngestBusy, ingest, ingest_lock, safe_upload_name
from ingest.progress import Eta
from retriever.records import Paragraph
from retriever.search import Searcher
from retriever.settings import load_settings
from retriever.store import is_unavailable

T = ui_texts()
log = logging.getLogger("hyte.app")
st.set_page_config(page_title=T["title"], page_icon="🔎", layout="wide")
UPLOADER_CSS = """<style>
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { display: none; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after { content: "LABEL"; }
</style>"""
settings = load_settings()


@st.cache_resource(show_spinner=False)
def cached_answerer(config: str) -> Answerer:
    # one per configuration (the settings' repr): a process that meets another data folder or
    # Chroma server never writes to or searches the index loaded for the first
    return Answerer(Searcher())


def get_answerer() -> Answerer:
    return cached_answerer(repr(load_settings()))


def left_label(seconds: float | None) -> str:
    if seconds is None or seconds <= 0:
        return ""
    return T["minutes_left"].format(minutes=round(seconds / 60)) if seconds >= 90 else \
        T["seconds_left"].format(seconds=max(1, round(seconds)))


def run_ingest(answerer: Answerer, paths: list[Path]):
    """Ingest with a progress bar and the time left; None when another ingest is running."""
    bar = st.progress(0.0, text=T["indexing"])
    eta = Eta()

    def progress(name: str, done: float, total: int) -> None:
        share, left = eta.update(done, total)
        label = T["indexing_file"].format(name=name, done=min(int(done) + 1, total), total=total, left=left_label(left))
        bar.progress(share, text=label if name else T["indexing"])

    try:
        with ingest_lock(settings, wait=False):
            report = ingest(paths, index=answerer.searcher.index, progress=progress)
    except IngestBusy:
        st.info(T["busy"])
        return None
    finally:
        bar.empty()
    for f in report.failed:
        log.warning("could not read %s: %s", f["path"], f["error"])
        st.warning(T["failed_file"].format(path=Path(f["path"]).name, reason=f["error"]))
    return report


def ensure_index(answerer: Answerer) -> None:
    """Index the corpus folder on first start (and pick up changed files), with progress."""
    if st.session_state.get("indexed"):
        return
    run_ingest(answerer, [settings.corpus_dir])
    st.session_state["indexed"] = True


def show_source(n: int, c: Paragraph, answer_text: str, answerer: Answerer) -> None:
    with st.expander(f"[{n}] " + place(c, T["page"], T["paragraph"])):
        if c.section:
            st.caption(ws.md_escape(c.section))
        # Escaped text, with the sentences the answer quotes marked.
        st.markdown(ws.highlighted_html(c, answer_text), unsafe_allow_html=True)
        neighbours = {p.paragraph: p for p in answerer.searcher.index.neighbours(c)}
        for label, number in ((T["before"], c.paragraph - 1), (T["after"], c.paragraph + 1)):
            if number in neighbours:
                st.caption(f"{label}: " + ws.md_escape(neighbours[number].text[:300]))
        st.markdown(f"[{T['open_in_browser']}]({ws.deep_link(c.doc, c.paragraph)})")


def show_answer(msg: dict, answerer: Answerer, key: str) -> None:
    st.markdown(ws.md_escape(msg["content"]))
    for note in msg.get("notes", []):
        st.caption(ws.md_escape(note))
    citations = [Paragraph.from_json(c) for c in msg.get("citations", [])]
    if citations:
        st.caption(T["sources"])
        for n, c in enumerate(citations, start=1):
            show_source(n, c, msg["content"], answerer)
        with st.popover(T["copy"]):
            st.code(msg["content"] + "\n\n" + "\n".join(msg.get("source_lines", [])), language=None)
    nearest = [Paragraph.from_json(c) for c in msg.get("nearest", [])]
    if nearest:
        st.caption(T["nearest"])
        for n, c in enumerate(nearest, start=1):
            show_source(n, c, "", answerer)
    if msg.get("question"):
        feedback_form(msg, key)


def feedback_form(msg: dict, key: str) -> None:
    if st.session_state.get(f"fb-done-{key}"):
        st.caption(T["feedback_thanks"])
        return
    rating = st.feedback("thumbs", key=f"fb-{key}")
    if rating is not None:
        comment = st.text_input(T["feedback_comment"], key=f"fbc-{key}", max_chars=1000)
        if st.button(T["feedback_send"], key=f"fbs-{key}"):
            FeedbackStore(settings).add(msg["question"], msg["content"], 1 if rating == 1 else -1, comment,
                                        msg.get("source_lines", []))
            st.session_state[f"fb-done-{key}"] = True
            st.rerun()


def chat_view(answerer: Answerer) -> None:
    documents = answerer.searcher.index.documents()
    doc_labels = {d["doc"]: d["title"] for d in documents}
    years = sorted({y for d in documents for y in d["years"]})
    with st.sidebar:
        st.subheader(T["filters"])
        doc = st.selectbox(T["document"], [None, *doc_labels], key="doc_filter",
                           format_func=lambda d: T["all_documents"] if d is None else doc_labels.get(d, d))
        year = st.selectbox(T["year"], [None, *years], key="year_filter",
                            format_func=lambda y: T["all_years"] if y is None else str(y))
        st.button(T["clear"], on_click=new_conversation)
        upload_box(answerer)

    history = st.session_state.setdefault("messages", store().load_conversation(session_id()))
    conversation = st.session_state.setdefault("conversation", Conversation(
        [m["content"] for m in history if m["role"] == "user"]))
    filter_chips(doc, year, doc_labels)
    if not history:
        welcome()
    for i, msg in enumerate(history):
        with st.chat_message(msg["role"]):
            if msg["role"] == "user":
                st.markdown(ws.md_escape(msg["content"]))
            else:
                show_answer(msg, answerer, key=str(i))

    question = st.chat_input(T["input"], max_chars=settings.max_question_chars) or st.session_state.pop("example", None)
    if question:
        ask(answerer, conversation, history, question, doc, year)


def ask(answerer: Answerer, conversation: Conversation, history: list, question: str, doc, year) -> None:
    if len(question) > settings.max_question_chars:
        st.warning(T["too_long"].format(length=len(question), limit=settings.max_question_chars))
        return
    history.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(ws.md_escape(question))
    asked_years = analyse(question).years
    if asked_years and not year:
        st.caption(T["active_filters"] + " " + T["year_in_question"].format(year=asked_years[0]))
    with st.chat_message("assistant"):
        placeholder = st.empty()
        notes: list[str] = []
        result: Answer | None = None
        error = T["error"]
        try:
            with st.spinner(T["searching"]):
                written = ""
                for event, value in conversation.ask(answerer, question, doc=doc, year=year):
                    if event == "question" and value != question:
                        notes.append(T["interpreted"].format(question=value))
                    elif event == "text":
                        written += str(value)
                        placeholder.text(written + " ▌")  # plain text until the reply is checked
                    elif event == "answer" and isinstance(value, Answer):
                        result = value
        except Exception as exc:  # noqa: BLE001 - the page must stay usable; details go to the log
            log.exception("answer failed")
            if is_unavailable(exc):
                error = T["unavailable"]
        placeholder.empty()
        msg: dict[str, object]
        if result is None:
            msg = {"role": "assistant", "content": error, "notes": notes}
        else:
            if result.note:
                notes.append(result.note)
            elif result.written_by == "llm" and result.found:
                notes.append(T["written_by_llm"])
            msg = {
                "role": "assistant", "content": result.text, "notes": notes, "question": question,
                "citations": [p.to_json() for p in result.citations],
                "nearest": [p.to_json() for p in result.nearest],
                "source_lines": [f"[{n}] {where(p)}" for n, p in enumerate(result.citations, start=1)],
            }
        history.append(msg)
        show_answer(msg, answerer, key=str(len(history) - 1))
    store().save_conversation(session_id(), history)


def filter_chips(doc, year, doc_labels: dict) -> None:
    chips = []
    if doc:
        chips.append(("doc_filter", f"{T['document']}: {doc_labels.get(doc, doc)}"))
    if year:
        chips.append(("year_filter", f"{T['year']}: {year}"))
    if not chips:
        return
    cols = st.columns([2] + [3] * len(chips) + [6])
    cols[0].caption(T["active_filters"])
    for col, (key, label) in zip(cols[1:], chips):
        col.button(f"✕ {label}", key=f"chip-{key}", help=T["remove_filter"], on_click=clear_filter, args=(key,))


def clear_filter(key: str) -> None:
    st.session_state[key] = None


def welcome() -> None:
    st.info(T["welcome"])
    st.caption(T["examples"])
    cols = st.columns(4)
    for col, key in zip(cols, ("example_topic", "example_onboarding", "example_onboarding2", "example_past")):
        if col.button(T[key], key=f"ex-{key}"):
            st.session_state["example"] = T[key]
            st.rerun()


def upload_box(answerer: Answerer) -> None:
    st.subheader(T["upload"])
    # Streamlit's uploader speaks English ("Upload", "200MB per file"): its button gets the
    # Finnish label and its own size line goes (the label above gives our limit).
    st.markdown(UPLOADER_CSS.replace("LABEL", T["upload_button"].replace('"', "")), unsafe_allow_html=True)
    files = st.file_uploader(T["upload_help"].format(mb=int(settings.max_file_mb)), accept_multiple_files=True,
                             type=["pdf", "txt", "md", "docx"], key=f"up-{st.session_state.get('up_round', 0)}")
    if not files:
        return
    saved = []
    for f in files:
        name, problem = safe_upload_name(f.name, f.size, settings)
        if problem == "type":
            st.error(T["upload_type"].format(name=f.name, suffix=Path(f.name).suffix or "?"))
            continue
        if problem == "size":
            st.error(T["upload_large"].format(name=f.name, mb=round(f.size / 1e6), limit=int(settings.max_file_mb)))
            continue
        settings.corpus_dir.mkdir(parents=True, exist_ok=True)
        target = settings.corpus_dir / name
        target.write_bytes(f.getvalue())
        saved.append(target)
    if saved:
        report = run_ingest(answerer, [settings.corpus_dir])
        if report is not None:
            bad = {Path(x["path"]).name: x["error"] for x in report.failed}
            for target in saved:
                if target.name in bad:
                    st.error(T["upload_failed"].format(name=target.name, reason=bad[target.name]))
                    target.unlink(missing_ok=True)  # nothing already indexed is touched
                else:
                    st.success(T["upload_done"].format(name=target.name, chunks=report.chunks))
    st.session_state["up_round"] = st.session_state.get("up_round", 0) + 1


def documents_view(answerer: Answerer) -> None:
    index = answerer.searcher.index
    st.header(T["documents_heading"])
    st.caption(T["documents_caption"])
    docs = ws.documents(index)
    st.dataframe(
        [{T["col_title"]: d.title, T["col_years"]: ", ".join(map(str, d.years)), T["col_kind"]: d.kind,
          T["col_paragraphs"]: d.paragraphs} for d in docs],
        hide_index=True, use_container_width=True,
    )
    params = st.query_params
    names = [d.doc for d in docs]
    wanted = params.get("doc")
    chosen = st.selectbox(T["document"], names, index=names.index(wanted) if wanted in names else 0,
                          format_func=lambda n: next((d.title for d in docs if d.doc == n), n))
    if not chosen:
        return
    paras = index.document(chosen)
    if not paras:
        return
    target = int(params.get("p", paras[0].paragraph)) if str(params.get("p", "")).isdigit() else paras[0].paragraph
    left, right = st.columns([1, 2])
    with left:
        st.subheader(T["contents"])
        for section, first in ws.table_of_contents(paras):
            st.markdown(f"[{ws.md_escape(section.split(' › ')[-1])}]({ws.deep_link(chosen, first)})")
    with right:
        numbers = [p.paragraph for p in paras]
        target = st.number_input(T["read_from"], min_value=numbers[0], max_value=numbers[-1],
                                 value=min(max(target, numbers[0]), numbers[-1]))
        st.caption(T["link_caption"] + " " + ws.deep_link(chosen, int(target)))
        for p in paras:
            if abs(p.paragraph - target) > 3:
                continue
            label = place(p, T["page"], T["paragraph"], title=False)
            st.caption(label + (" · " + ws.md_escape(p.section) if p.section else ""))
            body = ws.html_text(p.text)
            st.markdown(f"<mark>{body}</mark>" if p.paragraph == target else body, unsafe_allow_html=True)


def glossary_view(answerer: Answerer) -> None:
    st.header(T["glossary_heading"])
    st.caption(T["glossary_caption"])
    query = st.text_input(T["glossary_search"], max_chars=100).strip().lower()
    for e in cached_glossary(repr(answerer.searcher.index.settings), answerer.searcher.index.count()):
        if query and query not in e.term.lower() and query not in e.sentence.lower():
            continue
        st.markdown(f"**{ws.md_escape(e.term)}** — {ws.md_escape(e.sentence)} "
                    f"([{ws.md_escape(e.paragraph.title)}, {T['paragraph']} {e.paragraph.paragraph}]"
                    f"({ws.deep_link(e.paragraph.doc, e.paragraph.paragraph)})) · "
                    + T["glossary_uses"].format(count=e.count))


@st.cache_data(show_spinner=False, max_entries=4)
def cached_glossary(config: str, count: int) -> list:
    # (keyed by the index's size, so that it is made again after an ingest)
    return ws.glossary(get_answerer().searcher.index)


def years_view(answerer: Answerer) -> None:
    st.header(T["years_heading"])
    st.caption(T["years_caption"])
    topic = st.text_input(T["years_topic"], max_chars=200).strip()
    if not topic:
        return
    cells = ws.across_years(answerer.searcher, topic)
    for row in range(0, len(cells), 3):
        cols = st.columns(3)
        for col, cell in zip(cols, cells[row:row + 3]):
            with col:
                st.markdown(f"**{ws.md_escape(cell.title)}**")
                st.caption(", ".join(map(str, cell.years)))
                if cell.paragraph is None:
                    st.caption(T["years_none"])
                else:
                    st.markdown(ws.md_escape(cell.extract))
                    st.markdown(f"[{T['paragraph']} {cell.paragraph.paragraph}]"
                                f"({ws.deep_link(cell.doc, cell.paragraph.paragraph)})")


def status_view(answerer: Answerer) -> None:
    st.header(T["status_heading"])
    s = ws.status(answerer.searcher.index)
    st.markdown(T["status_documents"].format(n=len(s["documents"]), paragraphs=s["paragraphs"]))
    for d in s["documents"]:
        st.caption(ws.md_escape(f"{d.title} ({d.doc}): {d.paragraphs} {T['paragraph']}"))
    st.markdown(ws.md_escape(T["status_embedder"].format(name=s["embedder"])))
    st.markdown(ws.md_escape(T["status_store"].format(store=s["store"])))
    st.markdown(ws.md_escape(T["status_llm"].format(llm=f"{s['llm']} ({s['llm_model']})") if s["llm"]
                             else T["status_no_llm"]))
    st.markdown(T["status_morphology"].format(state=T["on"] if s["morphology"] else T["off"]))
    st.download_button(T["feedback_export"], store().csv_text(), file_name="hyte-palaute.csv", mime="text/csv")


def store() -> FeedbackStore:
    return FeedbackStore(settings)


def session_id() -> str:
    """The conversation's id, kept in the URL so a reload shows the same conversation."""
    sid = st.query_params.get("s")
    if not sid:
        sid = uuid.uuid4().hex[:16]
        st.query_params["s"] = sid
    return sid


def new_conversation() -> None:
    for key in ("messages", "conversation"):
        st.session_state.pop(key, None)
    st.session_state["doc_filter"] = None
    st.session_state["year_filter"] = None
    st.query_params["s"] = uuid.uuid4().hex[:16]


st.title(T["title"])
st.caption(T["caption"])
VIEWS = {"chat": T["view_chat"], "documents": T["view_documents"], "glossary": T["view_glossary"],
         "years": T["view_years"], "status": T["view_status"]}
try:
    answerer = get_answerer()
    ensure_index(answerer)
    default = "documents" if "doc" in st.query_params else "chat"
    view = st.sidebar.radio(T["view"], list(VIEWS), index=list(VIEWS).index(default), format_func=VIEWS.get)
    {"chat": chat_view, "documents": documents_view, "glossary": glossary_view, "years": years_view,
     "status": status_view}[view](answerer)
except Exception as exc:  # noqa: BLE001 - a part down is a Finnish notice, not a traceback
    if not is_unavailable(exc):
        log.exception("page failed")
        st.error(T["error"])
    else:
        log.warning("store unavailable: %s", exc)
        st.error(T["unavailable"])
        cached_answerer.clear()  # a new client is made when the server is back
