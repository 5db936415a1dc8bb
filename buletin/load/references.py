"""Files a bulletin refers to (its picture, files its body links to), found inside the content folder only."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote


def resolve_local_file(reference: str, document: Path, content_dir: Path) -> str | None:
    """The content-relative path of a file a bulletin refers to, or None if it is
    missing or outside the content folder. A leading "/" means the content folder."""
    reference = unquote(reference)
    base = content_dir if reference.startswith("/") else document.parent
    candidate = (base / reference.lstrip("/")).resolve()
    root = content_dir.resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate.relative_to(root).as_posix()


def points_outside(reference: str, document: Path, content_dir: Path) -> bool:
    """Whether a reference leads out of the content folder (by "..", an absolute path or a symbolic link)."""
    reference = unquote(reference)
    base = content_dir if reference.startswith("/") else document.parent
    candidate = (base / reference.lstrip("/")).resolve()
    return not candidate.is_relative_to(content_dir.resolve())
