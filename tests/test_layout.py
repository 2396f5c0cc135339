"""The layout holds: packages in layers, each importing only those beneath it; no circle of
imports; in-function imports only for optional extras; a public surface that fits on a page;
``import claims`` loads no optional extra."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import claims
import claims.dask
from tests.conftest import ROOT

SOURCE = ROOT / "src" / "claims"

LAYERS: dict[str, int] = {
    # the ground: no claims imports but these
    "errors": 0, "_html": 0, "_memory": 0,
    "_extras": 1,
    "model": 2,
    # siblings: none of these four imports another
    "io": 3, "parse": 3, "reconciler": 3, "importers": 3,
    "render": 4,
    "report": 5,
    "export": 6, "trust": 6, "bulk": 6,
    "cli": 7, "__init__": 7, "dask": 7,
    "__main__": 8,
}
"""Each top-level module or package of ``claims`` and its floor; an import may only go to a
lower floor, or stay inside its own package."""

EXTRAS = frozenset({"orjson", "text_to_num", "rapidfuzz", "matplotlib", "pandas", "polars",
                    "prov", "numpy", "pyarrow", "dask", "distributed"})
"""Optional extras: the only modules imported inside functions."""


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(SOURCE.rglob("*.py")):
        parts = path.relative_to(SOURCE.parent).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        yield ".".join(parts), path


def _unit(module: str) -> str:
    """The top-level module or package a module belongs to (``claims.io._reading`` -> io)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(module: str, path: Path) -> Iterator[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every import in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    inside = {id(n) for f in functions for n in ast.walk(f) if n is not f}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno, id(node) in inside
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base]
            if base in ("claims", *(m for m, _ in _modules())):
                # "from claims import export": the imported names may be modules themselves
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in _MODULES else base
                           for a in node.names]
            for target in targets:
                yield target, node.lineno, id(node) in inside


_MODULES = {m for m, _ in _modules()}


def test_every_module_belongs_to_a_layer() -> None:
    assert {_unit(m) for m in _MODULES} == set(LAYERS)


def test_imports_run_downward_only() -> None:
    upward = []
    for module, path in _modules():
        for target, line, _ in _imports(module, path):
            if target.split(".")[0] != "claims" or target == "claims":
                continue
            source, imported = _unit(module), _unit(target)
            if source != imported and LAYERS[imported] >= LAYERS[source]:
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {target} "
                              f"(floor {LAYERS[imported]} from floor {LAYERS[source]})")
    assert upward == []


def test_no_circle_of_imports() -> None:
    graph = {m: set() for m in _MODULES}
    for module, path in _modules():
        for target, _, inside in _imports(module, path):
            if not inside and target in _MODULES and target != module:
                # importing a package runs its __init__, which imports its modules
                graph[module].add(target)
    circles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1 and not (nxt == "claims" or node.startswith(nxt + ".")):
                circles.append(" -> ".join([*trail[trail.index(nxt):], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_in_function_imports_are_for_optional_extras_only() -> None:
    found = [f"{path.relative_to(ROOT)}:{line} imports {target}"
             for module, path in _modules()
             for target, line, inside in _imports(module, path)
             if inside and target.split(".")[0] not in EXTRAS]
    assert found == []


def _isort_order(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions, each alphabetical (ruff's RUF022 order)."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_the_public_surface_fits_on_a_page() -> None:
    assert len(claims.__all__) <= 45
    assert claims.__all__ == sorted(claims.__all__, key=_isort_order)
    for package in (claims.model, claims.io, claims.parse, claims.reconciler, claims.render,
                    claims.report, claims.export, claims.importers, claims.trust, claims.dask):
        names = package.__all__
        assert names == sorted(names, key=_isort_order), package.__name__
        assert all(hasattr(package, name) for name in names), package.__name__
    assert all(hasattr(claims, name) for name in claims.__all__)


def test_structure_is_typed_by_its_class() -> None:
    annotations = claims.structure.__annotations__
    assert annotations["return"] == "_T"
    assert annotations["cls"] == "type[_T]"


def test_importing_claims_loads_no_optional_extra() -> None:
    probe = ("import sys, claims; print(sorted({m.split('.')[0] for m in sys.modules} & "
             f"{set(EXTRAS)!r}))")
    loaded = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                            text=True).stdout.strip()
    assert loaded == "[]"
