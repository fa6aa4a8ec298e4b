"""The rule families, one object each, and the one place a rule code is taken apart.

A code is ``PLX`` + a family digit + a two-digit number: ``PLX101`` is rule 01 of family
``PLX1``. Everything that groups rules by family (the generated docs, SARIF tags, pylint's
checkers, the fix report's totals) reads it from here. What a rule reads is declared on the
rule itself (`Rule.reads`, `Rule.project_files`)."""

from __future__ import annotations

from dataclasses import dataclass

CODE_PREFIX = "PLX"


@dataclass(frozen=True)
class Family:
    digit: str  # "1" in PLX101
    title: str  # headings of the generated docs, SARIF tags, pylint checker names
    report_label: str  # the fix report's findings table

    @property
    def prefix(self) -> str:
        return f"{CODE_PREFIX}{self.digit}"


FAMILIES: tuple[Family, ...] = (
    Family("0", "System", "input"),
    Family("1", "Duplicated fallbacks", "duplicated fallbacks"),
    Family("2", "Database access", "database access"),
    Family("3", "Module contracts", "module contracts"),
    Family("4", "Complexity hotspots", "complexity"),
    Family("5", "Consolidation", "consolidation"),
)
_BY_PREFIX = {family.prefix: family for family in FAMILIES}


def family_prefix(code: str) -> str:
    """``PLX101`` -> ``PLX1`` (a shorter code, such as the selection prefix ``PLX``, is returned whole)."""
    return code[:len(CODE_PREFIX) + 1]


def rule_number(code: str) -> str:
    """``PLX101`` -> ``01``: the rule's number inside its family."""
    return code[len(CODE_PREFIX) + 1:]


def family_of(code: str) -> Family | None:
    """The family of a rule code or family prefix; None for anything else."""
    return _BY_PREFIX.get(family_prefix(code))


def family_named(prefix: str) -> Family:
    """The family with this prefix (``PLX1``); KeyError for an unknown one."""
    return _BY_PREFIX[prefix]


def in_family(code: str, prefix: str) -> bool:
    """Whether ``code`` belongs to the family ``prefix`` (``PLX1``)."""
    return family_prefix(code) == prefix
