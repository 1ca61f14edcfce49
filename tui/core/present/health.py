"""The health notice shown once, on the first run: by the interface as a dialog,
by `--plain` as lines. Conservative, general guidance in our own words; the
warning signs are the usual "red flags" for back pain that need a doctor
(NICE guideline NG59, 2016, and the NHS page "Back pain"), not a diagnosis."""

from __future__ import annotations

HEALTH_NOTICE = (
    "spinewise gives general exercise guidance, not medical advice.\n\n"
    "Start easy and move slowly. Stop any exercise that hurts: press ! and it pauses.\n\n"
    "See a doctor or physiotherapist before you start if you have back pain that persists, "
    "follows an injury or a fall, spreads down a leg, or comes with numbness, weakness, "
    "fever or trouble controlling your bladder or bowels."
)
