"""`make bench`: run every tests/bench/bench_*.py module's `run()`, one header each.

A failing benchmark prints its error and the others still run; the exit status is 1
if any failed, so CI notices without losing the other figures.
"""
import importlib
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def benchmark_modules(names=None):
    found = sorted(p.stem for p in HERE.glob("bench_*.py"))
    return [n for n in found if not names or n in names or n.removeprefix("bench_") in names]


def main(argv) -> int:
    """Run the benchmarks named in argv (all of them by default)."""
    failed = []
    for name in benchmark_modules(argv):
        print(f"\n=== {name} " + "=" * max(3, 60 - len(name)), flush=True)
        started = time.monotonic()
        try:
            module = importlib.import_module(f"{__package__ or 'tests.bench'}.{name}")
            module.run()
        except Exception:  # noqa: BLE001 - report and go on with the next benchmark
            traceback.print_exc()
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
