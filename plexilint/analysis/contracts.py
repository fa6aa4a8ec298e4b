"""Facts for the module-contract family (PLX3xx): the shape of every class, config-free.

Which classes a contract covers depends on the project's inheritance graph and the
configuration, so this records every class: resolved bases, methods (kind, parameters, return
annotation, docstring, error handling), what its methods return when that is a literal or a
constructor call, and what it uses (network, file system, database, subprocesses).
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypedDict

from plexilint.analysis.modules import resolve_import
from plexilint.analysis.nodes import (
    LEAF_TYPES,
    LOG_METHODS,
    child_nodes,
    dotted_name,
    last_part,
    span_of,
    walk,
)
from plexilint.analysis.source import SourceLines
from plexilint.model import Span

_USAGE_MODULES = {
    "network": ("requests", "httpx", "aiohttp", "urllib.request", "urllib3", "socket", "websockets", "websocket",
                "http.client", "grpc", "paramiko", "smtplib", "ftplib"),
    "file_system": ("shutil", "aiofiles", "tempfile", "glob", "gzip.open", "bz2.open", "lzma.open", "zipfile",
                    "tarfile"),
    "database": ("sqlite3", "psycopg", "psycopg2", "asyncpg", "aiosqlite", "pymysql", "sqlalchemy", "pymongo",
                 "motor", "redis", "qdrant_client", "chromadb", "pinecone", "weaviate", "elasticsearch",
                 "cassandra", "neo4j"),
    "subprocess": ("subprocess", "asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell",
                   "os.system", "os.popen", "os.spawnv", "os.execv", "pty"),
    "external_api": ("openai", "anthropic", "boto3", "botocore", "stripe", "twilio", "slack_sdk", "googleapiclient",
                     "google.cloud", "sendgrid", "github", "telegram", "discord"),
}
_FILE_FUNCTIONS = {"open", "os.remove", "os.unlink", "os.makedirs", "os.mkdir", "os.rename", "os.replace",
                   "os.rmdir", "os.listdir", "os.scandir", "os.walk", "io.open"}
# Method names that only pathlib uses for I/O (`.touch()`/`.unlink()` are too common elsewhere).
_FILE_METHODS = {"read_text", "write_text", "read_bytes", "write_bytes", "iterdir", "rglob", "symlink_to"}
# Code that does not run when the method does (or, for `try`, whose errors are handled).
_NOT_RUN_HERE = (ast.Try, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)

Function = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True, slots=True)
class ReturnedCall:
    """`return ModulePermissions(network_access=True, capabilities=[ModuleCapability.X])`."""

    callee: str
    keywords: tuple[tuple[str, str], ...]  # name -> repr of a literal value ("True", "'x'") or "?"
    span: Span


@dataclass(frozen=True, slots=True)
class Method:
    name: str
    span: Span
    is_async: bool
    params: tuple[str, ...]  # parameter names after self/cls
    returns: str | None  # normalised return annotation
    documented: bool
    abstract: bool
    not_implemented: bool  # the body only raises NotImplementedError: declared, not provided
    calls_super_init: bool
    guarded: bool  # its work sits in a try/except
    bare_except: bool
    handler_returns_false: bool
    handler_records_error: bool
    does_work: bool  # calls or awaits something (may raise)
    returned_dict_keys: tuple[object, ...] | None  # `return {"name": ...}`: its constant keys
    returned_literal: str | None  # JSON of a fully literal returned dict
    returned_literal_span: Span | None  # where that dict literal is
    returned_call: ReturnedCall | None


@dataclass(frozen=True, slots=True)
class ClassFacts:
    name: str
    span: Span
    bases: tuple[str, ...]  # resolved dotted names
    abstract: bool
    documented: bool
    methods: tuple[Method, ...]
    capability_refs: tuple[tuple[str, str, Span], ...]  # (enum name, member, where)
    usage: tuple[tuple[str, Span, str], ...]  # (category, where, evidence)


@dataclass(frozen=True, slots=True)
class ContractFacts:
    classes: tuple[ClassFacts, ...] = ()
    enums: tuple[tuple[str, tuple[str, ...]], ...] = ()  # enum class -> members


def normalise_annotation(text: str | None) -> str | None:
    if text is None:
        return None
    text = "".join(text.split()).strip("'\"")
    text = re.sub(r"\b[a-z_][a-z0-9_]*\.", "", text)  # module prefixes: typing.Dict, interfaces.X
    for generic in ("Dict", "List", "Tuple", "Set", "Type"):
        text = text.replace(f"{generic}[", f"{generic.lower()}[")
        if text == generic:
            text = generic.lower()
    return text


# No listed module is inside another category's module, so the longest match is the only one.
_CATEGORY_OF_MODULE = {module: category for category, modules in _USAGE_MODULES.items() for module in modules}


def _category_of(dotted: str) -> str | None:
    """The category of a module or of a name in it (`requests.get` -> network)."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        category = _CATEGORY_OF_MODULE.get(".".join(parts[:end]))
        if category is not None:
            return category
    return None


