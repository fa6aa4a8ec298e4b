"""What the duplicated-fallback family (PLX1xx) knows about one module."""

from __future__ import annotations

from dataclasses import dataclass, field

from plexilint.model import Span

# Stub kinds, as named in messages and reports.
EMPTY_CLASS = "empty class"
KWARGS_BAG_CLASS = "kwargs-bag class"
CONSTANT_HOLDER = "constant-holder class"
NO_OP_FUNCTION = "no-op function"
IDENTITY_DECORATOR = "identity function or decorator"
EXCEPTION_FAMILY = "exception class differing only in literals"
LITERAL_HANDLER = "handler returning a literal dict"
STUB_ACCESSOR = "accessor of a stub instance"
STUB_HELPER = "helper that only serves stubs"


@dataclass(frozen=True, slots=True)
class StubDefinition:
    name: str
    kind: str
    shape: str  # equal for definitions that differ only in names and literal values
    exact: str  # equal only for identical definitions (docstrings and layout aside)
    span: Span
    source: str  # dedented source, the candidate body for the central module
    # Module imported in a sibling branch (try/except ImportError, if/else) that provides
    # this same name: the definition is a retained local copy of it.
    retained_from: str | None = None


@dataclass(frozen=True, slots=True)
class VersionLookup:
    callee: str  # dotted, resolved through the module's imports
    span: Span
    source: str


@dataclass(frozen=True, slots=True)
class NonePlaceholder:
    """A module-level `name = None` (what PLX104 judges)."""

    name: str
    span: Span
    exported: bool
    class_hint: str | None  # the class this placeholder stands for, when the module names one


@dataclass(frozen=True, slots=True)
class ImportFailureGap:
    """A name a guarded import binds and its `except ImportError:` branch leaves unbound (what
    PLX105 judges)."""

    name: str
    module: str
    span: Span
    used_line: int | None
    exported: bool


@dataclass(frozen=True, slots=True)
class ModuleImport:
    module: str
    span: Span


@dataclass(frozen=True, slots=True)
class DefinitionSummary:
    """A module-level class or function, as much as comparing it with another one needs."""

    name: str
    kind: str  # "class", "function" or "async function"
    bases: tuple[str, ...]  # last component of each base class
    members: tuple[str, ...]  # a class's method and attribute names; a function's parameters
    size: int  # lines
    span: Span
    guarded: bool  # in an `except ImportError:` branch or an `if`/`else` branch beside an import
    marked: bool = False  # `# type: ignore[no-redef]` on its line
    # A package's function calling a function of its own name (`return _impl.gettext(m)`): a wrapper.
    delegates: bool = False


@dataclass(frozen=True, slots=True)
class ImportFallbackCopy:
    """A definition, in an `except ImportError:` branch, of a name the `try` imported."""

    name: str
    module: str  # where the `try` imported it from (absolute)
    span: Span


@dataclass(frozen=True, slots=True)
class FallbackFacts:
    stubs: tuple[StubDefinition, ...] = ()
    version_lookups: tuple[VersionLookup, ...] = ()
    placeholders: tuple[NonePlaceholder, ...] = ()
    undefined_on_failure: tuple[ImportFailureGap, ...] = ()
    imports: tuple[ModuleImport, ...] = ()
    defined_names: tuple[str, ...] = ()
    exports: tuple[str, ...] = field(default=())
    # Lines of module-level text saying the module holds fallbacks (a comment, the module
    # docstring, a log message): its weak stub shapes count as stubs.
    markers: tuple[int, ...] = ()
    definitions: tuple[DefinitionSummary, ...] = ()
    import_copies: tuple[ImportFallbackCopy, ...] = ()
    # What the module imports, at module level: `import a.b` as "a.b", `from x import n` as "x.n".
    imported: tuple[str, ...] = ()
