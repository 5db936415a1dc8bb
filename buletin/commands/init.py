"""`buletin init DIR`: a new site folder, ready to build: its settings, a sample bulletin and campaign, a workflow.

It never overwrites: when any of its files is there already, it writes none.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from datetime import timedelta
from importlib.resources import files
from pathlib import Path

from ..config import CONFIG_FILE_NAME, SiteConfig, default_build_time
from ..config.schema import SETTINGS_HELP
from ..model import BuildError, Problem, shown_path
from .arguments import EXIT_OK

SAMPLE_REGION = "Pusat Kota"
SCAFFOLD = files(__package__).joinpath("scaffold")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="the new site's folder (made when missing)")
    parser.add_argument("--title", default="", help="the site's name (default: the folder's name)")


def run(arguments: argparse.Namespace) -> int:
    written = create_site(arguments.folder, arguments.title)
    print(f"A new site in {shown_path(arguments.folder)}/:")
    for path in written:
        print(f"  {path.relative_to(arguments.folder).as_posix()}")
    print(f"Next: cd {shown_path(arguments.folder)} && buletin serve  (then open http://127.0.0.1:8000/)")
    return EXIT_OK


def create_site(folder: Path, title: str = "") -> list[Path]:
    """Write a new site's files into `folder`; BuildError, and nothing written, when any of them exists."""
    config = SiteConfig()
    today = default_build_time(config)
    title = title or folder.resolve().name.replace("-", " ").replace("_", " ").title()
    contents = {
        CONFIG_FILE_NAME: site_toml(title),
        f"content/{today.year}/sosialisasi-layanan-112.md": _scaffold("bulletin.md").format(
            date=today.strftime("%Y-%m-%d %H:%M"), region=SAMPLE_REGION),
        "content/campaigns/kenali-layanan-112.md": _scaffold("campaign.md").format(
            start=today.date().isoformat(), end=(today + timedelta(days=30)).date().isoformat()),
        ".github/workflows/pages.yml": _scaffold("github-pages.yml"),
        ".gitignore": _scaffold("gitignore"),
    }
    existing = [name for name in contents if (folder / name).exists()]
    if existing:
        raise BuildError([Problem(shown_path(folder / name), None, None, "is there already",
                                  "Choose a new folder, or move the file away first.") for name in existing])
    written = []
    for name, text in contents.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def site_toml(title: str) -> str:
    """site.toml with every setting of the schema, each with its line of explanation: the title, language and
    time zone set, the others left at their defaults (commented out)."""
    lines = ["# The settings of this bulletin site. Each has a line saying what it is for; a setting whose line",
             '# starts with "#" is left at its default: remove the "#" and change the value to set it.',
             "# A key the generator does not know is an error, so a misspelt setting is reported, not ignored.", ""]
    chosen = {"title": title, "language": "id", "timezone": "Asia/Jakarta"}
    tables = []
    for item in dataclasses.fields(SiteConfig):
        default = getattr(SiteConfig(), item.name)
        if dataclasses.is_dataclass(default):
            tables.append((item.name, default))
            continue
        lines += _setting(item.name, item.name, chosen.get(item.name, default), item.name not in chosen)
    for section, default in tables:
        lines += [f"# {SETTINGS_HELP[section]}", f"[{section}]", ""]
        for item in dataclasses.fields(default):
            lines += _setting(f"{section}.{item.name}", item.name, getattr(default, item.name), True)
    return "\n".join(lines).rstrip("\n") + "\n"


def _setting(label: str, key: str, value: object, commented: bool) -> list[str]:
    return [f"# {SETTINGS_HELP[label]}", f"{'# ' if commented else ''}{key} = {_toml(value)}", ""]


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def _scaffold(name: str) -> str:
    return SCAFFOLD.joinpath(name).read_text(encoding="utf-8")
