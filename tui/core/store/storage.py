"""The session database as a workout uses it, with its rule for faults: say a
failed save once, go on in memory, and say when saving works again (`Storage`).
Kept apart from `workout.py`, which follows the session."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from tui.core.store.active import ActiveSession, NullStore
from tui.core.store.database import Store, StoreUnavailable

T = TypeVar("T")


class Storage:
    """The session database with its fault rule: when a save fails (a full disk,
    another spinewise holding the lock past `BUSY_TIMEOUT`), say so once, go on
    in memory, and save again at the next checkpoint; when one succeeds, say
    that too. It used to swap in a `NullStore` for good at the first failure,
    so one full second of disk lost the rest of the session. Safe to use from
    the writer thread."""

    def __init__(
        self, store: Store | NullStore, notify: Callable[[str], None] = lambda message: None
    ) -> None:
        self.store = store
        self.notify = notify
        self._lock = threading.Lock()
        #: When the last save failed (`time.monotonic()`), while saves are failing.
        self.failing_since: float | None = None
        self._said: set[str] = set()

    @property
    def saving(self) -> bool:
        """Whether what is done now reaches the disk (as far as is known)."""
        return self.store.available and self.failing_since is None

    def call(self, call: Callable[[Store | NullStore], T]) -> T | None:
        """`call(store)`; None when the store cannot be used (said once)."""
        try:
            return call(self.store)
        except StoreUnavailable as error:
            self._failed(error)
            return None

    def attempt(self, call: Callable[[Store | NullStore], object]) -> bool:
        """`call(store)`: whether it was done (a failure is said once)."""
        try:
            call(self.store)
        except StoreUnavailable as error:
            self._failed(error)
            return False
        with self._lock:
            recovered, self.failing_since = self.failing_since is not None, None
        if recovered:
            self.notify("Progress is being saved again.")
        return True

    def _failed(self, error: StoreUnavailable) -> None:
        with self._lock:
            first, self.failing_since = self.failing_since is None, time.monotonic()
        if first:
            self.notify(f"Progress is not being saved (trying again as you go): {error}")

    def paused(self) -> ActiveSession | None:
        """The session waiting to be resumed, if any (one that does not read is said)."""
        try:
            return self.store.active()
        except StoreUnavailable as error:
            if str(error) not in self._said:
                self._said.add(str(error))
                self.notify(f"{str(error)[:1].upper()}{str(error)[1:]}")
            return None

    def discard_paused(self, now: float) -> None:
        self.call(lambda store: store.discard_active(now))
