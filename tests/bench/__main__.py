"""`make bench`: run every tests/bench/bench_*.py module's `run()`, one header each.

Each benchmark runs in a fresh Python process: one that starts and stops a QgsApplication
(or leaves threads, caches and memory behind) must not change the next one's figures or
break it. A failing benchmark prints its error and the others still run; the exit status
is 1 if any failed, so CI notices without losing the other figures.
"""
import importlib
import os
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = __package__ or "tests.bench"


def benchmark_modules(names=None):
    found = sorted(p.stem for p in HERE.glob("bench_*.py"))
    return [n for n in found if not names or n in names or n.removeprefix("bench_") in names]


def run_one(name: str) -> int:
    """Run one benchmark module in this process (the child side of `main`)."""
    try:
        importlib.import_module(f"{PACKAGE}.{name}").run()
    except Exception:  # noqa: BLE001 - report it; the parent goes on with the next one
        traceback.print_exc()
        return 1
    return 0


def main(argv) -> int:
    """Run the benchmarks named in argv (all of them by default), each in its own process."""
    if argv[:1] == ["--one"]:
        status = run_one(argv[1])
        # The figures are out; skip the interpreter's teardown, where Qt and QGIS objects
        # destroyed in the wrong order can crash a process whose work is done.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    failed = []
    for name in benchmark_modules(argv):
        print(f"\n=== {name} " + "=" * max(3, 60 - len(name)), flush=True)
        started = time.monotonic()
        status = subprocess.call([sys.executable, "-m", PACKAGE, "--one", name])
        if status:
            failed.append(name)
            print(f"--- {name}: FAILED", flush=True)
        else:
            print(f"--- {name}: done in {time.monotonic() - started:.1f} s", flush=True)
    if failed:
        print(f"\nbench: {len(failed)} failed: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
