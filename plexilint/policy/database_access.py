"""What the database rules and `--show-settings` share: which modules are guarded, and what a
symbolic origin resolves to (the fallback manager, raw database access, or nothing of interest)."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, replace

from plexilint.analysis.database import Access, ClassShape, Symbol
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex
from plexilint.policy.fallback_manager import (
    HOW_TO_DECLARE, NO_MANAGER, NOT_FOUND, Manager, find_manager, with_accessors)
from plexilint.policy.project_names import project_names

# Built-in knowledge: top-level modules of database drivers, ORMs and database clients.
DATABASE_MODULES = frozenset({
    "sqlite3", "dbm", "shelve", "psycopg", "psycopg2", "psycopg_pool", "asyncpg", "aiosqlite",
    "pymysql", "MySQLdb", "mysql", "aiomysql", "aiopg", "oracledb", "cx_Oracle", "pyodbc", "duckdb",
    "sqlalchemy", "sqlmodel", "databases", "tortoise", "peewee", "pony", "piccolo",
    "pymongo", "motor", "mongoengine", "beanie", "odmantic", "bson",
    "redis", "aioredis", "valkey",
    "qdrant_client", "chromadb", "pinecone", "weaviate", "pymilvus", "lancedb",
    "elasticsearch", "elasticsearch_dsl", "opensearchpy", "cassandra", "neo4j", "clickhouse_driver",
    "influxdb_client",
})
# Within those modules, the names that hand out a handle (connections, clients, sessions,
# engines, pools, cursors, collections); query builders such as `text`, `select` or
# `PointStruct` do not touch a database by themselves.
# Driver sub-modules that are themselves the client API (`import redis.asyncio as aioredis`).
CLIENT_SUBMODULES = frozenset({"asyncio", "aio", "orm", "ext", "motor_asyncio", "cluster", "pool", "extras",
                               "client", "connection"})
HANDLE_NAME = re.compile(
    r"connect|engine|session|client|pool|redis|valkey|from_url|database|connection|cursor|driver|"
    r"cluster|elasticsearch|opensearch|pinecone|index|collection|graph",
    re.IGNORECASE,
)
MANAGER = "manager"
RAW = "raw"
WRAPPED = "wrapped"  # a project class that keeps a raw handle (constructing it is raw access)


def module_matches(module: str, patterns: list[str]) -> bool:
    """fnmatch over dotted names; a leading `*.` also matches at the top level."""
    return any(
        fnmatch.fnmatchcase(module, pattern)
        or (pattern.startswith("*.") and fnmatch.fnmatchcase(module, pattern[2:]))
        for pattern in patterns
    )


# Test modules, where made-up data is the point.
_TEST_MODULES = ["*.tests", "*.tests.*", "*.test", "*.test.*", "*.test_*", "*_test", "*.conftest", "*.testing",
                 "*.testing.*"]


def is_test_module(module: str) -> bool:
    return module_matches(module, _TEST_MODULES)


@dataclass(frozen=True)
class Verdict:
    category: str | None  # MANAGER, RAW, WRAPPED or None
    via: str = ""  # the dotted name that decided it, for messages


def _built_in_verdict(dotted: str, config: Config) -> Verdict | None:
    """What the raw-access patterns or the built-in driver list say of a name; None when
    they say nothing."""
    raw_access = config["database.raw-access"]
    if raw_access and any(fnmatch.fnmatchcase(dotted, p) for p in raw_access):
        return Verdict(RAW, dotted)
    top, _, rest = dotted.partition(".")
    if top in DATABASE_MODULES:
        # The driver module itself (an import), or a name that hands out a handle.
        is_handle = not rest or HANDLE_NAME.search(rest.rsplit(".", 1)[-1])
        return Verdict(RAW, dotted) if is_handle else Verdict(None)
    return None


class DatabaseModel:
    """Resolves origins across the project, once per (index, config)."""

    def __init__(self, index: ProjectIndex, config: Config) -> None:
        self.config = config
        self.symbols: dict[str, Symbol] = {}
        self.owners: dict[str, FileFacts] = {}
        self.names = project_names(index)
        self.class_shapes: dict[str, tuple[FileFacts, ClassShape]] = {}
        self.files = index.files
        for file in index.files:
            facts = file.database
            for symbol in facts.symbols:
                self.symbols[f"{file.module}.{symbol.name}"] = symbol
                self.owners[f"{file.module}.{symbol.name}"] = file
            for shape in facts.classes:
                self.class_shapes[f"{file.module}.{shape.name}"] = (file, shape)
        self._verdicts: dict[str, Verdict] = {}
        self._manager: Manager | None = None
        self._interfaces: frozenset[str] = frozenset()
        self._guarded: dict[str, bool] = {}

    # -- modules ---------------------------------------------------------------------------

    def is_guarded(self, file: FileFacts) -> bool:
        guarded = self._guarded.get(file.module)
        if guarded is None:
            guarded = self._guarded[file.module] = module_matches(
                file.module, self.config["database.guarded"]) and not module_matches(
                file.module, self.config["database.allowed"])
        return guarded

    def is_api(self, file: FileFacts) -> bool:
        return module_matches(file.module, self.config["database.api"])

    # -- names -----------------------------------------------------------------------------

    def canonical(self, dotted: str) -> str:
        return self.names.canonical(dotted, self.symbols)

    def verdict(self, source: str) -> Verdict:
        if source in self._verdicts:
            return self._verdicts[source]
        self._verdicts[source] = Verdict(None)  # cycle guard
        result = self._decide(source)
        self._verdicts[source] = result
        return result

    def _decide(self, source: str) -> Verdict:
        if source.startswith("attr:"):
            return self._inherited_attribute(source)
        if not source.startswith("sym:"):
            return Verdict(None)
        dotted = self.canonical(source[4:])
        if self.manager.is_manager_name(dotted):
            return Verdict(MANAGER, dotted)
        configured = _built_in_verdict(dotted, self.config)
        if configured is not None:
            return configured
        symbol = self.symbols.get(dotted)
        if symbol is None:
            return self._member_of_symbol(dotted)
        kind, origins = symbol.kind, symbol.origins
        verdicts = [self.verdict(origin) for origin in origins]
        if kind != "class" and any(v.category == MANAGER for v in verdicts):
            return Verdict(MANAGER, dotted)
        if not any(v.category in (RAW, WRAPPED) for v in verdicts):
            # `vector_db: VectorDatabaseInterface`: the type the project's factories return
            # their adapters as is a database handle too.
            return Verdict(RAW, dotted) if dotted in self._interfaces else Verdict(None)
        if kind == "class":
            # A class of a guarded module is judged where it is defined; building an adapter
            # (or any class of an unguarded module that keeps a handle) is access.
            return Verdict(None) if self.is_guarded(self.owners[dotted]) else Verdict(WRAPPED, dotted)
        return Verdict(RAW, dotted)

    def _member_of_symbol(self, dotted: str) -> Verdict:
        """`app.db.engine.connect`: a method of a module-level handle is raw like the handle;
        `Repository.create` (a class's own function) is not."""
        parts = dotted.split(".")
        for cut in range(len(parts) - 1, 1, -1):
            owner = ".".join(parts[:cut])
            if owner in self.symbols:
                if self.symbols[owner].kind == "class":
                    return Verdict(None)
                verdict = self.verdict(f"sym:{owner}")
                return verdict if verdict.category == RAW else Verdict(None)
        return Verdict(None)

    def _inherited_attribute(self, source: str) -> Verdict:
        """``attr:<base>:<name>``: what ``self.<name>`` holds when the base class (or one of
        its own bases) sets it."""
        _, base, name = source.split(":", 2)
        symbol = self.symbols.get(self.canonical(base))
        if symbol is None or symbol.kind != "class":
            return Verdict(None)
        held = dict(symbol.attributes).get(name)
        sources = [f"sym:{o[4:]}" if o.startswith("sym:") else o for o in held] if held is not None \
            else [f"attr:{b}:{name}" for b in symbol.bases]
        for verdict in map(self.verdict, sources):
            if verdict.category is not None:
                return verdict
        return Verdict(None)

    def access_verdict(self, access: Access) -> Verdict:
        """MANAGER, RAW (direct database access) or None for one recorded call."""
        verdicts = [self.verdict(source) for source in access.sources]
        if any(v.category == MANAGER for v in verdicts):
            return next(v for v in verdicts if v.category == MANAGER)
        for verdict in verdicts:
            if verdict.category == RAW:
                return verdict
            # Building a project class that keeps a raw handle is access; calling its methods
            # is calling the project's own API.
            if verdict.category == WRAPPED and access.kind in ("call", "construct"):
                return verdict
        return Verdict(None)

    # -- the manager -----------------------------------------------------------------------

    @property
    def manager(self) -> Manager:
        """The project's fallback manager, configured or detected; computed once."""
        if self._manager is None:
            self._manager = NO_MANAGER  # while detecting, no name is the manager
            found = find_manager(self.config, self.names, self.symbols, self.class_shapes,
                                 lambda source: self.verdict(source).category in (RAW, WRAPPED))
            if found != NO_MANAGER:
                self._verdicts.clear()  # decided while the manager was unknown
            self._manager = found
            self._interfaces = database_interfaces(self)
            if self._interfaces:
                self._verdicts.clear()  # decided while the interfaces were unknown
            # (Otherwise every verdict so far stands: on a project without a manager, the
            # common case, they are not decided again.)
            accessors = [name for name, symbol in self.symbols.items()
                         if symbol.kind == "function" and self.verdict(f"sym:{name}").category == MANAGER]
            manager = with_accessors(found, accessors, self.names, self.owners)
            operations = sorted({m.name for name in manager.classes if name in self.class_shapes
                                 for m in self.class_shapes[name][1].methods if not m.name.startswith("_")})
            self._manager = replace(manager, operations=tuple(operations))
        return self._manager



def database_interfaces(model: DatabaseModel) -> frozenset[str]:
    """Project classes that a factory returning raw access names as its result type
    (`def create_vector_db() -> VectorDatabaseInterface: return QdrantAdapter(...)`)."""
    found = set()
    for name, symbol in model.symbols.items():
        if symbol.kind != "function" or model.verdict(f"sym:{name}").category != RAW:
            continue
        for origin in symbol.origins:
            target = model.canonical(origin[4:]) if origin.startswith("sym:") else ""
            held = model.symbols.get(target)
            if held is not None and held.kind == "class" and model.verdict(origin).category is None:
                found.add(target)
    return frozenset(found)


def database_model(index: ProjectIndex, config: Config) -> DatabaseModel:
    """One model per analysis run, shared by the PLX2 rules and `--show-settings`."""
    return index.derived("database", config.digest, lambda: DatabaseModel(index, config))


def describe_database_model(index: ProjectIndex, config: Config) -> dict:
    """The database model as `--show-settings` prints it: the manager and how it was found,
    the accessors, and the settings that decide what is guarded and what is raw access."""
    model = database_model(index, config)
    manager = model.manager
    return {
        "fallback-manager": {
            "found": manager.exists,
            "classes": list(manager.classes),
            "configured": list(manager.configured),
            "how": manager.evidence or f"{NOT_FOUND[0].upper()}{NOT_FOUND[1:]}. {HOW_TO_DECLARE}",
            "accessors": list(manager.accessors),
            "call": manager.call if manager.exists else None,
            "import": manager.import_line or None,
            "operations": list(manager.operations),
        },
        "guarded": config["database.guarded"],
        "allowed": config["database.allowed"],
        "api": config["database.api"],
        "raw-access": config["database.raw-access"],
        "outage-error": config["database.outage-error"],
    }
