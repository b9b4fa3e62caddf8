"""Suggestion speed (issue "Suggest facts"), side by side in one run:

- once the engine is loaded: a 1,000-word article under 0.1 s, a 100,000-word document
  under 5 s;
- the whole ``briefdesk suggest`` process on the 1,000-word article within 4x a bare
  ``python -c`` that reads the same file.

Run ``python bench/suggest_bench.py``. Times are the best of a few runs.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from timing import best, compile_package

from briefdesk.core.ingest import from_string
from briefdesk.core.suggest import suggest

RUNS = 5
SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "maritime-mou.txt"


def words(count: int) -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    per_copy = len(text.split())
    return "\n\n".join([text] * (count // per_copy + 1))


def main() -> int:
    compile_package()
    ok = True
    small = from_string(words(1_000))
    suggest(small)  # load the engine and the language data once
    took = best(lambda: suggest(small))
    ok &= took < 0.1
    print(f"1,000 words ({len(small.text.split())}): {took * 1000:.1f} ms (target < 100 ms)")
    large = from_string(words(100_000))
    took = best(lambda: suggest(large), runs=2)
    ok &= took < 5
    print(f"100,000 words ({len(large.text.split())}): {took:.2f} s (target < 5 s)")
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "article.txt"
        article.write_text(words(1_000), encoding="utf-8")
        bare = [sys.executable, "-c", f"open({str(article)!r}, encoding='utf-8').read()"]
        ours = [sys.executable, "-m", "briefdesk", "suggest", str(article)]
        bare_time = best(lambda: subprocess.run(bare, check=True, capture_output=True))
        our_time = best(lambda: subprocess.run(ours, check=True, capture_output=True))
    ratio = our_time / bare_time
    ok &= ratio <= 4
    print(
        f"briefdesk suggest process: {our_time:.2f} s; bare python read: {bare_time:.3f} s; "
        f"ratio {ratio:.1f} (target <= 4)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
