"""Plain data shared by every layer: findings and their locations."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A source range; lines are 1-based, columns 0-based (as in ``ast``)."""

    line: int
    column: int = 0
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True, order=True, slots=True)
class Related:
    """Another place that takes part in a finding (e.g. the other copies of a stub)."""

    path: str  # relative to the project root, posix form
    line: int


@dataclass(frozen=True, slots=True)
class Measure:
    """A number a finding is about (a function's complexity, a module's size): a baseline
    stores it, so that the finding counts as new again once the number gets worse."""

    name: str  # what is measured, as messages say it ("cyclomatic complexity", "lines")
    value: int | float
    higher_is_worse: bool = True


@dataclass(frozen=True, slots=True)
class Replacement:
    """What the fix does about a finding, as the rule decided it: the code at ``span`` (about
    ``name``, a ``kind`` of debris) goes, and ``replacement`` takes its place, with ``imported``
    imported from ``module``. The fix plan and the fix report read this, never the message."""

    name: str  # the name the finding is about (`event_manager`, `__version__`, the stub's name)
    kind: str  # a stub kind ("empty class"), PLACEHOLDER, VERSION_LOOKUP, UNBOUND_NAME or DATABASE_ACCESS
    span: Span  # the code that goes
    module: str = ""  # where `imported` comes from; "" for the central module the fix settles on
    imported: str = ""  # the stub, helper or accessor the replacement imports from `module`
    replacement: str = ""  # the code that takes its place, as the report shows it
    argument: str = ""  # the name passed to a fallback helper (`get_fallback_instance("EventManager")`)
    what: str = ""  # what the code at `span` does, as the report shows it ("`db.connect()` opens raw database access")


# Replacement.kind of what is not a stub.
PLACEHOLDER = "placeholder"
VERSION_LOOKUP = "version lookup"
UNBOUND_NAME = "unbound on import failure"
DATABASE_ACCESS = "database access"


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    symbol: str
    path: str  # absolute, posix form
    relpath: str  # relative to the project root, posix form
    span: Span
    message: str
    # What identifies this finding independently of line numbers (rule-specific).
    key: str = ""
    related: tuple[Related, ...] = field(default=())
    # Lines besides `span.line` whose `# noqa` also covers this finding (a block's decorators
    # and the comment line above it).
    noqa_lines: tuple[int, ...] = field(default=(), compare=False)
    # The numbers past a limit (complexity rules); never part of the finding's identity.
    measures: tuple[Measure, ...] = field(default=(), compare=False)
    # What the fix replaces, with what (rules the fix acts on fill it); never part of the
    # finding's identity nor of any output format.
    fix: Replacement | None = field(default=None, compare=False)

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    @property
    def fingerprint(self) -> str:
        """Stable across line shifts: code, file and the rule's own key."""
        digest = hashlib.sha256(f"{self.code}\0{self.relpath}\0{self.key}".encode())
        return digest.hexdigest()[:16]

    def sort_key(self) -> tuple:
        return (self.path, self.span.line, self.span.column, self.code, self.message)


@dataclass(frozen=True, slots=True)
class Note:
    """Something a run wants the user to know that is not a finding about a line: a rule
    family that stays silent for a reason, or what plexilint believes about the project.
    ``detail`` notes are shown only where the user asks for more (``--statistics``)."""

    source: str  # the rule family or code it is about ("PLX2")
    message: str
    detail: bool = False
