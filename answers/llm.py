"""Optional LLM: an OpenAI-compatible chat endpoint through the maintained ``openai`` client.

Works with Ollama (``http://localhost:11434/v1``), llama.cpp's server, vLLM, OpenAI and Azure
OpenAI (``HYTE_LLM_API_VERSION`` set: the base URL is the Azure endpoint and the model its
deployment name). ``HYTE_LLM_TIMEOUT`` bounds each request and ``HYTE_LLM_RETRIES`` retries a
failed connection; any failure becomes :class:`LLMError`, and the caller falls back to the
extractive answer. Replies are streamed; a server that cannot stream is asked again without.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from retriever.settings import Settings, load_settings

log = logging.getLogger("hyte.llm")


class LLMError(Exception):
    """The endpoint could not be reached, timed out, or answered with something unusable."""


class ChatClient:
    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 60.0,
        retries: int = 1,
        api_version: str | None = None,
    ) -> None:
        import openai

        self.model = model
        key = api_key or "not-needed"  # local servers take any key; the client insists on one
        if api_version:
            self._client: openai.OpenAI = openai.AzureOpenAI(
                azure_endpoint=base_url, api_key=key, api_version=api_version, timeout=timeout, max_retries=retries
            )
        else:
            self._client = openai.OpenAI(base_url=base_url, api_key=key, timeout=timeout, max_retries=retries)

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> ChatClient | None:
        """A client when ``HYTE_LLM_BASE_URL`` is set, else None (answers stay extractive)."""
        s = settings or load_settings()
        if not s.llm_base_url:
            return None
        return cls(s.llm_base_url, s.llm_model, s.llm_api_key, s.llm_timeout, s.llm_retries, s.llm_api_version)

    def stream(self, messages: list[dict], temperature: float = 0.0) -> Iterator[str]:
        """Yield pieces of the reply as they arrive."""
        import openai

        try:
            chunks = self._client.chat.completions.create(
                model=self.model, messages=messages, temperature=temperature, stream=True  # type: ignore[arg-type]
            )
            got = False
            for chunk in chunks:
                choice = chunk.choices[0] if chunk.choices else None  # type: ignore[union-attr]
                piece = (choice.delta.content if choice and choice.delta else None) or ""
                if piece:
                    got = True
                    yield piece
            if got:
                return
        except openai.APIError as exc:
            if isinstance(exc, (openai.APIConnectionError, openai.APITimeoutError, openai.APIStatusError)):
                raise LLMError(f"LLM endpoint failed: {exc}") from exc
            log.info("streaming reply unreadable (%s); asking without streaming", exc)
        except (ValueError, TypeError, AttributeError) as exc:
            log.info("streaming reply unreadable (%s); asking without streaming", exc)
        yield self.complete(messages, temperature)

    def complete(self, messages: list[dict], temperature: float = 0.0) -> str:
        """The whole reply at once."""
        import openai

        try:
            reply = self._client.chat.completions.create(
                model=self.model, messages=messages, temperature=temperature  # type: ignore[arg-type]
            )
            return reply.choices[0].message.content or ""
        except openai.APIError as exc:
            raise LLMError(f"LLM endpoint failed: {exc}") from exc
        except (ValueError, TypeError, AttributeError, IndexError) as exc:
            raise LLMError(f"LLM endpoint sent an unreadable reply: {exc}") from exc
