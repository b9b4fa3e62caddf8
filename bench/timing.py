"""Timing shared by the benchmarks: the best of several runs, in seconds.

The best, not the mean: what the code can do on this machine, with other load filtered out.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Sequence

__all__ = ["best", "best_process", "best_process_pair", "compile_package"]


def best(action: Callable[[], object], runs: int = 5) -> float:
    """The shortest time *action* took over *runs* calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def best_process(command: Sequence[str], runs: int = 5) -> float:
    """The shortest time the whole process *command* took (its output discarded)."""
    return best(lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL), runs)


def best_process_pair(
    ours: Sequence[str], peer: Sequence[str], runs: int = 7
) -> tuple[float, float]:
    """The shortest times of two processes run alternately, *runs* times each, so a burst of
    load elsewhere on the machine slows both rather than one: (ours, peer)."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for command, kept in ((peer, times[1]), (ours, times[0])):
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            kept.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def compile_package() -> None:
    """Byte-compile BriefDesk as a wheel install would, before timing whole processes (pip
    compiles; an editable install under PYTHONDONTWRITEBYTECODE=1 would otherwise recompile
    every source on every start)."""
    import compileall
    from pathlib import Path

    import briefdesk

    compileall.compile_dir(Path(briefdesk.__file__).parent, quiet=1)
