"""What the fix does to one file: the stubs it moves or keeps, the placeholders, version
lookups and unbound names it replaces, the imports it retargets. plan.py builds these; the
canonical choice, the rewrite and the report read them."""

from __future__ import annotations

from dataclasses import dataclass, field

from plexilint.analysis.fallbacks import ImportFailureGap, NonePlaceholder, StubDefinition, VersionLookup
from plexilint.analysis.imports import NameImport
from plexilint.engine.facts import FileFacts
from plexilint.model import Replacement
from plexilint.policy.replacements import VERSION_GETTER


@dataclass(frozen=True)
class Placeholder:
    fact: NonePlaceholder
    fix: Replacement  # `name = get_fallback_instance("Name")`, as PLX104 decided it

    @property
    def helper(self) -> str:
        """get_fallback_instance or get_fallback_class."""
        return self.fix.imported

    @property
    def argument(self) -> str:
        """The class name passed to the helper."""
        return self.fix.argument


@dataclass(frozen=True)
class GapBinding:
    """A name a failed import leaves unbound, and the fallback its `except` branch binds."""

    fact: ImportFailureGap
    fix: Replacement  # `Name = get_fallback_class("Name")`, as PLX105 decided it

    @property
    def helper(self) -> str:
        return self.fix.imported


@dataclass
class FilePlan:
    file: FileFacts
    moved: list[StubDefinition] = field(default_factory=list)
    kept: list[tuple[StubDefinition, str]] = field(default_factory=list)  # with the reason
    placeholders: list[Placeholder] = field(default_factory=list)
    versions: list[VersionLookup] = field(default_factory=list)
    undefined: list[GapBinding] = field(default_factory=list)
    # Imports through a moved path, with the module and name to import from instead.
    retargeted: list[tuple[NameImport, str, str]] = field(default_factory=list)
    # Placeholders left as they are, with the reason (code tests them against None).
    kept_placeholders: list[tuple[Placeholder, str]] = field(default_factory=list)
    # (name, line) of the definitions inside a branch (`try`/`except`, `if`): not the module's
    # unconditional API, so importers of that name are never retargeted.
    conditional: set[tuple[str, int]] = field(default_factory=set)

    def is_conditional(self, stub: StubDefinition) -> bool:
        return (stub.name, stub.span.line) in self.conditional

    @property
    def changes_anything(self) -> bool:
        return bool(self.moved or self.placeholders or self.versions or self.undefined or self.retargeted)

    def central_names(self) -> list[str]:
        """Names this module will import from the central module."""
        names = {stub.name for stub in self.moved} | {p.helper for p in self.placeholders}
        if self.versions:
            names.add(VERSION_GETTER)
        return sorted(names)
