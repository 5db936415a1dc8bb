"""Markdown bodies to sanitised HTML, with links to files of the content folder made into references.

One Python-Markdown converter, reset between documents, with the fast paths
of markdown_fast.py; quotes and dashes come from typography.py and the HTML is
cleaned by sanitize.py. Links and pictures that point at files of the content
folder become references (REFERENCE_PREFIX) that the render stage resolves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..model import REFERENCE_PREFIX
from .markdown_fast import HeadingsOnly, PlainParagraph, PlainTextSkipped, may_have_heading
from .references import resolve_local_file
from .sanitize import sanitize_html
from .typography import smarten


@dataclass
class RenderedBody:
    html: str
    assets: list[str]
    linked_articles: list[str]
    missing: list[str]


class MarkdownRenderer:
    """One Python-Markdown instance, reset between documents."""

    EXTENSIONS = ("extra", "sane_lists", "toc")  # quotes and dashes: typography.smarten, much cheaper than smarty

    def __init__(self, content_dir: Path, embed_hosts: tuple[str, ...] = ()):
        self.content_dir = content_dir
        self.embed_hosts = embed_hosts
        self.references = _LocalReferences(content_dir)
        self.markdown = markdown.Markdown(
            extensions=[*self.EXTENSIONS, self.references],
            extension_configs={"toc": {"permalink": False}},
            output_format="html",
        )
        self.markdown.treeprocessors.register(PlainTextSkipped(self.markdown), "inline", 20)  # Markdown's own place
        self.toc = HeadingsOnly(self.markdown.treeprocessors["toc"])
        self.markdown.treeprocessors.register(self.toc, "toc", 5)  # toc's own place
        blocks = self.markdown.parser.blockprocessors
        blocks.register(PlainParagraph(self.markdown.parser, blocks["paragraph"]), "buletin_plain_paragraph", 200)

    def render(self, body: str, document: Path) -> RenderedBody:
        self.markdown.reset()
        self.references.start(document)
        self.toc.needed = may_have_heading(body)
        html = sanitize_html(smarten(self.markdown.convert(body)), self.embed_hosts)
        found = self.references.found
        return RenderedBody(html, found.assets, found.linked_articles, found.missing)


@dataclass
class _Found:
    assets: list[str] = field(default_factory=list)
    linked_articles: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


class _LocalReferences(Extension):
    """Turns relative links and images into references the render stage resolves."""

    def __init__(self, content_dir: Path):
        super().__init__()
        self.content_dir = content_dir
        self.document = content_dir
        self.found = _Found()

    def start(self, document: Path) -> None:
        self.document = document
        self.found = _Found()

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_ReferenceRewriter(md, self), "buletin_references", 0)


HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


class _ReferenceRewriter(Treeprocessor):
    def __init__(self, md: markdown.Markdown, owner: _LocalReferences):
        super().__init__(md)
        self.owner = owner

    def run(self, root: Element) -> None:
        self.demote_headings(root)
        for element in root.iter():
            attribute = {"img": "src", "a": "href"}.get(element.tag)
            if attribute and element.get(attribute):
                element.set(attribute, self.rewrite(element.get(attribute), element.tag == "img"))

    @staticmethod
    def demote_headings(root: Element) -> None:
        """The page's only h1 is the headline: body headings start at h2, their order kept."""
        levels = [int(element.tag[1]) for element in root.iter() if element.tag in HEADINGS]
        shift = 2 - min(levels) if levels and min(levels) < 2 else 0
        if shift:
            for element in root.iter():
                if element.tag in HEADINGS:
                    element.tag = f"h{min(6, int(element.tag[1]) + shift)}"

    def rewrite(self, url: str, is_image: bool) -> str:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path or url.startswith("#"):
            return url
        owner = self.owner
        resolved = resolve_local_file(parts.path, owner.document, owner.content_dir)
        if resolved is None:
            # A picture, a bulletin or a file (a name with an extension) that is not there is a broken link;
            # other paths (such as "/wilayah/jakarta-selatan/") are pages of the site and left alone.
            if is_image or PurePosixPath(parts.path).suffix:
                owner.found.missing.append(parts.path)
            return url
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if resolved.endswith(".md"):
            owner.found.linked_articles.append(resolved)
            return f"{REFERENCE_PREFIX}article/{resolved}{fragment}"
        owner.found.assets.append(resolved)
        return f"{REFERENCE_PREFIX}asset/{resolved}{fragment}"
