"""What changes next time, said on the summary as the pain after is answered:
"Bird dog: 6-4-2 becomes 7-5-3 next time you do Core basics: two settled sessions".

"Next time you do" the routine, never a bare "next time": stages are kept per
routine, and the next session (of a plan, or the person's choice) may be
another routine, which this change does not touch.

It says the store's decision and nothing else: the outcomes of
`programme.deciding.outlook` over what the store keeps of the session (read
once it has ended), with the pain after being typed; the store decides the
same way when that answer is kept. When progression is held (two red days
this week, sharp pain, a reset by hand since the session began), the line
says so in the rule's own reason.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.programme.deciding import Outcome
from tui.core.programme.progression import Rule


def next_time_words(routine: str | None = None) -> str:
    """`next time you do Core basics` (`routine`: its name), or `next time you do
    this routine` when the name is not known."""
    return f"next time you do {routine or 'this routine'}"


def next_time_lines(
    outcomes: Iterable[Outcome], *, asked: bool = True, routine: str | None = None
) -> list[str]:
    """One line per progressing exercise: its dose next time and the rule why
    (`asked`: whether the summary asks for the pain after; `routine`: the name of
    the routine, said in `next_time_words`)."""
    upcoming = next_time_words(routine)
    lines = []
    for found in outcomes:
        s, decision = found.started, found.decision
        now = s.brief(decision.before.stage)
        if decision.moved:
            later = s.brief(decision.after.stage)
            lines.append(f"{s.key}: {now} becomes {later} {upcoming}: {decision.reason}")
        elif found.pending and decision.rule is Rule.NO_ANSWER and asked:
            lines.append(f"{s.key}: {now} for now: your pain now (below) decides if it counts")
        elif found.pending:
            lines.append(f"{s.key}: {now} for now: {decision.reason}")
        else:  # red too: one sentence form for every line that says next time
            lines.append(f"{s.key}: stays at {now} {upcoming}: {decision.reason}")
    return lines
