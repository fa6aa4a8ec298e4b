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


# Keys of a status or error payload: `{"error": ...}`, `{"success": False, "message": ...}`,
# `{"status": "unhealthy", "database": "down"}`. Such a dict tells the caller what happened.
_STATUS_KEYS = frozenset({
    "status", "success", "ok", "message", "msg", "detail", "details", "error", "errors", "error_code",
    "error_type", "error_message", "code", "reason", "healthy", "health", "state", "timestamp", "service",
    "database", "databases", "db", "retry_after", "available", "connected", "type", "title", "exception",
    "deleted", "updated", "created", "saved", "result",
})
_ERROR_KEYS = frozenset({"error", "errors", "error_code", "error_type", "error_message", "exception", "detail"})
_FAILURE_WORDS = re.compile(r"error|fail|unhealthy|degraded|down|unavailable|disconnected|offline", re.IGNORECASE)


def _says_failure(key: str, value: ast.AST) -> bool:
    if key in _ERROR_KEYS:
        return True
    if not isinstance(value, ast.Constant):
        return False
    if key in ("success", "ok", "healthy", "available", "connected"):
        return value.value is False
    return key in ("status", "state", "health") and isinstance(value.value, str) \
        and bool(_FAILURE_WORDS.search(value.value))


def is_status_payload(value: ast.AST) -> bool:
    """A status or an error, not data: a ``(False, ...)`` result, or a dict whose keys are
    all status keys, or that says it failed and holds nothing else but ``None``."""
    if isinstance(value, ast.Tuple):
        # `return False, 0, "Import aborted", failed_rows`: a (success, ...) result
        return bool(value.elts) and isinstance(value.elts[0], ast.Constant) and value.elts[0].value is False
    pairs = _string_keyed(value)
    if not pairs:
        return False
    if all(key in _STATUS_KEYS for key, _ in pairs):
        return True
    return any(_says_failure(key, v) for key, v in pairs) and all(
        key in _STATUS_KEYS or (isinstance(v, ast.Constant) and v.value is None) for key, v in pairs)


def _string_keyed(value: ast.AST) -> list[tuple[str, ast.AST]]:
    """(lower-cased key, value) of a dict literal whose keys are all strings; [] otherwise."""
    if not isinstance(value, ast.Dict):
        return []
    pairs: list[tuple[str, ast.AST]] = []
    for key, item in zip(value.keys, value.values):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            return []
        pairs.append((key.value.lower(), item))
    return pairs


def fabricated_reason(value: ast.AST | None) -> str | None:
    """Why a returned value is made-up data, or None. Empty containers and status or error
    payloads are not."""
    if value is None:
        return None
    if isinstance(value, ast.Await):
        value = value.value
    if is_status_payload(value):
        return None
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


def _status_candidates(call: ast.Call) -> list[ast.expr]:
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
