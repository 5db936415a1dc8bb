"""Fast paths through Python-Markdown for what most of a press release is: plain paragraphs.

Each gives the HTML Markdown would give, by skipping work that cannot change
it. `python bench/speed_tricks.py` (2,000 bulletins of bench/corpus.py, one
core): 0.29 ms to convert a bulletin with them, 0.77 to 0.81 ms without, the
same HTML. test_content checks that the HTML is the same with and without
them, and that Markdown still has the method the inline path takes over.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor

# What every inline pattern of the Markdown of markdown.py starts with: code, escapes, links and images (also
# footnotes), autolinks and raw HTML, entities, emphasis, and the two spaces of a line break.
_INLINE_START = re.compile(r"[`\\\[<&*_]|  \n")


class PlainTextSkipped(InlineProcessor):
    """Python-Markdown's inline stage, without trying every pattern on text that none of them can match.

    Most paragraphs of a press release are plain text, and the inline stage
    tried each of its patterns on each of them: the larger part of converting
    a bulletin. The stage hands every piece of text to one (private) method,
    which leaves text that no pattern matches as it is; such text is given
    back at once. Should a version of Markdown rename the method, this only
    stops saving time (a test watches for it).
    """

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if not _INLINE_START.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


# What a body with a heading (or a table of contents) has: a "#", a setext underline, or an HTML heading.
_MAY_HAVE_HEADING = re.compile(r"#|^ {0,3}(?:=+|-+)[ \t]*$|<[hH][1-6]|\[TOC\]", re.MULTILINE)


def may_have_heading(body: str) -> bool:
    """Whether a body may have a heading, and so needs the toc extension's stage (HeadingsOnly)."""
    return bool(_MAY_HAVE_HEADING.search(body))


class HeadingsOnly(Treeprocessor):
    """The toc extension's stage (ids for headings), run only on bodies that may have a heading: on the
    others it walks the whole tree twice to change nothing."""

    def __init__(self, toc: Treeprocessor):
        super().__init__(toc.md)
        self.toc = toc
        self.needed = True

    def run(self, root: Element) -> None:
        if self.needed:
            self.toc.run(root)


# A line that may open something other than paragraph text: every block processor of markdown.py's
# Markdown looks for a line opening with a space, digit, mark or sign (lists, headers, code, quotes, rules,
# references, footnotes, abbreviations, definitions), a "|" (tables) or a stashed HTML block.
_NOT_PLAIN_LINE = re.compile(r"^(?![^\W\d_]|[“‘\"'(])", re.MULTILINE)


class PlainParagraph(BlockProcessor):
    """A block whose every line opens with a letter or an opening quote, straight to the paragraph processor.

    Markdown tries each of its block processors on each block, and for such a
    block all of them decline but the last, the paragraph; asking that one
    first gives the same tree in a fraction of the time.
    """

    def __init__(self, parser: BlockParser, paragraph: BlockProcessor):
        super().__init__(parser)
        self.paragraph = paragraph

    def test(self, parent: Element, block: str) -> bool:
        return "|" not in block and "\x02" not in block and not _NOT_PLAIN_LINE.search(block)

    def run(self, parent: Element, blocks: list[str]) -> bool | None:
        return self.paragraph.run(parent, blocks)
