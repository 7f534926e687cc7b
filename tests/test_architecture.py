"""The package's shape, so the next change keeps it: no import cycles, layers that import one way,
small modules and functions, and no JavaScript inside Python strings (it lives in asset files)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80
# Layers, lowest first: a module may import its own layer and the ones below, never one above.
LAYERS = {"web": 3, "page": 2, "figure": 1}
ENTRY_POINTS = {"timeline", "timeline.__main__", "timeline.cli"}   # they put the layers together


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _imports(name: str) -> set[str]:
    """The package modules `name` imports, anywhere in it (function-level imports too)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    base = name.split(".") if _is_package(name) else name.split(".")[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = ".".join(base[:len(base) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else node.module
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.add(sub if sub in MODULES else module)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name) for name in MODULES}


def _cycles() -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in GRAPH:
        if v not in index:
            visit(v)
    return out


def test_the_import_walk_sees_function_level_and_relative_imports():
    assert "timeline.figure.builder" in GRAPH["timeline.figure.api"]
    assert "timeline.formats.timelinejs" in GRAPH["timeline.formats"]
    assert "timeline.i18n" in GRAPH["timeline.dates"]


def test_no_import_cycles():
    assert _cycles() == []


def _layer(name: str) -> int:
    parts = name.split(".")
    return LAYERS.get(parts[1], 0) if len(parts) > 1 else 0


def test_layers_import_downwards_only():
    upward = sorted(f"{a} -> {b}" for a, deps in GRAPH.items() if a not in ENTRY_POINTS
                    for b in deps if _layer(b) > _layer(a))
    assert upward == []


def _functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def test_no_module_over_400_lines():
    long = {name: n for name, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_no_function_over_80_lines():
    long = {}
    for name, path in MODULES.items():
        for fn in _functions(ast.parse(path.read_text(encoding="utf-8"))):
            lines = fn.end_lineno - fn.lineno + 1
            if lines > MAX_FUNCTION_LINES:
                long[f"{name}.{fn.name}"] = lines
    assert long == {}


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_javascript_in_python_strings(name):
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "clientside_callback" and node.args:
            assert not isinstance(node.args[0], (ast.Constant, ast.JoinedStr)), \
                f"{name}, line {node.lineno}: a clientside function belongs in web/assets/*.js (ClientsideFunction)"
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            assert "function(" not in node.value.replace(" ", ""), \
                f"{name}, line {node.lineno}: JavaScript in a Python string"


def test_no_test_module_imports_another():
    """Shared test code lives in tests/helpers.py (and fixtures in conftest.py), not in test modules."""
    found = []
    for path in sorted(PACKAGE.parent.joinpath("tests").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [a.name for a in node.names]
                if any(n.split(".")[-1].startswith("test_") for n in names):
                    found.append(f"{path.name}: from {'.' * node.level}{node.module or ''} import ...")
    assert found == []
