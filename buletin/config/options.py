"""What one run of a command is asked to do: the folders, the overrides of site.toml, the build time."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from ..model import BuildError, Problem, shown_path
from .read import load_config
from .schema import SiteConfig


@dataclass(frozen=True)
class BuildOptions:
    content_dir: Path
    output_dir: Path
    config_file: Path | None
    base_url: str | None = None
    include_drafts: bool = False
    include_future: bool = False
    relative_urls: bool | None = None
    build_time: datetime | None = None
    use_cache: bool = True  # False: --clean, ignore what earlier builds left in .cache/
    cache_dir: Path | None = None  # default: .cache/ beside the configuration
    preview: bool = False  # pages for `serve`: status overlay script, drafts and future shown
    show_progress: bool = False  # progress bars on the terminal, for long builds


def site_root_of(options: BuildOptions) -> Path:
    return options.config_file.parent if options.config_file else options.content_dir.parent


def read_config(options: BuildOptions) -> SiteConfig:
    shown = shown_path(options.config_file) if options.config_file is not None else None
    config = load_config(options.config_file, shown)
    if options.base_url is not None:
        config = config.with_base_url(options.base_url)
    if options.relative_urls is not None:
        config = replace(config, relative_urls=options.relative_urls)
    return config


def default_build_time(config: SiteConfig) -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that builds can be reproduced."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).astimezone(config.zone)
        except ValueError:
            raise BuildError([Problem("SOURCE_DATE_EPOCH", None, None, f'"{epoch}" is not a number of seconds',
                                      "Unset it or give a Unix time.")]) from None
    return datetime.now(config.zone)
