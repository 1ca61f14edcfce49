"""The writer thread of a workout: store calls run one at a time, in the order given,
off the loop that draws the countdown (`workout.py` says why)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable


class Writer:
    """One thread running store calls in the order given; started by the first."""

    def __init__(self, notify: Callable[[str], None]) -> None:
        self._notify = notify
        self._queue: queue.Queue[Callable[[], object] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def put(self, job: Callable[[], object]) -> bool:
        """Queue `job`; False once stopped (it is not run)."""
        if self._stopped:
            return False
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="spinewise-writer", daemon=True)
            self._thread.start()
        self._queue.put(job)
        return True

    def drain(self) -> None:
        if self._thread is not None:
            self._queue.join()

    def stop(self, *, wait: bool = True) -> None:
        """Write what is queued, then end the thread; `wait` for both."""
        if not self._stopped:
            self._stopped = True
            if self._thread is not None:
                self._queue.put(None)
        if wait and self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            try:
                if job is None:
                    return
                job()
            except Exception as error:  # a failed save must not end the saving
                self._notify(f"Progress could not be saved: {error}")
            finally:
                self._queue.task_done()
