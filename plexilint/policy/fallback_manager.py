"""Which class is the project's database fallback manager: the one configured in
``[tool.plexilint.database] fallback-manager``, or else one found with evidence: a class that
keeps several database clients and switches from one to the next when one fails. Without
one, the rules about going through the manager have nothing to point to and stay silent."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from plexilint.analysis.database import ClassShape, ClientAttribute, Symbol
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.policy.project_names import ProjectNames

# What the rules and `--show-settings` say of a project without a manager.
NOT_FOUND = ("no database fallback manager was found (a class that keeps several database clients and switches "
             "to the next one when one fails)")
HOW_TO_DECLARE = ("If the project has one, declare it under [tool.plexilint.database]: fallback-manager = "
                  "[\"myapp.db.DatabaseFallbackManager\", \"myapp.db.get_fallback_manager\"]")

# Words in a class, attribute, parameter or key name that say "database".
DATABASE_WORDS = frozenset({
    "db", "dbs", "database", "databases", "sql", "sqlite", "postgres", "postgresql", "pg", "mysql", "mariadb",
    "mongo", "mongodb", "redis", "valkey", "vector", "vectors", "qdrant", "chroma", "chromadb", "pinecone",
    "weaviate", "milvus", "elastic", "elasticsearch", "opensearch", "cassandra", "neo4j", "clickhouse", "duckdb",
    "replica", "replicas", "storage", "store", "stores", "datastore", "session", "sessions", "engine", "engines",
    "connection", "connections", "orm",
})
# Class names that say "fallback manager" (a hint: database evidence is still needed).
MANAGER_NAME_HINTS = ("*FallbackManager", "*FailoverManager")
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")

DatabaseOrigin = Callable[[str], bool]


def words(name: str) -> set[str]:
    """``DatabaseFallbackManager`` -> {database, fallback, manager}; ``sql_client`` -> {sql, client}."""
    return {w.lower() for part in name.split("_") for w in _WORD.findall(part)}


def name_matches(dotted: str, patterns: list[str]) -> bool:
    """A pattern matches the dotted name or its last part."""
    return any(fnmatch.fnmatchcase(dotted, p) or fnmatch.fnmatchcase(dotted.rsplit(".", 1)[-1], p)
               for p in patterns)


@dataclass(frozen=True)
class Manager:
    """What plexilint believes about the project's fallback manager."""

    classes: tuple[str, ...] = ()  # dotted names of the manager classes found in the project
    accessors: tuple[str, ...] = ()  # dotted names of the functions that return one
    configured: tuple[str, ...] = ()  # `fallback-manager` patterns, when the project set them
    evidence: str = ""  # how it was found, for `--statistics` and `--show-settings`
    call: str = "get_fallback_manager()"  # what messages tell users to call
    import_line: str = ""  # `from app.database import get_fallback_manager`
    operations: tuple[str, ...] = ()  # the public methods of the manager classes

    @property
    def exists(self) -> bool:
        return bool(self.classes or self.configured)

    def is_manager_name(self, dotted: str) -> bool:
        if self.configured:
            return name_matches(dotted, list(self.configured))
        return dotted in self.classes


NO_MANAGER = Manager()


def is_database_client(client: ClientAttribute, is_database_origin: DatabaseOrigin) -> bool:
    return any(words(hint) & DATABASE_WORDS for hint in client.hints) or any(map(is_database_origin, client.origins))


