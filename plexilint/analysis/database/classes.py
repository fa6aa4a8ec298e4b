"""Classes: what their ``self`` attributes hold, which attributes are clients they delegate
to, and the shape of each method (the clients it calls, whether it falls back to another)."""

from __future__ import annotations

import ast
import re
from collections.abc import Container, Iterator

from plexilint.analysis.database.facts import ClientAttribute, MethodShape
from plexilint.analysis.database.origins import ModuleContext, Scope, parameter_origins, worth_recording
from plexilint.analysis.nodes import block_statements, dotted_name, is_self_attribute, span_of, walk

Function = ast.FunctionDef | ast.AsyncFunctionDef


def _targets(assignment: ast.Assign | ast.AnnAssign) -> list[ast.expr]:
    return assignment.targets if isinstance(assignment, ast.Assign) else [assignment.target]


# -- what `self` attributes hold ------------------------------------------------------------

def _store_self_assignments(scope: Scope, assignments: list[ast.Assign | ast.AnnAssign],
                            attrs: dict[str, set[str]]) -> None:
    """``self.x = <value>`` (or ``self.x: T = ...``) adds the value's origins to ``attrs["x"]``."""
    for inner in assignments:
        for target in _targets(inner):
            if not is_self_attribute(target):
                continue
            origins = scope.origins(inner.value)
            if isinstance(inner, ast.AnnAssign):
                origins |= scope.annotation_origins(inner.annotation)
            if origins:
                attrs.setdefault(target.attr, set()).update(origins)


def class_bases(context: ModuleContext, node: ast.ClassDef) -> tuple[str, ...]:
    """Resolved dotted names of the bases that may be project classes (not `object`, `ABC`...)."""
    bases = []
    for base in node.bases:
        name = dotted_name(base)
        dotted = context.resolve(name, {}) if name else None
        if dotted and worth_recording(dotted):
            bases.append(dotted)
    return tuple(bases)


def _assigned_attributes(context: ModuleContext, node: ast.ClassDef, methods: list[Function]) -> frozenset[str]:
    """Every name the class itself gives a value: on `self` in its methods, or in its body."""
    names = {t.id for s in node.body if isinstance(s, (ast.Assign, ast.AnnAssign)) for t in _targets(s)
             if isinstance(t, ast.Name)}
    names.update(s.name for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)))
    for method in methods:
        for node_ in context.own(method).bindings:
            if isinstance(node_, (ast.Assign, ast.AnnAssign)):
                names.update(t.attr for t in _targets(node_) if is_self_attribute(t))
    return frozenset(names)


def attribute_origins(context: ModuleContext, node: ast.ClassDef,
                      methods: list[Function]) -> tuple[dict[str, set[str]], dict[int, Scope]]:
    """Origins of the class's ``self`` attributes, and the scope of each method (by id). An
    attribute the class never sets, read in a class with project bases, comes from a base:
    ``attr:<base>:<name>``, resolved by the rules across modules."""
    attrs: dict[str, set[str]] = {}
    class_scope = Scope(context, {}, {})
    for stmt in node.body:  # class-level annotations: `client: QdrantClient`
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            attrs.setdefault(stmt.target.id, set()).update(class_scope.annotation_origins(stmt.annotation))
    bases = class_bases(context, node)
    inherited = (bases, _assigned_attributes(context, node, methods)) if bases else None
    scopes: dict[int, Scope] = {}
    for _ in range(2):  # attributes assigned from other attributes
        before = {name: len(origins) for name, origins in attrs.items()}
        for method in methods:
            scope = scopes[id(method)] = Scope(context, parameter_origins(method, class_scope), attrs, inherited)
            scope.settle(method)
            _store_self_assignments(scope, context.own(method).assignments, attrs)
        if {name: len(origins) for name, origins in attrs.items()} == before:
            break  # every method saw the final attributes: another round would find the same
    return attrs, scopes


# -- clients --------------------------------------------------------------------------------

# Attributes that log or measure: calling them is not using another database.
_NOT_CLIENTS = re.compile(r"(^|_)(log|logger|logging|metrics|stats|tracer|lock|clock)s?$", re.IGNORECASE)
_LOGGING_MODULES = frozenset({"structlog", "loguru", "logbook", "prometheus_client", "opentelemetry", "sentry_sdk"})
_COPYING_BUILTINS = frozenset({"list", "tuple", "dict", "set", "sorted"})  # `self.clients = list(clients)`


def _builds_client(context: ModuleContext, value: ast.AST) -> bool:
    if isinstance(value, ast.Await):
        value = value.value
    if not isinstance(value, ast.Call):
        return False
    name = dotted_name(value.func)
    dotted = context.resolve(name, {}) if name else None
    if not dotted:
        return False
    return worth_recording(dotted) and dotted.split(".", 1)[0] not in _LOGGING_MODULES


