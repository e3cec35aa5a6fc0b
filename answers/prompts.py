"""The Finnish texts of prompts/ (editable by non-programmers), read with safe fallbacks."""

from __future__ import annotations

from retriever.settings import load_settings

_FALLBACK = {
    "no_answer": "En löytänyt aineistosta vastausta tähän kysymykseen.",
}
_REQUIRED = ("no_answer", "system", "answer")  # without these the LLM would get empty prompts


def prompt(name: str) -> str:
    """Text of ``prompts/<name>.txt``; the built-in Finnish text if the file is missing."""
    path = load_settings().prompts_dir / f"{name}.txt"
    if name in _REQUIRED and not path.exists():
        raise FileNotFoundError(f"prompt file missing: {path} (set HYTE_PROMPTS_DIR or reinstall)")
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    return text or _FALLBACK.get(name, "")


def ui_texts() -> dict[str, str]:
    """The app's Finnish interface texts from ``prompts/ui.txt`` (``key = text`` lines)."""
    texts: dict[str, str] = {}
    for line in prompt("ui").splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            texts[key.strip()] = value.strip()
    return texts
