"""Progression that listens to pain: what one session says about an exercise's next stage.

The rules (issue 16; ROUTINE_FORMAT.md, "Progression"), over the zones of
the pain-monitoring model (`zones`, Silbernagel 2007):

- A session is **settled** for an exercise when it was done, without `!`,
  pain after was 5 or less and the next morning was not worse; until the
  next-morning answer comes, pain after must be 3 or less (green). Only
  settled sessions count toward `every`; `every` of them step the dose up
  one stage (`dose.dose_at`), never past the top.
- A **red** session (pain of 6 or more during the exercise or after, or a
  "worse" next morning) steps it back one stage, never below what is written.
- Two red days within 7 days (`zones.see_professional`) hold all progression:
  nothing counts until the window has passed (and the advice is shown).
- `!` with sharp, shooting or radiating pain never progresses anything in
  that session.
- A preview (`--speed` other than 1, `engine.credit`) moves nothing, up or
  back, whatever its answers: its dose was not the dose (at `--speed 4` a
  40-second hold lasts 10), so its pain says nothing about it (issue 15). A
  red answer in it still counts for safety: toward two red days
  (`zones.red_days` reads every check-in), which holds everything, and the
  summary's advice to ease off.
- A reset by hand (`spinewise progress ROUTINE --reset`) is the person's
  explicit wish: a session begun before it never counts for an exercise reset
  since, so it cannot move the stage above the reset (`deciding`).

A preview first, then red (easing off always applies), then the rules that
hold a whole session (a reset since, sharp pain, two red days), said as such
on the summary, before those of one exercise.

`judge` reads one session's evidence for one exercise and names the rule that
fires (a `Rule` and a one-line reason); `apply` moves a `Stage` by it. Both
pure: the store keeps which sessions were already counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tui.core.programme.stages import Stage
from tui.core.programme.zones import AMBER_MAX, GREEN_MAX, Change


class Rule(StrEnum):
    """Which rule decided: the word every message about a change carries."""

    STEP_UP = "step up"  # settled, and that made `every`: one stage up
    SETTLED = "settled"  # settled: one more toward `every`
    CAPPED = "at max"  # settled, but the top is reached
    RED = "red"  # one stage back
    SHARP = "sharp pain"  # `!` with sharp or radiating pain: nothing progresses
    HURT = "hurt"  # `!` during this exercise: not settled
    RED_ELSEWHERE = "red elsewhere"  # pain 6+ during another exercise: not counted
    NOT_DONE = "not done"
    PREVIEW = "preview"
    HELD = "held"  # two red days within 7 days
    WAIT = "wait"  # pain after 4-5: decided by the next morning (not final)
    NO_ANSWER = "no answer"  # no pain after given yet (not final)
    RESET = "reset"  # `spinewise progress ROUTINE --reset`
    #: Reset by hand after the session began: it does not count (`deciding`).
    RESET_SINCE = "reset since"


#: Rules that may still change when a later answer comes (they are not logged).
PENDING = frozenset({Rule.WAIT, Rule.NO_ANSWER})


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one session says about one exercise. Pains are NRS 0-10, None when not given."""

    done: bool
    hurt: bool = False
    sharp: bool = False
    pain_during: int | None = None
    pain_elsewhere: int | None = None
    pain_after: int | None = None
    next_day: Change | None = None
    preview: bool = False
    held: bool = False
    #: Reset by hand (`progress --reset`) after the session began.
    reset: bool = False


@dataclass(frozen=True, slots=True)
class Verdict:
    rule: Rule
    reason: str


def judge(e: Evidence) -> Verdict:
    """The rule that fires for this evidence, and why, in one line."""
    if e.preview:  # first: not even red moves a stage on a preview
        return Verdict(Rule.PREVIEW, "a preview at another speed than 1: not counted")
    red = _red(e)
    if red:
        return Verdict(Rule.RED, red)
    if e.reset:
        return Verdict(Rule.RESET_SINCE, "reset by hand to the dose written after this "
                       "session began: not counted")  # fmt: skip
    if e.sharp:
        return Verdict(Rule.SHARP, "sharp or radiating pain was flagged with !: nothing "
                       "progresses after that session")  # fmt: skip
    if e.held:
        return Verdict(Rule.HELD, "pain of 6 or more on two days this week: progression is "
                       "held")  # fmt: skip
    if e.hurt:
        return Verdict(Rule.HURT, "! was pressed during it: not counted")
    if not e.done:
        return Verdict(Rule.NOT_DONE, "not done in that session: not counted")
    if e.pain_elsewhere is not None and e.pain_elsewhere > AMBER_MAX:
        return Verdict(Rule.RED_ELSEWHERE, f"pain {e.pain_elsewhere} during another exercise: "
                       "not counted")  # fmt: skip
    if e.pain_after is None:
        return Verdict(Rule.NO_ANSWER, "no pain after given: not counted (answer it with "
                       "spinewise checkin PAIN)")  # fmt: skip
    if e.pain_after > GREEN_MAX and e.next_day is None:
        return Verdict(Rule.WAIT, f"pain after {e.pain_after}: counts if tomorrow is not worse")
    settled = f"pain after {e.pain_after}"
    if e.next_day is not None:
        settled += f", {e.next_day.value} the next day"
    return Verdict(Rule.SETTLED, settled)


def _red(e: Evidence) -> str:
    if e.pain_during is not None and e.pain_during > AMBER_MAX:
        return f"pain {e.pain_during} during it"
    if e.pain_after is not None and e.pain_after > AMBER_MAX:
        return f"pain {e.pain_after} after"
    if e.next_day is Change.WORSE:
        return "worse the next day"
    return ""


@dataclass(frozen=True, slots=True)
class Decision:
    """What a session did to an exercise: the rule, why (one line), the stage before
    and after."""

    rule: Rule
    reason: str
    before: Stage
    after: Stage

    @property
    def moved(self) -> bool:
        return self.after.stage != self.before.stage


def apply(state: Stage, verdict: Verdict, *, every: int, top: int) -> Decision:
    """`state` moved by `verdict` (`top`: the highest stage, `dose.top_stage`)."""
    if verdict.rule is Rule.RED:
        after = Stage(max(0, state.stage - 1), 0)
        why = f"red ({verdict.reason}): one stage back"
        if state.stage == 0:
            why = f"red ({verdict.reason}): stays at the dose written, never below"
        return Decision(Rule.RED, why, state, after)
    if verdict.rule is not Rule.SETTLED:
        return Decision(verdict.rule, verdict.reason, state, state)
    if state.stage >= top:
        return Decision(Rule.CAPPED, f"settled ({verdict.reason}), and at max already",
                        state, Stage(state.stage, 0))  # fmt: skip
    settled = state.settled + 1
    if settled >= every:
        sessions = "one settled session" if every == 1 else f"{_number(every)} settled sessions"
        return Decision(Rule.STEP_UP, sessions, state, Stage(state.stage + 1, 0))
    toward = f"settled ({verdict.reason}): {settled} of {every} toward the next step"
    return Decision(Rule.SETTLED, toward, state, Stage(state.stage, settled))


def reset(state: Stage) -> Decision:
    return Decision(Rule.RESET, "reset by hand to the dose written", state, Stage(0, 0))


_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _number(n: int) -> str:
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


__all__ = ["PENDING", "Decision", "Evidence", "Rule", "Stage", "Verdict", "apply",
           "judge", "reset"]
