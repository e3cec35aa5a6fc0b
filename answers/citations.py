"""One citation formatter for the CLI, the app and the LLM prompt."""

from __future__ import annotations

from retriever.records import Paragraph


def titled(p: Paragraph) -> str:
    """The document's title with its year when the title does not say it: in a collection of
    many years, "Kunnallisvaaliohjelma" is one of several ("Päihdepoliittinen ohjelma (2003)",
    "Hyvinvointisuunnitelma (2026–2029)")."""
    years = sorted(set(p.years))
    if not p.title or not years or any(str(y) in p.title for y in years):
        return p.title
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return f"{p.title} ({span})"


def where(p: Paragraph, page_word: str = "s.", paragraph_word: str = "kpl") -> str:
    """"Hyvinvointitilinpäätös 2021 › Hyry, s. 2, kpl 10": title (with its year), section,
    page(s), paragraph."""
    parts = [" › ".join(x for x in (titled(p), p.section) if x)]
    if p.page:
        parts.append(f"{page_word} {p.pages}")
    parts.append(f"{paragraph_word} {p.paragraph}")
    return ", ".join(x for x in parts if x)


def place(p: Paragraph, page_word: str, paragraph_word: str, title: bool = True) -> str:
    """A source's place as the app shows it: "Hyvinvointitilinpäätös 2021 · sivu 2 · kappale 10"
    (the section is shown apart; ``title=False`` inside the document's own view)."""
    parts = [titled(p)] if title and p.title else []
    if p.page:
        parts.append(f"{page_word} {p.pages}")
    parts.append(f"{paragraph_word} {p.paragraph}")
    return " · ".join(parts)


def source_list(citations: list[Paragraph]) -> str:
    """Numbered sources, one per line: "[1] Title › Section, s. 2, kpl 10"."""
    return "\n".join(f"[{n}] {where(p)}" for n, p in enumerate(citations, start=1))


def citation_json(p: Paragraph) -> dict:
    """The fields a citation carries in ``ask --json`` (also those of ``nearest``)."""
    d = p.citation()
    d.pop("year", None)
    return d