# -- methods --------------------------------------------------------------------------------

def _decorator_names(node: Function) -> set[str]:
    return {last_part(dotted_name(d.func if isinstance(d, ast.Call) else d)) for d in node.decorator_list}


def _parameters(node: Function, decorators: set[str]) -> tuple[str, ...]:
    """Parameter names after self/cls."""
    params = [a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)]
    if "staticmethod" not in decorators and params:
        params = params[1:]
    return tuple(params)


def _only_raises_not_implemented(body: list[ast.stmt]) -> bool:
    if len(body) != 1 or not isinstance(body[0], ast.Raise) or body[0].exc is None:
        return False
    exc = body[0].exc
    return (dotted_name(exc.func if isinstance(exc, ast.Call) else exc) or "").endswith("NotImplementedError")


def _is_logging(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Attribute) and call.func.attr in LOG_METHODS


def _unguarded_work(body: list[ast.stmt]) -> bool:
    """A call or await (logging aside) outside every try block: it may raise out."""
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, _NOT_RUN_HERE):
            continue
        if isinstance(node, ast.Await) or (isinstance(node, ast.Call) and not _is_logging(node)):
            return True
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
            return True  # `config["key"]` raises KeyError as surely as a call raises
        stack.extend(child_nodes(node))
    return False


def _returns_false(handler: ast.ExceptHandler) -> bool:
    return any(isinstance(n, ast.Return) and isinstance(n.value, ast.Constant) and n.value.value is False
               for n in walk(handler))


def _keeps_error(node: ast.AST, error: str | None) -> bool:
    """``self.last_error = error`` (any attribute assigned from the caught exception)."""
    return isinstance(node, ast.Assign) and bool(error) and any(
        isinstance(t, ast.Attribute) for t in node.targets) and any(
        isinstance(n, ast.Name) and n.id == error for n in walk(node.value))


def _records_error(handler: ast.ExceptHandler) -> bool:
    """Logged (`logger.error(...)`) or kept (`self.last_error = error`)."""
    return any((isinstance(inner, ast.Call) and _is_logging(inner)) or _keeps_error(inner, handler.name)
               for inner in walk(handler))


class _ErrorHandling(TypedDict):
    guarded: bool
    bare_except: bool
    handler_returns_false: bool
    handler_records_error: bool


class _ReturnedDict(TypedDict):
    returned_dict_keys: tuple[object, ...] | None
    returned_literal: str | None
    returned_literal_span: Span | None


def _error_handling(tries: list[ast.Try]) -> _ErrorHandling:
    """The error-handling fields of a `Method`, from the method's `try` statements."""
    handlers = [h for t in tries for h in t.handlers]
    return {
        "guarded": bool(tries),
        "bare_except": any(h.type is None for h in handlers),
        "handler_returns_false": bool(handlers) and all(_returns_false(h) for h in handlers),
        "handler_records_error": bool(handlers) and all(_records_error(h) for h in handlers),
    }


def _literal_json(value: ast.Dict) -> tuple[str | None, Span | None]:
    """A fully literal dict as sorted JSON, with where it is; (None, None) otherwise."""
    try:
        return json.dumps(ast.literal_eval(value), sort_keys=True), span_of(value)
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return None, None


def _returned_dict_fields(returns: list[ast.Return]) -> _ReturnedDict:
    """What the first returned dict literal holds: its keys (None when `{**base, ...}` makes
    them unknown) and, when fully literal, its JSON."""
    dict_return = next((n.value for n in returns if isinstance(n.value, ast.Dict)), None)
    if dict_return is None:
        return {"returned_dict_keys": None, "returned_literal": None, "returned_literal_span": None}
    literal, where = _literal_json(dict_return)
    keys = None if None in dict_return.keys else tuple(k.value for k in dict_return.keys if isinstance(k, ast.Constant))
    return {"returned_dict_keys": keys, "returned_literal": literal, "returned_literal_span": where}


def _returned_call(call: ast.Call | None, resolve: Callable[[str], str]) -> ReturnedCall | None:
    if call is None:
        return None
    keywords = []
    for keyword in call.keywords:
        if keyword.arg is None:
            continue
        value = keyword.value
        keywords.append((keyword.arg, repr(value.value) if isinstance(value, ast.Constant) else "?"))
    return ReturnedCall(resolve(dotted_name(call.func) or "?"), tuple(keywords), span_of(call))


