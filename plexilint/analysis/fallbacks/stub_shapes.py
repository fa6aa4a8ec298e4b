"""Which definitions are placeholder stubs, and of which kind, judged from their AST alone."""

from __future__ import annotations

import ast
import builtins
from typing import TypeGuard

from plexilint.analysis.fallbacks.facts import (
    CONSTANT_HOLDER,
    EMPTY_CLASS,
    IDENTITY_DECORATOR,
    KWARGS_BAG_CLASS,
    LITERAL_HANDLER,
    NO_OP_FUNCTION,
)
from plexilint.analysis.nodes import dotted_name, last_part
from plexilint.analysis.shapes import strip_docstring

_INTENTIONAL_BASES = {"Protocol", "ABC", "Generic", "NamedTuple", "TypedDict"}
ENUM_BASES = {"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "str", "int", "object"}
_INTENTIONAL_DECORATORS = {"abstractmethod", "overload", "abstractproperty"}
_TRIVIAL_METHOD_DECORATORS = {"staticmethod", "classmethod"}
_BUILTIN_EXCEPTIONS = {name for name, value in vars(builtins).items()
                       if isinstance(value, type) and issubclass(value, BaseException)}

Function = ast.FunctionDef | ast.AsyncFunctionDef


def _is_literal(node: ast.AST | None) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_is_literal(item) for item in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _is_literal(k) for k in node.keys) and all(map(_is_literal, node.values))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return isinstance(node.operand, ast.Constant)
    return False


def _is_empty_value(node: ast.AST | None) -> bool:
    """``None``, ``[]``, ``{}``, ``()``, ``False``, ``0``, ``""``: what a no-op returns."""
    if node is None:
        return True
    if isinstance(node, ast.Constant):
        return node.value in (None, False, 0, "") and not isinstance(node.value, float)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return not node.elts
    if isinstance(node, ast.Dict):
        return not node.keys
    return False


def _is_ellipsis(stmt: ast.stmt) -> bool:
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and stmt.value.value is Ellipsis


def _is_trivial_body(body: list[ast.stmt]) -> bool:
    body = strip_docstring(body)
    if not body:
        return True
    if len(body) != 1:
        return False
    stmt = body[0]
    if isinstance(stmt, ast.Pass) or _is_ellipsis(stmt):
        return True
    return isinstance(stmt, ast.Return) and _is_empty_value(stmt.value)


def _has_parameters(node: Function) -> bool:
    args = node.args
    return bool(args.posonlyargs or args.args or args.vararg or args.kwonlyargs or args.kwarg)


def _decorator_names(node: Function | ast.ClassDef) -> set[str]:
    names = set()
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        names.add(last_part(dotted_name(target)))
    return names


def _is_trivial_method(node: ast.stmt) -> bool:
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    if _decorator_names(node) - _TRIVIAL_METHOD_DECORATORS:
        return False
    return _is_trivial_body(node.body)


# -- kwargs bags: `def __init__(self, **kwargs)` that stores every keyword ----------------------

def _has_kwargs_bag_signature(node: ast.stmt) -> TypeGuard[ast.FunctionDef]:
    """``def __init__(self, **kwargs)`` (or ``(self, /, **kwargs)``), undecorated."""
    if not isinstance(node, ast.FunctionDef) or node.name != "__init__" or node.decorator_list:
        return False
    args = node.args
    positional = len(args.posonlyargs) + len(args.args)
    return bool(args.kwarg) and not args.vararg and positional == 1 and not args.kwonlyargs


def _updates_dict_from(stmt: ast.stmt, self_name: str, kwargs: str) -> bool:
    """``self.__dict__.update(kwargs)``."""
    if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)):
        return False
    call = stmt.value
    return (
        dotted_name(call.func) == f"{self_name}.__dict__.update"
        and len(call.args) == 1
        and isinstance(call.args[0], ast.Name)
        and call.args[0].id == kwargs
    )


