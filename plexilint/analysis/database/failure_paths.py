"""The failure paths of one function: its try/except blocks and its ``if not db_available:``
branches, with what they raise, return and call."""

from __future__ import annotations

import ast
import re

from plexilint.analysis.database.facts import Handler, TryBlock, UnavailableBranch
from plexilint.analysis.database.origins import Scope
from plexilint.analysis.scope_nodes import ScopeNodes, own_nodes
from plexilint.analysis.database.responses import fabricated_reason, status_codes
from plexilint.analysis.nodes import dotted_name, span_of, walk
from plexilint.model import Span

_UNAVAILABLE_TEST = re.compile(r"unavailable|available|healthy|connected|is_up|is_down|offline|online|down",
                               re.IGNORECASE)
_DATABASE_WORDS = re.compile(r"db|database|sql|postgres|mysql|mongo|redis|vector|qdrant|chroma|store|storage|"
                             r"client|connection|engine|session|pool", re.IGNORECASE)


def _tested_availability(test: ast.expr, scope: Scope) -> tuple[str, ...] | None:
    """Whether an ``if`` tests that a database is available: () when its words say so, the
    origins of the tested value for ``if self.client is None:`` (a database handle only if
    the rules say so), None when it tests something else."""
    text = scope.context.text.segment(test)
    if _UNAVAILABLE_TEST.search(text):  # ...about a database, not `product.available`
        if _DATABASE_WORDS.search(text):
            return ()
        found = set().union(*(scope.origins(n) for n in walk(test) if isinstance(n, (ast.Name, ast.Attribute))))
        return tuple(sorted(found)) or None
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Is):
        right = test.comparators[0]
        if isinstance(right, ast.Constant) and right.value is None:
            return tuple(sorted(scope.origins(test.left))) or None
    return None


def _fabricated_returns(body: list[ast.stmt]) -> tuple[tuple[Span, str], ...]:
    """(span of the returned value, why it is made up) of each return of made-up data."""
    found = []
    for node in own_nodes(body):
        if isinstance(node, ast.Return) and node.value is not None:
            reason = fabricated_reason(node.value)
            if reason:
                found.append((span_of(node.value), reason))
    return tuple(found)


def _caught_types(handler: ast.ExceptHandler, scope: Scope) -> tuple[str, ...]:
    """Resolved dotted names of what the handler catches; () for a bare ``except:``."""
    if handler.type is None:
        return ()
    types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return tuple(scope.context.resolve(dotted_name(t) or "", {}) or dotted_name(t) or "?" for t in types)


def _handler(handler: ast.ExceptHandler, scope: Scope) -> Handler:
    reraises = raises = False
    calls = []
    for node in own_nodes(handler.body):
        if isinstance(node, ast.Raise):
            raises = True
            if node.exc is None or (isinstance(node.exc, ast.Name) and node.exc.id == handler.name):
                reraises = True
        elif isinstance(node, ast.Call):
            calls.append(dotted_name(node.func) or "")
    codes = sorted({code for stmt in handler.body for code in status_codes(stmt)})
    return Handler(span_of(handler), handler.end_lineno or handler.lineno, _caught_types(handler, scope), reraises,
                   raises, tuple(codes), tuple(c for c in calls if c), _fabricated_returns(handler.body))


def _end_line(body: list[ast.stmt]) -> int:
    return max((s.end_lineno or s.lineno) for s in body)


def failure_paths(nodes: ScopeNodes, scope: Scope, function: str,
                  tries: list[TryBlock], branches: list[UnavailableBranch]) -> None:
    """Appends the try blocks and unavailable-database branches among ``nodes``."""
    for try_node in nodes.tries:
        handlers = tuple(_handler(h, scope) for h in try_node.handlers)
        tries.append(TryBlock(span_of(try_node), _end_line(try_node.body), handlers, function))
    for if_node in nodes.ifs:
        sources = _tested_availability(if_node.test, scope)
        if sources is not None:
            branches.append(UnavailableBranch(span_of(if_node), _end_line(if_node.body),
                                              _fabricated_returns(if_node.body), function, sources))
