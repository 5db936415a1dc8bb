"""The journal of an update in place: every replaced or removed file moved aside first, so that it can be undone.

The plan of each step is written before the step, so that a build killed
midway is rolled back by the next one (recover_interrupted_write).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

GENERATOR = "buletin"
JOURNAL_MARK = ".journal-"
STAGING_MARK = ".building-"
PLAN_NAME = "plan.json"

class Journal:
    """Changes to the output folder that can be undone: each replaced or removed file is moved aside first.

    The plan of each step is written before the step, so that a build killed
    midway can be rolled back by the next one.
    """

    def __init__(self, output: Path, folder: Path):
        self.output = output
        self.folder = folder
        self.steps: list[dict[str, list[str]]] = []

    def commit(self, pending: Path, changed: Sequence[str], removed: Sequence[str]) -> None:
        """Move the pending files `changed` into output and take `removed` out of it."""
        if not changed and not removed:
            return
        step = len(self.steps)
        existing = [path for path in changed if os.path.lexists(self.output / path)]
        new = [path for path in changed if not os.path.lexists(self.output / path)]
        self.steps.append({"new": new, "replaced": existing, "removed": list(removed)})
        self._write_plan()
        backup = self.folder / str(step)
        made_folders: set[str] = set()
        # Removals first, so that a file may give way to a folder of the same name.
        for path in removed:
            if os.path.lexists(self.output / path):
                os.replace(self.output / path, prepared(backup, path, made_folders))
        _remove_empty_parents(self.output, removed)
        for path in existing:
            os.replace(self.output / path, prepared(backup, path, made_folders))
            os.replace(pending / path, self.output / path)
        for path in new:
            os.replace(pending / path, prepared(self.output, path, made_folders))

    def roll_back(self) -> None:
        """Put every moved file back, newest step first, and take away what the steps added."""
        for step in reversed(range(len(self.steps))):
            plan, backup = self.steps[step], self.folder / str(step)
            for path in plan["new"]:
                target = self.output / path
                if target.is_file() or target.is_symlink():
                    target.unlink()
            _remove_empty_parents(self.output, plan["new"])
            for path in (*plan["replaced"], *plan["removed"]):
                if os.path.lexists(backup / path):
                    os.replace(backup / path, prepared(self.output, path))
        self.steps = []
        remove_tree(self.folder)

    def finish(self) -> None:
        """The new output is complete: forget the old files."""
        self.steps = []
        remove_tree(self.folder)

    def _write_plan(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f"{PLAN_NAME}.tmp"
        temporary.write_text(json.dumps({"generator": GENERATOR, "steps": self.steps}), encoding="utf-8")
        temporary.replace(self.folder / PLAN_NAME)

    @classmethod
    def left_by(cls, output: Path, folder: Path) -> Journal | None:
        """The journal of a build that was killed, to roll back; None if the folder holds none."""
        try:
            data = json.loads((folder / PLAN_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("generator") != GENERATOR:
            return None
        journal = cls(output, folder)
        journal.steps = [{kind: [path for path in step.get(kind, []) if _inside(path)]
                          for kind in ("new", "replaced", "removed")} for step in data.get("steps", [])]
        return journal


def _inside(path: object) -> bool:
    """A relative path that stays inside the folder it is joined to (a plan is never trusted further)."""
    return isinstance(path, str) and not PurePosixPath(path).is_absolute() and ".." not in PurePosixPath(path).parts


def prepared(root: str | Path, path: str, made: set[str] | None = None) -> str:
    """root/path, with its folder made (once for all the files in it, given `made`). Strings, not Path objects,
    for the thousands of files of a site: joining Path objects costs more than writing a small file."""
    target = os.path.join(root, path)
    folder = os.path.dirname(target)
    if made is None or folder not in made:
        os.makedirs(folder, exist_ok=True)
        if made is not None:
            made.add(folder)
    return target


def _remove_empty_parents(root: Path, paths: Iterable[str]) -> None:
    """Remove the folders of `paths` that are now empty, deepest first, never root itself."""
    folders = {parent for path in paths for parent in PurePosixPath(path).parents if str(parent) != "."}
    for folder in sorted(folders, key=lambda f: (-len(f.parts), str(f))):
        with contextlib.suppress(OSError):  # not empty, or already gone
            (root / folder).rmdir()


def recover_interrupted_write(output: Path) -> None:
    """Roll back what a killed build changed in the output folder, and clear its leftovers."""
    parent = output.parent
    if not parent.is_dir():
        return
    for leftover in sorted(parent.glob(f".{output.name}{JOURNAL_MARK}*")):
        journal = Journal.left_by(output, leftover)
        if journal is not None and output.is_dir():
            journal.roll_back()
        elif leftover.is_dir():
            remove_tree(leftover)
    for leftover in parent.glob(f".{output.name}{STAGING_MARK}*"):
        if leftover.is_dir():
            remove_tree(leftover)


def remove_tree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)