def _sets_attributes_from(stmt: ast.stmt, kwargs: str) -> bool:
    """``for key, value in kwargs.items(): setattr(self, key, value)``."""
    if not (isinstance(stmt, ast.For) and isinstance(stmt.iter, ast.Call) and len(stmt.body) == 1):
        return False
    inner = stmt.body[0]
    return (
        dotted_name(stmt.iter.func) == f"{kwargs}.items"
        and isinstance(inner, ast.Expr)
        and isinstance(inner.value, ast.Call)
        and dotted_name(inner.value.func) == "setattr"
    )


def _is_kwargs_bag_init(node: ast.stmt) -> bool:
    if not _has_kwargs_bag_signature(node):
        return False
    body = strip_docstring(node.body)
    if len(body) != 1:
        return False
    assert node.args.kwarg is not None  # the kwargs-bag signature has `**kwargs`
    self_name, kwargs = [*node.args.posonlyargs, *node.args.args][0].arg, node.args.kwarg.arg
    return _updates_dict_from(body[0], self_name, kwargs) or _sets_attributes_from(body[0], kwargs)


def _is_constant_assignment(node: ast.stmt) -> bool:
    if isinstance(node, ast.Assign):
        if len(node.targets) != 1:
            return False
        target = node.targets[0]
    elif isinstance(node, ast.AnnAssign):
        target = node.target
    else:
        return False
    value = node.value
    return (
        isinstance(target, ast.Name)
        and isinstance(value, ast.Constant)
        and isinstance(value.value, (str, int))
        and not isinstance(value.value, bool)
    )


# -- exception classes differing only in literals -------------------------------------------

def _is_literal_class_attribute(stmt: ast.stmt) -> bool:
    if not isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        return False
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
    return all(isinstance(t, ast.Name) for t in targets) and _is_literal(stmt.value)


def _forwards_or_copies(stmt: ast.stmt) -> bool:
    """``super().__init__(...)`` or ``Base.__init__(self, ...)``; ``self.x = x`` or a literal."""
    if isinstance(stmt, ast.Pass):
        return True
    if isinstance(stmt, ast.Expr):
        call = stmt.value
        return isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "__init__"
    return isinstance(stmt, ast.Assign) and all(isinstance(t, ast.Attribute) for t in stmt.targets) \
        and (isinstance(stmt.value, ast.Name) or _is_literal(stmt.value))


def _is_literal_forwarding_init(stmt: ast.stmt) -> bool:
    """An ``__init__`` with literal defaults that only forwards them (or stores them)."""
    if not isinstance(stmt, ast.FunctionDef) or stmt.name != "__init__" or stmt.decorator_list:
        return False
    defaults = [*stmt.args.defaults, *(d for d in stmt.args.kw_defaults if d is not None)]
    if not defaults or not all(_is_literal(d) for d in defaults):
        return False
    return all(_forwards_or_copies(inner) for inner in strip_docstring(stmt.body))


def is_literal_exception_body(body: list[ast.stmt]) -> bool:
    """Class attributes of literals and/or an ``__init__`` with literal defaults that only
    forwards to ``super().__init__``: an exception differing from its siblings in literals."""
    has_literal = False
    for stmt in strip_docstring(body):
        if isinstance(stmt, ast.Pass):
            continue
        if not (_is_literal_class_attribute(stmt) or _is_literal_forwarding_init(stmt)):
            return False
        has_literal = True
    return has_literal


def is_exception_class(bases: list[str], known_exceptions: set[str]) -> bool:
    return any(
        base in known_exceptions
        or base.endswith(("Error", "Exception", "Warning"))
        or base in _BUILTIN_EXCEPTIONS  # `SystemExit`, `KeyboardInterrupt`, `StopIteration`...
        for base in bases
    )


# -- the kind of a stub ---------------------------------------------------------------------

def _is_intentional(node: ast.ClassDef, bases: list[str]) -> bool:
    """Decorated, parametrised (``metaclass=``), a protocol or ABC, or declaring abstract or
    overloaded methods: a deliberate interface, not a placeholder."""
    if node.decorator_list or node.keywords or set(bases) & _INTENTIONAL_BASES:
        return True
    return any(_decorator_names(s) & _INTENTIONAL_DECORATORS for s in strip_docstring(node.body)
               if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)))


