"""Feedback on answers (👍/👎 and a comment) and saved conversations, in SQLite under
``HYTE_DATA_DIR``. ``python -m retriever feedback --csv`` exports the feedback."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import datetime, timezone
from typing import TextIO

from retriever.settings import Settings, load_settings

CSV_COLUMNS = ["time", "question", "answer", "rating", "comment", "sources"]


class FeedbackStore:
    """One SQLite file; every call opens its own connection (the app serves many threads)."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.path = self.settings.data_dir / "feedback.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS feedback (time TEXT, question TEXT, answer TEXT, rating INTEGER,"
                       " comment TEXT, sources TEXT)")
            db.execute("CREATE TABLE IF NOT EXISTS conversations (session TEXT PRIMARY KEY, updated TEXT,"
                       " messages TEXT)")

    def _db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def add(self, question: str, answer: str, rating: int, comment: str = "", sources: list[str] | None = None) -> None:
        """``rating``: 1 (👍) or -1 (👎); ``sources``: the cited places as shown to the user."""
        with self._db() as db:
            db.execute("INSERT INTO feedback VALUES (?, ?, ?, ?, ?, ?)", (
                datetime.now(timezone.utc).isoformat(timespec="seconds"), question, answer, int(rating),
                comment.strip(), " | ".join(sources or []),
            ))

    def rows(self) -> list[tuple]:
        with self._db() as db:
            return db.execute(f"SELECT {', '.join(CSV_COLUMNS)} FROM feedback ORDER BY time").fetchall()

    def export_csv(self, out: TextIO) -> None:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(self.rows())

    def csv_text(self) -> str:
        import io

        buf = io.StringIO()
        self.export_csv(buf)
        return buf.getvalue()

    # -- conversations survive a page reload --------------------------------------------
    def save_conversation(self, session: str, messages: list[dict]) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO conversations VALUES (?, ?, ?)", (
                session, datetime.now(timezone.utc).isoformat(timespec="seconds"),
                json.dumps(messages, ensure_ascii=False),
            ))

    def load_conversation(self, session: str) -> list[dict]:
        with self._db() as db:
            row = db.execute("SELECT messages FROM conversations WHERE session = ?", (session,)).fetchone()
        try:
            return json.loads(row[0]) if row else []
        except ValueError:
            return []
