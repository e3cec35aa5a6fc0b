"""The kind of fact a question asks for (a name, a number, a time, a person) and whether a
sentence holds one. Shared by the second ranking stage and the answer and refusal rules."""

from __future__ import annotations

import re

_ASKS = {
    # "Kuka on X?" asks for a name; "kuka vastaa …?" may be answered by a body ("johtoryhmä").
    "name": re.compile(r"^\s*(kuka|ketk[äa])\s+(on|oli|ovat|olivat|toimi|toimii|toimivat)\b", re.I),
    "quantity": re.compile(r"^\s*(montako|monta|kuinka (monta|moni|monesta|monella|paljon)|paljonko|mink[äa] verran)\b", re.I),
    "time": re.compile(r"^\s*(milloin|mihin aikaan|min[äa] p[äa]iv[äa]n[äa]|mistä lähtien|koska)\b", re.I),
    "person": re.compile(r"^\s*(kuka|ketk[äa]|kenen|keneltä|kenelle|kehen)\b", re.I),
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


def answer_kind(question: str) -> str | None:
    """"name" (kuka on…), "quantity" (montako…), "time" (milloin…), "person" (kuka…), or None."""
    return next((kind for kind, rx in _ASKS.items() if rx.search(question)), None)


def has_kind(kind: str | None, sentence: str) -> bool:
    """The sentence holds the kind of fact asked for (a number, a date, a name)."""
    return kind is not None and bool(_HAS[kind].search(sentence))
