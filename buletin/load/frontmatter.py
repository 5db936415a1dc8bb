"""The YAML front-matter of a file, with the line of each key, and its body."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import yaml
from frontmatter.default_handlers import YAMLHandler


def _without_timestamps(loader: type) -> type:
    """Safe YAML that leaves dates as text, so that we parse them one way with clear errors."""
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return loader


# libyaml when present (fast); the pure-Python parser words its error messages better, so it explains failures.
_FastFrontMatterLoader = _without_timestamps(type("_FastFrontMatterLoader",
                                                  (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {}))


_FrontMatterLoader = _without_timestamps(type("_FrontMatterLoader", (yaml.SafeLoader,), {}))


MAX_NESTING = 20


MAX_ITEMS = 200_000


def _too_deep(value: object) -> bool:
    """Whether lists and mappings nest deeper, or hold more, than any front-matter needs.

    Checked without recursion, and bounded, because YAML aliases can make a
    small file describe an enormous structure."""
    pending = [(value, 0)]
    seen = 0
    while pending:
        item, depth = pending.pop()
        seen += 1
        if seen > MAX_ITEMS:
            return True
        if isinstance(item, (list, dict)):
            if depth >= MAX_NESTING:
                return True
            pending += [(child, depth + 1) for child in (item.values() if isinstance(item, dict) else item)]
    return False


def _compose(front_text: str, loader_class: type) -> tuple[object, object]:
    loader = loader_class(front_text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else {})
    finally:
        loader.dispose()


@dataclass
class FrontMatter:
    data: dict
    key_lines: dict[str, int]
    body: str
    body_first_line: int
    text: str

    def __iter__(self):  # unpacks as (data, key_lines, body, body_first_line, text)
        return iter((self.data, self.key_lines, self.body, self.body_first_line, self.text))


def read_front_matter(raw: bytes, problem: Callable[..., None], required: str) -> FrontMatter | None:
    """The YAML front-matter (with the line of each key) and the body of a file, or None after a problem."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problem(line, None, "the file is not valid UTF-8 text",
                "Save the file with UTF-8 encoding in your editor.")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")

    handler = YAMLHandler()
    if not handler.detect(text):
        problem(1, None, "the file does not start with front-matter",
                f"Start the file with a line '---', the fields ({required}), and another line '---'.")
        return None
    try:
        front_text, body = handler.split(text)
    except ValueError:
        problem(1, None, "the front-matter is not closed",
                "Add a line '---' after the last front-matter field.")
        return None
    body_first_line = front_text.count("\n") + 2

    try:
        try:
            node, data = _compose(front_text, _FastFrontMatterLoader)
        except yaml.YAMLError:
            node, data = _compose(front_text, _FrontMatterLoader)  # for its clearer message
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        what = getattr(error, "problem", None) or str(error)
        context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
        if context and context_mark is not None and context_mark.line + 1 != line:
            what += f" ({context} that starts on line {context_mark.line + 1})"
        problem(line, None, f"the front-matter is not valid YAML: {what}",
                'Check the brackets, indentation and quoting; a value with ":" or "#" needs quotes.')
        return None
    except RecursionError:
        problem(None, None, "the front-matter is nested too deeply", "Use simple fields.")
        return None
    if _too_deep(data):
        problem(None, None, "the front-matter is nested too deeply or is too large", "Use simple fields.")
        return None
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        problem(2, None, "the front-matter must be a list of 'field: value' lines")
        return None
    key_lines = {}
    if isinstance(node, yaml.MappingNode):
        key_lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}

    return FrontMatter(data, key_lines, body, body_first_line, text)
