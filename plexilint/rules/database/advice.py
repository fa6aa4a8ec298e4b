"""What the database rules tell users about the fallback manager: what to call instead and
where to import it from, the note of a project without one, and the model as
`--show-settings` prints it."""

from __future__ import annotations

from plexilint.analysis.database import ClassShape
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex
from plexilint.model import Note
from plexilint.policy.database_access import RAW, WRAPPED, DatabaseModel, database_model
from plexilint.policy.fallback_manager import HOW_TO_DECLARE, NOT_FOUND


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
