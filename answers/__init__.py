"""Hyte-haku answers: question analysis, refusal, extractive composition, LLM prompt and
grounding, follow-ups and the conversation. Uses retriever/ for search; retriever never uses it."""
