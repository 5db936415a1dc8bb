"""Write stage: put the rendered site into the output folder, all or nothing.

A first build assembles the site in a staging folder beside the output folder
and renames it into place. Later builds change the output folder in place,
touching only what changed: new and changed files are first written to a
pending folder beside it, then moved in, each replaced or removed file moved
into a journal folder first. A failed or interrupted build moves everything
back from the journal (a build killed outright is rolled back by the next
one), so the previous output stays as it was; a successful one drops the
journal. Unchanged files are not touched and keep their modification time.
The generator only removes files listed in the manifest it wrote itself;
anything else in the output folder is left alone.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .problems import BuildError, Problem
from .render import CopiedFile, RenderedFile

MANIFEST_NAME = ".buletin-manifest.json"
GENERATOR = "buletin"
STAGING_MARK = ".building-"
JOURNAL_MARK = ".journal-"
PLAN_NAME = "plan.json"


@dataclass(frozen=True)
class WriteReport:
    written: int  # new or changed files
    unchanged: int
    removed: int  # files of the previous build that are gone


def check_output_folder(output: Path, separate: Sequence[Path], outside: Sequence[Path]) -> None:
    """Refuse output folders where replacing the contents could destroy someone's files.

    The output may not overlap the `separate` folders (content, templates) in
    either direction, and may be neither nor contain the `outside` folders
    (the project root).
    """
    target = output.resolve()
    problems = []
    if target == Path(target.anchor) or target == Path.home().resolve():
        problems.append(Problem(str(output), None, "--output", "refusing to build into this folder",
                                "Choose a dedicated folder such as ./output."))
    for path in separate:
        folder = path.resolve()
        if folder.is_relative_to(target) or target.is_relative_to(folder):
            problems.append(Problem(str(output), None, "--output", f"the output folder overlaps {path}",
                                    "Choose a separate folder such as ./output."))
    for path in outside:
        if path.resolve().is_relative_to(target):
            problems.append(Problem(str(output), None, "--output", f"the output folder would contain {path}",
                                    "Choose a folder of its own such as ./output."))
    if not problems and output.exists():
        if not output.is_dir():
            problems.append(Problem(str(output), None, "--output", "exists and is not a folder",
                                    "Choose another path, or remove that file."))
        elif any(output.iterdir()) and read_manifest(output) is None:
            problems.append(Problem(str(output), None, "--output",
                                    "this folder has files that were not made by this generator",
                                    "Choose an empty or new folder; nothing in this one was changed."))
    if problems:
        raise BuildError(problems)


def read_manifest(output: Path) -> list[str] | None:
    """The files an earlier build wrote, or None if the folder is not ours."""
    try:
        data = json.loads((output / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("generator") != GENERATOR or not isinstance(data.get("files"), list):
        return None
    return [name for name in data["files"] if isinstance(name, str)]


def write_site(output: Path, rendered: Iterable[RenderedFile], copied: Sequence[CopiedFile]) -> WriteReport:
    """Make output hold exactly the new files (and anything foreign it held); on any failure the old output stays.

    `rendered` may be a stream: each page is written aside as it comes and
    not kept, and output changes only once the stream has ended well.
    """
    recover_interrupted_write(output)
    previous = set(read_manifest(output) or ()) if output.is_dir() else set()
    paths = PathCheck()
    items = paths.passing(itertools.chain(rendered, copied))
    if not output.exists():
        return _write_fresh(output, items, paths)
    return _update_in_place(output, items, paths, previous)


def _write_fresh(output: Path, items: Iterable[RenderedFile | CopiedFile], paths: PathCheck) -> WriteReport:
    """A first build: the whole site in a staging folder, renamed into place."""
    staging = output.parent / f".{output.name}{STAGING_MARK}{os.getpid()}"
    remove_tree(staging)
    made_folders: set[str] = set()
    try:
        staging.mkdir(parents=True)
        for item in items:
            _write_item(_prepared(staging, item.site_path, made_folders), item)
        paths.raise_problems()
        new_paths = set(paths.seen_paths)
        _refuse_clashes(output, _foreign(output, new_paths, set()))  # made meanwhile by someone else
        _write_manifest(staging, new_paths)
        staging.rename(output)
    finally:
        remove_tree(staging)
    return WriteReport(len(new_paths), 0, 0)


def _update_in_place(output: Path, items: Iterable[RenderedFile | CopiedFile], paths: PathCheck,
                     previous: set[str]) -> WriteReport:
    pending = output.parent / f".{output.name}{STAGING_MARK}{os.getpid()}"
    journal = Journal(output, output.parent / f".{output.name}{JOURNAL_MARK}{os.getpid()}")
    remove_tree(pending)
    remove_tree(journal.folder)
    unchanged = 0
    made_folders: set[str] = set()
    try:
        pending.mkdir(parents=True)
        changed = []
        for item in items:
            if (isinstance(item, RenderedFile) and item.data is None) or _is_unchanged(output / item.site_path, item):
                unchanged += 1
            else:
                _write_item(_prepared(pending, item.site_path, made_folders), item)
                changed.append(item.site_path)
        paths.raise_problems()
        new_paths = set(paths.seen_paths)
        _refuse_clashes(output, _foreign(output, new_paths, previous))
        gone = sorted(previous - new_paths)
        journal.commit(pending, changed, gone)
        written, removed = len(changed), len(gone)
        _write_manifest(pending, new_paths)
        journal.commit(pending, [MANIFEST_NAME], [])
    except BaseException:
        journal.roll_back()
        raise
    finally:
        remove_tree(pending)
    journal.finish()
    return WriteReport(written, unchanged, removed)


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
                os.replace(self.output / path, _prepared(backup, path, made_folders))
        _remove_empty_parents(self.output, removed)
        for path in existing:
            os.replace(self.output / path, _prepared(backup, path, made_folders))
            os.replace(pending / path, self.output / path)
        for path in new:
            os.replace(pending / path, _prepared(self.output, path, made_folders))

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
                    os.replace(backup / path, _prepared(self.output, path))
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


def _refuse_clashes(output: Path, clashes: set[str]) -> None:
    if clashes:
        raise BuildError([Problem(str(output / path), None, None, "the build would replace a file it did not create",
                                  "Move that file out of the output folder.") for path in sorted(clashes)])


def _write_manifest(folder: Path, paths: set[str]) -> None:
    manifest = {"generator": GENERATOR, "files": sorted(paths)}
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def _prepared(root: str | Path, path: str, made: set[str] | None = None) -> str:
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


class PathCheck:
    """Notes the path of each file passing to the writer: two things may not be written to one path,
    even one differing only in case, and the manifest's name is the generator's."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[str, str]] = {}  # casefolded path: (path, origin)
        self.problems: list[Problem] = []

    def passing(self, items: Iterable[RenderedFile | CopiedFile]) -> Iterator[RenderedFile | CopiedFile]:
        for item in items:
            self.note(item.site_path, item.origin)
            yield item

    def note(self, site_path: str, origin: str) -> None:
        key = site_path.casefold()
        if key in self.seen:
            self.problems.append(Problem(site_path, None, None,
                                         f"two outputs on one path: {self.seen[key][1]} and {origin}",
                                         "Rename one of them (a slug, a file name or a static file)."))
        else:
            self.seen[key] = (site_path, origin)
        if key == MANIFEST_NAME.casefold():
            self.problems.append(Problem(site_path, None, None, "this name is reserved by the generator",
                                         "Rename the file."))

    @property
    def seen_paths(self) -> Iterator[str]:
        return (site_path for site_path, _origin in self.seen.values())

    def raise_problems(self) -> None:
        if self.problems:
            raise BuildError(self.problems)


def _foreign(output: Path, paths: Iterable[str], ours: set[str]) -> set[str]:
    """Those of `paths` where output holds a file that no earlier build wrote (someone put it there)."""
    return {path for path in paths if path not in ours and os.path.lexists(output / path)}


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


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.stat().st_size == second.stat().st_size and first.read_bytes() == second.read_bytes()
    except OSError:
        return False


def _write_item(destination: str, item: RenderedFile | CopiedFile) -> None:
    if isinstance(item, RenderedFile):
        with open(destination, "wb") as handle:
            handle.write(item.data)
    else:
        shutil.copyfile(item.source, destination)


def _is_unchanged(path: Path, item: RenderedFile | CopiedFile) -> bool:
    """Whether the output already holds these very bytes (a regular file, not a link someone made)."""
    try:
        if not path.is_file() or path.is_symlink():
            return False
        if isinstance(item, RenderedFile):
            return path.stat().st_size == len(item.data) and path.read_bytes() == item.data
        return _same_file(path, item.source)
    except OSError:
        return False
