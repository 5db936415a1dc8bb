"""The options the commands share: where the site is, and how loud to be."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..config import CONFIG_FILE_NAME, BuildOptions

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def add_folder_arguments(parser: argparse.ArgumentParser) -> None:
    """Where the site is: every command that reads it has these."""
    parser.add_argument("--content", metavar="DIR", type=Path, default=None,
                        help="folder with the bulletins (default: content/ beside the configuration)")
    parser.add_argument("--config", metavar="FILE", type=Path, default=None,
                        help=f"site configuration (default: ./{CONFIG_FILE_NAME}, if it exists)")


def add_site_arguments(parser: argparse.ArgumentParser) -> None:
    """Options every command that builds or checks the site shares."""
    add_folder_arguments(parser)
    parser.add_argument("--drafts", action="store_true", help="include bulletins marked draft: true")
    parser.add_argument("--future", action="store_true", help="include bulletins dated in the future")
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    loudness.add_argument("-v", "--verbose", action="store_true", help="print warnings in full and stage times")


def build_options(arguments: argparse.Namespace) -> BuildOptions:
    """The options of a build from the command line: the site's folders beside its configuration."""
    config_file = arguments.config
    if config_file is None and Path(CONFIG_FILE_NAME).is_file():
        config_file = Path(CONFIG_FILE_NAME)
    root = config_file.parent if config_file is not None else Path(".")
    return BuildOptions(
        content_dir=arguments.content if arguments.content is not None else root / "content",
        output_dir=getattr(arguments, "output", None) or root / "output",
        config_file=config_file,
        base_url=getattr(arguments, "base_url", None),
        include_drafts=getattr(arguments, "drafts", False),
        include_future=getattr(arguments, "future", False),
        relative_urls=getattr(arguments, "relative_urls", None),
        use_cache=not getattr(arguments, "clean", False),
        show_progress=(not getattr(arguments, "quiet", True) and sys.stderr.isatty()
                       and os.environ.get("CI", "").lower() != "true"),
    )


def comma_list(text: str) -> tuple[str, ...]:
    """ "tppo, perlindungan anak" -> ("tppo", "perlindungan anak")."""
    return tuple(item.strip() for item in text.split(",") if item.strip())
