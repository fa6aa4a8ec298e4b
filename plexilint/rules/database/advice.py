"""What the database rules tell users about the fallback manager: what to call instead and
where to import it from, the note of a project without one, and the model as
`--show-settings` prints it."""

from __future__ import annotations

from plexilint.analysis.database import ClassShape
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex
from plexilint.model import Note
from plexilint.rules.database.resolution import RAW, WRAPPED, DatabaseModel, database_model


def manager_classes(model: DatabaseModel) -> list[tuple[str, FileFacts, ClassShape]]:
    return [(name, *model.class_shapes[name]) for name in model.manager.classes if name in model.class_shapes]


def accessor_hint(model: DatabaseModel) -> str:
    """`get_fallback_manager()` (from where to import it)."""
    manager = model.manager
    hint = f"`{manager.call}`"
    return f"{hint} ({manager.import_line})" if manager.import_line else hint


def suggestion(model: DatabaseModel, operation: str = "") -> str:
    """`get_fallback_manager().search(...)` (from where to import it), or the manager's
    operations to choose from."""
    manager = model.manager
    methods = manager.operations
    if operation and operation in methods:
        advice = f"`{manager.call}.{operation}(...)`"
    elif methods:
        shown = ", ".join(methods[:6]) + (", ..." if len(methods) > 6 else "")
        advice = f"`{manager.call}` and one of its operations ({shown})"
    else:
        advice = f"`{manager.call}`"
    return f"{advice} ({manager.import_line})" if manager.import_line else advice


NOTE_SOURCE = "PLX2"
NOT_FOUND = ("no database fallback manager was found (a class that keeps several database clients and switches "
             "to the next one when one fails)")
HOW_TO_DECLARE = ("If the project has one, declare it under [tool.plexilint.database]: fallback-manager = "
                  "[\"myapp.db.DatabaseFallbackManager\", \"myapp.db.get_fallback_manager\"]")
NO_MANAGER_NOTE = Note(NOTE_SOURCE,
                       f"the database rules PLX201-PLX203, PLX205 and PLX206 are off: {NOT_FOUND}. {HOW_TO_DECLARE}")


def has_guarded_database_access(model: DatabaseModel) -> bool:
    """A guarded module reaches a database directly (what PLX201/PLX202 would report)."""
    for file in model.files:
        if not (file.database.accesses or file.database.imports) or not model.is_guarded(file):
            continue
        if any(model.access_verdict(a).category in (RAW, WRAPPED) for a in file.database.accesses):
            return True
        if any(model.verdict(f"sym:{b.origin}").category in (RAW, WRAPPED) for b in file.database.imports
               if not (b.type_checking or b.annotation_only)):
            return True
    return False


def _manager_notes(model: DatabaseModel) -> tuple[Note, ...]:
    manager = model.manager
    if not manager.exists:
        # Only where the rules had something to look at: a project without database code
        # needs no word about them.
        return (NO_MANAGER_NOTE,) if has_guarded_database_access(model) else ()
    names = ", ".join(manager.classes) or ", ".join(manager.configured)
    return (Note(NOTE_SOURCE, f"Database fallback manager: {names} ({manager.evidence}); call it as "
                 f"{accessor_hint(model)}", detail=True),)


def manager_notes(index: ProjectIndex, config: Config) -> tuple[Note, ...]:
    """The note of a project without a manager, or (shown on request) the manager found;
    computed once per run however many rules ask."""
    return index.derived("database-notes", config.digest, lambda: _manager_notes(database_model(index, config)))


class NeedsManager:
    """A rule about going through the fallback manager: silent in a project without one,
    where it leaves one note instead."""

    def notes(self, index: ProjectIndex, config: Config) -> tuple[Note, ...]:
        return manager_notes(index, config)


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
