"""What a Finnish question asks for: a list, a definition, a quantity, a time or a person."""

from __future__ import annotations

import re

from .facts import answer_kind, has_kind  # noqa: F401 - re-exported for answer code
from .finnish import content_tokens

LIST_QUESTION = re.compile(
    r"\b(mitä|mitkä|millaisia|millaista|miten|mistä|kenen kanssa|ketkä)\b.*\b(tehtiin|järjestettiin|"
    r"ovat|olivat|toteutettiin|tarjottiin|tuetaan|aiotaan|sanotaan|sanoo|kerrotaan|kertoo|mainitaan|koostuu|"
    r"tehdään)\b",
    re.I,
)
# "Mikä on Hyry?", "mitä tarkoittaa X"; a bare term ("Hyry") is handled in definition_term.
WHAT_IS = re.compile(r"^\s*(?:mikä|mitä|kuka|ketkä)\s+(?:on|ovat|oli|tarkoittaa|tarkoitetaan)\s+(.+?)\??\s*$", re.I)

def wants_list(question: str) -> bool:
    """"Mitä ikäihmisille tehtiin 2023?": the answer is several things, maybe from several places."""
    return bool(LIST_QUESTION.search(question))


def asks_definition(question: str) -> bool:
    """"Mikä on X?", "Kuka on X?", or a bare term: the answer starts with what introduces X."""
    return definition_term(question) is not None or answer_kind(question) == "name"


def definition_term(question: str) -> str | None:
    """The term an onboarding question asks about ("Mikä on Hyry?" -> "Hyry"), if it is one."""
    m = WHAT_IS.match(question)
    if m:
        return m.group(1).strip()
    if len(content_tokens(question)) <= 3 and not question.rstrip().endswith("?"):
        return question.strip()
    return None


def defines(term: str, text: str) -> bool:
    """The text introduces the term as written: "X on ...", "X eli ...", or "... työryhmä X"."""
    t = re.escape(term.strip())
    if re.search(rf"(?<![\wåäö-]){t}\s+(?:on|ovat|eli|tarkoittaa|=)\s", text, re.I):
        return True
    if re.search(rf"(?<![\wåäö-]){t}\s*[(–-]\s", text, re.I):
        return True
    # Apposition of a name: "... hyvinvointityöryhmä Hyry." (not a list: "kuuluu perhekoordinaattori,")
    m = re.search(rf"[a-zåäö]{{4,}}\s+({t})(?:[.;:)]|\s+(?:ja|on|vastaa))", text, re.I)
    return bool(m and m.group(1)[:1].isupper())
