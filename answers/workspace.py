"""What the app shows besides the chat, as plain data: the document list and table of
contents, a paragraph with the cited sentences marked and its neighbours, deep links, a
glossary of the acronyms and names the documents use, a topic across the years, the index's
status — and the one way document text reaches the page (escaped, never rendered as markup)."""

from __future__ import annotations

import html
import re
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePath

from retriever.records import Paragraph, body_text
from retriever.search import Searcher
from retriever.sentences import sentences
from retriever.store import Index

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|$<>~=:])")


def md_escape(text: str) -> str:
    """Document text for ``st.markdown``: every markup character escaped (no links, images,
    emphasis, LaTeX or HTML can come from a document), line breaks kept."""
    return "  \n".join(_MD_SPECIAL.sub(r"\\\1", line) for line in text.split("\n"))


_MD_IN_HTML = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|$~=:"}


def html_text(text: str) -> str:
    """Document text inside HTML we build (which Streamlit still reads as markdown): HTML
    escaped, markdown and LaTeX characters as character references, line breaks kept."""
    escaped = html.escape(text)
    escaped = "".join(_MD_IN_HTML.get(c, c) for c in escaped.replace("&", "\x00")).replace("\x00", "&")
    return escaped.replace("\n", "<br>")


def deep_link(doc: str, paragraph: int) -> str:
    """"?doc=<file name>&p=<paragraph number>": opens the document browser at the paragraph."""
    return "?" + urllib.parse.urlencode({"doc": doc, "p": paragraph})


def kind_of(doc: str) -> str:
    return {".pdf": "PDF", ".md": "Markdown", ".markdown": "Markdown", ".txt": "teksti", ".docx": "Word"}.get(
        PurePath(doc).suffix.lower(), PurePath(doc).suffix.lstrip(".")
    )


@dataclass
class DocumentInfo:
    doc: str
    title: str
    years: list[int]
    kind: str
    paragraphs: int


def documents(index: Index) -> list[DocumentInfo]:
    """Every indexed document with its title, years, kind and paragraph count."""
    return [
        DocumentInfo(d["doc"], d["title"], d["years"], kind_of(d["doc"]), d["paragraphs"])
        for d in index.documents()
    ]


def table_of_contents(paragraphs: list[Paragraph]) -> list[tuple[str, int]]:
    """(section, first paragraph number) in reading order."""
    out: list[tuple[str, int]] = []
    for p in paragraphs:
        if p.section and (not out or out[-1][0] != p.section):
            out.append((p.section, p.paragraph))
    return out


def highlighted(paragraph: Paragraph, quoted: str) -> list[tuple[str, bool]]:
    """The paragraph's sentences as (text, cited?) — cited when the answer quotes them."""
    flat = re.sub(r"\s+", " ", quoted)
    out = []
    for s in sentences(body_text(paragraph.section, paragraph.text)):
        core = re.sub(r"^[•▪▫◦●○■□►➢✓–—*-]\s*", "", s).strip()
        out.append((s, len(core) > 3 and core in flat))
    return out


def highlighted_html(paragraph: Paragraph, quoted: str) -> str:
    """The paragraph as escaped HTML with the cited sentences in <mark>."""
    parts = []
    for text, cited in highlighted(paragraph, quoted):
        t = html_text(text)
        parts.append(f"<mark>{t}</mark>" if cited else t)
    return "<br>".join(parts)


# -- glossary ----------------------------------------------------------------------------
# Acronyms (HYTE, HVA, LTS, TE25) and coined names with figures (Koto25), and capitalised
# words the Finnish dictionary does not know (Hyry, Tuttis, HeiMo): the documents' own names.
_ACRONYM = re.compile(r"\b([A-ZÅÄÖ]{2,}[0-9]*|[A-ZÅÄÖ][a-zåäö]+[0-9]{2,}|[A-ZÅÄÖ][a-zåäö]+[A-ZÅÄÖ][a-zåäö]+)\b")
# a capitalised word after a lower-case word (not a sentence start, not a person's surname)
_CAPITALISED = re.compile(r"(?:^|\s)[a-zåäö][\wåäö-]*,?\s+([A-ZÅÄÖ][a-zåäö]{2,9})\b(?!-)")


@dataclass
class GlossaryEntry:
    term: str
    sentence: str
    paragraph: Paragraph
    count: int


def _introduces(term: str, sentence: str) -> bool:
    t = re.escape(term)
    return bool(re.search(rf"{t}\s*(\(|on\b|eli\b|=|–|-\s)", sentence) or re.search(rf"[a-zåäö]{{4,}}\s+{t}\b", sentence))


def glossary(index: Index) -> list[GlossaryEntry]:
    """The acronyms and names the documents use, each with the sentence that introduces it
    (one that says what it is, else its first use) and its paragraph."""
    from retriever import morphology

    def unknown(word: str) -> bool:  # not a word of the Finnish dictionary: the documents' own name
        return morphology.available() and not morphology.analyse(word.lower()).lemmas

    paras = index.all_paragraphs()
    terms: set[str] = set()
    for p in paras:
        for sent in sentences(p.text):
            terms |= {m.group(1) for m in _ACRONYM.finditer(sent) if unknown(m.group(1))}
            terms |= {w for w in _CAPITALISED.findall(sent) if unknown(w)}
    uses: dict[str, list[tuple[Paragraph, str]]] = defaultdict(list)
    for p in paras:
        for sent in sentences(p.text):
            for term in terms:
                if re.search(rf"\b{re.escape(term)}", sent):
                    uses[term].append((p, sent))
    entries = []
    for term, found in uses.items():
        if len(found) < 2 and not re.search(r"\d", term):
            continue  # a word seen once is more likely a typo than a name to learn
        p, sent = next(((p, s) for p, s in found if _introduces(term, s)), found[0])
        entries.append(GlossaryEntry(term, sent, p, len(found)))
    return sorted(entries, key=lambda e: e.term.lower())


# -- a topic across the years ----------------------------------------------------------------
@dataclass
class YearCell:
    doc: str
    title: str
    years: list[int]
    paragraph: Paragraph | None
    extract: str


def across_years(searcher: Searcher, topic: str, per_doc: int = 1) -> list[YearCell]:
    """For a topic, what each document says, documents in order of the years they cover."""
    cells = []
    for d in sorted(searcher.index.documents(), key=lambda d: (min(d["years"]) if d["years"] else 9999, d["doc"])):
        hits = searcher.search(topic, k=per_doc, doc=d["doc"])
        if not hits or (hits[0].lexical or 0) <= 0:
            cells.append(YearCell(d["doc"], d["title"], d["years"], None, ""))
            continue
        p = hits[0].paragraph
        best = max(sentences(body_text(p.section, p.text)) or [p.text],
                   key=lambda s: searcher.index.lexical()[0].coverage(topic, s))
        cells.append(YearCell(d["doc"], d["title"], d["years"], p, best))
    return cells


# -- status ------------------------------------------------------------------------------------
def status(index: Index) -> dict:
    from retriever import morphology

    s = index.settings
    return {
        "documents": documents(index),
        "paragraphs": index.count(),
        "embedder": index.embedder.name,
        "store": f"Chroma-palvelin {s.chroma_host}:{s.chroma_port}" if s.chroma_host else str(s.data_dir),
        "llm": s.llm_base_url or "",
        "llm_model": s.llm_model if s.llm_base_url else "",
        "morphology": morphology.available(),
    }