def detection_evidence(shape: ClassShape, outage_error: str, is_database_origin: DatabaseOrigin) -> str | None:
    """Why a class is a database fallback manager, or None. It keeps database clients
    (several, or a container of them) and has a loop that goes from one to the next when one
    fails. Its clients are database clients by their names or values, or all of them when
    the class says it is about databases (its name, or the outage error it raises). A class
    named like a fallback manager that keeps database clients counts even before its loop
    is written. A service that calls another client in one `except` is not a manager: that
    is the local fallback PLX203 reports."""
    last = shape.name.rsplit(".", 1)[-1]
    says_database = bool(words(last) & DATABASE_WORDS) or outage_error in shape.raised
    clients = [c for c in shape.clients if says_database or is_database_client(c, is_database_origin)]
    if not clients:
        return None
    kept = ", ".join(f"self.{c.name}" for c in clients)
    several = len(clients) >= 2 or any(c.container for c in clients)
    if several and any(m.walks_clients for m in shape.methods):
        return f"keeps database clients ({kept}) and tries the next one when one fails"
    if name_matches(last, list(MANAGER_NAME_HINTS)):
        return f"is named like a fallback manager and keeps database clients ({kept})"
    return None


def find_manager(config: Config, names: ProjectNames, symbols: Mapping[str, Symbol],
                 class_shapes: Mapping[str, tuple[FileFacts, ClassShape]],
                 is_database_origin: DatabaseOrigin) -> Manager:
    """The manager classes, configured or detected (accessors are found afterwards, once
    the verdicts know the manager: see ``with_accessors``)."""
    configured = tuple(config["database.fallback-manager"])
    if configured:
        classes = tuple(name for name in sorted(class_shapes) if name_matches(name, list(configured)))
        return Manager(classes, configured=configured, evidence="configured in [tool.plexilint.database]")
    outage = config["database.outage-error"].rsplit(".", 1)[-1]
    found = []
    for name in sorted(class_shapes):
        evidence = detection_evidence(class_shapes[name][1], outage, is_database_origin)
        if evidence:
            found.append((name, evidence))
    if not found:
        return NO_MANAGER
    evidence = f"found: it {found[0][1]}" if len(found) == 1 else "found: " + "; ".join(
        f"{name.rsplit('.', 1)[-1]} {reason}" for name, reason in found)
    return Manager(tuple(name for name, _ in found), evidence=evidence)


def with_accessors(manager: Manager, accessors: list[str], names: ProjectNames,
                   owners: Mapping[str, FileFacts]) -> Manager:
    """The manager with its accessor functions, the one messages name first (one named like
    a manager, defined nearest the top), and where to import it from."""
    if not manager.exists:
        return manager
    accessors = sorted(accessors, key=lambda n: ("manager" not in n.rsplit(".", 1)[-1].lower(), n.count("."), n))
    if accessors:
        chosen = accessors[0]
        owner = owners.get(chosen)
        module = owner.module if owner is not None else chosen.rpartition(".")[0]
        imported = chosen[len(module) + 1:].split(".", 1)[0]
        module = _shortest_export(names, module, imported)
        call = chosen[len(owner.module) + 1:] if owner is not None else chosen.rsplit(".", 1)[-1]
        return Manager(manager.classes, tuple(accessors), manager.configured, manager.evidence, f"{call}()",
                       f"from {module} import {imported}")
    for pattern in manager.configured:  # an accessor outside the project: `shop.infra.manager`
        module, _, last = pattern.rpartition(".")
        if "*" not in pattern and "?" not in pattern and last[:1].islower():
            return Manager(manager.classes, (pattern,), manager.configured, manager.evidence, f"{last}()",
                           f"from {module} import {last}" if module else "")
    if manager.classes:
        chosen = manager.classes[0]
        owner = owners.get(chosen)
        if owner is not None:
            imported = chosen[len(owner.module) + 1:].split(".", 1)[0]
            return Manager(manager.classes, (), manager.configured, manager.evidence, f"{imported}(...)",
                           f"from {_shortest_export(names, owner.module, imported)} import {imported}")
    return manager


def _shortest_export(names: ProjectNames, module: str, name: str) -> str:
    """The package that re-exports ``module.name`` nearest the top (`app.database` for
    `app.database.factories`), else ``module`` itself."""
    best = module
    target = f"{module}.{name}"
    for alias, origin in names.aliases.items():
        exporter, _, local = alias.rpartition(".")
        if origin == target and local == name and module.startswith(exporter + ".") and len(exporter) < len(best):
            best = exporter
    return best
