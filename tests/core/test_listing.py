"""The routine list's cache and the routine library's reloads (issue 13, kind 2):
a file is read again only when it, or an exercise library read with it, changed in
path, size or modification time; a damaged cache is ignored; a bad file is listed
as invalid and never stops the others."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.ui.helpers import ROUTINE
from tui.cli import main
from tui.core import paths
from tui.core.catalog import listing, loading
from tui.core.catalog.entries import Invalid, Valid, load_catalog
from tui.core.catalog.listing import CACHE_VERSION, cache_file, listings, read_cache


def own(name: str, text: str = ROUTINE) -> Path:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def touch(path: Path, text: str) -> None:
    """Write `text` and move the modification time on, as a later save would."""
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The ids of the routine files read (`load_entry`) from now on."""
    seen: list[str] = []
    real = listing.load_entry

    def counting(ref):
        seen.append(ref.id)
        return real(ref)

    monkeypatch.setattr(listing, "load_entry", counting)
    monkeypatch.setattr(loading, "load_entry", counting)
    return seen


def test_a_warm_cache_reads_no_routine_file(reads):
    own("mine")
    own("broken", "name = \n")
    first = listings()
    assert "mine" in reads and "broken" in reads
    reads.clear()
    again = listings()
    assert reads == []
    assert again == first
    mine = next(entry for entry in again if entry.ref.id == "mine")
    assert (mine.name, mine.level, mine.exercises) == ("Test care", "beginner", 3)
    broken = next(entry for entry in again if entry.ref.id == "broken")
    assert broken.name is None and broken.error and "broken.toml" in broken.error


def test_only_the_changed_file_is_read_again(reads):
    path = own("mine")
    own("other")
    listings()
    reads.clear()
    touch(path, ROUTINE.replace("Test care", "Changed care"))
    fresh = {entry.ref.id: entry for entry in listings()}
    assert reads == ["mine"]
    assert fresh["mine"].name == "Changed care"


def test_a_changed_exercise_library_reads_its_routines_again(reads):
    own("mine")
    listings()
    reads.clear()
    paths.user_exercises_file().write_text("", encoding="utf-8")
    listings()
    assert "mine" in reads


@pytest.mark.parametrize("damage", [
    b"", b"\xff\xfe not json", b"[]", b'{"version": 999, "routines": {}}',
    b'{"version": 1, "routines": []}', b'{"version": 1, "routines": {"x": 3}}',
])  # fmt: skip
def test_a_damaged_cache_is_ignored_and_written_anew(reads, damage):
    path = own("mine")
    cache_file().parent.mkdir(parents=True, exist_ok=True)
    cache_file().write_bytes(damage)
    assert any(entry.name == "Test care" for entry in listings())
    assert read_cache()[str(path)]["name"] == "Test care"


def test_a_kept_listing_of_the_wrong_shape_is_read_again(reads):
    path = own("mine")
    listings()
    data = json.loads(cache_file().read_text())
    data["routines"][str(path)]["tags"] = [1, 2]
    data["routines"][str(path)]["name"] = 7
    cache_file().write_text(json.dumps(data))
    reads.clear()
    assert next(e for e in listings() if e.ref.id == "mine").name == "Test care"
    assert reads == ["mine"]


def test_the_cache_is_versioned_and_safe_to_delete(capsys):
    own("mine")
    assert main(["list", "--json"]) == 0
    before = capsys.readouterr().out
    assert json.loads(cache_file().read_text())["version"] == CACHE_VERSION
    cache_file().unlink()
    assert main(["list", "--json"]) == 0
    assert capsys.readouterr().out == before
    assert main(["list", "--json"]) == 0  # from the cache now
    assert capsys.readouterr().out == before


def test_an_unwritable_cache_folder_still_lists(capsys):
    own("mine")
    paths.cache_dir().parent.mkdir(parents=True, exist_ok=True)
    paths.cache_dir().write_text("a file where the folder should be")
    assert main(["list"]) == 0
    assert "Test care" in capsys.readouterr().out


def test_list_matches_the_catalog_cold_and_warm(capsys):
    own("mine")
    own("broken", "[[exercise]]\nname = 3\n")
    catalog = load_catalog()
    for _ in range(2):
        assert main(["list", "--json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        assert [row["id"] for row in rows] == [entry.ref.id for entry in catalog]
        for row, entry in zip(rows, catalog, strict=True):
            if isinstance(entry, Invalid):
                assert row["error"] == entry.error and row["name"] is None
            else:
                assert (row["name"], row["total_seconds"]) == (entry.name, entry.total_seconds)


def test_reload_reads_only_what_changed_and_notices_new_and_removed(reads):
    mine = own("mine")
    gone = own("gone")
    catalog, keys = loading.load_all(load_catalog)
    reads.clear()
    same, keys = loading.reload_changed(catalog, keys)
    assert reads == [] and same == catalog
    touch(mine, ROUTINE.replace("Test care", "Changed care"))
    gone.unlink()
    own("new", "name = \n")
    fresh, keys = loading.reload_changed(same, keys)
    assert sorted(reads) == ["mine", "new"]
    by_id = {entry.ref.id: entry for entry in fresh}
    assert "gone" not in by_id
    assert isinstance(by_id["mine"], Valid) and by_id["mine"].name == "Changed care"
    assert isinstance(by_id["new"], Invalid)
    assert all(by_id[e.ref.id] is e for e in catalog if e.ref.id not in ("mine", "gone"))


def test_a_long_list_is_printed_in_plain_columns_that_read_as_the_table(monkeypatch, capsys):
    from tui.commands import list_routines

    own("mine")
    assert main(["list"]) == 0
    table = capsys.readouterr().out
    monkeypatch.setattr(list_routines, "PLAIN_FROM", 0)
    assert main(["list"]) == 0
    assert capsys.readouterr().out == table
