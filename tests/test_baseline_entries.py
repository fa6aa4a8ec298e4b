"""Baseline entries: keys computed from the source, measures that get worse, the file format."""

from __future__ import annotations

import textwrap

import pytest

from plexilint.engine.baseline import Baseline, Entry, EntryKey, worsening
from plexilint.engine.baseline_file import BaselineError, baseline_from_json, baseline_to_json
from plexilint.engine.finding_context import SourceContext
from plexilint.model import Finding, Measure, Span


def test_source_context_names_the_enclosing_definition():
    source = textwrap.dedent("""\
        import functools


        class Outer:
            @functools.cache
            def method(self):
                def inner():
                    return 1
                return inner


        def load(
            a,
        ):
            value = call(a,
                         b)
            if value:
                return value
        """).encode()
    context = SourceContext(source)
    assert [context.enclosing_symbol(line) for line in (1, 4, 5, 6, 8, 9, 12, 15)] == [
        "", "Outer", "Outer.method", "Outer.method", "Outer.method.inner", "Outer.method", "load", "load"]
    # A simple statement keeps all its lines, a compound one only its first.
    assert context.code_of(Span(15, 4, 16, 27)) == "value=call(a,b)"
    assert context.code_of(Span(17, 4, 18, 20)) == "if value:"
    assert context.code_of(Span(1, 0)) == ""  # a whole-module finding
    assert SourceContext(b"def broken(:\n    pass\n").code_of(Span(1, 0, 1, 3)) == "def broken(:"


def finding(*measures: Measure) -> Finding:
    return Finding("PLX404", "class-too-large", "/p/a.py", "a.py", Span(1, 6), "m", measures=measures)


def test_measures_get_worse_in_their_own_direction():
    entry = Entry(1, {"methods": 13})
    assert worsening(finding(Measure("methods", 13)), entry) is None
    assert worsening(finding(Measure("methods", 12)), entry) is None
    assert worsening(finding(Measure("methods", 14)), entry) == "methods from 13 to 14"
    assert worsening(finding(Measure("methods", 13), Measure("lines", 320)), entry) == (
        "lines now over the limit too (320)")
    index = Entry(1, {"maintainability index": 15.0})
    assert worsening(finding(Measure("maintainability index", 16.2, higher_is_worse=False)), index) is None
    assert worsening(finding(Measure("maintainability index", 12.5, higher_is_worse=False)), index) == (
        "maintainability index from 15.0 to 12.5")
    assert worsening(finding(Measure("methods", 99)), Entry(1)) is None  # nothing recorded to compare


def test_the_file_round_trips_and_rejects_what_is_not_a_baseline():
    baseline = Baseline({EntryKey("b.py", "PLX404", "Big", "class Big:"): Entry(2, {"methods": 14, "lines": 301}),
                         EntryKey("a.py", "PLX403", "", ""): Entry(1, {"lines of code": 812})})
    text = baseline_to_json(baseline)
    assert baseline_from_json(text) == baseline
    assert text.index('"a.py"') < text.index('"b.py"')
    assert text.index('"lines"') < text.index('"methods"')
    for bad, expected in [('{"tool": "plexilint", "version": 1, "entries": [{"path": "a.py"}]}', "entry 1"),
                          ('{"tool": "other"}', "not a plexilint baseline"),
                          ('{"tool": "plexilint", "version": 2, "entries": []}', "version 2")]:
        with pytest.raises(BaselineError, match=expected):
            baseline_from_json(bad)
