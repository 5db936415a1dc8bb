"""Where a site's templates and static files come from: its own folders first, then the default theme's.

The default theme ships with the engine. In a checkout it is the repository's
templates/ and static/, where writers find them; a wheel carries the same
folders inside the package, as buletin/theme/ (pyproject.toml maps them there).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import BuildError, Problem
from .schema import SiteConfig

ENGINE_FOLDER = Path(__file__).resolve().parent.parent  # the buletin package


def default_theme_root() -> Path:
    """The folder holding the default theme's templates/ and static/: inside the package once installed from a
    wheel, the repository otherwise."""
    packaged = ENGINE_FOLDER / "theme"
    return packaged if (packaged / "templates").is_dir() else ENGINE_FOLDER.parent


@dataclass(frozen=True)
class ThemeFolders:
    """Where templates and static files come from; earlier folders win."""

    templates: tuple[Path, ...]
    static: tuple[Path, ...]


def theme_folders(site_root: Path, config: SiteConfig) -> ThemeFolders:
    """The site's own templates and static files first, then the default theme's."""
    def unique(*folders: Path) -> tuple[Path, ...]:
        return tuple(dict.fromkeys(folder.resolve() for folder in folders))
    return ThemeFolders(
        templates=unique(site_root / config.theme.templates_dir, default_theme_root() / "templates"),
        static=unique(site_root / config.theme.static_dir, default_theme_root() / "static"),
    )


def check_logo(config: SiteConfig, theme: ThemeFolders) -> None:
    if config.logo and not any((folder / config.logo).is_file() for folder in theme.static):
        raise BuildError([Problem("site.toml", None, "logo", f'the logo "{config.logo}" is not in a static folder',
                                  "Put the file into static/ and give its name relative to that folder.")])
