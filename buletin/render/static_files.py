"""The files copied as they are: the theme's static files (a site's own win) and the files pages refer to."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..config import ThemeFolders
from ..model import CopiedFile, shown_path


def theme_files(theme: ThemeFolders, assets: Sequence[str], content_dir: Path) -> list[CopiedFile]:
    """Static files of the theme (site folders win) and the content files pages refer to."""
    chosen: dict[str, CopiedFile] = {}
    for folder in reversed(theme.static):
        if not folder.is_dir():
            continue
        for source in sorted(folder.rglob("*")):
            relative = source.relative_to(folder)
            if source.is_file() and not any(part.startswith(".") for part in relative.parts):
                name = relative.as_posix()
                chosen[name] = CopiedFile(name, source, f"static file {shown_path(source)}")
    copied = list(chosen.values())
    for asset in sorted(set(assets)):
        copied.append(CopiedFile(asset, content_dir / asset, f"content file {asset}"))
    return copied
