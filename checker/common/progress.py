"""Progress of a long run on a terminal: the stage running and the time it has taken.

Shown on standard error, only when it is a terminal, and only once a stage has run for
`delay` seconds, so short runs, pipes and CI logs stay as they are. While a stage shows its
ticking line, other output to standard error first clears that line.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time


def _is_terminal(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


class _Ticker:
    """One stage's ticking line, rewritten in place."""

    def __init__(self, stream, name: str) -> None:
        self.stream = stream
        self.name = name
        self.started = time.monotonic()
        self.lock = threading.Lock()
        self.width = 0  # of the line on screen; 0 when none is shown

    def show(self) -> None:
        with self.lock:
            line = f"{self.name}\u2026 {time.monotonic() - self.started:.0f} s"
            self.stream.write("\r" + line.ljust(self.width))
            self.stream.flush()
            self.width = len(line)

    def clear(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.width = 0


class _ClearingStream:
    """Standard error while a ticker runs: a write first takes the ticking line away."""

    def __init__(self, ticker: _Ticker) -> None:
        self._ticker = ticker

    def write(self, text: str) -> int:
        with self._ticker.lock:
            self._ticker.clear()
            return self._ticker.stream.write(text)

    def __getattr__(self, name):
        return getattr(self._ticker.stream, name)


class Progress:
    def __init__(self, stream=None, delay: float = 1.0, interval: float = 1.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream)
        self.delay = delay
        self.interval = interval

    @contextlib.contextmanager
    def stage(self, name: str):
        """Run the block as a stage called `name` (e.g. "judging")."""
        if not self.enabled:
            yield
            return
        ticker = _Ticker(self.stream, name)
        stop = threading.Event()

        def tick() -> None:
            wait = self.delay
            while not stop.wait(wait):
                ticker.show()
                wait = self.interval

        thread = threading.Thread(target=tick, name=f"progress: {name}", daemon=True)
        redirected = sys.stderr is self.stream
        if redirected:
            sys.stderr = _ClearingStream(ticker)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
            if redirected:
                sys.stderr = self.stream
            with ticker.lock:
                ticker.clear()
                elapsed = time.monotonic() - ticker.started
                if elapsed >= self.delay:
                    self.stream.write(f"{name}: {elapsed:.1f} s\n")
                self.stream.flush()
