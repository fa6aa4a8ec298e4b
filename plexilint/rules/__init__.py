"""Every rule, registered by importing its family package."""

from plexilint.rules import (  # noqa: F401  (registration)
    complexity,
    consolidation,
    contracts,
    database,
    fallbacks,
    system,
)
from plexilint.rules.base import REGISTRY, FileRule, Rule


def all_rules() -> list[type[Rule]]:
    return [REGISTRY[code] for code in sorted(REGISTRY)]


def rule_for(code_or_symbol: str) -> type[Rule] | None:
    wanted = code_or_symbol.strip()
    for rule in REGISTRY.values():
        if wanted.upper() == rule.code or wanted.lower() == rule.symbol or wanted == rule.pylint_msgid():
            return rule
    return None


__all__ = ["REGISTRY", "FileRule", "Rule", "all_rules", "rule_for"]
