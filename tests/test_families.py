"""The family objects, and codes taken apart in one place."""

from __future__ import annotations

import pytest

from plexilint.families import FAMILIES, family_named, family_of, family_prefix, in_family, rule_number
from plexilint.rules import all_rules
from plexilint.rules.base import Rule


def test_codes_are_taken_apart():
    assert family_prefix("PLX101") == "PLX1"
    assert rule_number("PLX101") == "01"
    assert family_of("PLX305") is family_named("PLX3")
    assert family_of("PLX1") is family_named("PLX1")
    assert family_of("PLX") is None and family_of("PLX901") is None
    assert in_family("PLX204", "PLX2") and not in_family("PLX204", "PLX20")


def test_every_rule_is_in_a_family():
    assert {family_prefix(rule.code) for rule in all_rules()} == {family.prefix for family in FAMILIES}


def test_a_rule_outside_every_family_is_refused():
    doc = "## What it does\nx\n## Why is this bad?\nx\n## Example\nx\nUse instead:\nx\n## Options\nNone.\n## Fix\nx\n"
    with pytest.raises(TypeError, match="PLX901 is in no family"):
        type("NoFamily", (Rule,), {"__doc__": doc, "code": "PLX901", "symbol": "no-family-rule", "summary": "x",
                                     "reads": frozenset()})
