"""What a Finnish question asks for: a list, a definition, a quantity, a time or a person."""

from __future__ import annotations

import re

from .finnish import content_tokens

LIST_QUESTION = re.compile(
    r"\b(mitä|mitkä|millaisia|millaista|miten|mistä|kenen kanssa|ketkä)\b.*\b(tehtiin|järjestettiin|"
    r"ovat|olivat|toteutettiin|tarjottiin|tuetaan|aiotaan|sanotaan|sanoo|kerrotaan|kertoo|mainitaan|koostuu|"
    r"tehdään)\b",
    re.I,
)
# "Mikä on Hyry?", "mitä tarkoittaa X"; a bare term ("Hyry") is handled in definition_term.
WHAT_IS = re.compile(r"^\s*(?:mikä|mitä|kuka|ketkä)\s+(?:on|ovat|oli|tarkoittaa|tarkoitetaan)\s+(.+?)\??\s*$", re.I)

_ASKS = {
    # "Kuka on X?" asks for a name; "kuka vastaa …?" may be answered by a body ("johtoryhmä").
    "name": re.compile(r"^\s*(kuka|ketkä)\s+(on|oli|ovat|olivat|toimi|toimii|toimivat)\b", re.I),
    "quantity": re.compile(r"^\s*(montako|monta|kuinka (monta|moni|monesta|monella|paljon)|paljonko|minkä verran)\b", re.I),
    "time": re.compile(r"^\s*(milloin|mihin aikaan|minä päivänä|mistä lähtien|koska)\b", re.I),
    "person": re.compile(r"^\s*(kuka|ketkä|kenen|keneltä|kenelle|kehen)\b", re.I),
}
_NAME = r"[A-ZÅÄÖ][a-zåäö]+(?:-[a-zåäö]+)?(?:\s+|,\s+)[A-ZÅÄÖ][a-zåäö]+"
_HAS = {
    "name": re.compile(_NAME),
    "quantity": re.compile(r"\d|\b(yksi|kaksi|kolme|neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän|kymmenen)\b", re.I),
    "time": re.compile(
        r"\d{1,2}\.\d{1,2}\.|\b(19|20)\d\d\b|(tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)"
        r"(kuu|kuussa|kuun)|keväällä|kesällä|syksyllä|talvella|alkuvuo|loppuvuo",
        re.I,
    ),
    "person": re.compile(_NAME + r"|johtaja|johtoryhmä|työryhmä|lautakunta|päällikkö"),
}


def wants_list(question: str) -> bool:
    """"Mitä ikäihmisille tehtiin 2023?": the answer is several things, maybe from several places."""
    return bool(LIST_QUESTION.search(question))


def asks_definition(question: str) -> bool:
    """"Mikä on X?", "Kuka on X?", or a bare term: the answer starts with what introduces X."""
    return definition_term(question) is not None or answer_kind(question) == "name"


def answer_kind(question: str) -> str | None:
    """"name" (kuka on…), "quantity" (montako…), "time" (milloin…), "person" (kuka…), or None."""
    return next((kind for kind, rx in _ASKS.items() if rx.search(question)), None)


def has_kind(kind: str | None, sentence: str) -> bool:
    """The sentence holds the kind of fact asked for (a number, a date, a name)."""
    return kind is not None and bool(_HAS[kind].search(sentence))


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
