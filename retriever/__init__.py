"""Hyte-haku retrieval library: the index (Chroma + Finnish lexical), search, answers, eval."""
