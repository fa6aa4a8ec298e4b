"""Text that says a module holds fallbacks: a comment at column 0, the module docstring or a
log call directly in the module saying "fallback"; and ``# type: ignore`` on a definition line
(how type checkers are told that a name is defined twice, the real one and the stand-in)."""

from __future__ import annotations

import ast
import re

from plexilint.analysis.comments import scanned_comments, tokenized_comments
from plexilint.analysis.nodes import TRY_TYPES

FALLBACK_WORD = re.compile(r"\bfall-?backs?\b", re.IGNORECASE)
# Bare, or naming the redefinition error: `[misc]` or `[override]` say something else.
_REDEFINITION_IGNORE = re.compile(r"#\s*type:\s*ignore(?:\[[^\]]*no-redef[^\]]*\]|(?![\[\w]))")


_DENIED = re.compile(r"\b(?:not|no|never|without)\s+(?:an?\s+|the\s+|any\s+)?fall-?backs?\b", re.IGNORECASE)


def says_fallback(text: str) -> bool:
    """The text mentions fallbacks, and not to deny it ("not a fallback")."""
    return FALLBACK_WORD.search(text) is not None and _DENIED.search(text) is None


def _comments(source: str) -> list[tuple[int, bool, str]]:
    """(line, whether it starts its line at column 0, text) of every comment; those read so
    far when the text does not tokenize. An indented comment speaks for its block."""
    comments = scanned_comments(source)
    if comments is None:
        comments, _ = tokenized_comments(source)
    return [(line, column == 0, text) for line, column, text in comments]


def _first_body_line(node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> int:
    """The first line holding only the body (``def f(): pass`` has none: the line after)."""
    first = node.body[0]
    before = lines[first.lineno - 1][:first.col_offset] if first.lineno <= len(lines) else ""
    return first.lineno if first.lineno > node.lineno and not before.strip() else first.lineno + 1


def _may_hold_marker_comment(text: str) -> bool:
    """A line that starts with ``#`` and says fallback (tokenizing tells whether it is a comment
    or part of a string)."""
    return any(line.startswith("#") and says_fallback(line) for line in text.splitlines())


def _module_level_text(tree: ast.Module, source: str) -> str:
    """The source with the bodies of module-level functions and classes blanked out (their
    header lines kept): what is left to tokenize is the module's own code and comments, a small
    part of most files."""
    lines = source.splitlines(keepends=True)
    for node in module_level_definitions(tree.body):
        for number in range(_first_body_line(node, lines), min(node.end_lineno or 0, len(lines)) + 1):
            lines[number - 1] = "\n"
    return "".join(lines)


def module_level_definitions(body: list[ast.stmt]) -> list[ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef]:
    """Definitions at module level, in the branches of ``if``/``try`` included."""
    return [s for s in _module_level_statements(body) if isinstance(s, (ast.ClassDef, ast.FunctionDef,
                                                                          ast.AsyncFunctionDef))]


def _module_level_statements(body: list[ast.stmt]) -> list[ast.stmt]:
    """Statements at module level, in the branches of ``if``/``try`` included."""
    found: list[ast.stmt] = []
    pending = list(body)
    while pending:
        stmt = pending.pop()
        found.append(stmt)
        if isinstance(stmt, ast.If):
            pending.extend([*stmt.body, *stmt.orelse])
        elif isinstance(stmt, TRY_TYPES):
            pending.extend([*stmt.body, *stmt.orelse, *stmt.finalbody])
            for handler in stmt.handlers:
                pending.extend(handler.body)
    return found


class ModuleMarkers:
    """The module's fallback markers (lines), and the definition lines carrying a redefinition
    ``# type: ignore``. Tokenizes only sources that contain one of the words."""

    def __init__(self, tree: ast.Module, source: str, log_methods: set[str]) -> None:
        self.lines: list[int] = []
        self.ignored_redefinitions: set[int] = set()
        docstring = ast.get_docstring(tree, clean=False)
        if docstring and says_fallback(docstring):
            self.lines.append(tree.body[0].lineno)
        lowered = source.lower()
        wants_words = "fallback" in lowered or "fall-back" in lowered
        wants_ignores = ("type: ignore" in source or "type:ignore" in source) \
            and _REDEFINITION_IGNORE.search(source) is not None
        if wants_words:
            # Directly in the module: a log call in an `except ImportError:` speaks for that branch.
            self.lines.extend(s.lineno for s in tree.body if logs_fallback(s, log_methods))
        if wants_words or wants_ignores:
            self._read_comments(_module_level_text(tree, source), wants_words, wants_ignores)
        self.lines.sort()

    def _read_comments(self, module_text: str, wants_words: bool, wants_ignores: bool) -> None:
        if not (wants_ignores or _may_hold_marker_comment(module_text)):
            return  # tokenizing costs: only when a line may be a marker comment
        for line, alone, text in _comments(module_text):
            # A comment of its own at module level speaks for the module; one after code, for
            # that line (`class EventError(Exception):  # not a fallback stub`).
            if wants_words and alone and says_fallback(text):
                self.lines.append(line)
            if wants_ignores and _REDEFINITION_IGNORE.search(text):
                self.ignored_redefinitions.add(line)


def _string_parts(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    return []


def logs_fallback(stmt: ast.stmt, log_methods: set[str]) -> bool:
    """``logger.warning("Using fallback implementations")``, ``print(...)``, ``warnings.warn(...)``."""
    if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)):
        return False
    call = stmt.value
    func = call.func
    callee = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if callee not in log_methods and callee not in ("print", "warn"):
        return False
    return any(says_fallback(text) for arg in call.args for text in _string_parts(arg))


def walk_statements(body: list[ast.stmt]) -> list[ast.AST]:
    """Every node of ``body`` that runs in its scope: nested functions and classes are
    included but not their bodies."""
    found: list[ast.AST] = []
    pending: list[ast.AST] = list(body)
    while pending:
        node = pending.pop()
        found.append(node)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        pending.extend(ast.iter_child_nodes(node))
    return found