def _elements(value: ast.AST) -> list[ast.AST] | None:
    """The elements of a literal container, or of a copy of one (`list(clients)`)."""
    if isinstance(value, (ast.Dict, ast.List, ast.Tuple)):
        return [v for v in (value.values if isinstance(value, ast.Dict) else value.elts)]
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in _COPYING_BUILTINS \
            and len(value.args) == 1:
        return [value.args[0]]
    return None


def _from_parameter(context: ModuleContext, value: ast.AST, params: set[str]) -> bool:
    """A parameter, or a container of parameters or of built clients (`{"sql": sql_client}`)."""
    elements = _elements(value)
    if elements is not None:
        return any(isinstance(e, ast.Name) and e.id in params for e in elements) \
            or any(_builds_client(context, e) for e in elements)
    return isinstance(value, ast.Name) and value.id in params


def _hints(value: ast.AST, target: ast.AST) -> set[str]:
    """Words saying what a client is: parameter names, dict keys, subscript keys."""
    words = set()
    for node in walk(value):
        if isinstance(node, ast.Name):
            words.add(node.id)
    if isinstance(value, ast.Dict):
        words.update(k.value for k in value.keys if isinstance(k, ast.Constant) and isinstance(k.value, str))
    if isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Constant) \
            and isinstance(target.slice.value, str):
        words.add(target.slice.value)
    return words


def _clients_set_by(context: ModuleContext, assignment: ast.Assign | ast.AnnAssign, value: ast.expr,
                    params: set[str]) -> Iterator[tuple[str, bool, ast.AST]]:
    """(attribute, whether it holds a container of clients, target) for each client that
    ``assignment`` (whose ``value`` is given) sets."""
    from_parameter = _from_parameter(context, value, params)
    literal_container = _elements(value) is not None
    for target in _targets(assignment):
        container = literal_container
        if isinstance(target, ast.Subscript):  # `self.clients["sql"] = sql_client`
            if not from_parameter:
                continue
            container = True
            attribute_target = target.value
        else:
            if not (from_parameter or _builds_client(context, value)):
                continue
            attribute_target = target
        if is_self_attribute(attribute_target) and not _NOT_CLIENTS.search(attribute_target.attr):
            yield attribute_target.attr, container, target


_SCALAR_TYPES = frozenset({"int", "float", "str", "bool", "bytes"})


def _client_parameters(method: Function) -> set[str]:
    """Parameters that may hold a client: not settings (`timeout: float = 30.0`)."""
    args = method.args
    positional = [*args.posonlyargs, *args.args]
    defaults = dict(zip([a.arg for a in positional[len(positional) - len(args.defaults):]], args.defaults))
    defaults.update({a.arg: d for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None})
    names = set()
    for arg in (*positional, *args.kwonlyargs):
        default = defaults.get(arg.arg)
        if isinstance(default, ast.Constant) and default.value is not None:
            continue
        if isinstance(arg.annotation, ast.Name) and arg.annotation.id in _SCALAR_TYPES:
            continue
        names.add(arg.arg)
    return names


def client_attributes(context: ModuleContext, methods: list[Function],
                      scopes: dict[int, Scope] | None = None) -> dict[str, ClientAttribute]:
    """Attributes a class delegates to (clients, adapters, sessions): set on `self` from a
    parameter or from a non-standard-library constructor, or containers filled with
    parameters (`self.clients["sql"] = sql_client`). Bookkeeping (counters, dicts of
    timestamps, locks) and loggers are not clients."""
    found: dict[str, tuple[bool, set[str], set[str]]] = {}
    for method in methods:
        params = _client_parameters(method)
        scope = (scopes or {}).get(id(method))
        for inner in context.own(method).assignments:
            value = inner.value
            if value is None:  # (`assignments` holds those with a value)
                continue
            for attribute, container, target in _clients_set_by(context, inner, value, params):
                was_container, hints, origins = found.setdefault(attribute, (False, {attribute}, set()))
                hints |= _hints(value, target)
                if scope is not None:
                    for element in _elements(value) or [value]:
                        origins |= scope.origins(element)
                found[attribute] = (was_container or container, hints, origins)
    return {name: ClientAttribute(name, container, tuple(sorted(hints)), tuple(sorted(origins)))
            for name, (container, hints, origins) in found.items()}


# -- method shapes --------------------------------------------------------------------------

def _client_name(receiver: ast.AST, clients: dict[str, bool]) -> str | None:
    """`self.sql_client` -> "sql_client"; `self.clients["sql"]` -> "clients['sql']"."""
    if isinstance(receiver, ast.Subscript) and isinstance(receiver.slice, ast.Constant):
        inner = _client_name(receiver.value, clients)
        return f"{inner}[{receiver.slice.value!r}]" if inner else None
    if is_self_attribute(receiver) and receiver.attr in clients:
        return receiver.attr
    return None


