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
from dataclasses import dataclass

from plexilint.analysis.fallbacks import LOG_METHODS, dotted_name, span_of
from plexilint.analysis.modules import resolve_import
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


@dataclass(frozen=True)
class ReturnedCall:
    """`return ModulePermissions(network_access=True, capabilities=[ModuleCapability.X])`."""

    callee: str
    keywords: tuple[tuple[str, str], ...]  # name -> repr of a literal value ("True", "'x'") or "?"
    line: int


@dataclass(frozen=True)
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
    returned_dict_keys: tuple[str, ...] | None  # `return {"name": ...}`
    returned_literal: str | None  # JSON of a fully literal returned dict
    returned_literal_line: int
    returned_call: ReturnedCall | None


@dataclass(frozen=True)
class ClassFacts:
    name: str
    span: Span
    bases: tuple[str, ...]  # resolved dotted names
    abstract: bool
    documented: bool
    methods: tuple[Method, ...]
    capability_refs: tuple[tuple[str, str, int], ...]  # (enum name, member, line)
    usage: tuple[tuple[str, int, str], ...]  # (category, line, evidence)


@dataclass(frozen=True)
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


class _Extractor:
    def __init__(self, tree: ast.Module, source: str, module: str, is_package: bool,
                 aliases: dict[str, str]) -> None:
        self.tree = tree
        self.text = SourceLines(source)
        self.module = module
        self.is_package = is_package
        self.aliases = dict(aliases)  # the module's import table, computed once per file
        self.functions = {s.name: s for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
        self._function_nodes: dict[str, list[ast.AST]] = {}
        self.alias_categories: dict[str, str] = {}

    def run(self) -> ContractFacts:
        self.alias_categories = {name: c for name, origin in self.aliases.items()
                                 if (c := self._category_of(origin)) is not None}
        classes = [s for s in self.tree.body if isinstance(s, ast.ClassDef)]
        for cls in classes:
            self.aliases.setdefault(cls.name, f"{self.module}.{cls.name}")
        enums = tuple(
            (cls.name, tuple(t.id for s in cls.body if isinstance(s, ast.Assign) for t in s.targets
                             if isinstance(t, ast.Name)))
            for cls in classes if any((dotted_name(b) or "").endswith("Enum") for b in cls.bases)
        )
        return ContractFacts(tuple(self._class(cls) for cls in classes), enums)

    def _resolve(self, name: str) -> str:
        head, _, rest = name.partition(".")
        origin = self.aliases.get(head)
        if origin is None:
            return name
        return f"{origin}.{rest}" if rest else origin

    def _class(self, node: ast.ClassDef) -> ClassFacts:
        bases = tuple(self._resolve(dotted_name(b) or "?") for b in node.bases)
        methods = [s for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
        walked = {id(m): list(ast.walk(m)) for m in methods}  # one walk per method, shared below
        method_facts = tuple(self._method(m, walked[id(m)]) for m in methods)
        metaclass = [k for k in node.keywords if k.arg == "metaclass"]
        abstract = (
            any(b.rsplit(".", 1)[-1] in ("ABC", "Protocol") for b in bases)
            or any((dotted_name(k.value) or "").endswith("ABCMeta") for k in metaclass)
            or any(m.abstract or m.not_implemented for m in method_facts)  # pylint's convention too
        )
        capability_refs, usage = [], []
        seen_functions: set[str] = set()
        for method in methods:
            self._scan(walked[id(method)], capability_refs, usage, seen_functions)
        return ClassFacts(node.name, span_of(node), bases, abstract, ast.get_docstring(node) is not None,
                          method_facts, tuple(capability_refs), tuple(usage))

    def _scan(self, nodes: list[ast.AST], refs: list, usage: list, seen: set[str]) -> None:
        """Capability references and resource usage, following calls to module functions."""
        for inner in nodes:
            if isinstance(inner, ast.Name):
                category = self.alias_categories.get(inner.id)
                if category:  # `requests`, `QdrantClient`, `subprocess` used here
                    usage.append((category, inner.lineno, self.aliases[inner.id]))
            elif isinstance(inner, ast.Attribute):
                owner = inner.value
                owner_name = owner.id if isinstance(owner, ast.Name) else (
                    owner.attr if isinstance(owner, ast.Attribute) else "")  # interfaces.ModuleCapability.X
                if owner_name[:1].isupper() and inner.attr.isupper():
                    refs.append((self._resolve(owner_name).rsplit(".", 1)[-1], inner.attr, inner.lineno))
            elif isinstance(inner, (ast.Import, ast.ImportFrom)):  # lazy imports inside a method
                origins = [a.name for a in inner.names] if isinstance(inner, ast.Import) else [
                    f"{resolve_import(self.module, self.is_package, inner.module, inner.level)}.{a.name}"
                    for a in inner.names]
                for origin in origins:
                    category = self._category_of(origin)
                    if category:
                        usage.append((category, inner.lineno, origin))
            elif isinstance(inner, ast.Call):
                self._usage_of_call(inner, usage)
                callee = inner.func.id if isinstance(inner.func, ast.Name) else None
                if callee in self.functions and callee not in seen:
                    seen.add(callee)
                    self._scan(self._walked_function(callee), refs, usage, seen)

    def _walked_function(self, name: str) -> list[ast.AST]:
        walked = self._function_nodes.get(name)
        if walked is None:
            walked = self._function_nodes[name] = list(ast.walk(self.functions[name]))
        return walked

    @staticmethod
    def _category_of(dotted: str) -> str | None:
        for category, prefixes in _USAGE_MODULES.items():
            if any(dotted == p or dotted.startswith(p + ".") for p in prefixes):
                return category
        return None

    def _usage_of_call(self, call: ast.Call, usage: list) -> None:
        func = call.func
        if isinstance(func, ast.Name) and func.id == "open":
            usage.append(("file_system", call.lineno, "open"))
        elif isinstance(func, ast.Attribute):
            opens_path = func.attr == "open" and isinstance(func.value, ast.Call) \
                and (dotted_name(func.value.func) or "").rsplit(".", 1)[-1] in ("Path", "PurePath")
            if func.attr in _FILE_METHODS or opens_path:
                usage.append(("file_system", call.lineno, f".{func.attr}()"))
            elif isinstance(func.value, ast.Name) and func.value.id in self.aliases:
                resolved = f"{self.aliases[func.value.id]}.{func.attr}"  # os.remove, os.system
                category = "file_system" if resolved in _FILE_FUNCTIONS else self._category_of(resolved)
                if category:
                    usage.append((category, call.lineno, resolved))

    def _method(self, node: ast.FunctionDef | ast.AsyncFunctionDef, nodes: list[ast.AST]) -> Method:
        decorators = {(dotted_name(d.func if isinstance(d, ast.Call) else d) or "").rsplit(".", 1)[-1]
                      for d in node.decorator_list}
        args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
        params = [a.arg for a in args]
        if "staticmethod" not in decorators and params:
            params = params[1:]
        body = node.body[1:] if ast.get_docstring(node) is not None else node.body
        calls_super = any(
            isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr == "__init__"
            for inner in nodes
        )
        tries = [n for n in nodes if isinstance(n, ast.Try)]
        handlers = [h for t in tries for h in t.handlers]
        does_work = self._unguarded_work(body)
        returned = [n.value for n in nodes if isinstance(n, ast.Return) and n.value is not None]
        dict_return = next((v for v in returned if isinstance(v, ast.Dict)), None)
        call_return = next((v for v in returned if isinstance(v, ast.Call)), None)
        literal, literal_line = None, 0
        if dict_return is not None:
            try:
                literal = json.dumps(ast.literal_eval(dict_return), sort_keys=True)
                literal_line = dict_return.lineno
            except (ValueError, TypeError, SyntaxError, RecursionError):
                literal = None
        return Method(
            name=node.name,
            span=span_of(node),
            is_async=isinstance(node, ast.AsyncFunctionDef),
            params=tuple(params),
            returns=normalise_annotation(self.text.segment(node.returns)) if node.returns is not None else None,
            documented=ast.get_docstring(node) is not None,
            abstract="abstractmethod" in decorators,
            not_implemented=len(body) == 1 and isinstance(body[0], ast.Raise) and body[0].exc is not None
            and (dotted_name(body[0].exc.func if isinstance(body[0].exc, ast.Call) else body[0].exc) or "")
            .endswith("NotImplementedError"),
            calls_super_init=calls_super,
            guarded=bool(tries),
            bare_except=any(h.type is None for h in handlers),
            handler_returns_false=bool(handlers) and all(self._returns_false(h) for h in handlers),
            handler_records_error=bool(handlers) and all(self._records_error(h) for h in handlers),
            does_work=does_work,
            returned_dict_keys=tuple(k.value for k in dict_return.keys if isinstance(k, ast.Constant))
            if dict_return is not None and None not in dict_return.keys else None,  # `{**base, ...}`: unknown
            returned_literal=literal,
            returned_literal_line=literal_line,
            returned_call=self._returned_call(call_return),
        )

    def _returned_call(self, call: ast.Call | None) -> ReturnedCall | None:
        if call is None:
            return None
        keywords = []
        for keyword in call.keywords:
            if keyword.arg is None:
                continue
            value = keyword.value
            keywords.append((keyword.arg, repr(value.value) if isinstance(value, ast.Constant) else "?"))
        return ReturnedCall(self._resolve(dotted_name(call.func) or "?"), tuple(keywords), call.lineno)

    def _unguarded_work(self, body: list[ast.stmt]) -> bool:
        """A call or await (logging aside) outside every try block: it may raise out."""
        stack: list[ast.AST] = list(body)
        while stack:
            node = stack.pop()
            if isinstance(node, ast.Try):
                continue
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            if isinstance(node, ast.Await) or (isinstance(node, ast.Call) and not self._is_logging(node)):
                return True
            if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
                return True  # `config["key"]` raises KeyError as surely as a call raises
            stack.extend(ast.iter_child_nodes(node))
        return False

    @staticmethod
    def _is_logging(call: ast.Call) -> bool:
        return isinstance(call.func, ast.Attribute) and call.func.attr in LOG_METHODS

    @staticmethod
    def _returns_false(handler: ast.ExceptHandler) -> bool:
        return any(isinstance(n, ast.Return) and isinstance(n.value, ast.Constant) and n.value.value is False
                   for n in ast.walk(handler))

    @staticmethod
    def _records_error(handler: ast.ExceptHandler) -> bool:
        """Logged (`logger.error(...)`) or kept (`self.last_error = error`)."""
        for inner in ast.walk(handler):
            if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) \
                    and inner.func.attr in LOG_METHODS:
                return True
            if isinstance(inner, ast.Assign) and handler.name and any(
                    isinstance(t, ast.Attribute) for t in inner.targets) and any(
                    isinstance(n, ast.Name) and n.id == handler.name for n in ast.walk(inner.value)):
                return True
        return False


def extract_contract_facts(tree: ast.Module, source: str, module: str, is_package: bool,
                           aliases: dict[str, str]) -> ContractFacts:
    """``aliases``: local name -> dotted origin of the module's imports and definitions."""
    return _Extractor(tree, source, module, is_package, aliases).run()
