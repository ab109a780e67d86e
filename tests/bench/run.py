"""Benchmarks: ``python tests/bench/run.py [--json] [AREA ...]``.

Each ``tests/bench/bench_<area>.py`` defines ``measure() -> dict[str, object]``: named
figures, with every time reported beside a baseline measured in the same run (ratios,
not absolute seconds, are what survive a noisy shared machine). Never run by pytest.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE)]


def main() -> int:
    areas = sorted(path.stem.removeprefix("bench_") for path in HERE.glob("bench_*.py"))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("areas", nargs="*", choices=[[], *areas], metavar="AREA", default=[])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    figures: dict[str, object] = {}
    for area in args.areas or areas:
        measured = importlib.import_module(f"bench_{area}").measure()
        figures[area] = measured
        if not args.json:
            print(f"== {area}")
            for name, value in measured.items():
                print(f"  {name}: {value}")
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
