"""Rebuild headings and real paragraphs from reader lines.

Handles hard-wrapped lines, hyphenation, numbered headings (also when broken over two lines
or glued to the end of the previous paragraph), ALL-CAPS and short label headings, and bullet
items, which stay one item per line inside their paragraph. A table of contents (lines led by
dots to a page number, and its title) is no text: it would only repeat the headings as a
paragraph a search finds and an answer quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .layout import TERMINAL, Line, is_bullet, join_wrapped

NUMBERED = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$")
GLUED_HEADING = re.compile(r"^(.*[.!?])\s+(\d{1,2}(?:\.\d{1,2}){0,3}\.)(?:\s+([A-ZÅÄÖ][^.!?]*))?$")
# "3.2 Ryhmille suunnattu toiminta ............ 12", also with spaced dots or ellipses
TOC_ENTRY = re.compile(r"^\s*\S.*?(?:\s?[.·…_]){4,}\s*\d{1,4}\s*$")
TOC_PAGE = re.compile(r"^\s*\S.{1,100}?\s(\d{1,3})\s*$")  # an entry without leaders: text, then its page
TOC_TITLES = {"sisällys", "sisällysluettelo", "sisältö", "sisältöluettelo", "innehåll", "innehållsförteckning",
              "contents", "table of contents"}
TOC_LINE_MAX = 120  # a contents entry is one short line
LABEL_LEVEL = 99  # a short unnumbered label ("Tapahtumat"): below every numbered level
COLON_LABEL_LEVEL = 100  # "Kuntalaisten hyvinvointi:" labels the lines under it: deeper still


@dataclass
class Block:
    """A heading or a paragraph, in document order."""

    kind: str  # "heading" | "para"
    text: str
    level: int = 0
    page: int | None = None
    items: list[str] = field(default_factory=list)
    last_page: int | None = None  # a paragraph that runs over a page break ends here

    @property
    def end_page(self) -> int | None:
        return self.last_page if self.last_page is not None else self.page


def _numbered_level(text: str) -> int | None:
    m = NUMBERED.match(text)
    if not m:
        return None
    number, rest = m.groups()
    if int(number.split(".")[0]) > 40 or not rest[:1].isupper() or len(text) > 110:
        return None
    if text.rstrip().endswith((".", ",", ";")):
        return None
    return number.count(".") + 1


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.85


def split_glued_headings(lines: list[Line]) -> list[Line]:
    """'... vuonna 2024. 2. Sujuva arki –' -> the sentence end, then a heading line.

    Extraction glues a numbered heading onto the last line of the paragraph before it, and
    may leave the rest of the heading (or all of it but the number) on the next line.
    """
    out: list[Line] = []
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        m = GLUED_HEADING.match(line.text.strip())
        nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        if not m or line.kind != "text" or line.heading_level:
            out.append(line)
            continue
        before, number, tail = m.group(1), m.group(2), (m.group(3) or "").strip()
        next_is_rest = bool(nxt) and _is_caps(nxt) and len(nxt) < 80 and (not tail or _is_caps(tail))
        if next_is_rest:
            tail = f"{tail} {nxt}".strip()
            skip = True
        elif not tail or not (nxt[:1].islower() or _is_caps(tail)):
            out.append(line)
            continue
        out.append(Line(before, line.page, line.brk, None, line.kind))
        out.append(Line(f"{number} {tail}", line.page, True, None, line.kind))
    return out


def _toc_key(text: str) -> str:
    """A heading or contents entry as compared: no numbering, case or extra spaces."""
    return re.sub(r"\s+", " ", re.sub(r"^\s*\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+", "", text)).strip().lower()


def drop_table_of_contents(lines: list[Line]) -> list[Line]:
    """The lines without table-of-contents entries, and without the title of a table of
    contents ("Sisällys") that stands right before one; what follows starts a paragraph."""
    entry = [bool(TOC_ENTRY.match(ln.text)) for ln in lines]
    titles = [ln.text.strip().rstrip(":").lower() in TOC_TITLES for ln in lines]
    # Under a "Sisällys" title, entries whose leaders were drawn, not typed ("2.1 Harrastaminen
    # 3"): the lines that end in a page number, the numbers never falling.
    for i in range(len(lines)):
        if not titles[i]:
            continue
        page, run = 0, list[int]()
        for j in range(i + 1, len(lines)):
            m = TOC_PAGE.match(lines[j].text)
            if not m or int(m.group(1)) < page:
                break
            run, page = run + [j], int(m.group(1))
        if len(run) < 2:
            # Or entries without page numbers (a web page's contents): short unpunctuated
            # lines, most of which repeat a heading the document has further on.
            later = {_toc_key(ln.text) for ln in lines[i + 1:] if ln.heading_level is not None}
            run = []
            for j in range(i + 1, len(lines)):
                text = lines[j].text.strip()
                if lines[j].heading_level is not None or len(text) > TOC_LINE_MAX or TERMINAL.search(text):
                    break
                run.append(j)
            repeated = sum(_toc_key(lines[j].text) in later for j in run)
            if repeated < 2 or 2 * repeated <= len(run):
                run = []
        if len(run) >= 2:  # one line ending in a figure under a "Sisältö" heading is text
            for j in run:
                entry[j] = True
    if not any(entry):
        return lines
    out: list[Line] = []
    dropped = False
    for i, ln in enumerate(lines):
        if entry[i] or (titles[i] and any(entry[i + 1 : i + 3])):
            dropped = True
            continue
        out.append(replace(ln, brk=True) if dropped else ln)
        dropped = False
    return out


def build_blocks(lines: list[Line], vocabulary: set[str] | frozenset[str] = frozenset()) -> list[Block]:
    """Turn lines into headings and paragraphs."""
    lines = [ln for ln in drop_table_of_contents(split_glued_headings(lines)) if ln.text.strip()]
    blocks: list[Block] = []
    current: Block | None = None

    def flush() -> None:
        nonlocal current
        if current and current.items:
            current.text = "\n".join(current.items)
            blocks.append(current)
        current = None

    def numbered_list_neighbour(i: int) -> bool:
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and NUMBERED.match(lines[j].text) and not lines[j].heading_level:
                return True
        return False

    i = 0
    while i < len(lines):
        line = lines[i]
        text = re.sub(r"\s+", " ", line.text).strip()
        if line.kind == "row":
            flush()
            blocks.append(Block("para", line.text.strip(), page=line.page, items=[line.text.strip()]))
            i += 1
            continue
        level = line.heading_level
        if level is None and line.kind != "hard" and not is_bullet(text):
            level = _numbered_level(text)
            if level and numbered_list_neighbour(i):
                level = None
        # An ALL-CAPS line is a heading ("MITTARIT JA TIETOLÄHTEET"); in wrapped text only
        # when it does not end a sentence.
        if level is None and _is_caps(text) and len(text) < 90 and (line.kind == "hard" or not TERMINAL.search(text)):
            level = LABEL_LEVEL - 1
        if level:
            flush()
            # A heading broken over two lines continues in lower case.
            while (
                i + 1 < len(lines)
                and not TERMINAL.search(text)
                and lines[i + 1].text.strip()[:1].islower()
                and len(lines[i + 1].text.strip()) < 80
                and lines[i + 1].heading_level in (None, level)
                and not is_bullet(lines[i + 1].text)
            ):
                i += 1
                text = join_wrapped(text, lines[i].text, vocabulary)
            blocks.append(Block("heading", text, level=level, page=line.page))
            i += 1
            continue
        continues = (
            current is not None
            and current.items
            and not TERMINAL.search(current.items[-1])
            and text[:1].islower()
            and line.kind in ("text", "hard")
            and not is_bullet(current.items[-1] if line.kind == "hard" else "")
        )
        if (line.brk and not continues) or current is None:
            flush()
            current = Block("para", "", page=line.page)
        if not continues and (is_bullet(text) or line.kind == "hard" or not current.items):
            current.items.append(text)
        else:
            current.items[-1] = join_wrapped(current.items[-1], text, vocabulary)
        current.last_page = line.page
        i += 1
    flush()
    return _headings_into_text(_two_column_labels(_empty_headings_to_text(_labels_to_headings(blocks))))


def _column_names(text: str) -> tuple[str, str] | None:
    """"Ilon aiheet Huolen aiheet" -> ("Ilon aiheet", "Huolen aiheet"): a heading that names
    two columns, each starting with a capital, of equal word count."""
    words = text.rstrip(" :").split()
    half = len(words) // 2
    if len(words) < 2 or len(words) % 2 or len(words) > 8:
        return None
    if not (words[0][:1].isupper() and words[half][:1].isupper()):
        return None
    if any(w[:1].isupper() for w in words[1:half] + words[half + 1 :]):
        return None
    return " ".join(words[:half]), " ".join(words[half:])


def _two_column_labels(blocks: list[Block]) -> list[Block]:
    """A two-column list ("Ilon aiheet | Huolen aiheet") comes out as the first column's
    labelled items, then the second's under the same labels again: the labels' restart is
    where the second column begins, and its items go under the second column's name."""
    out = list(blocks)
    for i, head in enumerate(blocks):
        names = _column_names(head.text) if head.kind == "heading" else None
        if not names:
            continue
        seen: set[str] = set()
        for j in range(i + 1, len(blocks)):
            b = blocks[j]
            if b.kind != "heading":
                continue
            if b.level <= head.level:
                break
            if b.text in seen:  # blocks compare equal by value: find these very ones
                k = next(n for n, x in enumerate(out) if x is b)
                out[next(n for n, x in enumerate(out) if x is head)] = Block("heading", names[0], level=head.level, page=head.page)
                out.insert(k, Block("heading", names[1], level=head.level, page=b.page))
                break
            seen.add(b.text)
    return out


