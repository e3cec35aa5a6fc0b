"""Answer units: the sentences, list items, table rows and "Label: value" lines of a paragraph
that an answer may quote, and the ones it may not (headings, table labels, fragments)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from retriever import morphology
from retriever.finnish import fold, tokenize
from retriever.morphology import has_verb
from retriever.records import Paragraph
from retriever.sentences import sentences
from retriever.years import years_in

_ITEM = re.compile(r"^\s*(?:[•▪▫◦●○■□►➢✓–—*-]|\d{1,2}[.)])\s+")
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+")
_BULLET = re.compile(r"^\s*[•▪▫◦●○■□►➢✓–—*-]\s+")
_INLINE_BULLET = re.compile(r"\s+(?=[•▪▫◦●○■□►➢✓]\s)")  # a bullet after other text on its line
_LABEL_VALUE = re.compile(r"^[A-ZÅÄÖ][^:]{1,60}:\s+\S")  # "Tavoite: …", "Toimenpiteet (Päivittyvät): …"
MAX_LABEL_WORDS = 4  # "Toimenpiteet (Päivittyvät)", "Huomioitavia osa-alueita", "Vastuutahot ja toimijat"
_OLLA = {"on", "ovat", "oli", "olivat", "ole", "olla", "ollut", "olleet"}
_NAME_OR_FIGURE_IN_LABEL = re.compile(r"[A-ZÅÄÖ][\wåäö-]+(?:\s+|,\s+)[A-ZÅÄÖ][a-zåäö]")


@dataclass(frozen=True)
class Unit:
    """One quotable piece of a paragraph."""

    text: str  # as in the paragraph (bullet marks removed)
    position: int  # order within the paragraph
    item: bool  # a list item, table row or "Label: value" line: shown as a bullet
    heading: bool = False  # a heading or a verbless label line ("Hyvinvointiohjaaja N.N."): only for facts
    number: int | None = None  # a numbered list item's number ("6. Yksinäisyyden kokemus …" → 6)


def _bare_item(piece: str) -> str:
    """The text of a line or piece without its bullet or list number."""
    return _ITEM.sub("", piece).strip()


def _bare(heading: str) -> str:
    return re.sub(r"^\d+(\.\d+)*\.?\s+", "", heading).rstrip(" :").strip().lower()


def is_heading_line(s: str, paragraph: Paragraph) -> bool:
    """The line repeats one of the paragraph's section headings (numbered or not)."""
    return _bare(s) in {_bare(h) for h in paragraph.section.split(" › ") if h}


def names_or_figures(s: str) -> bool:
    """"Perhekoordinaattori Tytti Lönnrot ja …", "Toimivalta Hallintosääntö 23 §" (not a year)."""
    return bool(_NAME_OR_FIGURE_IN_LABEL.search(s[1:]) or re.search(r"\s(?!(?:19|20)\d\d\b)\d", s))


def is_quotable(sentence: str, paragraph: Paragraph) -> bool:
    """Headings, table labels, page furniture and sentence fragments are not answers."""
    raw = sentence.strip()
    s = _bare_item(raw)
    if not re.search(r"[A-Za-zÅÄÖåäö]{2}|\d{3}", s):  # a stray "4.2." is no sentence; a phone number is
        return False
    if is_heading_line(s, paragraph) and (re.match(r"\d+(\.\d+)*\.?(\s|$)", s) or not names_or_figures(s)):
        return False
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.85:
        return False
    if s.endswith(":") and len(s.split()) <= 6 and not names_or_figures(s):  # a label of what follows
        return False  # ("Seuraavassa 14 askelta …:" gives a figure)
    # Finnish sentences start with a capital or a figure: a lower-case start that is no list
    # item is the tail of a sentence cut elsewhere.
    return not (s[:1].islower() and not _ITEM.match(raw))


def _label(line: str) -> str | None:
    m = _LABEL_VALUE.match(line)
    return line.split(":", 1)[0].strip() if m else None


