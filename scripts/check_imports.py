"""Check sitrep's import rule (docs/architecture.md): each layer imports only the layers
below it, no module imports itself back through others (no cycle), and only the store
(and the gazetteer, for its own index file) talk SQL.

    .venv/bin/python scripts/check_imports.py      # prints each breach; exit status 1 if any

Imports are read from the source (ast), not by importing: every `import` and `from ...
import` counts, inside functions too, except those under `if TYPE_CHECKING:` (annotations
only; never executed). tests/test_architecture.py runs this check with the test suite.
"""
from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Layers, bottom first: (name, modules it holds (a prefix holds its submodules), layers it
# may import besides its own). The order is the pipeline's direction.
LAYERS: list[tuple[str, tuple[str, ...], frozenset[str]]] = [
    ("base", ("sitrep.errors", "sitrep.config", "sitrep.models", "sitrep.vocab", "sitrep.bylines"), frozenset()),
    ("read", ("sitrep.readers", "sitrep.clean"), frozenset({"base"})),
    ("extract", ("sitrep.extractors",), frozenset({"base"})),
    # What a user's filter means (place containment by the gazetteer, name aliases, the
    # search syntax, which events are listed): read by the store, fusion and every shell.
    ("query", ("sitrep.query",), frozenset({"base", "extract"})),
    ("store", ("sitrep.store",), frozenset({"base", "query"})),
    ("run", ("sitrep.pipeline", "sitrep.ingest", "sitrep.ray_engine"),
     frozenset({"base", "read", "extract", "store"})),
    ("fuse", ("sitrep.fuse",), frozenset({"base", "read", "query", "store"})),
    ("serve", ("sitrep.export", "sitrep.api", "sitrep.cli", "sitrep.evaluate", "sitrep.annotations",
               "sitrep.__main__", "sitrep"),
     frozenset({"base", "read", "extract", "query", "store", "run", "fuse"})),
]
# Modules that may import a database driver. The gazetteer keeps its own read-only SQLite
# index (a file it builds, not the store).
SQL_MODULES = {"sitrep.store", "sitrep.extractors.gazetteer"}
SQL_DRIVERS = ("sqlalchemy", "sqlite3", "psycopg")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the imported module (a sitrep module or a top-level package)
    line: int


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path = ROOT) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted((root / "sitrep").rglob("*.py"))}


def _type_checking_only(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or \
        (isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def imports_of(name: str, path: Path, known: dict[str, Path]) -> list[Import]:
    """The imports of one module: sitrep modules by their full name, others by their
    top-level package."""
    is_package = path.name == "__init__.py"
    out: list[Import] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            out.extend(Import(name, a.name if a.name.startswith("sitrep") else a.name.split(".")[0], node.lineno)
                       for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            if not prefix.startswith("sitrep"):
                out.append(Import(name, prefix.split(".")[0], node.lineno))
            else:
                for a in node.names:  # `from . import clean` names a module, `from .x import f` a name
                    sub = f"{prefix}.{a.name}"
                    out.append(Import(name, sub if sub in known else prefix, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return out


def layer_of(module: str) -> str:
    best = None
    for layer, prefixes, _ in LAYERS:
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and (best is None or len(p) > len(best[1])):
                best = (layer, p)
    if best is None:
        raise SystemExit(f"{module}: in no layer of scripts/check_imports.py: add it to LAYERS")
    return best[0]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, each once (as found by a depth-first walk from each module)."""
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(m: str) -> None:
        state[m] = 1
        path.append(m)
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                loop = path[path.index(n):] + [n]
                if frozenset(loop) not in seen:
                    seen.add(frozenset(loop))
                    found.append(loop)
            elif n not in state:
                walk(n)
        path.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            walk(m)
    return found


def breaches(root: Path = ROOT) -> list[str]:
    """Every breach of the rule in the `sitrep` package under `root`, one line each."""
    known = modules(root)
    allowed = {layer: may | {layer} for layer, _, may in LAYERS}
    out: list[str] = []
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        rel = path.relative_to(root)
        for imp in imports_of(name, path, known):
            if imp.target.startswith("sitrep"):
                if imp.target == name:
                    continue
                graph.setdefault(name, set()).add(imp.target)
                src, dst = layer_of(name), layer_of(imp.target)
                if dst not in allowed[src]:
                    out.append(f"{rel}:{imp.line}: {name} ({src}) imports {imp.target} ({dst}): "
                               f"{src} may import {', '.join(sorted(allowed[src]))}")
            elif imp.target in SQL_DRIVERS and name not in SQL_MODULES:
                out.append(f"{rel}:{imp.line}: {name} imports {imp.target}: SQL belongs in sitrep/store.py (Store)")
    for loop in cycles(graph):
        out.append("import cycle: " + " -> ".join(loop))
    return out


def main() -> int:
    found = breaches()
    for line in found:
        print(line)
    print(f"{len(modules())} modules checked: " + (f"{len(found)} breaches" if found else "the import rule holds"))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
