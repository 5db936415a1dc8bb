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

import itertools
import json
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..model import BuildError, CopiedFile, Problem, RenderedFile, WriteReport
from .journal import GENERATOR, JOURNAL_MARK, STAGING_MARK, Journal, prepared, recover_interrupted_write, remove_tree
from .paths import MANIFEST_NAME, PathCheck


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
            _write_item(prepared(staging, item.site_path, made_folders), item)
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
                _write_item(prepared(pending, item.site_path, made_folders), item)
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


def _refuse_clashes(output: Path, clashes: set[str]) -> None:
    if clashes:
        raise BuildError([Problem(str(output / path), None, None, "the build would replace a file it did not create",
                                  "Move that file out of the output folder.") for path in sorted(clashes)])


def _write_manifest(folder: Path, paths: set[str]) -> None:
    manifest = {"generator": GENERATOR, "files": sorted(paths)}
    (folder / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def _foreign(output: Path, paths: Iterable[str], ours: set[str]) -> set[str]:
    """Those of `paths` where output holds a file that no earlier build wrote (someone put it there)."""
    return {path for path in paths if path not in ours and os.path.lexists(output / path)}


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
