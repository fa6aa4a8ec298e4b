"""Conventions every rule keeps (after wemake's meta-tests), and docs generated from code."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from plexilint.config.options import OPTIONS
from plexilint.reporting.generate_docs import generated_files
from plexilint.rules import all_rules
from plexilint.rules.base import REQUIRED_SECTIONS

RULES = all_rules()


def test_codes_symbols_and_pylint_ids_are_unique():
    for attribute in ("code", "symbol"):
        values = [getattr(rule, attribute) for rule in RULES]
        assert len(values) == len(set(values)), attribute
    msgids = [rule.pylint_msgid() for rule in RULES]
    assert len(msgids) == len(set(msgids))
    assert all(re.fullmatch(r"[CRWEF]5\d{3}", m) for m in msgids)


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
    named = re.findall(r"^- `([a-z0-9.-]+)`$", doc.split("## Options", 1)[1], re.MULTILINE)
    assert set(named) == set(rule.options)
    assert all(option in OPTIONS for option in rule.options)
    assert not rule.summary.endswith(".")


def test_every_rule_option_is_documented_and_every_option_is_used():
    used = {option for rule in RULES for option in rule.options}
    general = {"select", "ignore", "exclude", "per-file-ignores"}
    assert used | general == set(OPTIONS)


def test_generated_docs_are_up_to_date():
    stale = [str(path) for path, content in generated_files(REPO / "docs").items()
             if not path.is_file() or path.read_text(encoding="utf-8") != content]
    assert stale == [], "run `python -m plexilint.reporting.generate_docs` and commit the result"
