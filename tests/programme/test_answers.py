"""`CheckIn` and `LastSession`, written without dataclasses (why: programme/answers.py),
behave as the frozen dataclasses they were."""

from __future__ import annotations

import pytest

from tui.core.programme.answers import FrozenError
from tui.core.programme.zones import CheckIn, Effort, Kind, LastSession


def test_a_check_in_is_built_by_keyword_or_position_with_its_defaults():
    given = CheckIn(Kind.AFTER, 10.0, pain=4, effort=Effort.RIGHT, session_id=3)
    assert (given.kind, given.at, given.pain, given.effort, given.session_id) == (
        Kind.AFTER, 10.0, 4, Effort.RIGHT, 3)  # fmt: skip
    assert (given.change, given.exercise, given.note, given.id, given.sharp) == (None,) * 5
    assert CheckIn(Kind.DURING, 1.0, 7) == CheckIn(kind=Kind.DURING, at=1.0, pain=7)


def test_equal_check_ins_hash_alike_and_differ_by_any_field():
    one = CheckIn(Kind.AFTER, 10.0, pain=4)
    assert one == CheckIn(Kind.AFTER, 10.0, pain=4)
    assert len({one, CheckIn(Kind.AFTER, 10.0, 4)}) == 1
    assert one != CheckIn(Kind.AFTER, 10.0, pain=5)
    assert one != (Kind.AFTER, 10.0, 4)  # not a tuple
    assert repr(one).startswith("CheckIn(kind=<Kind.AFTER: 'after'>, at=10.0, pain=4, change=None")


def test_records_are_read_only():
    with pytest.raises(FrozenError):
        CheckIn(Kind.AFTER, 10.0).pain = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del LastSession(1, None, False, False).speed  # type: ignore[misc]


def test_a_last_session_is_equal_whatever_its_start_was_read_as():
    read = LastSession(2, 100.0, True, False, 1.0, started_at=50.0)
    assert read == LastSession(2, 100.0, True, False) and hash(read) == hash(
        LastSession(2, 100.0, True, False))  # fmt: skip
    assert read.started_at == 50.0 and not read.preview
    assert LastSession(2, 100.0, True, False, speed=4).preview
    assert read != LastSession(2, 100.0, True, True)
