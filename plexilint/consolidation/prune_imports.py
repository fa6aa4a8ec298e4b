"""After a rewrite: the names of module-level `import` lines that the rewrite left unused (a
name the removed stubs needed, like `Enum`) are dropped; imports unused before the rewrite stay
as they were."""

from __future__ import annotations

import ast
from collections.abc import Callable

import libcst as cst

from plexilint.consolidation.rewrite_support import dotted


def prune_unused_imports(before: str, after: str, whole: Callable[[str], str] = lambda code: code) -> str:
    """`whole(after)` is the complete module when `after` stands in for some of it."""
    used_before, used_after = _usage(before), _usage(whole(after))
    dead = {name for name, count in used_before.items() if count and not used_after.get(name)}
    if not dead:
        return after
    module = cst.parse_module(after)
    body = []
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1 \
                and isinstance(node := statement.body[0], (cst.Import, cst.ImportFrom)) \
                and not isinstance(node.names, cst.ImportStar):
            kept = [a for a in node.names if _bound_name(a) not in dead]
            if not kept:
                continue
            if len(kept) != len(node.names):
                kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
                statement = statement.with_changes(body=[node.with_changes(names=kept)])
        body.append(statement)
    return module.with_changes(body=body).code


def _bound_name(alias: cst.ImportAlias) -> str:
    if alias.asname is not None:
        assert isinstance(alias.asname.name, cst.Name)  # what `as` binds in an import
        return alias.asname.name.value
    return dotted(alias.name).split(".")[0]


def _usage(source: str) -> dict[str, int]:
    """How often each name imported at module level is read, `__all__` included."""
    tree = ast.parse(source)
    imported = set()
    for statement in tree.body:
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            for alias in statement.names:
                imported.add(alias.asname or alias.name.split(".")[0])
    counts = dict.fromkeys(imported, 0)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in counts and isinstance(node.ctx, ast.Load):
            counts[node.id] += 1
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in counts:
            counts[node.value] += 1  # exported through __all__, or a string annotation
    return counts
