"""The Rule base class: metadata checked at class creation, and the registry."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar

from plexilint.engine.facts import FACT_KINDS
from plexilint.families import family_named, family_of, family_prefix, rule_number
from plexilint.model import Finding, Measure, Note, Related, Replacement, Span

if TYPE_CHECKING:
    from plexilint.config import Config
    from plexilint.engine.facts import FileFacts
    from plexilint.engine.index import ProjectIndex
    from plexilint.engine.selection import Selection

# In this order; `## Fix` says whether `plexilint fix` rewrites the finding, else how to by hand.
REQUIRED_SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "Use instead:", "## Options",
                     "## Fix")
CATEGORIES = {"C": "convention", "R": "refactor", "W": "warning", "E": "error", "F": "fatal"}
CODE = re.compile(r"^PLX[0-9]{3}$")
SYMBOL = re.compile(r"^[a-z]+(-[a-z]+)*$")

REGISTRY: dict[str, type[Rule]] = {}


class Rule:
    """A rule turns facts plus configuration into findings. Subclasses set the metadata
    below and write their documentation as the class docstring (ruff's section layout).

    A rule declares everything it reads: the kinds of per-file facts (`reads`, from
    engine/facts.py FACT_KINDS; a run extracts those its enabled rules read), its configuration
    keys (`options`) and the project files it depends on (`project_files`, relative to the
    project root: the runner reads them, hands them over through `index.project_files.read(path)`
    and keys the cached findings on their bytes)."""

    code: ClassVar[str]
    symbol: ClassVar[str]
    category: ClassVar[str] = "W"
    summary: ClassVar[str]  # one line, for `plexilint rules`
    reads: ClassVar[frozenset[str]]  # kinds of per-file facts the rule reads (none: frozenset())
    options: ClassVar[tuple[str, ...]] = ()  # configuration keys the rule reads
    project_files: ClassVar[tuple[str, ...]] = ()  # files it reads, relative to the project root
    added_in: ClassVar[str] = "0.1.0"
    # Its findings in a file depend on that file's facts alone (an editor's change re-runs it
    # on the changed file only).
    single_file: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if inspect.isabstract(cls) or cls.__dict__.get("abstract", False):
            return
        problems = _declaration_problems(cls) + _identity_problems(cls)
        if problems:
            raise TypeError(f"rule {cls.__name__}: " + "; ".join(problems))
        REGISTRY[cls.code] = cls

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""

    @classmethod
    def can_report(cls, config: Config) -> bool:
        """Whether the rule can find anything under ``config``; when not, the facts it reads
        are not extracted (unless another rule reads them)."""
        return True

    @classmethod
    def pylint_msgid(cls) -> str:
        """``PLX1NN`` -> ``<category>51NN``; the system family PLX0NN -> ``<category>50NN``."""
        return f"{cls.category}5{family_named(family_prefix(cls.code)).digit}{rule_number(cls.code)}"

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        raise NotImplementedError

    def notes(self, index: ProjectIndex, config: Config) -> Iterable[Note]:
        """What the run should tell the user besides findings (rules sharing a note give the
        same one: the engine keeps one of each)."""
        return ()

    def finding(self, file: FileFacts, span: Span, message: str, key: str = "",
                related: Iterable[Related] = (), noqa_lines: Iterable[int] = (),
                measures: Iterable[Measure] = (), fix: Replacement | None = None) -> Finding:
        return Finding(
            code=self.code,
            symbol=self.symbol,
            path=file.path,
            relpath=file.relpath,
            span=span,
            message=message,
            key=key,
            related=tuple(sorted(set(related))),
            noqa_lines=tuple(noqa_lines),
            measures=tuple(measures),
            fix=fix,
        )


def _declaration_problems(cls: type[Rule]) -> list[str]:
    """What is wrong with a rule's documentation, category and declared inputs."""
    doc = inspect.getdoc(cls) or ""
    problems = [f"missing docstring section {s!r}" for s in REQUIRED_SECTIONS if s not in doc]
    reads = getattr(cls, "reads", None)
    if not isinstance(reads, frozenset) or not reads <= FACT_KINDS:
        problems.append(f"reads must be a frozenset of fact kinds from {sorted(FACT_KINDS)}")
    if cls.category not in CATEGORIES:
        problems.append(f"category must be one of {sorted(CATEGORIES)}")
    return problems


def _identity_problems(cls: type[Rule]) -> list[str]:
    """What is wrong with a rule's code and symbol: their form, and one rule each."""
    problems = []
    if not CODE.match(getattr(cls, "code", "")):
        problems.append("code must look like PLX123")
    elif family_of(cls.code) is None:
        problems.append(f"code {cls.code} is in no family (plexilint/families.py)")
    if not SYMBOL.match(getattr(cls, "symbol", "")):
        problems.append("symbol must be kebab-case")
    if getattr(cls, "code", None) in REGISTRY:
        problems.append(f"code {cls.code} already used by {REGISTRY[cls.code].__name__}")
    # The symbol is the pylint message name and a `rule_for` key: one rule each.
    twins = [r.__name__ for r in REGISTRY.values() if r.symbol == getattr(cls, "symbol", None)]
    if twins:
        problems.append(f"symbol {cls.symbol} already used by {twins[0]}")
    return problems


class FileRule(Rule):
    """A rule that needs only one file's facts."""

    abstract = True
    single_file = True

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        for file in index.files:
            if file.parse_failure is None:
                yield from self.check_file(file, config)

    def check_file(self, file: FileFacts, config: Config) -> Iterator[Finding]:
        raise NotImplementedError


class AfterFindingsRule(Rule):
    """A rule about the other rules' findings (e.g. an unused suppression): the engine runs it
    once every other finding of the file is known, through `check_findings`."""

    abstract = True

    def check_findings(self, file: FileFacts, findings: list[Finding], selection: Selection) -> Iterator[Finding]:
        raise NotImplementedError


def describe_places(related: list[Related], limit: int = 3) -> str:
    """``a.py:3, b.py:9 and 4 more``: where the other copies are, inside the message."""
    shown = ", ".join(f"{r.path}:{r.line}" for r in related[:limit])
    rest = len(related) - limit
    return f"{shown} and {rest} more" if rest > 0 else shown
