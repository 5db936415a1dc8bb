"""`build.py new`: start a bulletin with its front-matter filled in."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from ..config import SiteConfig, default_build_time, read_config
from ..load.discover import find_bulletin_files
from ..model import BuildError, Problem, did_you_mean, slugify
from .arguments import EXIT_OK, add_folder_arguments, build_options, comma_list

BODY_PLACEHOLDER = ("Tulis paragraf pembuka di sini: siapa, apa, di mana, kapan.\n\n"
                    "\"Kutipan narasumber,\" kata ...\n")


@dataclass(frozen=True)
class NewBulletin:
    title: str
    region: str
    tags: tuple[str, ...] = ()
    reporter: str = ""
    editor: str = ""


def create_bulletin(request: NewBulletin, content_dir: Path, config: SiteConfig, now: datetime) -> Path:
    """Write content/<year>/<slug>.md as a draft dated now; refuses to overwrite or to repeat a slug."""
    problems = []
    title = " ".join(request.title.split())
    slug = slugify(title)
    if not slug:
        problems.append(Problem("title", None, None, "the title has no letters or digits", "Give a real headline."))
    region = " ".join(request.region.split())
    if config.regions and region not in config.regions:
        guess = did_you_mean(region, config.regions)
        problems.append(Problem("--region", None, None, f'unknown region "{region}"',
                                f'Did you mean "{guess}"?' if guess else "Known regions: " + ", ".join(config.regions)))
    reporter = request.reporter or config.default_reporter
    editor = request.editor or config.default_editor
    for name, value in (("reporter", reporter), ("editor", editor)):
        if not value.strip():
            problems.append(Problem(f"--{name}", None, None, f"no {name} given",
                                    f"Add --{name} NAME, or set default_{name} in site.toml."))
    target = content_dir / str(now.year) / f"{slug}.md"
    if slug and target.exists():
        problems.append(Problem(str(target), None, None, "this file already exists and is left as it is",
                                "Choose another title, or edit the existing file."))
    elif slug and content_dir.is_dir():
        for existing in find_bulletin_files(content_dir):
            if slugify(existing.stem) == slug:
                problems.append(Problem(str(existing), None, None, f'a bulletin with the slug "{slug}" exists',
                                        "Choose another title, or edit the existing file."))
    if problems:
        raise BuildError(problems)
    front_matter = {
        "title": title,
        "date": now.strftime("%Y-%m-%d %H:%M"),
        "reporter": reporter.strip(),
        "editor": editor.strip(),
        "region": region,
        "tags": list(request.tags),
        "summary": "",
        "draft": True,
    }
    text = "---\n" + yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text + BODY_PLACEHOLDER)
    return target




def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("title", help='the headline, in quotes: "Pemkot ajak warga cegah TPPO"')
    parser.add_argument("--region", required=True, help="the region, as listed in site.toml")
    parser.add_argument("--tags", default="", help="topics, separated by commas: tppo,perlindungan anak")
    parser.add_argument("--reporter", default="", help="the reporter (default: default_reporter in site.toml)")
    parser.add_argument("--editor", default="", help="the editor (default: default_editor in site.toml)")
    add_folder_arguments(parser)


def run(arguments: argparse.Namespace) -> int:
    options = build_options(arguments)
    config = read_config(options)
    request = NewBulletin(title=arguments.title, region=arguments.region, reporter=arguments.reporter,
                          editor=arguments.editor, tags=comma_list(arguments.tags))
    path = create_bulletin(request, options.content_dir, config, default_build_time(config))
    print(path)
    return EXIT_OK
