"""Write stage: put the rendered site into the output folder, all or nothing.

The site is assembled in a staging folder beside the output folder and swapped
in with two renames, so a failed or interrupted build leaves the previous
output as it was. Files whose bytes did not change are hard-linked from the
previous output, keeping their modification time. The generator only removes
files listed in the manifest it wrote itself; anything else found in the
output folder is carried over untouched.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .problems import BuildError, Problem
from .render import CopiedFile, RenderedFile

MANIFEST_NAME = ".buletin-manifest.json"
GENERATOR = "buletin"
STAGING_MARK = ".building-"
OLD_MARK = ".previous-"


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


def write_site(output: Path, rendered: Sequence[RenderedFile], copied: Sequence[CopiedFile],
               finish: Callable[[Path, Path, set[str]], None] | None = None) -> WriteReport:
    """Replace output with the new files in one swap; on any failure the old output stays.

    `finish(staging, output, changed)` runs on the complete staging folder
    before the swap (the search indexer), told which paths changed since the
    previous build; the files it adds belong to the build like the rendered ones.
    """
    check_unique_paths(rendered, copied)
    recover_interrupted_swap(output)
    previous = read_manifest(output) if output.is_dir() else None
    previous_files = set(previous or ())
    foreign = find_foreign_files(output, previous_files)
    new_paths = {item.site_path for item in (*rendered, *copied)}
    clashes = sorted(foreign & new_paths)
    if clashes:
        raise BuildError([Problem(str(output / path), None, None,
                                  "the build would replace a file it did not create",
                                  "Move that file out of the output folder.") for path in clashes])

    staging = output.parent / f".{output.name}{STAGING_MARK}{os.getpid()}"
    remove_tree(staging)
    written = unchanged = 0
    try:
        staging.mkdir(parents=True)
        _make_folders(staging, (*new_paths, *foreign))
        changed: set[str] = set()
        for item in (*rendered, *copied):
            if isinstance(item, RenderedFile) and item.data is None:
                _reuse_previous(output / item.site_path, staging / item.site_path)
                unchanged += 1
            elif _link_if_unchanged(output / item.site_path, staging / item.site_path, item):
                unchanged += 1
            else:
                _write_item(staging / item.site_path, item)
                written += 1
                changed.add(item.site_path)
        changed |= previous_files - new_paths
        if finish is not None:
            finish(staging, output, changed)
            added = _files_under(staging) - new_paths
            for path in sorted(added):
                if _link_if_unchanged_file(output / path, staging / path):
                    unchanged += 1
                else:
                    written += 1
            new_paths |= added
        clashes = sorted(foreign & new_paths)
        if clashes:
            raise BuildError([Problem(str(output / path), None, None,
                                      "the build would replace a file it did not create",
                                      "Move that file out of the output folder.") for path in clashes])
        for path in sorted(foreign):
            _carry_over(output / path, staging / path)
        manifest = {"generator": GENERATOR, "files": sorted(new_paths)}
        (staging / MANIFEST_NAME).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        swap_in(staging, output)
    finally:
        remove_tree(staging)
    return WriteReport(written, unchanged, len(previous_files - new_paths))


def check_unique_paths(rendered: Sequence[RenderedFile], copied: Sequence[CopiedFile]) -> None:
    """Two things may not be written to one path, even one differing only in case."""
    seen: dict[str, str] = {}
    problems = []
    for item in (*rendered, *copied):
        key = item.site_path.casefold()
        if key in seen:
            problems.append(Problem(item.site_path, None, None,
                                    f"two outputs on one path: {seen[key]} and {item.origin}",
                                    "Rename one of them (a slug, a file name or a static file)."))
        else:
            seen[key] = item.origin
        if key == MANIFEST_NAME.casefold():
            problems.append(Problem(item.site_path, None, None, "this name is reserved by the generator",
                                    "Rename the file."))
    if problems:
        raise BuildError(problems)


def find_foreign_files(output: Path, ours: set[str]) -> set[str]:
    """Files in output that no earlier build wrote (someone put them there)."""
    if not output.is_dir():
        return set()
    found = set()
    for root, _folders, files in os.walk(output):
        for name in files:
            relative = (Path(root) / name).relative_to(output).as_posix()
            if relative != MANIFEST_NAME and relative not in ours:
                found.add(relative)
    return found


def swap_in(staging: Path, output: Path) -> None:
    """Make staging the output folder; the old one is kept aside until the new one is in place."""
    if not output.exists():
        staging.rename(output)
        return
    old = output.parent / f".{output.name}{OLD_MARK}{os.getpid()}"
    remove_tree(old)
    output.rename(old)
    try:
        staging.rename(output)
    except BaseException:
        old.rename(output)
        raise
    remove_tree(old)


def recover_interrupted_swap(output: Path) -> None:
    """Put back an output folder that a killed build had moved aside, and clear its leftovers."""
    parent = output.parent
    if not parent.is_dir():
        return
    for leftover in sorted(parent.glob(f".{output.name}{OLD_MARK}*")):
        if not output.exists() and read_manifest(leftover) is not None:
            leftover.rename(output)
        elif read_manifest(leftover) is not None:
            remove_tree(leftover)
    for leftover in parent.glob(f".{output.name}{STAGING_MARK}*"):
        if leftover.is_dir():
            remove_tree(leftover)


def remove_tree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def _make_folders(staging: Path, paths: Iterable[str]) -> None:
    """Every folder the files need, each made once (parents first)."""
    folders = {parent for path in paths for parent in PurePosixPath(path).parents if str(parent) != "."}
    for folder in sorted(folders, key=lambda f: (len(f.parts), str(f))):
        (staging / folder).mkdir()


def _reuse_previous(old: Path, destination: Path) -> None:
    """A page made from the same inputs as last time: the previous build's file is it."""
    try:
        os.link(old, destination)
    except OSError as error:
        raise BuildError([Problem(str(old), None, None, f"cannot reuse the previous build's file: {error.strerror}",
                                  "Build again with --clean.")]) from None


def _link_if_unchanged(old: Path, destination: Path, item: RenderedFile | CopiedFile) -> bool:
    """Hard-link the previous build's file when its bytes are the same, keeping its mtime."""
    try:
        if not old.is_file() or old.is_symlink():
            return False
        if isinstance(item, RenderedFile):
            same = old.stat().st_size == len(item.data) and old.read_bytes() == item.data
        else:
            same = _same_file(old, item.source)
        if not same:
            return False
        os.link(old, destination)
        return True
    except OSError:
        return False


def _same_file(first: Path, second: Path) -> bool:
    return first.stat().st_size == second.stat().st_size and first.read_bytes() == second.read_bytes()


def _files_under(folder: Path) -> set[str]:
    return {(Path(root) / name).relative_to(folder).as_posix()
            for root, _folders, files in os.walk(folder) for name in files}


def _link_if_unchanged_file(old: Path, new: Path) -> bool:
    """Swap a freshly written file for a hard link to the previous build's identical one."""
    try:
        if not old.is_file() or old.is_symlink():
            return False
        if old.samefile(new):
            return True
        if not _same_file(old, new):
            return False
        new.unlink()
        os.link(old, new)
        return True
    except OSError:
        return False


def _write_item(destination: Path, item: RenderedFile | CopiedFile) -> None:
    if isinstance(item, RenderedFile):
        destination.write_bytes(item.data)
    else:
        shutil.copyfile(item.source, destination)


def _carry_over(source: Path, destination: Path) -> None:
    if source.is_symlink():
        destination.symlink_to(os.readlink(source))
        return
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)
