"""Readers turn one file into lines (ingest.layout.Line) plus a title; one module per format."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..layout import Line

SUPPORTED = {".pdf", ".txt", ".md", ".markdown", ".docx"}


class ReadError(Exception):
    """A file that cannot be read as a document (broken, encrypted, empty, not text)."""


@dataclass
class RawDocument:
    lines: list[Line]
    title: str = ""
    pages: int | None = None
    meta: dict = field(default_factory=dict)  # front matter / document properties (title, year, date …)


def read_document(path: Path) -> RawDocument:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from .pdf import read_pdf

        return read_pdf(path)
    if suffix in (".md", ".markdown"):
        from .markdown import read_markdown

        return read_markdown(path)
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(path)
    if suffix == ".txt":
        from .text import read_text

        return read_text(path)
    raise ReadError(f"unsupported file type: {suffix}")
