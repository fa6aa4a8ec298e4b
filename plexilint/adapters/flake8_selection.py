"""Which plexilint codes a flake8 run reports (its --select, --ignore, --extend-select,
--extend-ignore and their defaults, decided by flake8 itself), and the configuration that
computes only those: flake8 runs every installed plugin whatever it selects, and a finding it
would filter out needs no facts (`flake8 --select E,W,F` analyses nothing)."""

from __future__ import annotations

from typing import Any

from plexilint.config import Config
from plexilint.rules import all_rules
from plexilint.rules.base import AfterFindingsRule


def codes_flake8_reports(options: Any) -> frozenset[str] | None:
    """The codes of the rules flake8 reports with these options; None when its options do not
    say (a caller of its own)."""
    from flake8.style_guide import Decision, DecisionEngine

    try:
        decisions = DecisionEngine(options)
    except AttributeError:
        return None
    return frozenset(rule.code for rule in all_rules() if decisions.decision_for(rule.code) is Decision.Selected)


def narrowing(reported: frozenset[str] | None) -> frozenset[str] | None:
    """The codes to compute for a run reporting ``reported``, or None for all that the
    configuration enables. An unused-suppression finding depends on every other rule's findings
    (a `# noqa: PLX401` is unused only if PLX401 found nothing there): when flake8 reports it,
    every rule runs as the configuration says, so that it reports what `plexilint check` does."""
    rules = all_rules()
    if reported is None or len(reported) == len(rules):
        return None
    if any(issubclass(rule, AfterFindingsRule) and rule.code in reported for rule in rules):
        return None
    return reported


def narrowed_config(config: Config, codes: frozenset[str] | None) -> Config:
    """``config`` computing only ``codes`` (None: unchanged, so the run shares the command
    line's cache entries). The other codes are ignored, which the findings of the codes kept
    do not depend on (every rule reads facts, not other rules' findings, but the
    unused-suppression rule: see `narrowing`)."""
    if codes is None:
        return config
    dropped = [rule.code for rule in all_rules() if rule.code not in codes]
    return config.replace(ignore=[*config["ignore"], *dropped])
