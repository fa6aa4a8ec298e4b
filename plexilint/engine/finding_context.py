"""Where a finding sits in its file's source, described without line numbers: the qualified
name of the enclosing ``def``/``class`` and the normalised code of the finding's lines. A
baseline keys findings on these, so edits elsewhere in the file do not disturb them."""

from __future__ import annotations

import ast
import bisect
import re
from pathlib import Path

from plexilint.engine.facts import decode_source, parse_source
from plexilint.engine.sources import read_file_bytes
from plexilint.model import Span
from plexilint.analysis.source import source_lines

_MODULE = ""  # the enclosing symbol of module-level code
_SPACE_BY_PUNCTUATION = re.compile(r" ?([^\w\s]) ?")


def normalise(text: str) -> str:
    """Whitespace collapsed, and dropped next to punctuation: re-indenting, re-wrapping or
    re-spacing a line (``f(a,b)``, ``f( a, b )``) keeps its identity."""
    return _SPACE_BY_PUNCTUATION.sub(r"\1", " ".join(text.split()))


def is_whole_module(span: Span) -> bool:
    """Module-level findings (size, maintainability) sit at 1:0 with no end: line 1 holds
    whatever comes first in the file, not the code the finding is about."""
    return span.line == 1 and span.column == 0 and span.end_line is None


class SourceContext:
    """One file's source, indexed for describing findings in it."""

    def __init__(self, data: bytes, filename: str = "<unknown>") -> None:
        try:
            text = decode_source(data)
        except (UnicodeDecodeError, SyntaxError, LookupError):
            text = data.decode("utf-8", "replace")
        self.lines = source_lines(text)
        tree = parse_source(text, filename)
        # (first line with decorators, last line, nesting depth, qualified name) per def/class
        self._scopes: list[tuple[int, int, int, str]] = []
        # (first line, last line, compound) per statement, sorted by first line
        self._statements: list[tuple[int, int, bool]] = []
        if isinstance(tree, ast.Module):
            self._index_scopes(tree.body, "", 0)
            self._statements = sorted(
                (node.lineno, node.end_lineno or node.lineno, _is_compound(node))
                for node in ast.walk(tree) if isinstance(node, ast.stmt))
        self._starts = [first for first, _, _ in self._statements]

    def _index_scopes(self, body: list[ast.stmt], prefix: str, depth: int) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{node.name}"
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                self._scopes.append((first, node.end_lineno or node.lineno, depth, name))
                self._index_scopes(node.body, f"{name}.", depth + 1)
            else:
                for child in _child_bodies(node):
                    self._index_scopes(child, prefix, depth)

    def enclosing_symbol(self, line: int) -> str:
        """The innermost def or class whose lines (decorators included) hold ``line``."""
        holding = [(depth, name) for first, last, depth, name in self._scopes if first <= line <= last]
        return max(holding)[1] if holding else _MODULE

    def scope_lines(self, line: int) -> tuple[int, int] | None:
        """The first and last line (decorators included) of the innermost def or class holding
        ``line``: where a complexity finding on its ``def`` line really is."""
        holding = [(depth, first, last) for first, last, depth, _ in self._scopes if first <= line <= last]
        return max(holding)[1:] if holding else None

    def code_of(self, span: Span) -> str:
        """The normalised code of the finding's lines: from its first line to its end, but
        within one simple statement. A finding on a compound statement (a class, a long
        ``if`` chain) keeps only its first line, so edits in the body leave it alone."""
        if is_whole_module(span):
            return ""
        first = span.line
        last = max(first, span.end_line or first)
        statement = self._innermost_statement(first)
        if statement is None or statement[2]:
            last = first
        else:
            last = min(last, statement[1])
        return normalise(" ".join(self.lines[first - 1:last]))

    def _innermost_statement(self, line: int) -> tuple[int, int, bool] | None:
        # Statements starting at or before the line, latest first: the first one that still
        # covers the line is the innermost.
        for position in range(bisect.bisect_right(self._starts, line) - 1, -1, -1):
            statement = self._statements[position]
            if statement[1] >= line:
                return statement
        return None


def _is_compound(node: ast.stmt) -> bool:
    return isinstance(getattr(node, "body", None), list) or hasattr(node, "cases")


def _child_bodies(node: ast.stmt) -> list[list[ast.stmt]]:
    """The statement lists nested in a compound statement that is not a def or class (an
    ``if`` around a definition, a ``try`` with a fallback class)."""
    bodies = [getattr(node, name, None) for name in ("body", "orelse", "finalbody")]
    bodies += [handler.body for handler in getattr(node, "handlers", [])]
    bodies += [case.body for case in getattr(node, "cases", [])]
    return [body for body in bodies if isinstance(body, list)]


class SourceContexts:
    """Each file read from disk (or from ``buffers``, an editor's unsaved text, by absolute
    posix path) and indexed once, however many findings it has."""

    def __init__(self, buffers: dict[str, bytes] | None = None) -> None:
        self._by_path: dict[str, SourceContext] = {}
        self._buffers = buffers or {}

    def __getitem__(self, path: str) -> SourceContext:
        if path not in self._by_path:
            try:
                data = self._buffers[path] if path in self._buffers else read_file_bytes(Path(path))
            except OSError:
                data = b""
            self._by_path[path] = SourceContext(data, path)
        return self._by_path[path]
