"""How severe each rule category is in the CI formats (documented in docs/ci.md)."""

from __future__ import annotations

from plexilint.model import Finding
from plexilint.rules import REGISTRY

# pylint categories: C convention, R refactor, W warning, E error, F fatal.
SARIF_LEVELS = {"F": "error", "E": "error", "W": "warning", "R": "note", "C": "note"}
GITHUB_LEVELS = {"F": "error", "E": "error", "W": "warning", "R": "notice", "C": "notice"}
GITLAB_SEVERITIES = {"F": "blocker", "E": "critical", "W": "major", "R": "minor", "C": "info"}


def category_of(finding: Finding) -> str:
    rule = REGISTRY.get(finding.code)
    return rule.category if rule is not None else "W"
