"""Cohesion facts (LCOM4, PLX405): what each method of a class uses of `self`, gathered during
the complexity family's single walk, and the groups of methods they form."""

from __future__ import annotations

import ast

from plexilint.analysis.nodes import is_self_attribute

class MethodLinks:
    """The `self` attributes a method reads or writes, those it assigns, the methods it calls
    (nested functions included) and the local names bound to `self` itself, for LCOM4."""

    __slots__ = ("name", "attributes", "calls", "stored", "aliases")

    def __init__(self, name: str) -> None:
        self.name = name
        self.attributes: set[str] = set()  # `self.x` not called
        self.calls: set[str] = set()  # `self.x(...)`
        self.stored: set[str] = set()  # `self.x = ...`
        self.aliases: set[str] = {"self"}  # `node = self` makes `node.x` a member too

    def result(self, stored: frozenset[str]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """(name, data members used, methods called). ``stored``: what the class assigns on
        `self`; calling one (`self.read()` after `self.read = file.read`) uses it as data."""
        data = self.attributes | (self.calls & stored)
        return self.name, tuple(sorted(data)), tuple(sorted(self.calls))


def self_attribute(node: ast.Attribute, links: tuple[MethodLinks, ...]) -> None:
    value = node.value
    if type(value) is ast.Name:
        for method in links:
            if value.id in method.aliases:
                method.attributes.add(node.attr)
                if type(node.ctx) is ast.Store:
                    method.stored.add(node.attr)


def self_alias(node: ast.Assign, links: tuple[MethodLinks, ...]) -> None:
    """``node = self``: a walk over linked objects starts from `self`."""
    value = node.value
    if type(value) is ast.Name:
        for method in links:
            if value.id in method.aliases:
                method.aliases.update(t.id for t in node.targets if type(t) is ast.Name)


def class_body_names(node: ast.ClassDef) -> list[str]:
    """Names a class body assigns (`read = None`, `parse: Callable = ...`)."""
    names = []
    for statement in node.body:
        targets = statement.targets if type(statement) is ast.Assign else (
            [statement.target] if type(statement) is ast.AnnAssign else [])
        names += [target.id for target in targets if type(target) is ast.Name]
    return names


_REFLECTION = frozenset({"getattr", "setattr", "hasattr", "delattr"})


def self_call(node: ast.Call, links: tuple[MethodLinks, ...], callees: set[int]) -> None:
    """``self.x(...)`` calls x; ``getattr(self, "x")`` uses member x."""
    func = node.func
    if type(func) is ast.Attribute and type(func.value) is ast.Name:
        for method in links:
            if func.value.id in method.aliases:
                method.calls.add(func.attr)
                callees.add(id(func))
    elif type(func) is ast.Name and func.id in _REFLECTION and len(node.args) >= 2:
        target, name = node.args[0], node.args[1]
        if type(target) is ast.Name and type(name) is ast.Constant and type(name.value) is str:
            for method in links:
                if target.id in method.aliases:
                    method.attributes.add(name.value)


Links = tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]


def lcom4(links: Links, accessors: tuple[str, ...] = ()) -> list[list[str]]:
    """Groups of methods connected by shared `self` members or calls (LCOM4's components),
    without the groups that touch no data at all.

    ``links``: (method, data members used, members called) for every method of the class.
    Dunder and private (`__x`) methods are no nodes (`__init__` sets everything up and would
    connect all), nor are ``accessors`` (a getter or setter of one attribute: a value object
    is not incohesive); a method calling one uses what it uses. Two methods calling the same
    inherited method are linked by it, as by a shared attribute."""
    own = _merged(links)
    nodes = [name for name in own if not name.startswith("__") and name not in accessors]
    parent = {name: name for name in nodes}
    owners: dict[str, str] = {}  # member -> the first method that uses it
    data_of: dict[str, set[str]] = {}  # the attributes each method uses
    for name in nodes:
        data, calls = _followed(own, name, parent)
        data_of[name] = {member for member in data if member not in own}
        for member in (*data, *calls):
            if member in parent:  # calling a method, or reading a property: linked to it
                _union(parent, name, member)
            elif member not in own:  # an attribute, a stored callable, an inherited method
                _union(parent, name, owners.setdefault(member, name))
    groups: dict[str, list[str]] = {}
    for name in nodes:
        groups.setdefault(_find(parent, name), []).append(name)
    # A group that touches no data (constant metadata, schemas, abstract stubs, wrappers of
    # inherited methods, `asdict(self)`, and their callers) is no responsibility of its own:
    # counting it would call every plug-in class incohesive. A method handing `self` around
    # (`f(self)`, `getattr(self, name)`) stays, linked by what it does use: a dispatcher is the
    # hub of the methods it calls.
    return sorted(group for group in groups.values() if any(data_of[name] for name in group))


def _merged(links: Links) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """(data, calls) per method name: a property's getter and setter are one member."""
    own: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for name, data, calls in links:
        before = own.get(name, ((), ()))
        own[name] = (before[0] + data, before[1] + calls)
    return own


def _followed(own: dict[str, tuple[tuple[str, ...], tuple[str, ...]]], name: str,
              nodes: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What ``name`` uses, with what the class's non-node methods it calls use."""
    data, calls = own[name]
    for hidden in [c for c in calls if c in own and c not in nodes]:
        data, calls = (*data, *own[hidden][0]), (*calls, *own[hidden][1])
    return data, calls


def _find(parent: dict[str, str], name: str) -> str:
    while parent[name] != name:
        parent[name] = parent[parent[name]]
        name = parent[name]
    return name


def _union(parent: dict[str, str], name: str, other: str) -> None:
    root = _find(parent, other)  # in this order: as `parent[find(name)] = find(other)` evaluates
    parent[_find(parent, name)] = root


def accessors(node: ast.ClassDef) -> tuple[str, ...]:
    """Methods whose body (past a docstring) is `return self.x` or `self.x = parameter`."""
    found = []
    for method in node.body:
        if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and _is_accessor(method):
            found.append(method.name)
    return tuple(found)


def _is_accessor(method: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    body = method.body
    if len(body) > 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    if len(body) != 1:
        return False
    statement = body[0]
    if isinstance(statement, ast.Return):
        return statement.value is not None and is_self_attribute(statement.value)
    return (isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and is_self_attribute(statement.targets[0]) and isinstance(statement.value, ast.Name))
