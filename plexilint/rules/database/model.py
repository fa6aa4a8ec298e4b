"""What the database rules share: which modules are guarded, and what a symbolic origin
resolves to (the fallback manager, raw database access, or nothing of interest)."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

from plexilint.analysis.database import Access, ClassShape
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex
from plexilint.rules.project_names import project_names

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


def _name_matches(dotted: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(dotted, p) or fnmatch.fnmatchcase(dotted.rsplit(".", 1)[-1], p)
               for p in patterns)


@dataclass(frozen=True)
class Verdict:
    category: str | None  # MANAGER, RAW, WRAPPED or None
    via: str = ""  # the dotted name that decided it, for messages


def _configured_verdict(dotted: str, config: Config) -> Verdict | None:
    """What the configuration (the fallback manager, raw-access patterns) or the built-in
    driver list says of a name; None when they say nothing."""
    database = "database."
    if _name_matches(dotted, config[database + "fallback-manager"]):
        return Verdict(MANAGER, dotted)
    if config[database + "raw-access"] and any(
            fnmatch.fnmatchcase(dotted, p) for p in config[database + "raw-access"]):
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
        self.symbols: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.owners: dict[str, FileFacts] = {}
        self.names = project_names(index)
        self.class_shapes: dict[str, tuple[FileFacts, ClassShape]] = {}
        for file in index.files:
            facts = file.database
            for symbol in facts.symbols:
                self.symbols[f"{file.module}.{symbol.name}"] = (symbol.kind, symbol.origins)
                self.owners[f"{file.module}.{symbol.name}"] = file
            for shape in facts.classes:
                self.class_shapes[f"{file.module}.{shape.name}"] = (file, shape)
        self._verdicts: dict[str, Verdict] = {}

    # -- modules ---------------------------------------------------------------------------

    def is_guarded(self, file: FileFacts) -> bool:
        database = "database."
        return module_matches(file.module, self.config[database + "guarded"]) and not module_matches(
            file.module, self.config[database + "allowed"])

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
        if not source.startswith("sym:"):
            return Verdict(None)
        dotted = self.canonical(source[4:])
        configured = _configured_verdict(dotted, self.config)
        if configured is not None:
            return configured
        symbol = self.symbols.get(dotted)
        if symbol is None:
            return self._member_of_symbol(dotted)
        kind, origins = symbol
        verdicts = [self.verdict(origin) for origin in origins]
        if kind != "class" and any(v.category == MANAGER for v in verdicts):
            return Verdict(MANAGER, dotted)
        if not any(v.category in (RAW, WRAPPED) for v in verdicts):
            return Verdict(None)
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
                if self.symbols[owner][0] == "class":
                    return Verdict(None)
                verdict = self.verdict(f"sym:{owner}")
                return verdict if verdict.category == RAW else Verdict(None)
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

    def manager_classes(self) -> list[tuple[str, FileFacts, ClassShape]]:
        patterns = self.config["database.fallback-manager"]
        return [(name, file, shape) for name, (file, shape) in sorted(self.class_shapes.items())
                if _name_matches(name, patterns)]

    def accessor(self) -> str:
        """What messages tell users to call: the configured accessor, else the project's."""
        patterns = self.config["database.fallback-manager"]
        for pattern in patterns:
            last = pattern.rsplit(".", 1)[-1]
            if "*" not in last and last[:1].islower():
                return f"{last}()"
        for name, (kind, _) in sorted(self.symbols.items()):
            if kind == "function" and _name_matches(name, patterns):
                return f"{name.rsplit('.', 1)[-1]}()"
        return "get_fallback_manager()"

    def manager_methods(self) -> list[str]:
        names = set()
        for _, _, shape in self.manager_classes():
            names.update(m.name for m in shape.methods if not m.name.startswith("_"))
        return sorted(names)

    def suggestion(self, operation: str = "") -> str:
        """`get_fallback_manager().search(...)`, or the manager's operations to choose from."""
        methods = self.manager_methods()
        if operation and operation in methods:
            return f"`{self.accessor()}.{operation}(...)`"
        if methods:
            shown = ", ".join(methods[:6]) + (", ..." if len(methods) > 6 else "")
            return f"`{self.accessor()}` and one of its operations ({shown})"
        return f"`{self.accessor()}`"


def database_model(index: ProjectIndex, config: Config) -> DatabaseModel:
    """One model per analysis run, shared by the PLX2 rules."""
    return index.derived("database", config.digest, lambda: DatabaseModel(index, config))
