"""The paragraph record shared by ingest (which makes them) and the index (which stores them)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field


@dataclass
class Paragraph:
    """One citable chunk: a paragraph of a document with where it came from."""

    doc: str
    title: str
    section: str
    page: int | None
    paragraph: int
    years: list[int] = field(default_factory=list)
    text: str = ""
    page_end: int | None = None  # last page, when the paragraph runs over a page break

    @property
    def pages(self) -> str:
        """The page or pages as shown to users: "3", "3–4", or "" for formats without pages."""
        if self.page is None:
            return ""
        return f"{self.page}–{self.page_end}" if self.page_end and self.page_end != self.page else str(self.page)

    @property
    def id(self) -> str:
        """Stable id: doc + paragraph number + content hash, so citations survive re-ingest."""
        digest = hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:10]
        return f"{self.doc}#{self.paragraph}-{digest}"

    @property
    def year(self) -> int | list[int] | None:
        """Year(s) the document is about, as shown to users: one year, a list, or None."""
        if not self.years:
            return None
        return self.years[0] if len(self.years) == 1 else list(self.years)

    @property
    def heading(self) -> str:
        """The nearest heading: the last part of the section path."""
        return last_heading(self.section)

    def embed_text(self) -> str:
        """Text given to the embedder: the heading context helps short paragraphs."""
        context = " › ".join(p for p in (self.title, self.section) if p)
        return f"{context}\n{self.text}" if context else self.text

    def to_metadata(self, doc_hash: str) -> dict:
        return {
            "doc": self.doc,
            "title": self.title,
            "section": self.section,
            "page": self.page if self.page is not None else -1,
            "page_end": self.page_end if self.page_end is not None else -1,
            "paragraph": self.paragraph,
            "years": ",".join(str(y) for y in self.years),
            "doc_hash": doc_hash,
            # one key per year, so a filter asks for membership: [2014, 2050] is not 2030
            **{f"y{y}": True for y in self.years},
        }

    @classmethod
    def from_metadata(cls, meta: dict, text: str) -> Paragraph:
        page = meta.get("page", -1)
        page_end = meta.get("page_end", -1)
        years = [int(y) for y in str(meta.get("years", "")).split(",") if y]
        return cls(
            doc=meta["doc"],
            title=meta.get("title", ""),
            section=meta.get("section", ""),
            page=None if page is None or page < 0 else int(page),
            paragraph=int(meta["paragraph"]),
            years=years,
            text=text,
            page_end=None if page_end is None or page_end < 0 else int(page_end),
        )

    def to_json(self) -> dict:
        """Every field, for storing (a saved conversation) and reading back with from_json."""
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict) -> Paragraph:
        fields = {k: d[k] for k in ("doc", "title", "section", "page", "paragraph", "text") if k in d}
        return cls(years=list(d.get("years") or []), page_end=d.get("page_end"), **fields)

    def citation(self) -> dict:
        """The fields a citation carries in JSON output."""
        d = asdict(self)
        d.pop("years")
        d["year"] = self.year
        return d


def last_heading(section: str) -> str:
    """The last part of a section path ("2. Lapsiperheet › 2.1. Toiminta" -> "2.1. Toiminta")."""
    return section.split(" › ")[-1] if section else ""


def body_text(section: str, text: str) -> str:
    """``text`` without a first line that is the last heading of ``section`` (shown separately)."""
    heading = last_heading(section)
    first, _, rest = text.partition("\n")
    return rest if heading and first.strip() == heading.strip() and rest else text
