"""The Finnish texts a user or an LLM sees, as plain files (package data)."""
