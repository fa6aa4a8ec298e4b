"""Conventions every rule keeps (after wemake's meta-tests), and docs generated from code."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from plexilint.config.options import OPTIONS
from plexilint.reporting.generate_docs import generated_files
from plexilint.rules import all_rules
from plexilint.rules.base import REGISTRY, REQUIRED_SECTIONS, Rule

RULES = all_rules()


def test_codes_symbols_and_pylint_ids_are_unique():
    for attribute in ("code", "symbol"):
        values = [getattr(rule, attribute) for rule in RULES]
        assert len(values) == len(set(values)), attribute
    msgids = [rule.pylint_msgid() for rule in RULES]
    assert len(msgids) == len(set(msgids))
    assert all(re.fullmatch(r"[CRWEF]5\d{3}", m) for m in msgids)


VALID_DOC = """## What it does\nx\n## Why is this bad?\nx\n## Example\nx\nUse instead:\nx
## Options\nNone.\n## Fix\nx\n"""


@pytest.mark.parametrize("change, problem", [
    ({}, None),
    ({"code": "PLX101"}, "code PLX101 already used by DuplicatedFallbackStub"),
    ({"symbol": "duplicated-fallback-stub"}, "symbol duplicated-fallback-stub already used by DuplicatedFallbackStub"),
    ({"__doc__": VALID_DOC.replace("## Fix", "## Repair")}, "missing docstring section '## Fix'"),
    ({"reads": frozenset({"weather"})}, "reads must be a frozenset of fact kinds"),
], ids=["valid", "duplicate-code", "duplicate-symbol", "no-fix-section", "unknown-facts"])
def test_rule_metadata_is_checked_when_the_class_is_defined(change, problem):
    attributes = {"__doc__": VALID_DOC, "code": "PLX099", "symbol": "meta-test-rule", "summary": "A test",
                  "reads": frozenset(), **change}
    registered = dict(REGISTRY)
    try:
        if problem is None:
            type("MetaTestRule", (Rule,), attributes)
            assert REGISTRY["PLX099"].symbol == "meta-test-rule"
        else:
            with pytest.raises(TypeError, match=re.escape(problem)):
                type("MetaTestRule", (Rule,), attributes)
    finally:
        REGISTRY.clear()
        REGISTRY.update(registered)


def test_codes_sit_in_their_family_block():
    """Codes are assigned by the issues and never reused; each family keeps to its
    hundred-block."""
    for rule in RULES:
        assert 1 <= int(rule.code[4:]) <= 99
        assert rule.code[3] in "012345"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_documentation_is_complete(rule):
    doc = rule.documentation()
    positions = [doc.index(section) for section in REQUIRED_SECTIONS]
    assert positions == sorted(positions), "sections out of order"
    options = doc.split("## Options", 1)[1].split("## Fix", 1)[0]
    named = re.findall(r"^- `([a-z0-9.-]+)`$", options, re.MULTILINE)
    assert set(named) == set(rule.options)
    assert all(option in OPTIONS for option in rule.options)
    assert not rule.summary.endswith(".")


def test_every_rule_option_is_documented_and_every_option_is_used():
    used = {option for rule in RULES for option in rule.options}
    general = {"select", "ignore", "exclude", "per-file-ignores", "baseline", "cache", "respect-gitignore"}
    assert used | general == set(OPTIONS)


def test_generated_docs_are_up_to_date():
    stale = [str(path) for path, content in generated_files(REPO / "docs").items()
             if not path.is_file() or path.read_text(encoding="utf-8") != content]
    assert stale == [], "run `python -m plexilint.reporting.generate_docs` and commit the result"
