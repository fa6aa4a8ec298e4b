"""What the database family (PLX2xx) knows about one module: symbolic origins (``"sym:<dotted
name>"``) that the rules resolve against the drivers, the configuration and the project."""

from __future__ import annotations

from dataclasses import dataclass

from plexilint.model import Span

Origins = frozenset  # of "sym:<dotted>" strings


@dataclass(frozen=True, slots=True)
class Access:
    """A call that may reach a database: ``kind`` is ``call`` (the callee is ``sources``),
    ``method`` (a method called on a value that came from ``sources``) or ``construct``
    (a class built from such a value, e.g. a repository given a raw session)."""

    span: Span
    kind: str
    sources: tuple[str, ...]
    text: str
    method: str = ""
    function: str = ""


@dataclass(frozen=True, slots=True)
class ImportBinding:
    name: str
    origin: str
    span: Span
    type_checking: bool
    annotation_only: bool
    module_import: bool = False  # `import x.y as z`: the origin is certainly a module
    statement_line: int = 0  # the import statement's first line: a `# noqa` there covers its names


@dataclass(frozen=True, slots=True)
class Symbol:
    """A module-level function, class or variable and where its value comes from: a function's
    return annotation and returned values, a class's stored attributes, a variable's value.
    Static and class methods are functions named ``Class.method``. A class also keeps its
    bases (resolved dotted names) and what each ``self`` attribute holds, so that a subclass
    elsewhere can find the client its base class set."""

    name: str
    kind: str
    origins: tuple[str, ...]
    bases: tuple[str, ...] = ()
    attributes: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class Handler:
    span: Span
    end_line: int
    types: tuple[str, ...]  # resolved dotted names; () for a bare except
    reraises: bool  # `raise` or `raise <caught name>`
    raises: bool  # any raise statement
    status_codes: tuple[int, ...]  # HTTP statuses it raises or returns
    calls: tuple[str, ...]  # callee texts, for fallback hints
    fabricated: tuple[tuple[Span, str], ...]  # (where, why) of returns of made-up data


@dataclass(frozen=True, slots=True)
class TryBlock:
    span: Span
    body_end_line: int
    handlers: tuple[Handler, ...]
    function: str


@dataclass(frozen=True, slots=True)
class UnavailableBranch:
    """``if not db_available: return {...}``: the failure path of a health check."""

    span: Span
    end_line: int
    fabricated: tuple[tuple[Span, str], ...]
    function: str
    # `if self.client is None:`: where the tested value comes from (the rules check it is a
    # database handle); () when the test's words say database (`if not db_available:`).
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MethodShape:
    name: str
    span: Span
    client_calls: tuple[str, ...]  # self attributes whose methods it calls
    has_loop: bool
    switches_on_error: bool  # a try whose handler calls another client
    self_calls: tuple[str, ...]  # other methods of the class it calls
    walks_clients: bool = False  # a loop from one client to the next, then a raise when all failed


@dataclass(frozen=True, slots=True)
class ClientAttribute:
    """A ``self`` attribute a class delegates to: ``hints`` are the words that say what it is
    (the attribute, the parameter it came from, the keys of a dict of clients), ``origins``
    where its value comes from."""

    name: str
    container: bool
    hints: tuple[str, ...]
    origins: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClassShape:
    name: str
    span: Span
    methods: tuple[MethodShape, ...]
    clients: tuple[ClientAttribute, ...] = ()
    raised: tuple[str, ...] = ()  # last names of the exceptions its methods raise


@dataclass(frozen=True, slots=True)
class DatabaseFacts:
    accesses: tuple[Access, ...] = ()
    imports: tuple[ImportBinding, ...] = ()
    symbols: tuple[Symbol, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()  # module-level imported name -> origin
    tries: tuple[TryBlock, ...] = ()
    unavailable_branches: tuple[UnavailableBranch, ...] = ()
    classes: tuple[ClassShape, ...] = ()
