"""Optional LLM: an OpenAI-compatible chat endpoint (Ollama, llama.cpp, vLLM, OpenAI, Azure).

Configured by ``HYTE_LLM_BASE_URL`` (e.g. http://localhost:11434/v1), ``HYTE_LLM_MODEL``,
``HYTE_LLM_API_KEY`` and ``HYTE_LLM_TIMEOUT``. Standard library only: streaming is read as
server-sent events, and a server that answers with plain JSON works too.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator

from .settings import Settings, load_settings


class LLMError(Exception):
    """The endpoint could not be reached, timed out, or answered with something unusable."""


class ChatClient:
    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout: float = 60.0) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout = timeout

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> ChatClient | None:
        """A client when ``HYTE_LLM_BASE_URL`` is set, else None (answers stay extractive)."""
        s = settings or load_settings()
        if not s.llm_base_url:
            return None
        return cls(s.llm_base_url, s.llm_model, s.llm_api_key, s.llm_timeout)

    def stream(self, messages: list[dict], temperature: float = 0.0) -> Iterator[str]:
        """Yield pieces of the reply as they arrive."""
        body = json.dumps(
            {"model": self.model, "messages": messages, "temperature": temperature, "stream": True}
        ).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
            headers["api-key"] = self.api_key  # Azure OpenAI reads this header
        req = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                if "text/event-stream" not in resp.headers.get("Content-Type", ""):
                    yield _message_content(json.loads(resp.read().decode("utf-8")))
                    return
                for raw in resp:
                    line = raw.decode("utf-8").strip()
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        return
                    choice = (json.loads(data).get("choices") or [{}])[0]
                    piece = (choice.get("delta") or {}).get("content") or ""
                    if piece:
                        yield piece
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            raise LLMError(f"LLM endpoint failed: {exc}") from exc
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise LLMError(f"LLM endpoint sent an unreadable reply: {exc}") from exc

    def complete(self, messages: list[dict]) -> str:
        return "".join(self.stream(messages))


def _message_content(payload: dict) -> str:
    try:
        return payload["choices"][0]["message"]["content"] or ""
    except (KeyError, IndexError, TypeError) as exc:
        raise LLMError("LLM reply has no message content") from exc