def _table_rows(paragraph: Paragraph) -> list[str]:
    """Lines of a paragraph with each table row ("Sarake: arvo" lines, with the bullet lines
    of a cell) joined into one line: a row is one unit an answer quotes whole."""
    lines = paragraph.text.split("\n")
    labels = [_label(ln) for ln in lines if not is_heading_line(ln, paragraph)]
    repeated = {lab for lab in labels if lab and labels.count(lab) > 1}
    has_cells = any(_BULLET.match(ln) for ln in lines)
    if not repeated and not has_cells:
        return lines  # labelled lines, not table rows ("Harrastemalli: … / Omaishoito: …")
    out: list[str] = []
    seen: set[str] = set()
    in_row = False
    for line in lines:
        label = None if is_heading_line(line, paragraph) else _label(line)
        if label and in_row and label not in seen and out:
            out[-1] += "; " + line
            seen.add(label)
        elif in_row and _BULLET.match(line) and out:  # a bullet list inside the cell (a numbered list is its own)
            out[-1] += " " + line.strip()
        else:
            out.append(line)
            in_row, seen = bool(label), {label} if label else set()
    return out


def is_cell_line(line: str) -> bool:
    """A table row or a cell under its column label ("Toimenpiteet (Päivittyvät): A. B. C"):
    a label of a few words. A sentence that goes on after a colon ("Tavoitteet ovat
    seuraavat: …") is prose. (Not told by a verb: a label's participle, "päivittyvät", reads as one.)"""
    label = _label(line)
    if label is None:
        return False
    words = tokenize(label)
    return "; " in line or (len(words) <= MAX_LABEL_WORDS and not set(words) & _OLLA)


# where a table cell runs one entry into the next without a stop: a capitalised word after a
# word that ends in a letter, a digit or a bracket ("… edistämisohjelma Koulu- ja
# työmatkaliikuntaan kannustaminen …"), or a label, a semicolon or a bullet between them
_RUN_ON = re.compile(r"(?<=[a-zåäö0-9)])\s+(?=[A-ZÅÄÖ][a-zåäö])|\s*[;•]\s+|:\s+")


def cell_entries(text: str) -> list[str]:
    """The entries of a table cell whose source ran them together ("Toimenpiteet (Päivittyvät):
    Kävelyn ja pyöräilyn edistämisohjelma Koulu- ja työmatkaliikuntaan kannustaminen …
    liikuntavälinelainaamo (2027 alkaen) …"); a name goes on with the words before it
    ("Liikkuva Heinola 2030"), and a sentence ends one. A unit that is no cell is one entry."""
    if not is_cell_line(text):
        return [text]
    out: list[str] = []
    pos = 0
    for m in _RUN_ON.finditer(text):
        word = tokenize(text[m.end():m.end() + 40])[:1]
        if m.group(0).strip() == "" and word and any(
                cls in morphology.NAME_CLASSES for cls, _, _ in morphology.readings(word[0].lower()) or ()):
            continue  # a name: "Liikkuva Heinola"
        out.append(text[pos:m.start()])
        pos = m.end()
    out.append(text[pos:])
    # (a full stop ends an entry too: "… käyttöönotto kaikissa kouluissa 1.8.2026 alkaen.
    # Someturva …" gives no date for Someturva)
    return [s.strip() for e in out for s in sentences(e) if s.strip()]


