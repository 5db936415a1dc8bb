"""Build the same sites with two revisions of the engine and list every output file that differs.

    python bench/compare_outputs.py REV_A REV_B            # e.g. main~5 HEAD
    python bench/compare_outputs.py HEAD                   # the last commit against the files as they are now

The sites are the sample site of this checkout (its content/ and site.toml, in
a folder of their own, so each revision uses its own default theme) and a
reproducible corpus from bench/corpus.py (--count bulletins, 1,000 by default).
Each revision is taken from git as it was committed (`git archive`) and run
from there, with the build time pinned by SOURCE_DATE_EPOCH. Both get the same
inputs, so any difference is the engine's. Each site is built twice, cold and
then again with the cache, and both builds are compared.

Exit code 0 when every file is the same, 1 when some differ. It is the tool for
every refactor: the same content must give the same bytes before and after.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY / "bench"))
from corpus import generate_corpus  # noqa: E402 (the benchmark's own corpus)

WORKTREE = "worktree"  # REV_B when none is given: the files as they are now
BUILD_EPOCH = "1763776800"  # 2025-11-22 09:00 WIB, as the tests use
# Runs build.py of a revision's tree with that tree's engine first on the path, whatever is installed.
RUNNER = """
import runpy, sys
tree = sys.argv[1]
sys.path.insert(0, tree)
sys.argv = [tree + "/build.py", *sys.argv[2:]]
import buletin
if not buletin.__file__.startswith(tree):
    sys.exit(f"the engine came from {buletin.__file__}, not from {tree}")
runpy.run_path(tree + "/build.py", run_name="__main__")
"""


def export_revision(revision: str, folder: Path) -> Path:
    """The files of a revision as committed, or of the working tree (WORKTREE) as they are now."""
    folder.mkdir(parents=True)
    if revision == WORKTREE:
        for name in ("build.py", "buletin", "templates", "static", "pyproject.toml"):
            source = REPOSITORY / name
            if source.is_dir():
                shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
            elif source.is_file():
                shutil.copy2(source, folder / name)
        return folder
    archive = subprocess.run(["git", "-C", str(REPOSITORY), "archive", "--format=tar", revision],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def prepare_sites(folder: Path, count: int) -> dict[str, Path]:
    """The sample site and the corpus, once; each revision builds a copy."""
    sample = folder / "sample"
    sample.mkdir(parents=True)
    shutil.copytree(REPOSITORY / "content", sample / "content")
    shutil.copy2(REPOSITORY / "site.toml", sample / "site.toml")
    corpus = folder / f"corpus-{count}"
    generate_corpus(count, corpus)
    return {"sample": sample, f"corpus-{count}": corpus}


def build(tree: Path, site: Path) -> None:
    environment = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "PYTHONDONTWRITEBYTECODE": "1"}
    environment.pop("PYTHONPATH", None)
    result = subprocess.run([sys.executable, "-c", RUNNER, str(tree), "--quiet"], cwd=site, env=environment,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the build of {site} with {tree} failed:\n{result.stderr}")


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    lines = []
    for name in sorted(set(first) | set(second)):
        if name not in second:
            lines.append(f"  only in A: {name}")
        elif name not in first:
            lines.append(f"  only in B: {name}")
        elif first[name] != second[name]:
            lines.append(f"  differs:   {name} ({len(first[name])} and {len(second[name])} bytes)")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("revision_a", metavar="REV_A")
    parser.add_argument("revision_b", metavar="REV_B", nargs="?", default=WORKTREE,
                        help="default: the working tree as it is now")
    parser.add_argument("--count", type=int, default=1000, help="bulletins in the corpus (default 1000)")
    parser.add_argument("--folder", type=Path, default=None, help="where to work (default: a temporary folder)")
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="compare-outputs-", dir=arguments.folder))
    try:
        trees = {label: export_revision(revision, work / f"engine-{label}")
                 for label, revision in (("A", arguments.revision_a), ("B", arguments.revision_b))}
        sites = prepare_sites(work / "sites", arguments.count)
        found = 0
        for name, site in sites.items():
            outputs = {}
            for label, tree in trees.items():
                copy = work / f"{name}-{label}"
                shutil.copytree(site, copy)
                build(tree, copy)
                cold = files_of(copy / "output")
                build(tree, copy)  # again, with the cache of the first build
                warm = files_of(copy / "output")
                outputs[label] = cold
                for line in differences(cold, warm):
                    print(f"{name}, {label} (cold against warm):{line}")
                    found += 1
            lines = differences(outputs["A"], outputs["B"])
            found += len(lines)
            print(f"{name}: {len(outputs['A'])} files from A, {len(outputs['B'])} from B, {len(lines)} differ")
            print("\n".join(lines) if lines else "  no differences")
        second = "the working tree" if arguments.revision_b == WORKTREE else arguments.revision_b
        print(f"A = {arguments.revision_a}, B = {second}:", "no file differs" if not found else f"{found} differences")
        return 1 if found else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