def _is_placeholder_body(body: list[ast.stmt]) -> bool:
    """Only ``pass``, ``...`` and methods that do nothing."""
    return all(isinstance(s, ast.Pass) or _is_trivial_method(s) or _is_ellipsis(s) for s in body)


def _is_kwargs_bag_body(body: list[ast.stmt]) -> bool:
    return any(_is_kwargs_bag_init(s) for s in body) and all(
        _is_kwargs_bag_init(s) or _is_trivial_method(s) or isinstance(s, ast.Pass) for s in body)


def _is_constant_holder(bases: list[str], body: list[ast.stmt]) -> bool:
    return set(bases) <= ENUM_BASES and len(body) >= 2 and all(map(_is_constant_assignment, body))


def class_stub_kind(node: ast.ClassDef, bases: list[str], fallback: bool) -> str | None:
    """The stub kind of a class that is not an exception, or None. ``fallback``: it stands in
    for an unavailable import."""
    if _is_intentional(node, bases):
        return None
    body = strip_docstring(node.body)
    plain = not bases or bases == ["object"]
    if plain and _is_placeholder_body(body):
        # A bare `class X: pass` is as often a sentinel or namespace as a placeholder; a private
        # class of do-nothing methods is a helper (`class _C: def _m(self): pass`, to get the
        # bound-method type) or a module's own null object, not a stand-in others import.
        if fallback:
            return EMPTY_CLASS
        has_methods = any(_is_trivial_method(s) for s in body)
        return EMPTY_CLASS if has_methods and not node.name.startswith("_") else None
    if plain and _is_kwargs_bag_body(body):
        return KWARGS_BAG_CLASS
    if _is_constant_holder(bases, body):
        # Real Enum classes are only stubs when they stand in for an unavailable import.
        return CONSTANT_HOLDER if plain or fallback else None
    return None


def returns_its_argument(func: ast.stmt) -> TypeGuard[ast.FunctionDef]:
    """``def decorator(func): return func``."""
    if not isinstance(func, ast.FunctionDef) or func.decorator_list or len(func.args.args) != 1:
        return False
    inner = strip_docstring(func.body)
    return (
        len(inner) == 1
        and isinstance(inner[0], ast.Return)
        and isinstance(inner[0].value, ast.Name)
        and inner[0].value.id == func.args.args[0].arg
    )


def _is_identity_decorator(node: Function, body: list[ast.stmt], allow_plain: bool) -> bool:
    if isinstance(node, ast.AsyncFunctionDef):
        return False
    if returns_its_argument(node):  # def decorator(func): return func
        return allow_plain
    # def factory(*args, **kwargs): def decorator(func): return func; return decorator
    return (
        len(body) == 2
        and returns_its_argument(body[0])
        and isinstance(body[1], ast.Return)
        and isinstance(body[1].value, ast.Name)
        and body[1].value.id == body[0].name
    )


def _returns_literal_dict(body: list[ast.stmt]) -> bool:
    if len(body) != 1 or not isinstance(body[0], ast.Return):
        return False
    value = body[0].value
    return isinstance(value, ast.Dict) and bool(value.keys) and _is_literal(value)


def function_stub_kind(node: Function, fallback: bool) -> str | None:
    """The stub kind of a module-level function, or None."""
    if node.decorator_list:
        return None
    body = strip_docstring(node.body)
    # Accepting anything and ignoring it is the hallmark of a placeholder; a no-op with a
    # precise signature is usually a deliberate hook, unless it stands in for an import.
    accepts_anything = node.args.vararg is not None and node.args.kwarg is not None
    if _is_trivial_body(node.body):
        return NO_OP_FUNCTION if accepts_anything or fallback else None
    if _is_identity_decorator(node, body, allow_plain=accepts_anything or fallback):
        return IDENTITY_DECORATOR
    if _returns_literal_dict(body) and _has_parameters(node):
        return LITERAL_HANDLER
    return None

