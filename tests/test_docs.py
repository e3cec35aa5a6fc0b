"""The README documents every setting (a HYTE_ variable read anywhere in the code)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_lists_every_setting():
    code = "\n".join(p.read_text(encoding="utf-8") for d in ("retriever", "answers", "ingest")
                     for p in (ROOT / d).rglob("*.py"))
    settings = set(re.findall(r'"(HYTE_[A-Z_]+)"', code))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert settings, "no settings found"
    missing = sorted(s for s in settings if f"`{s}`" not in readme)
    assert not missing, f"README does not document {missing}"
