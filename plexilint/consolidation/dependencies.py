"""What a stub needs to live in another module: the names it uses and where they come from."""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass

from plexilint.analysis.modules import resolve_import

_BUILTINS = set(dir(builtins))


@dataclass(frozen=True)
class ImportedName:
    """`local` is bound by `from <module> import <name> [as local]` or `import <module>`."""
    local: str
    module: str  # absolute
    name: str | None  # None for `import module`

    def statement(self) -> str:
        if self.name is None:
            if self.local == self.module:
                return f"import {self.module}"
            if "." not in self.local and self.module.rsplit(".", 1)[-1] != self.local:
                return f"import {self.module} as {self.local}"
            return f"import {self.module}"
        alias = f" as {self.local}" if self.local != self.name else ""
        return f"from {self.module} import {self.name}{alias}"


def import_table(tree: ast.Module, module: str, is_package: bool) -> dict[str, ImportedName]:
    """Every name the module binds by importing, wherever the import sits (a `try` branch
    included); relative imports resolved."""
    table: dict[str, ImportedName] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                target = alias.name if alias.asname else alias.name.split(".")[0]
                table.setdefault(local, ImportedName(local, target, None))
        elif isinstance(node, ast.ImportFrom):
            source = resolve_import(module, is_package, node.module, node.level)
            if source is None:
                continue
            for alias in node.names:
                if alias.name != "*":
                    local = alias.asname or alias.name
                    table.setdefault(local, ImportedName(local, source, alias.name))
    return table


def free_names(source: str) -> set[str]:
    """Names a definition reads but does not bind itself (builtins left out)."""
    tree = ast.parse(source)
    loaded: set[str] = set()
    bound: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
    top = tree.body[0] if tree.body else None
    own = {top.name} if isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else set()
    # A class body's names are attributes, but the definition's own name may be read inside
    # (recursion, `super(Cls, self)`): neither needs importing.
    return {name for name in loaded - bound - own if name not in _BUILTINS}
