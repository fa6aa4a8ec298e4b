"""Which imported names a module reads in annotations only (``def f(s: Session)``): importing a
driver for its types does not reach the database.

Annotations are found from the statements alone. Whether a name is also read elsewhere is
first asked of the text: every read of a name spells it, so when the name's words in the source
are just those of its annotations and imports, nothing else reads it. When the text cannot tell
(the word also appears in code, a comment or a string), only the nodes on the lines that spell
it are visited. A walk of every node instead was a third of the database facts' time on typed
code.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left
from collections.abc import Iterable

from plexilint.analysis.nodes import child_nodes, statements, walk

Function = ast.FunctionDef | ast.AsyncFunctionDef


def annotation_only_names(tree: ast.Module, source: str, names: Iterable[str]) -> frozenset[str]:
    """Those of ``names`` read at least once, and only, in annotations (parameters, returns,
    annotated assignments, and module-level ``Alias = Annotated[...]``-style subscripts)."""
    every_statement = statements(tree)
    in_annotations = _name_counts(_annotations(tree, every_statement), set(names))
    if not in_annotations:
        return frozenset()
    undecided = set(in_annotations)
    # Identifiers are NFKC-normalised by the parser: only in ASCII text is a name its spelling.
    readable = source.isascii() and "\r" not in source
    if readable:
        # A substring count (in C) is at least the word count, which is at least the expected
        # count: when it equals the expected count, so does the word count.
        in_imports = _import_word_counts(every_statement, undecided)
        undecided = {name for name in undecided
                     if source.count(name) != in_annotations[name] + in_imports.get(name, 0)}
    decided = set(in_annotations) - undecided
    if undecided:
        everywhere = _loaded_name_counts(tree, undecided, _lines_spelling(source, undecided) if readable else None)
        decided |= {name for name in undecided if everywhere.get(name, 0) <= in_annotations[name]}
    return frozenset(decided)


def _annotations(tree: ast.Module, every_statement: list[ast.stmt]) -> list[ast.expr]:
    """Annotations only sit on function definitions and annotated assignments, both statements
    (a lambda's parameters cannot be annotated)."""
    found: list[ast.expr] = []
    for stmt in every_statement:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found += _signature_annotations(stmt)
        elif isinstance(stmt, ast.AnnAssign):
            found.append(stmt.annotation)
    # `SessionDep = Annotated[AsyncSession, ...]` is a type alias.
    found += [s.value for s in tree.body if isinstance(s, ast.Assign) and isinstance(s.value, ast.Subscript)]
    return found


def _signature_annotations(function: Function) -> list[ast.expr]:
    args = function.args
    parameters = [*args.posonlyargs, *args.args, args.vararg, *args.kwonlyargs, args.kwarg]
    found = [p.annotation for p in parameters if p is not None and p.annotation is not None]
    return found + [function.returns] if function.returns is not None else found


def _name_counts(nodes: list[ast.expr], wanted: set[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for annotation in nodes:
        for node in walk(annotation):
            if isinstance(node, ast.Name) and node.id in wanted:
                counts[node.id] = counts.get(node.id, 0) + 1
    return counts


def _words_pattern(names: set[str]) -> str:
    return r"\b(?:" + "|".join(re.escape(name) for name in sorted(names)) + r")\b"


def _lines_spelling(source: str, names: set[str]) -> list[int]:
    """The lines (sorted) where one of ``names`` is spelled as a word."""
    lines: list[int] = []
    line, position = 1, 0
    for match in re.finditer(_words_pattern(names), source):
        line += source.count("\n", position, match.start())
        position = match.start()
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def _import_word_counts(every_statement: list[ast.stmt], names: set[str]) -> dict[str, int]:
    """How often each of ``names`` is spelled by import statements (module paths, imported
    names, `as` names): those words are not reads."""
    counts: dict[str, int] = {}
    for stmt in every_statement:
        if not isinstance(stmt, (ast.Import, ast.ImportFrom)):
            continue
        words = stmt.module.split(".") if isinstance(stmt, ast.ImportFrom) and stmt.module else []
        for alias in stmt.names:
            words += alias.name.split(".")
            if alias.asname:
                words.append(alias.asname)
        for word in words:
            if word in names:
                counts[word] = counts.get(word, 0) + 1
    return counts


def _loaded_name_counts(tree: ast.Module, names: set[str], lines: list[int] | None) -> dict[str, int]:
    """Reads of ``names`` in the module; with ``lines`` (every line spelling one of them), the
    nodes on other lines are not visited."""
    counts: dict[str, int] = {}
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if lines is not None and not _on_lines(node, lines):
            continue
        if type(node) is ast.JoinedStr:  # positions inside f-strings are unreliable before 3.12
            for inner in walk(node):
                _count_read(inner, names, counts)
        elif type(node) is ast.Name:
            _count_read(node, names, counts)
        else:
            stack.extend(child_nodes(node))
    return counts


def _count_read(node: ast.AST, names: set[str], counts: dict[str, int]) -> None:
    if type(node) is ast.Name and node.id in names and type(node.ctx) is ast.Load:
        counts[node.id] = counts.get(node.id, 0) + 1


def _on_lines(node: ast.AST, lines: list[int]) -> bool:
    """Whether the node's lines include one of ``lines``; a node without a position may."""
    first = getattr(node, "lineno", None)
    if first is None:
        return True
    decorators = getattr(node, "decorator_list", None)  # above the `def` or `class` line
    if decorators:
        first = min(first, *(d.lineno for d in decorators))
    index = bisect_left(lines, first)
    return index < len(lines) and lines[index] <= (getattr(node, "end_lineno", None) or first)
