"""`spinewise`, `spinewise run ROUTINE`: the interface itself."""

from __future__ import annotations

import argparse

from ..core.catalog import CatalogEntry, load_catalog
from ..core.plan import build_plan
from .common import resolve


def run_workout(args: argparse.Namespace) -> int:
    start: CatalogEntry | None = None
    if args.command == "run":
        found = resolve(args.routine)
        if found is None:
            return 1
        ref, routine = found
        start = CatalogEntry(ref, routine, build_plan(routine))
    catalog = load_catalog()
    if start is not None and start.ref.origin == "file":
        catalog.insert(0, start)

    from ..app import AppOptions, SpinewiseApp  # Textual only for the interface

    app = SpinewiseApp(catalog, options=AppOptions(speed=args.speed), start=start)
    app.run()
    return 0
