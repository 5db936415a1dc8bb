"""Which files of the content folder are bulletins and campaigns, and how their paths are shown to writers."""

from __future__ import annotations

import os
from pathlib import Path

from ..model import shown_path

CAMPAIGN_FOLDER = "campaigns"


def find_bulletin_files(content_dir: Path) -> list[Path]:
    """Markdown files under content_dir, skipping hidden files and folders and the campaigns folder."""
    return [content_dir / relative for relative in bulletin_files_under(content_dir)]


def bulletin_files_under(content_dir: Path) -> list[str]:
    """find_bulletin_files as sorted paths relative to content_dir, with "/" between folders.

    Strings and scandir, not pathlib: on a large archive, making and comparing
    Path objects took longer than reading the folders.
    """
    found: list[str] = []

    def walk(folder: str, prefix: str) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            relative = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):  # as rglob: symbolic links to folders are not followed
                if relative != CAMPAIGN_FOLDER:
                    walk(entry.path, relative + "/")
            elif entry.name.endswith(".md") and entry.is_file():
                found.append(relative)

    walk(str(content_dir), "")
    return sorted(found)


def shown_folder(content_dir: Path, display_root: Path | None) -> str | None:
    """How display_path shows content_dir, when every file below it shows as that and its relative path;
    None when the display root lies inside the content folder, so that only some files are below it."""
    if display_root is not None and display_root != content_dir and display_root.is_relative_to(content_dir):
        return None
    return display_path(content_dir, display_root)


def joined(folder: str, relative: str) -> str:
    """A path below a folder shown as `folder` (as display_path shows it), with "/" between folders."""
    if folder == ".":
        return relative
    return folder + relative if folder.endswith("/") else f"{folder}/{relative}"


def display_path(path: Path, display_root: Path | None) -> str:
    if display_root is not None:
        try:
            return path.relative_to(display_root).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def content_files(content_dir: Path) -> dict[str, str]:
    """Every file of the content folder, by its content-relative path, with the path as writers see it."""
    if not content_dir.is_dir():
        return {}
    return {path.relative_to(content_dir).as_posix(): shown_path(path)
            for path in content_dir.rglob("*") if path.is_file()}
