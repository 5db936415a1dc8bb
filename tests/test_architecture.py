"""The shape of the engine, as its packages' docstrings state it: which stage may import which, no import
circle, who writes files, and modules and functions of a size a reader can hold."""

from __future__ import annotations

import ast

from conftest import PROJECT_ROOT

ENGINE = PROJECT_ROOT / "buletin"
# What each package may import of the engine (beside itself). The stages know the shared model, the
# configuration, the languages and the runtime, and those that read text know text; only the pipeline knows
# every stage.
SHARED = {"model", "config", "i18n", "runtime"}  # what any stage may use
ALLOWED = {
    "model": set(),
    "i18n": set(),
    "runtime": set(),
    "config": {"model", "i18n"},
    "text": SHARED,
    "load": SHARED | {"text"},
    "index": SHARED,
    "related": SHARED | {"text"},
    "render": SHARED | {"text"},
    "write": SHARED,
    "cache": SHARED,
    "pipeline": SHARED | {"text", "load", "index", "related", "render", "write", "cache"},
    "commands": SHARED | {"pipeline", "load", "related", "write"},
    "cli": {"commands", "model"},
    "__main__": {"cli"},
}
# Where files are written: the output by the write stage, .cache/ by the cache, content/ by the commands that
# create a file there when asked to.
WRITERS = {"write", "cache", "commands/new.py", "commands/importer.py", "commands/init.py"}
WRITING_CALLS = {"write_bytes", "write_text", "mkdir", "makedirs", "replace", "copyfile", "copytree", "rmtree",
                 "unlink", "rename", "rmdir"}


def modules() -> dict[str, ast.Module]:
    return {path.relative_to(ENGINE).with_suffix("").as_posix(): ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted(ENGINE.rglob("*.py"))}


def package_of(module: str) -> str:
    return module.split("/")[0]


def imported(module: str, tree: ast.Module) -> set[str]:
    """The engine's modules this one imports when it is loaded (not those imported for type hints only)."""
    found = set()
    parts = module.split("/")
    package = parts[:-1]
    for node in _top_level(tree.body):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[:len(package) - node.level + 1] if node.level > 1 else package
            target = [*base, *(node.module.split(".") if node.module else [])]
            for alias in node.names:
                found.add("/".join(target))
                found.add("/".join([*target, alias.name]))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("buletin"):
            found.add(node.module.removeprefix("buletin").lstrip(".").replace(".", "/"))
    names = {path.relative_to(ENGINE).with_suffix("").as_posix() for path in ENGINE.rglob("*.py")}
    return {name if name in names else f"{name}/__init__" for name in found
            if name in names or f"{name}/__init__" in names} - {module}


def _top_level(body: list[ast.stmt]) -> list[ast.stmt]:
    nodes = []
    for node in body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, (ast.If, ast.Try)):
            nodes += _top_level(node.body)
            continue
        nodes.append(node)
    return nodes


def test_each_package_imports_only_what_its_rules_allow() -> None:
    broken = []
    for module, tree in modules().items():
        own = package_of(module)
        for target in imported(module, tree):
            other = package_of(target)
            if other != own and other not in ALLOWED[own]:
                broken.append(f"{module} imports {target}")
    assert not broken, broken


def test_no_import_circle() -> None:
    graph = {module: imported(module, tree) for module, tree in modules().items()}
    seen: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        seen[module] = 1
        for target in sorted(graph[module]):
            assert seen.get(target) != 1, " -> ".join([*path, module, target])
            if target not in seen:
                visit(target, [*path, module])
        seen[module] = 2

    for module in graph:
        if module not in seen:
            visit(module, [])


def test_only_the_write_stage_the_cache_and_the_creating_commands_write_files() -> None:
    found = []
    for module, tree in modules().items():
        if package_of(module) in WRITERS or f"{module}.py" in WRITERS:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                name = node.func.attr
                is_path_replace = name == "replace" and len(node.args) == 1 and "os" in ast.unparse(node.func.value)
                if name in WRITING_CALLS - {"replace"} or is_path_replace:
                    found.append(f"{module}:{node.lineno} {ast.unparse(node.func)}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open":
                mode = node.args[1] if len(node.args) > 1 else next(
                    (keyword.value for keyword in node.keywords if keyword.arg == "mode"), None)
                if isinstance(mode, ast.Constant) and set(str(mode.value)) & set("wax+"):
                    found.append(f"{module}:{node.lineno} open for writing")
    assert not found, found


def test_modules_and_functions_stay_small_and_hold_no_global_state() -> None:
    large, long, globals_ = [], [], []
    for path in sorted(ENGINE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if len(source.splitlines()) > 500:
            large.append(str(path))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 60:
                long.append(f"{path}:{node.name}")
            if isinstance(node, ast.Global):
                globals_.append(f"{path}:{node.lineno}")
    assert not large and not long and not globals_, (large, long, globals_)


def test_every_package_states_its_rules() -> None:
    for init in ENGINE.glob("*/__init__.py"):
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "Rules of this package" in docstring, init


def test_the_model_and_the_configuration_load_no_numpy() -> None:
    import subprocess
    import sys
    probe = ("import sys; import buletin.model, buletin.config, buletin.i18n; "
             "print(sorted(name for name in ('numpy', 'scipy', 'jinja2', 'markdown') if name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=PROJECT_ROOT,
                            check=True)
    assert result.stdout.strip() == "[]"
