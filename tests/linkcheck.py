"""Check that every internal link and asset reference in a built site resolves to a file."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

REFERENCE_ATTRIBUTES = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"))


def broken_links(output: Path, base_path: str = "/", relative: bool = False) -> list[str]:
    """Every internal reference (a, link, img, script) that does not resolve, as 'page -> target'."""
    broken = []
    ids_by_file: dict[Path, set[str]] = {}
    for page in sorted(output.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag_name, attribute in REFERENCE_ATTRIBUTES:
            for tag in soup.find_all(tag_name):
                if tag_name == "link" and "canonical" in (tag.get("rel") or []):
                    continue
                reference = tag.get(attribute)
                if reference is None:
                    continue
                problem = _check(output, page, reference, base_path, relative, ids_by_file)
                if problem:
                    broken.append(f"{page.relative_to(output)} -> {reference}: {problem}")
    return broken


def _check(output: Path, page: Path, reference: str, base_path: str, relative: bool,
           ids_by_file: dict[Path, set[str]]) -> str | None:
    parts = urlsplit(reference)
    if parts.scheme in ("mailto", "tel") or (parts.scheme and parts.netloc):
        return None  # external
    if not reference:
        return "empty link"
    path = unquote(parts.path)
    if not path:
        target = page
    elif path.startswith("/"):
        if relative and page.name != "404.html":
            return "absolute link in a site built with relative links"
        if not path.startswith(base_path):
            return f"outside the base path {base_path}"
        target = output / path[len(base_path):]
    else:
        target = Path(posixpath.normpath((page.parent / path).as_posix()))
    if path.endswith("/") or target.is_dir():
        if relative and page.name != "404.html":
            return "relative link to a folder does not open from disk"
        target = target / "index.html"
    try:
        target.resolve().relative_to(output.resolve())
    except ValueError:
        return "points outside the site"
    if not target.is_file():
        return "no such file"
    if parts.fragment and target.suffix == ".html":
        if target not in ids_by_file:
            soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            ids_by_file[target] = {tag["id"] for tag in soup.find_all(id=True)}
        if parts.fragment not in ids_by_file[target]:
            return f"no element with id '{parts.fragment}'"
    return None
