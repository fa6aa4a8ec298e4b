"""SARIF ``reportingDescriptor`` objects: the metadata of the rules a report mentions."""

from __future__ import annotations

from plexilint.reporting.ci_levels import SARIF_LEVELS
from plexilint.families import family_named, family_prefix
from plexilint.reporting.rule_links import rule_docs_url
from plexilint.rules.base import Rule


def first_paragraph(documentation: str, section: str = "## What it does") -> str:
    """The section's first paragraph on one line; empty when the section is missing."""
    _, found, rest = documentation.partition(section)
    if not found:
        return ""
    paragraph = rest.strip().split("\n\n", 1)[0]
    return " ".join(paragraph.split())


def rule_descriptor(rule: type[Rule]) -> dict:
    documentation = rule.documentation()
    return {
        "id": rule.code,
        "name": rule.symbol,
        "shortDescription": {"text": f"{rule.summary}."},
        "fullDescription": {"text": first_paragraph(documentation) or f"{rule.summary}."},
        "help": {"text": documentation, "markdown": documentation},
        "helpUri": rule_docs_url(rule.code),
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.category]},
        "properties": {
            "tags": [family_named(family_prefix(rule.code)).title.lower()],
            "pylintMessageId": rule.pylint_msgid(),
        },
    }
