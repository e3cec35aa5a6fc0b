"""Years in Finnish text: one parser for questions, titles, file names and front matter.

"2021", "vuonna 2023" and "2026–2029" are years; "2000-luvulla" / "1990-luku" (decades),
"2030-tavoitteet"-style compounds stay years but decades never do; a written range is a span
of every year in it (when it is a plausible planning period).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable

_YEAR = r"(?:19|20)\d\d"
# Not part of a longer number, a date ("1.8.2026" keeps 2026, "2026,5" does not count)
# and not a decade ("2000-luvulla", "1990-luku").
_SINGLE = re.compile(rf"(?<![\d,])({_YEAR})(?![\d]|[,.]\d|\s*-\s*luv|\s*-\s*luk|\s*–\s*luv)", re.I)
_RANGE = re.compile(rf"(?<![\d,.])({_YEAR})\s*(?:-|–|—|\.\.)\s*({_YEAR}|\d\d)(?![\d])(?!\s*-\s*luv)", re.I)
MAX_SPAN = 15  # "2014–2050" is two years named, not a 37-year period


def years_in(text: str) -> list[int]:
    """Single years written in a text, in order, repeats removed ("2000-luvulla" is none)."""
    return list(dict.fromkeys(int(y) for y in _SINGLE.findall(text or "")))


def span_in(text: str) -> list[int]:
    """Every year of the first written range ("2026–2029", "2021-23"), or []."""
    for m in _RANGE.finditer(text or ""):
        first, last = int(m.group(1)), m.group(2)
        end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if 0 < end - first <= MAX_SPAN:
            return list(range(first, end + 1))
    return []


def years_of_value(value: object) -> list[int]:
    """Years in a metadata value: a number, a date, a string, or a list of them."""
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, int):
        return [value] if 1900 <= value <= 2100 else []
    if isinstance(value, (_dt.date, _dt.datetime)):
        return [value.year]
    if isinstance(value, (list, tuple)):
        return sorted({y for v in value for y in years_of_value(v)})
    text = str(value)
    return span_in(text) or years_in(text)


def document_years(sources: Iterable[str], meta: dict | None = None) -> list[int]:
    """Years a document is about: metadata first (year/years/vuosi, then a date), then the
    first of ``sources`` (title, file name ...) that names a span or years."""
    meta = {str(k).lower(): v for k, v in (meta or {}).items()}
    for key in ("years", "year", "vuosi", "vuodet", "period", "kausi"):
        found = years_of_value(meta.get(key))
        if found:
            return found
    for key in ("date", "pvm", "päivämäärä", "published", "julkaistu"):
        found = years_of_value(meta.get(key))
        if found:
            return found[:1]
    sources = list(sources)
    for source in sources:  # a span anywhere beats a single year ("…-2026.md", "… 2026–2029")
        found = span_in(source)
        if found:
            return found
    for source in sources:
        found = years_in(source)
        if found:
            return sorted(found)
    return []


# The parts of a year a text speaks of: a season ("keväällä", "syksyn aikana", "syyskaudella",
# "kesäaikana") or a month ("maaliskuussa"). "kesäkuu" and "syyskuu" are months, not seasons.
_PARTS = {
    "kevät": re.compile(r"\bkevä\w*", re.I),
    "kesä": re.compile(r"\bkesä(?!kuu)\w*", re.I),
    "syksy": re.compile(r"\bsyks\w*|\bsyys(?!kuu)\w*", re.I),
    "talvi": re.compile(r"\btalv\w*", re.I),
    **{month: re.compile(rf"\b{month}\w*", re.I) for month in (
        "tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu", "elokuu",
        "syyskuu", "lokakuu", "marraskuu", "joulukuu")},
}


def year_parts_in(text: str) -> set[str]:
    """The seasons and months a text names ("3 kokousta syksyn aikana" → {"syksy"})."""
    return {part for part, rx in _PARTS.items() if rx.search(text or "")}
