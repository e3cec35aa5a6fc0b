"""Progress of an ingest run with an estimate of the time left, for the CLI and the app."""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class Eta:
    """Turns (files done so far, files in all) reports into a share done and seconds left.

    The estimate starts once some work has been timed (a few seconds, or 2 % of the run), so
    the first file's start-up (loading the model) does not promise hours.
    """

    started: float = field(default_factory=time.monotonic)
    min_seconds: float = 3.0

    def update(self, done: float, total: int) -> tuple[float, float | None]:
        """(share done 0..1, seconds left or None while unknown)."""
        share = min(max(done / total, 0.0), 1.0) if total else 1.0
        elapsed = time.monotonic() - self.started
        if share <= 0.02 or elapsed < self.min_seconds or share >= 1.0:
            return share, None if share < 1.0 else 0.0
        return share, elapsed / share * (1.0 - share)


def format_left(seconds: float | None) -> str:
    """'about 3 min left' / 'about 40 s left' / '' (English: CLI and logs)."""
    if seconds is None or seconds <= 0:
        return ""
    if seconds >= 90:
        return f"about {round(seconds / 60)} min left"
    return f"about {max(1, round(seconds))} s left"
