"""Hyte-haku ingest: files -> paragraphs with document, section, page -> the retriever's index."""