def _calls_init(calls: list[ast.Call]) -> bool:
    """``super().__init__(...)`` or ``Base.__init__(self, ...)``."""
    return any(isinstance(call.func, ast.Attribute) and call.func.attr == "__init__" for call in calls)


class _Walked:
    """Every node of a function (nested definitions included, in `ast.walk`'s order), walked
    once and kept only where a fact looks: returns, calls, `try`s, and what the usage scan
    reads (names only when some import has a category)."""

    __slots__ = ("returns", "calls", "tries", "scanned")

    def __init__(self, function: Function, scan_names: bool) -> None:
        self.returns: list[ast.Return] = []
        self.calls: list[ast.Call] = []
        self.tries: list[ast.Try] = []
        self.scanned: list[ast.AST] = []  # in walk order: the usage facts keep it
        scanned_types = _SCANNED_WITH_NAMES if scan_names else _SCANNED
        for node in walk(function, _NAMELESS_LEAVES if scan_names else LEAF_TYPES):
            if type(node) in scanned_types:
                self.scanned.append(node)
                if isinstance(node, ast.Call):
                    self.calls.append(node)
            elif isinstance(node, ast.Return):
                self.returns.append(node)
            elif isinstance(node, ast.Try):
                self.tries.append(node)


# -- classes --------------------------------------------------------------------------------

