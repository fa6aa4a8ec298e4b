"""Every rule, registered by defining it: each module under plexilint/rules/ is imported here
(found with pkgutil), and each concrete `Rule` subclass registers itself when its class is
defined. A new rule module needs no import anywhere else."""

import importlib
import pkgutil

from plexilint.rules.base import REGISTRY, FileRule, Rule


def _import_every_rule_module() -> None:
    for module in pkgutil.walk_packages(__path__, prefix=f"{__name__}."):
        importlib.import_module(module.name)


_import_every_rule_module()


def all_rules() -> list[type[Rule]]:
    return [REGISTRY[code] for code in sorted(REGISTRY)]


def rule_for(code_or_symbol: str) -> type[Rule] | None:
    wanted = code_or_symbol.strip()
    for rule in REGISTRY.values():
        if wanted.upper() == rule.code or wanted.lower() == rule.symbol or wanted == rule.pylint_msgid():
            return rule
    return None


__all__ = ["REGISTRY", "FileRule", "Rule", "all_rules", "rule_for"]
