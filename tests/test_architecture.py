"""The layers of plexilint/ (pyproject.toml [tool.importlinter]): `lint-imports` keeps every
contract, and no module imports itself back through others."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp

from conftest import REPO


def _lint_imports() -> list[str]:
    found = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
                                  " sys.exit(lint_imports_command())"]


def test_the_import_contracts_are_kept():
    result = subprocess.run([*_lint_imports(), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _cycles(graph: grimp.ImportGraph) -> list[tuple[str, ...]]:
    """Each import whose imported module imports the importer back, with the chain that does."""
    cycles = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back:
                cycles.append((module, *back))
    return cycles


def test_no_module_imports_itself_back():
    # Imports under `if TYPE_CHECKING:` included: a cycle of types is a cycle of modules too.
    graph = grimp.build_graph("plexilint", exclude_type_checking_imports=False, cache_dir=None)
    assert _cycles(graph) == []
    assert _cycles(_graph({"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": []}))[0] == ("a", "b", "c", "a")


def _graph(imports: dict[str, list[str]]) -> grimp.ImportGraph:
    graph = grimp.ImportGraph()
    for module, imported in imports.items():
        graph.add_module(module)
        for other in imported:
            graph.add_import(importer=module, imported=other)
    return graph