def _is_fallback_loop(loop: ast.For | ast.AsyncFor | ast.While, clients: dict[str, bool]) -> bool:
    """A fallback loop walks the clients, or retries under a try; `for row in rows` with one
    client inside is not a fallback."""
    head = loop.test if isinstance(loop, ast.While) else loop.iter
    return any(_client_name(n, clients) for n in walk(head)) \
        or any(isinstance(n, ast.Try) for n in block_statements(loop.body))


def _walks_clients(loop: ast.For | ast.AsyncFor | ast.While, clients: dict[str, bool]) -> bool:
    """The loop goes from one client to the next: its head walks a container of clients
    (`for client in self.clients`) or several clients (`for store in (self.primary,
    self.replica)`), or its body picks one from the container (`self.clients.get(name)`); and
    it tries each under a `try`. A retry of one connection, or a loop bounded by a setting,
    does not."""
    if not any(isinstance(n, ast.Try) for n in block_statements(loop.body)):
        return False
    body = [n for stmt in loop.body for n in walk(stmt)]
    head = loop.test if isinstance(loop, ast.While) else loop.iter
    named = {n.attr for n in walk(head) if is_self_attribute(n) and n.attr in clients}
    if len(named) >= 2 or any(clients[name] for name in named):
        return True
    return any(is_self_attribute(n) and clients.get(n.attr) for n in body)


def _blocks(function: Function) -> list[list[ast.stmt]]:
    """Every statement list of a function (its body, and those of its compound statements,
    except-clauses and match cases), nested definitions left out."""
    blocks = [function.body]
    for block in blocks:  # the list grows while it is read
        for stmt in block:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for field in ("body", "orelse", "finalbody"):
                inner = getattr(stmt, field, None)
                if inner:
                    blocks.append(inner)
            blocks += [part.body for part in (*getattr(stmt, "handlers", ()), *getattr(stmt, "cases", ()))]
    return blocks


def _fails_over(method: Function, clients: dict[str, bool]) -> bool:
    """A loop that tries one client after the other, followed by a `raise` for when every
    one failed: the shape of a fallback manager's dispatch."""
    for block in _blocks(method):
        for position, stmt in enumerate(block):
            if isinstance(stmt, (ast.For, ast.AsyncFor, ast.While)) and _walks_clients(stmt, clients) and any(
                    isinstance(n, ast.Raise) for n in block_statements(block[position + 1:])):
                return True
    return False


def _self_attrs_called(body: list[ast.stmt]) -> set[str]:
    called = set()
    for stmt in body:
        for inner in walk(stmt):
            if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) \
                    and is_self_attribute(inner.func.value):
                called.add(inner.func.value.attr)
    return called


def _switches_on_error(try_node: ast.Try, clients: Container[str]) -> bool:
    """A handler calls a client the try body did not: it falls back to another one (a
    logger or a bookkeeping attribute called there is not another client)."""
    in_body = _self_attrs_called(try_node.body)
    in_handlers = _self_attrs_called([s for h in try_node.handlers for s in h.body])
    return any(name in clients for name in in_handlers - in_body)


# Methods of the dict or list holding the clients: looking one up is not calling it.
_CONTAINER_METHODS = frozenset({"get", "items", "values", "keys", "copy", "setdefault", "pop", "append", "index",
                                "count", "update", "__getitem__", "__contains__", "__iter__", "__len__"})


def method_shape(context: ModuleContext, method: Function, clients: dict[str, bool]) -> MethodShape:
    """``clients``: the client attributes, each with whether it is a container of clients."""
    client_calls, self_calls = set(), set()
    nodes = context.own(method)
    has_loop = any(_is_fallback_loop(loop, clients) for loop in nodes.loops)
    walks = bool(nodes.loops) and _fails_over(method, clients)
    switches = any(_switches_on_error(node, clients) for node in nodes.tries if isinstance(node, ast.Try))
    for call in nodes.calls:
        if isinstance(call.func, ast.Attribute):
            receiver = call.func.value
            client = _client_name(receiver, clients)
            if client and clients.get(client) and call.func.attr in _CONTAINER_METHODS:
                continue  # `self.clients.get(name)`: a lookup in the container
            if client:
                client_calls.add(client)
            elif isinstance(receiver, ast.Name) and receiver.id == "self":
                self_calls.add(call.func.attr)
    return MethodShape(method.name, span_of(method), tuple(sorted(client_calls)), has_loop, switches,
                       tuple(sorted(self_calls)), walks)
