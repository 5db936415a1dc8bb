"""The Jinja environment of a build: the theme's templates, {% partial %}, and where a template error is."""

from __future__ import annotations

import traceback
from typing import ClassVar

import jinja2
import jinja2.bccache
import jinja2.ext
import jinja2.meta
import jinja2.nodes
import jinja2.parser
import jinja2.runtime
from markupsafe import Markup

from ..config import ThemeFolders
from ..model import Problem, shown_path


def make_environment(theme: ThemeFolders, compiled: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    """The theme's templates (a site's own folders first), escaping everything, strict about missing values;
    `compiled` keeps compiled templates between builds."""
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(folder)) for folder in theme.templates]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build; checking costs a stat per include
        extensions=[PartialExtension],
        bytecode_cache=compiled,
    )


class PartialExtension(jinja2.ext.Extension):
    """{% partial "name" %}: an include whose output is kept for the values of the variables it reads.

    Most of a page is the same on thousands of pages (the header with the
    regions, the footer) or on every list a bulletin is in (its card). A
    partial reads a few variables; its output is rendered once for each
    distinct set of their values and reused: links are told apart by where
    url("") points (pages at one depth link alike), texts, numbers and None
    by value, other objects by identity (a build changes none of them while
    rendering). A partial that includes other templates is rendered each time,
    as `include` would.
    """

    tags: ClassVar[set[str]] = {"partial"}

    def __init__(self, environment: jinja2.Environment):
        super().__init__(environment)
        self.reads: dict[str, tuple[str, ...] | None] = {}  # per template: its free variables (None: not kept)
        self.kept: dict[tuple, Markup] = {}
        self.alive: list[list] = []  # the values in the keys by identity, kept alive so that no other takes an id

    def parse(self, parser: jinja2.parser.Parser) -> jinja2.nodes.Node:
        line = next(parser.stream).lineno
        name = parser.parse_expression()
        return jinja2.nodes.Output(
            [self.call_method("_render", [name, jinja2.nodes.DerivedContextReference()], lineno=line)], lineno=line)

    def _render(self, name: str, context: jinja2.runtime.Context) -> Markup:
        template = self.environment.get_template(name)
        reads = self._reads(template)
        if reads is None:
            return Markup(template.render(context.get_all()))
        key = (name, *(_partial_key(variable, context.get(variable, _MISSING)) for variable in reads))
        kept = self.kept.get(key)
        if kept is None:
            if len(self.kept) >= PARTIALS_KEPT:
                self.kept.clear()
                self.alive.clear()
            kept = self.kept[key] = Markup(template.render(context.get_all()))
            self.alive.append([context.get(variable) for variable in reads])
        return kept

    def _reads(self, template: jinja2.Template) -> tuple[str, ...] | None:
        if template.name not in self.reads:
            source, _filename, _uptodate = self.environment.loader.get_source(self.environment, template.name)
            tree = self.environment.parse(source)
            includes = any(tree.find_all((jinja2.nodes.Include, jinja2.nodes.Import, jinja2.nodes.FromImport,
                                          jinja2.nodes.Extends, jinja2.nodes.ExtensionAttribute)))
            self.reads[template.name] = None if includes else tuple(sorted(jinja2.meta.find_undeclared_variables(tree)))
        return self.reads[template.name]


PARTIALS_KEPT = 60_000  # outputs kept at once by {% partial %} (a card is half a kilobyte)


_MISSING = object()


def _partial_key(variable: str, value: object) -> object:
    if variable == "url" and callable(value):
        return ("url", value(""))
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return ("id", id(value))


def template_problem(error: jinja2.TemplateError, template_name: str) -> Problem:
    """Where in which template it went wrong: Jinja puts template lines into the traceback."""
    name = getattr(error, "filename", None) or getattr(error, "name", None)
    line = getattr(error, "lineno", None)
    if line is None:
        for frame in reversed(traceback.extract_tb(error.__traceback__)):
            if frame.filename.endswith((".html", ".xml", ".txt")):
                name, line = frame.filename, frame.lineno
                break
    return Problem(shown_path(name or template_name), line, None, f"template error: {error.message or error}",
                   "Check the template near this line.")
