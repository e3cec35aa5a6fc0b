"""Finnish morphology from a maintained analyser: base forms and compound parts of a word.

Voikko does the work: ``pyvoikko`` (PyPI, dictionary included, runs on ``kfst-rs``) or, when
that is missing, ``libvoikko`` over Debian's ``libvoikko1`` + ``voikko-fi``. Without either,
:func:`analyse` returns nothing and search falls back to Snowball stems and the vocabulary
splitter in ``finnish.py``.

"kouluruokailussa" -> base form "kouluruokailu", parts "koulu", "ruokailu" (and the head
compound "ruokailu"); "kunnallisvaaleissa" -> "kunnallisvaali" with parts "kunta", "vaali".
:func:`readings` gives each reading's word class, number and case ("hollolan": a place name
in the genitive).
Each distinct word is analysed once per process; :func:`load_cache` / :func:`save_cache`
keep the analyses on disk beside the lexical index, so a large collection is not analysed
again at every start.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger("hyte.morphology")

MAX_ANALYSES = 3  # Voikko may offer many readings of a form; the first few carry the sense
_VERB_CLASSES = {"teonsana", "kieltosana"}


@dataclass(frozen=True)
class WordAnalysis:
    """Base forms of a word and the base forms of its compound parts (lower case)."""

    lemmas: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    verb: bool = False  # one of its readings is a verb form (a sentence has one; a label need not)


_NOTHING = WordAnalysis()
_cache: dict[str, WordAnalysis] = {}
_loaded: set[Path] = set()
_dirty = False


@lru_cache(maxsize=1)
def _backend():
    """A function word -> [(base form, [part base forms])], or None when no analyser is installed."""
    try:
        import pyvoikko

        def analyse_py(word: str) -> list[tuple[str, list[str], str]]:
            return [(a.BASEFORM, [p.BASEFORM for p in a.COMPOUND_PARTS or []], a.CLASS or "") for a in pyvoikko.analyse(word)]

        return analyse_py
    except ImportError:
        pass
    try:
        from libvoikko import Voikko

        voikko = Voikko("fi")

        def analyse_lib(word: str) -> list[tuple[str, list[str], str]]:
            out = []
            for a in voikko.analyze(word):
                base = a.get("BASEFORM", "")
                # WORDBASES: "+koulu(koulu)+ruokailu(ruokailu)" — the part base forms in brackets
                parts = [seg.split("(")[1].rstrip(")") for seg in a.get("WORDBASES", "").split("+")[1:] if "(" in seg]
                out.append((base, parts if len(parts) > 1 else [], a.get("CLASS", "")))
            return out

        return analyse_lib
    except (ImportError, OSError):
        log.warning("no Finnish analyser (pyvoikko or libvoikko): search uses Snowball stems only")
        return None


@lru_cache(maxsize=1)
def _form_backend():
    """A function word -> [(word class, number, case, participle, mood)] of its readings ("" for
    a reading that is no participle or has no mood), or None (no analyser)."""
    try:
        import pyvoikko

        return lambda word: [(a.CLASS or "", a.NUMBER or "", a.SIJAMUOTO or "", a.PARTICIPLE or "",
                              getattr(a, "MOOD", None) or "") for a in pyvoikko.analyse(word)]
    except ImportError:
        pass
    try:
        from libvoikko import Voikko

        voikko = Voikko("fi")
        return lambda word: [(a.get("CLASS", ""), a.get("NUMBER", ""), a.get("SIJAMUOTO", ""), a.get("PARTICIPLE", ""),
                              a.get("MOOD", "")) for a in voikko.analyze(word)]
    except (ImportError, OSError):
        return None


@lru_cache(maxsize=4096)
def _forms(word: str) -> tuple[tuple[str, str, str, str, str], ...] | None:
    """The readings of ``_form_backend``; empty for an unknown word, None without an analyser."""
    backend = _form_backend()
    if backend is None:
        return None
    try:
        return tuple(backend(word.lower()))
    except Exception:  # noqa: BLE001 - an analyser failure on one word is no reading
        return ()


# Voikko's word classes of a common noun (an adjective that also serves as one: "nuori")
NOUN_CLASSES = frozenset({"nimisana", "nimisana_laatusana"})
# … and of a proper name (a place, a person, another name)
NAME_CLASSES = frozenset({"paikannimi", "sukunimi", "etunimi", "nimi"})


@lru_cache(maxsize=4096)
def readings(word: str) -> tuple[tuple[str, str, str], ...] | None:
    """(word class, number, case) of each reading of a word ("hollolan": ("paikannimi",
    "singular", "omanto")); empty for a word the analyser does not know, None without one."""
    found = _forms(word)
    return None if found is None else tuple(f[:3] for f in found)


def plural_partitive_noun(word: str) -> bool | None:
    """The word reads first as a noun or adjective in the plural partitive ("keinoja",
    "mahdollisuuksia", "uusia"): after "mitä" it asks for several things. None without an
    analyser."""
    found = readings(word)
    if found is None:
        return None
    return bool(found) and found[0][0] in ("nimisana", "laatusana", "nimisana_laatusana") and found[0][1:] == ("plural", "osanto")


def finite_verb(word: str) -> bool | None:
    """The word reads first as a finite verb ("hyväksyttiin", "kokoontuu"), not as a noun
    ("tuki") or an infinitive in a case ("edistämisen"). None without an analyser."""
    found = readings(word)
    if found is None:
        return None
    return bool(found) and found[0][0] == "teonsana" and not found[0][2]


def participle(word: str) -> bool:
    """Every reading of the word is a participle ("johtavista", "aiheuttavia", "hyväksytty"): a
    verb used as an adjective. False for an unknown word or without an analyser."""
    found = _forms(word) or ()
    return bool(found) and all(f[3] for f in found)


def may_be_infinitive(word: str) -> bool:
    """Some reading of the word is a verb's basic infinitive ("kantaa", "olla"): after "pitää",
    "voida" or "tulla" it makes them auxiliaries. False for an unknown word or without an analyser."""
    return any(f[4] == "A-infinitive" for f in _forms(word) or ())


_INESSIVE_ENDING = re.compile(r"ess[aä](?:ni|si|an|än|mme|nne)?$")


def temporal_infinitive(word: str) -> bool:
    """The word is a verb's second infinitive in the inessive, which tells when ("kriisin
    alkaessa", "65 vuotta täyttäessään"), not its instructive ("tehden", how). False for an
    unknown word or without an analyser."""
    return bool(_INESSIVE_ENDING.search(word.lower())) and any(f[4] == "E-infinitive" for f in _forms(word) or ())


def may_be_verb(word: str) -> bool | None:
    """Some reading of the word is a verb form without a case ("vastaa", "ohjaa", "maksaa" also
    read as nouns). None without an analyser."""
    found = readings(word)
    if found is None:
        return None
    return any(cls == "teonsana" and not case for cls, _, case in found)


def available() -> bool:
    """A morphological analyser is installed."""
    return _backend() is not None


def analyse(word: str) -> WordAnalysis:
    """Base forms and compound parts of one lower-case word (cached)."""
    global _dirty
    hit = _cache.get(word)
    if hit is not None:
        return hit
    backend = _backend()
    if backend is None or not word or word[0].isdigit():
        return _NOTHING
    try:
        readings = backend(word)[:MAX_ANALYSES]
    except Exception:  # noqa: BLE001 - an analyser failure on one word must not stop search
        readings = []
    lemmas: list[str] = []
    parts: list[str] = []
    verb = any(cls in _VERB_CLASSES for _, _, cls in readings)
    for base, segs, _cls in readings:
        base = base.lower().replace("=", "")
        if base and base not in lemmas:
            lemmas.append(base)
        segs = [s.lower().replace("=", "") for s in segs if s]
        if len(segs) > 1:
            # the parts, and the head compounds they end in ("hyvinvointityöryhmä" -> "työryhmä")
            heads = ["".join(segs[i:]) for i in range(1, len(segs) - 1)]
            for s in segs + heads:
                if s not in parts and s != base and len(s) > 2:
                    parts.append(s)
    result = WordAnalysis(tuple(lemmas), tuple(parts), verb)
    _cache[word] = result
    _dirty = True
    return result


MAX_UMLAUT_PLACES = 8  # a word with more a/o letters is not tried (2**8 spellings)


@lru_cache(maxsize=4096)
def umlauts_restored(word: str) -> str | None:
    """A word typed without ä/ö that the analyser does not know, spelled the one way with ä/ö
    it knows ("yksinaisyydesta" -> "yksinäisyydestä"); None when none or several readings
    fit, or without an analyser. (The tried spellings are not kept in the analysis cache.)"""
    backend = _backend()
    if backend is None or not word.isalpha() or any(c in word for c in "äöå") or analyse(word).lemmas:
        return None
    places = [i for i, c in enumerate(word) if c in "ao"]
    if not places or len(places) > MAX_UMLAUT_PLACES:
        return None
    found: dict[tuple[str, ...], str] = {}
    for mask in range(1, 2 ** len(places)):
        letters = list(word)
        for bit, i in enumerate(places):
            if mask >> bit & 1:
                letters[i] = "ä" if letters[i] == "a" else "ö"
        spelled = "".join(letters)
        try:
            readings = backend(spelled)
        except Exception:  # noqa: BLE001 - an analyser failure on one spelling is no spelling
            readings = []
        if readings:
            found.setdefault(tuple(sorted({base.lower() for base, _, _ in readings})), spelled)
    return next(iter(found.values())) if len(found) == 1 else None


def has_verb(words: list[str]) -> bool | None:
    """Some word is a verb form; None when no analyser is installed (cannot tell)."""
    if not available():
        return None
    return any(analyse(w.lower()).verb for w in words)


def load_cache(path: Path) -> None:
    """Read analyses saved by :func:`save_cache`, once per file and process (a missing or
    broken file is ignored)."""
    if path in _loaded or not path.exists():
        return
    _loaded.add(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        for word, entry in raw.items():
            lemmas, parts, *rest = entry
            _cache.setdefault(word, WordAnalysis(tuple(lemmas), tuple(parts), bool(rest and rest[0])))
    except (ValueError, TypeError, OSError):
        log.warning("ignoring unreadable analysis cache %s", path)


def save_cache(path: Path) -> None:
    """Write the analyses made so far (atomically), when there are new ones."""
    global _dirty
    if not _dirty or not available():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps({w: [list(a.lemmas), list(a.parts), a.verb] for w, a in _cache.items()}, ensure_ascii=False)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(payload)
    os.replace(tmp, path)
    _dirty = False
