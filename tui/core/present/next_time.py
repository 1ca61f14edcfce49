"""What changes next time, said on the summary as the pain after is answered:
"Bird dog: 6-4-2 becomes 7-5-3 next time you do Core basics: two settled sessions".

"Next time you do" the routine, never a bare "next time": stages are kept per
routine, and the next session (of a plan, or the person's choice) may be
another routine, which this change does not touch.

The same rules the store applies (`programme.progression`), on what the
session knows so far: exercises done and flagged, the answers given with `!`,
the pain after typed now. A worse next morning, or a second red day this week,
can still change it; the store decides for good as each answer arrives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tui.core.programme.progression import PENDING, Evidence, Rule, Stage, apply, judge
from tui.core.programme.stages import StartedStage
from tui.core.programme.zones import CheckIn, Kind


def next_time_words(routine: str | None = None) -> str:
    """`next time you do Core basics` (`routine`: its name), or `next time you do
    this routine` when the name is not known."""
    return f"next time you do {routine or 'this routine'}"


def next_time_lines(
    started: Sequence[StartedStage],
    done: Iterable[str],
    hurt: Iterable[str],
    told: Iterable[CheckIn],
    pain_after: int | None,
    *,
    preview: bool = False,
    asked: bool = True,
    routine: str | None = None,
) -> list[str]:
    """One line per progressing exercise: its dose next time and the rule why
    (`asked`: whether the summary asks for the pain after; `routine`: the name of
    the routine, said in `next_time_words`)."""
    upcoming = next_time_words(routine)
    done, hurt = set(done), set(hurt)
    during = [c for c in told if c.kind is Kind.DURING]
    sharp = any(c.sharp for c in during)
    lines = []
    for s in started:
        mine = [c.pain for c in during if c.exercise == s.name and c.pain is not None]
        others = [c.pain for c in during if c.exercise != s.name and c.pain is not None]
        evidence = Evidence(
            done=s.name in done, hurt=s.name in hurt, sharp=sharp,
            pain_during=max(mine, default=None), pain_elsewhere=max(others, default=None),
            pain_after=pain_after, preview=preview,
        )  # fmt: skip
        verdict = judge(evidence)
        decision = apply(Stage(s.stage, s.settled), verdict, every=s.every, top=s.top)
        now = s.brief(s.stage)
        if decision.moved:
            later = s.brief(decision.after.stage)
            lines.append(f"{s.key}: {now} becomes {later} {upcoming}: {decision.reason}")
        elif verdict.rule is Rule.NO_ANSWER and asked:
            lines.append(f"{s.key}: {now} for now: your pain now (below) decides if it counts")
        elif verdict.rule in PENDING:
            lines.append(f"{s.key}: {now} for now: {decision.reason}")
        elif decision.rule is Rule.RED:
            lines.append(f"{s.key}: stays at {now}: {decision.reason}")
        else:
            lines.append(f"{s.key}: stays at {now} {upcoming}: {decision.reason}")
    return lines