def _labels_to_headings(blocks: list[Block]) -> list[Block]:
    """A lone short line without final punctuation, or ending in a colon ("Kuntalaisten
    hyvinvointi:"), followed by a paragraph, is a label heading: it stays with what it labels."""
    out: list[Block] = []
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            b.kind == "para"
            and len(b.items) == 1
            and len(b.text) <= 70
            and "\n" not in b.text  # a table row
            and len(b.text.split()) <= 8
            and not re.search(r"[,%]", b.text)
            and not re.search(r"[.!?;]\s*$", b.text)
            and not is_bullet(b.text)
            and b.text[:1].isupper()
            and nxt is not None
            and nxt.kind == "para"
        ):
            level = COLON_LABEL_LEVEL if b.text.rstrip().endswith(":") else LABEL_LEVEL
            out.append(Block("heading", b.text, level=level, page=b.page))
            continue
        out.append(b)
    return out


def _headings_into_text(blocks: list[Block]) -> list[Block]:
    """The first paragraph under a heading starts with the heading's words.

    Citations quote paragraph text, and a heading can carry the fact itself (a label such as
    "Esittelijä hyvinvointijohtaja ...", or a schedule's title).
    """
    for prev, b in zip(blocks, blocks[1:]):
        if prev.kind == "heading" and b.kind == "para":
            b.items.insert(0, prev.text)
            b.text = "\n".join(b.items)
    return blocks


def _empty_headings_to_text(blocks: list[Block]) -> list[Block]:
    """Headings with no content of their own are text: first runs of same-level headings (a
    list of bold theme lines, table column names), then a heading directly followed by one of
    a higher level."""
    runs: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        j = i
        while b.kind == "heading" and j + 1 < len(blocks) and blocks[j + 1].kind == "heading" and blocks[j + 1].level == b.level:
            j += 1
        if j > i:
            items = [h.text for h in blocks[i : j + 1]]
            runs.append(Block("para", "\n".join(items), page=b.page, items=items))
        else:
            runs.append(b)
        i = j + 1
    out: list[Block] = []
    for b, nxt in zip(runs, runs[1:] + [None]):
        if b.kind == "heading" and nxt is not None and nxt.kind == "heading" and nxt.level < b.level:
            out.append(Block("para", b.text, page=b.page, items=[b.text]))
        else:
            out.append(b)
    return out
