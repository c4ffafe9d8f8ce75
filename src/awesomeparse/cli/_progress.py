"""A one-line progress bar on standard error: ``[=====>    ] 412/1000 lists  3.1 s``.

Drawn only on a terminal (a redirected stderr gets no carriage-return noise) and only for more
than one item, redrawn in place at most ten times a second, and erased when the run ends so the
terminal is left clean.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 30
REDRAW_SECONDS = 0.1


def render_bar(done: int, total: int, elapsed: float, *, width: int = BAR_WIDTH, unit: str = "lists") -> str:
    """The bar's text for ``done`` of ``total`` items after ``elapsed`` seconds."""
    filled = width if total <= 0 else min(width, width * done // total)
    head = ">" if filled < width else ""
    bar = ("=" * filled + head).ljust(width)
    return f"[{bar}] {done}/{total} {unit}  {elapsed:.1f} s"


class Progress:
    """Counts finished items and keeps the bar current; ``note`` prints a line above it."""

    def __init__(self, total: int, stream: TextIO, *, enabled: bool, unit: str = "lists",
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.done = 0
        self._stream = stream
        self._enabled = enabled
        self._unit = unit
        self._clock = clock
        self._start = clock()
        self._drawn_at = self._start
        self._shown = 0

    def begin(self) -> None:
        """Start the clock and show the empty bar, so a long first file does not look like a hang."""
        self._start = self._clock()
        if self._enabled:
            self._draw(self._start)

    def advance(self) -> None:
        self.done += 1
        now = self._clock()
        if self._enabled and now - self._drawn_at >= REDRAW_SECONDS:
            self._draw(now)

    def note(self, line: str) -> None:
        """Print ``line`` (a warning or error) on its own line, the bar coming back at the next redraw."""
        self._erase()
        print(line, file=self._stream, flush=True)

    def close(self) -> None:
        self._erase()

    def _draw(self, now: float) -> None:
        text = render_bar(self.done, self.total, now - self._start, unit=self._unit)
        # Padding covers what a longer previous drawing left behind.
        self._stream.write("\r" + text.ljust(self._shown))
        self._stream.flush()
        self._shown = len(text)
        self._drawn_at = now

    def _erase(self) -> None:
        if self._shown:
            self._stream.write("\r" + " " * self._shown + "\r")
            self._stream.flush()
            self._shown = 0


def progress_for(total: int, *, quiet: bool, stream: TextIO | None = None) -> Progress:
    """A bar on ``stream`` (standard error by default), drawn for several items on a terminal, unless ``quiet``."""
    target = sys.stderr if stream is None else stream
    isatty = getattr(target, "isatty", None)
    return Progress(total, target, enabled=total > 1 and not quiet and bool(isatty is not None and isatty()))
