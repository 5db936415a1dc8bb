"""How fast rebuilds are: cold, with nothing changed, and after editing one bulletin.

    python bench/rebuild_speed.py [--counts 1000 10000] [--json FILE]

For each size a synthetic site (bench/corpus.py) is written to a temporary
folder and built with every feature on (related lists, feeds, sitemaps, search
index). Then, reusing the cache in .cache/:
- no change: the same build again;
- one edit (build): one bulletin's body changed, a full `build.py` run;
- one edit (serve): the same change as the live preview rebuilds it (drafts
  shown, in the same process: without the start of Python and its imports).
Prints seconds per case and stage, and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_corpus  # noqa: E402

from buletin.config import BuildOptions  # noqa: E402
from buletin.pipeline import build  # noqa: E402


def timed(options: BuildOptions) -> dict[str, float]:
    started = time.perf_counter()
    report = build(options)
    return {"total_s": time.perf_counter() - started, **{f"{k}_s": v for k, v in report.stage_seconds.items()}}


def edit_one(site: Path, words: str) -> None:
    bulletin = sorted((site / "content").rglob("*.md"))[len(words) % 7]
    text = bulletin.read_text(encoding="utf-8")
    bulletin.write_text(text + f"\n{words}\n", encoding="utf-8")


def measure(count: int) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="buletin-bench-") as folder:
        site = Path(folder)
        generate_corpus(count, site)
        options = BuildOptions(content_dir=site / "content", output_dir=site / "output",
                               config_file=site / "site.toml")
        rows.append({"case": "cold (no cache)", **timed(replace(options, use_cache=False))})
        timed(options)  # fills the cache
        rows.append({"case": "no change", **timed(options)})
        edit_one(site, "Paragraf tambahan pertama.")
        rows.append({"case": "one edit (build)", **timed(options)})
        preview = replace(options, output_dir=site / ".cache" / "preview" / "site",
                          cache_dir=site / ".cache" / "preview" / "cache", preview=True,
                          include_drafts=True, include_future=True, base_url="http://127.0.0.1:8000/")
        timed(preview)  # the server's first build
        edit_one(site, "Paragraf tambahan kedua, di pratinjau.")
        rows.append({"case": "one edit (serve)", **timed(preview)})
    for row in rows:
        row["bulletins"] = count
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    arguments = parser.parse_args()
    stages = ("load", "index", "related", "render", "write")
    print(f"{'bulletins':>9}  {'case':<18} {'total s':>8} " + " ".join(f"{stage:>8}" for stage in stages))
    rows = []
    for count in arguments.counts:
        for row in measure(count):
            rows.append(row)
            print(f"{count:>9}  {row['case']:<18} {row['total_s']:8.2f} "
                  + " ".join(f"{row.get(stage + '_s', 0):8.2f}" for stage in stages), flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")
    if arguments.json:
        arguments.json.write_text(json.dumps({"rows": rows, "peak_mb": peak}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