def _joined_at_commas(lines: list[str]) -> list[str]:
    """A line of prose that ends in a comma goes on in the next ("Valmistelija … Kirsi Mäkilä,
    etunimi.sukunimi@heinola.fi," / "044 797 8577.")."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].rstrip().endswith(",") and line.strip() and not (
                _ITEM.match(line) or _ITEM.match(out[-1]) or is_cell_line(line) or is_cell_line(out[-1])):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


def _pieces(paragraph: Paragraph) -> list[str]:
    """Sentences and list items of a paragraph, with each list item, table row and cell kept
    whole (an item's second sentence, "▫ Päihteiden käyttö. Kokemus huumeiden …", belongs to
    it, and so do the actions run together in one cell of a table)."""
    out: list[str] = []
    for line in _joined_at_commas(_table_rows(paragraph)):
        if _BULLET.match(line) and not is_cell_line(line):
            # two items a PDF set on one line are two ("• Pistetyöskentely … = 100 käyntikertaa
            # • Kaveritaitoryhmä … /Tommolan eskarit = 35 käyntikertaa")
            out += _INLINE_BULLET.split(line)
        else:
            out += [line] if is_cell_line(line) or _ITEM.match(line) else sentences(line)
    return out


def is_item_line(line: str) -> bool:
    """A line of a paragraph that is a list item (a bullet or a number leads it)."""
    return bool(_ITEM.match(line))


def lead_in(paragraph: Paragraph, unit: Unit, any_case: bool = False) -> str | None:
    """The line that a list item starting in lower case goes on from ("Kuntien on" /
    "• tuettava iäkkäiden koulutustarjontaa"; "Hyvinvoinnin edistämisen työryhmä:" /
    "• koulutusjohtaja"): without it the item is a fragment. None for an item that stands on
    its own, or when the line before the list ends a sentence. ``any_case``: also for an item
    that starts in upper case (it is whole, but the lead-in still names its subject)."""
    if not unit.item or not (any_case or unit.text[:1].islower()):
        return None
    lines = [ln.strip() for ln in paragraph.text.split("\n")]
    # (an item a PDF set on one line with another is found by that line)
    at = next((i for i, ln in enumerate(lines) if _bare_item(ln) == unit.text
               or unit.text in map(_bare_item, _INLINE_BULLET.split(ln))), None)
    if at is None:
        return None
    while at > 0 and (_ITEM.match(lines[at - 1]) or lines[at - 1][:1].islower()):
        at -= 1  # back over the items before it
    if at == 0 or re.search(r"[.!?]$", lines[at - 1]) or _ITEM.match(lines[at - 1]):
        return None
    return (sentences(lines[at - 1]) or [lines[at - 1]])[-1]  # its last sentence: the one that goes on


def unit_context(paragraph: Paragraph, unit: Unit, title: bool = True) -> str:
    """A unit with what it stands under, for word evidence: the document's title counts
    ("milloin ohjelma hyväksyttiin?" names the document) and so do the headings above it,
    not only the nearest ("Ryhmätoimintaa 11 eri ryhmää" under "… PERHEKESKUSTYÖ ›
    Vertaisryhmätoiminta" counts the family centre's peer groups). A
    sentence or line that is no list item goes on from the one before, which often names its
    subject ("Ammatillisen koulutuksen opiskelijoilla …" / "Ammatillisen opetuksen
    vastausprosentin ollessa 34 % …"; "Kaatumisten ehkäisy -luento 1.11.2023." / "n.70
    osallistujaa."); a list item's neighbour is another item, not its subject: it goes on from
    the list's lead-in ("… verrattaessa vuotta 2015 vuoteen 2010:" / "• diabeetikkoja on 250 000").
    ``title``: False leaves the document's title and years out."""
    if unit.item:
        before = lead_in(paragraph, unit, any_case=True) or ""
    else:
        earlier = [u for u in units(paragraph) if u.position < unit.position]
        before = earlier[-1].text if earlier else ""
    if not title:  # what the text around the unit says, not what the whole document is about
        return f"{paragraph.section} {before} {unit.text}"
    return f"{years_text(paragraph)} {paragraph.title} {paragraph.section} {before} {unit.text}"


def card_context(paragraph: Paragraph, unit: Unit) -> str:
    """A unit with its heading and every line before it in its paragraph: contact details
    follow the name and title they belong to, often several lines up ("Heidi Prauda-Knuutila /
    … asiantuntija / Hyvinvoinnin palvelualue heidi.prauda-knuutila@heinola.fi")."""
    earlier = [u.text for u in units(paragraph) if u.position <= unit.position]
    return "\n".join([paragraph.section, *earlier])


def years_text(paragraph: Paragraph) -> str:
    """The years of a paragraph's document as words, so that a question naming the year finds
    it there also when only the document's metadata says it."""
    return " ".join(map(str, paragraph.years))


def paragraph_years(paragraph: Paragraph) -> set[int]:
    """The years a paragraph is about: its document's, and those its headings and text name
    ("vuonna 2006 heitä oli 870 000" in a programme of 2008)."""
    return set(paragraph.years) | set(years_in(f"{paragraph.title}\n{paragraph.section}\n{paragraph.text}"))


def ends_in_lead_in(paragraph: Paragraph) -> bool:
    """The paragraph ends in the words a list goes on from ("Palvelualueen sitovia tavoitteita
    vuonna 2023 olivat", "Vihreät esittävät:"), not in a full stop or an item."""
    lines = paragraph.text.rstrip().split("\n")
    said = sentences(lines[-1].strip())
    if not said or _ITEM.match(lines[-1]) or _LABEL_VALUE.match(lines[-1]) or re.search(r"[.!?]$", said[-1]):
        return False
    if len(lines) + len(said) < 3:
        return False  # a paragraph of one unfinished line is a heading or a label, not a lead-in
    words = tokenize(said[-1])
    return said[-1].endswith(":") or (len(words) >= 3 and has_verb(words) is True)


def leads_into_list(paragraph: Paragraph, holding_items: bool = True) -> bool:
    """The paragraph's list may go on in the next paragraph: it ends in a lead-in, or (when
    ``holding_items``) holds list items."""
    return ends_in_lead_in(paragraph) or (holding_items and any(u.item for u in units(paragraph)))


def continues_list(before: Paragraph, after: Paragraph) -> bool:
    """``after`` goes on with a list of ``before`` that ingest split: the next paragraph of the
    same section, starting with an item."""
    following = units(after)
    return (after.doc == before.doc and after.section == before.section and after.paragraph == before.paragraph + 1
            and bool(following) and following[0].item)


def opening_under(paragraph: Paragraph, term: str) -> Unit | None:
    """The first sentence of a section whose heading is the term ("Medikalisaatio" /
    "Länsimainen elämäntapa on voimakkaasti medikalisoitunut."): a section named by a term is
    about it, and its opening introduces it. None when the paragraph does not open such a section."""
    first = paragraph.text.split("\n", 1)[0].strip()
    if not term.strip() or not is_heading_line(first, paragraph) or fold(_bare(first)) != fold(term.strip().lower()):
        return None
    return next((u for u in units(paragraph) if not u.heading), None)


def units(paragraph: Paragraph) -> tuple[Unit, ...]:
    """The quotable units of a paragraph, in order (cached: an answer's candidates and its
    evidence read the same paragraphs, and the same paragraphs come back question after question)."""
    return _units(paragraph.section, paragraph.text)


@lru_cache(maxsize=4096)
def _units(section: str, text: str) -> tuple[Unit, ...]:
    paragraph = Paragraph("", "", section, None, 0, text=text)  # only the section and text matter
    lines = {_bare_item(ln) for ln in text.split("\n")}
    out = []
    for pos, sent in enumerate(_pieces(paragraph)):
        if not is_quotable(sent, paragraph):
            continue
        item = bool(_ITEM.match(sent) or is_cell_line(sent))  # ("Vuosina 1990-2008 lapsiköyhyys kolminkertaistui: …" is prose)
        quoted = _bare_item(sent)
        # no verb: a title or a label, not a sentence, unless it ends in a full stop amid the
        # sentences of a line ("… sekä tapahtumista. Palautteet pääasiassa Webropol-kyselynä. …")
        amid = quoted.endswith(".") and quoted not in lines
        label = not item and not amid and has_verb(tokenize(quoted)) is False
        numbered = _NUMBERED.match(sent)
        out.append(Unit(quoted, pos, item, heading=is_heading_line(quoted, paragraph) or label,
                        number=int(numbered.group(1)) if numbered else None))
    return tuple(out)
