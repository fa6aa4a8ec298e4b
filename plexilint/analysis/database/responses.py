"""What a failure path answers: made-up data, HTTP status codes."""

from __future__ import annotations

import ast
import re

from plexilint.analysis.nodes import dotted_name, last_part, walk

_FABRICATED_WORDS = re.compile(r"mock|fake|dummy|stub|sample_data|placeholder", re.IGNORECASE)
_NOT_DATA_SUFFIXES = ("Response", "Exception", "Error")  # an error response is not made-up data
_STATUS_ATTRIBUTE = re.compile(r"HTTP_(\d{3})")
_STATUS_CALLEES = ("HTTPException", "JSONResponse", "Response", "abort")  # status as first argument


def _made_up(node: ast.AST) -> bool:
    """Built in the code from constants, f-strings and plain names: nothing was fetched."""
    if isinstance(node, (ast.Constant, ast.JoinedStr, ast.Name)):
        return True
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_made_up(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _made_up(k) for k in node.keys) and all(_made_up(v) for v in node.values)
    if isinstance(node, ast.UnaryOp):
        return _made_up(node.operand)
    return False


def _has_constant_value(node: ast.AST) -> bool:
    """A constant among the values (dict keys alone do not make data up)."""
    if isinstance(node, (ast.Constant, ast.JoinedStr)):
        return True
    if isinstance(node, ast.Dict):
        return any(_has_constant_value(v) for v in node.values)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return any(_has_constant_value(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp):
        return _has_constant_value(node.operand)
    return False


def _is_literal_data(value: ast.AST) -> bool:
    """A non-empty container literal of made-up values: ``{"status": "ok", "items": []}``."""
    if not isinstance(value, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
        return False
    elements = value.keys if isinstance(value, ast.Dict) else value.elts
    return bool(elements) and _made_up(value) and _has_constant_value(value)


def _built_from_literals(call: ast.Call, name: str) -> bool:
    """``User(id=0, name="demo")``: a class (not a response or error) given only literals."""
    if not last_part(name)[:1].isupper() or name.endswith(_NOT_DATA_SUFFIXES):
        return False
    arguments = [*call.args, *(k.value for k in call.keywords)]
    return bool(arguments) and all(_made_up(a) for a in arguments) and any(map(_has_constant_value, arguments))


def fabricated_reason(value: ast.AST | None) -> str | None:
    """Why a returned value is made-up data, or None. Empty containers are not."""
    if value is None:
        return None
    if isinstance(value, ast.Await):
        value = value.value
    if _is_literal_data(value):
        return "a literal built in the code"
    name = dotted_name(value.func if isinstance(value, ast.Call) else value) or ""
    if name and _FABRICATED_WORDS.search(last_part(name)):
        return f"`{name}`"
    if isinstance(value, ast.Call) and _built_from_literals(value, name):
        return f"a `{name}` built from literals"
    return None


def _status_code(candidate: ast.AST) -> int | None:
    """``503`` or ``status.HTTP_503_SERVICE_UNAVAILABLE``; not ``True`` (a bool is an int)."""
    if isinstance(candidate, ast.Constant):
        value = candidate.value
        return value if type(value) is int and 100 <= value <= 599 else None
    match = _STATUS_ATTRIBUTE.search(dotted_name(candidate) or "")
    return int(match.group(1)) if match else None


def _status_candidates(call: ast.Call) -> list[ast.AST]:
    candidates = [k.value for k in call.keywords if k.arg in ("status_code", "status")]
    if last_part(dotted_name(call.func)) in _STATUS_CALLEES and call.args:
        candidates.append(call.args[0])
    return candidates


def status_codes(node: ast.AST) -> list[int]:
    """HTTP statuses raised or returned anywhere in ``node``."""
    codes = []
    for inner in walk(node):
        if isinstance(inner, ast.Call):
            for candidate in _status_candidates(inner):
                code = _status_code(candidate)
                if code is not None:
                    codes.append(code)
    return codes