class _ModuleClasses:
    """The classes of one module, with the module's import table to resolve names."""

    def __init__(self, tree: ast.Module, source: str, module: str, is_package: bool,
                 aliases: dict[str, str]) -> None:
        self.tree = tree
        self.text = SourceLines(source)
        self.module = module
        self.is_package = is_package
        self.aliases = dict(aliases)  # the module's import table, computed once per file
        self.functions = {s.name: s for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
        self._function_nodes: dict[str, _Walked] = {}
        self.alias_categories: dict[str, str] = {}

    def run(self) -> ContractFacts:
        self.alias_categories = {name: c for name, origin in self.aliases.items()
                                 if (c := _category_of(origin)) is not None}
        classes = [s for s in self.tree.body if isinstance(s, ast.ClassDef)]
        for cls in classes:
            self.aliases.setdefault(cls.name, f"{self.module}.{cls.name}")
        enums = tuple(
            (cls.name, tuple(t.id for s in cls.body if isinstance(s, ast.Assign) for t in s.targets
                             if isinstance(t, ast.Name)))
            for cls in classes if any((dotted_name(b) or "").endswith("Enum") for b in cls.bases)
        )
        return ContractFacts(tuple(self._class(cls) for cls in classes), enums)

    def resolve(self, name: str) -> str:
        head, _, rest = name.partition(".")
        origin = self.aliases.get(head)
        if origin is None:
            return name
        return f"{origin}.{rest}" if rest else origin

    def walked_function(self, name: str) -> _Walked:
        """A module-level function's nodes, walked once however many methods call it."""
        walked = self._function_nodes.get(name)
        if walked is None:
            walked = self._function_nodes[name] = self.walked(self.functions[name])
        return walked

    def walked(self, function: Function) -> _Walked:
        return _Walked(function, bool(self.alias_categories))

    def _class(self, node: ast.ClassDef) -> ClassFacts:
        bases = tuple(self.resolve(dotted_name(b) or "?") for b in node.bases)
        methods = [s for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
        walked = {id(m): self.walked(m) for m in methods}  # one walk per method, shared below
        method_facts = tuple(self._method(m, walked[id(m)]) for m in methods)
        usage = _UsageScan(self)
        for method in methods:
            usage.scan(walked[id(method)])
        return ClassFacts(node.name, span_of(node), bases, self._is_abstract(node, bases, method_facts),
                          ast.get_docstring(node) is not None, method_facts, tuple(usage.refs), tuple(usage.usage))

    @staticmethod
    def _is_abstract(node: ast.ClassDef, bases: tuple[str, ...], methods: tuple[Method, ...]) -> bool:
        metaclass = [k for k in node.keywords if k.arg == "metaclass"]
        return (
            any(last_part(b) in ("ABC", "Protocol") for b in bases)
            or any((dotted_name(k.value) or "").endswith("ABCMeta") for k in metaclass)
            or any(m.abstract or m.not_implemented for m in methods)  # pylint's convention too
        )

    def _method(self, node: Function, nodes: _Walked) -> Method:
        decorators = _decorator_names(node)
        documented = ast.get_docstring(node) is not None
        body = node.body[1:] if documented else node.body
        returns = normalise_annotation(self.text.segment(node.returns)) if node.returns is not None else None
        call_return = next((n.value for n in nodes.returns if isinstance(n.value, ast.Call)), None)
        return Method(
            name=node.name,
            span=span_of(node),
            is_async=isinstance(node, ast.AsyncFunctionDef),
            params=_parameters(node, decorators),
            returns=returns,
            documented=documented,
            abstract="abstractmethod" in decorators,
            not_implemented=_only_raises_not_implemented(body),
            calls_super_init=_calls_init(nodes.calls),
            does_work=_unguarded_work(body),
            returned_call=_returned_call(call_return, self.resolve),
            **_error_handling(nodes.tries),
            **_returned_dict_fields(nodes.returns),
        )


class _UsageScan:
    """Capability references and resource usage of one class's methods, following calls to
    module functions (each once)."""

    def __init__(self, classes: _ModuleClasses) -> None:
        self.classes = classes
        self.refs: list[tuple[str, str, Span]] = []  # (enum name, member, where)
        self.usage: list[tuple[str, Span, str]] = []  # (category, where, evidence)
        self.seen: set[str] = set()  # module functions already followed

    def scan(self, nodes: _Walked) -> None:
        scanners = _SCANNERS
        for inner in nodes.scanned:
            scanners[type(inner)](self, inner)

    def _name(self, node: ast.Name) -> None:
        category = self.classes.alias_categories.get(node.id)
        if category:  # `requests`, `QdrantClient`, `subprocess` used here
            self.usage.append((category, span_of(node), self.classes.aliases[node.id]))

    def _attribute(self, node: ast.Attribute) -> None:
        owner = node.value
        owner_name = owner.id if isinstance(owner, ast.Name) else (
            owner.attr if isinstance(owner, ast.Attribute) else "")  # interfaces.ModuleCapability.X
        if owner_name[:1].isupper() and node.attr.isupper():
            self.refs.append((last_part(self.classes.resolve(owner_name)), node.attr, span_of(node)))

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        """A lazy import inside a method."""
        classes = self.classes
        origins = [a.name for a in node.names] if isinstance(node, ast.Import) else [
            f"{resolve_import(classes.module, classes.is_package, node.module, node.level)}.{a.name}"
            for a in node.names]
        for origin in origins:
            category = _category_of(origin)
            if category:
                self.usage.append((category, span_of(node), origin))

    def _call(self, node: ast.Call) -> None:
        self._file_or_module_call(node)
        callee = node.func.id if isinstance(node.func, ast.Name) else None
        if callee in self.classes.functions and callee not in self.seen:
            self.seen.add(callee)
            self.scan(self.classes.walked_function(callee))

    def _file_or_module_call(self, call: ast.Call) -> None:
        """``open(...)``, ``Path(...).open()``, ``.read_text()``; ``os.remove(...)``."""
        func = call.func
        if isinstance(func, ast.Name) and func.id == "open":
            self.usage.append(("file_system", span_of(call), "open"))
            return
        if not isinstance(func, ast.Attribute):
            return
        opens_path = func.attr == "open" and isinstance(func.value, ast.Call) \
            and last_part(dotted_name(func.value.func)) in ("Path", "PurePath")
        if func.attr in _FILE_METHODS or opens_path:
            self.usage.append(("file_system", span_of(call), f".{func.attr}()"))
        elif isinstance(func.value, ast.Name) and func.value.id in self.classes.aliases:
            resolved = f"{self.classes.aliases[func.value.id]}.{func.attr}"  # os.remove, os.system
            category = "file_system" if resolved in _FILE_FUNCTIONS else _category_of(resolved)
            if category:
                self.usage.append((category, span_of(call), resolved))


_SCANNERS: dict[type, Callable[[_UsageScan, Any], None]] = {
    ast.Name: _UsageScan._name,
    ast.Attribute: _UsageScan._attribute,
    ast.Import: _UsageScan._import,
    ast.ImportFrom: _UsageScan._import,
    ast.Call: _UsageScan._call,
}


_SCANNED = frozenset({ast.Attribute, ast.Import, ast.ImportFrom, ast.Call})
_SCANNED_WITH_NAMES = _SCANNED | {ast.Name}
_NAMELESS_LEAVES = LEAF_TYPES - {ast.Name}


def extract_contract_facts(tree: ast.Module, source: str, module: str, is_package: bool,
                           aliases: dict[str, str]) -> ContractFacts:
    """``aliases``: local name -> dotted origin of the module's imports and definitions."""
    return _ModuleClasses(tree, source, module, is_package, aliases).run()
