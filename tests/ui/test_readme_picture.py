"""The README shows the workout screen: the same picture the snapshot test checks."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = (
    "tests/ui/__snapshots__/test_snapshots/"
    "test_snapshot[work_mid_tempo-True-run_before-80x24].svg"
)


def test_readme_picture_is_the_current_snapshot():
    picture = ROOT / "docs" / "workout.svg"
    assert picture.read_bytes() == (ROOT / SNAPSHOT).read_bytes(), (
        f"refresh it: cp '{SNAPSHOT}' docs/workout.svg"
    )
    assert "docs/workout.svg" in (ROOT / "README.md").read_text(encoding="utf-8")
