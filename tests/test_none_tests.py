"""The `none_tests` facts: where code tests a name (or an attribute of that name) against None
or for truth. The fix leaves a placeholder `x = None` alone wherever one is found, so every
construct must be seen; a name only mentioned in a comment or a string is no test."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from conftest import write_project
from plexilint.analysis.none_tests import NoneTest, extract_none_tests
from plexilint.config import load_config
from plexilint.consolidation.fix_facts import FIX_FACTS
from plexilint.consolidation.fixer import propose_fix
from plexilint.engine.facts import extract_facts
from plexilint.runner.project import analyse_project


def _tested(source: str) -> set[tuple[str, int]]:
    return {(t.name, t.line) for t in extract_none_tests(ast.parse(textwrap.dedent(source)))}


@pytest.mark.parametrize("source", [
    "x is None",
    "x is not None",
    "x == None",
    "x != None",
    "None is x",
    "None != x",
    "0 < x is None",  # in a chain
    "if x: pass",
    "if y: pass\nelif x: pass",
    "while x: pass",
    "assert x, 'message'",
    "value = 1 if x else 2",
    "values = [v for v in range(3) if x]",
    "values = {v: v for v in range(3) if x}",
    "values = (v for v in range(3) if x)",
    "found = x or default()",
    "found = first() or x",
    "found = x and x.run()",
    "found = not x",
    "found = bool(x)",
    "if (x := make()): pass",
    "match x:\n    case None: pass",
    "match x:\n    case 1 | None: pass",
    "match x:\n    case (None as nothing): pass",
    "def f():\n    return x is None",  # every scope
    "class C:\n    def m(self):\n        if not x: pass",
    "f = lambda: x or 2",
    "async def f():\n    return [v async for v in g() if x]",
])
def test_each_construct_tests_the_name(source):
    assert "x" in {name for name, _ in _tested(source)}


@pytest.mark.parametrize("source", [
    "if x == 1: pass",
    "if new is not x: pass",  # `new` may be None where `x` was: the test flips
    "found = key in x",
    "if n < x: pass",
    "if mask & x: pass",  # an operator feeds x into the test
    "assert a + x <= b",
    "if -x: pass",
])
def test_a_name_compared_to_anything_or_fed_into_a_test_counts(source):
    """Erring on the safe side: a comparison with a value that was None changes when it no longer is."""
    assert "x" in {name for name, _ in _tested(source)}


@pytest.mark.parametrize("source", [
    "if self.x is None: pass",
    "if app.settings.x: pass",
    "found = self.x or default()",
    "found = not app.x",
    "found = bool(self.x)",
    "while self.x is not None: pass",
    "None == self.x",
])
def test_an_attribute_counts_by_its_own_name(source):
    assert "x" in {name for name, _ in _tested(source)}


@pytest.mark.parametrize("source", [
    "# if x is None: this comment mentions x\ny = 1",
    "text = 'if x is None or x'",
    '"""x is None, not x, x or y"""',
    "f(x)",
    "x = None",
    "x.run()",
    "y = x",
    "if x.ready(): pass",  # tests what the call returns, not x
    "if x[0]: pass",
    "if x.y: pass",  # tests `y`, not x
    "if len(x) > 2: pass",
    "x += 1",
    "int(x)",
])
def test_what_is_no_test_of_the_name(source):
    assert "x" not in {name for name, _ in _tested(source)}


def test_lines_are_those_of_the_tested_name_once_each_in_order():
    source = """\
        if (
            x is None
            or y
        ):
            pass
        z = x or x
        """
    assert extract_none_tests(ast.parse(textwrap.dedent(source))) == (
        NoneTest("x", 2), NoneTest("y", 3), NoneTest("x", 6))


def test_the_kind_is_extracted_only_when_asked_for(tmp_path):
    path = tmp_path / "m.py"
    path.write_text("if x is None:\n    x = 1\n")
    data = path.read_bytes()
    assert extract_facts(path, "m.py", data, kinds=frozenset({"fallbacks"})).none_tests == ()
    assert extract_facts(path, "m.py", data, kinds=frozenset({"none_tests"})).none_tests == (NoneTest("x", 1),)


# -- what the fix does with them ---------------------------------------------------------------------

_MANAGER = """\
try:
    from app.events import EventManager
except ImportError:
    EventManager = None
event_manager = None
"""


def _placeholders(root: Path) -> tuple[set[str], dict[str, str]]:
    fix = propose_fix(analyse_project(root, load_config(root), extra_facts=FIX_FACTS))
    replaced = {p.fact.name for file in fix.plan.files for p in file.placeholders}
    kept = {c.name: c.reason for c in fix.plan.conflicts}
    return replaced, kept


def test_a_placeholder_tested_through_an_attribute_elsewhere_stays(tmp_path):
    root = write_project(tmp_path, {
        "app/__init__.py": "",
        "app/services/__init__.py": "",
        "app/services/manager.py": _MANAGER,
        "app/api/routes.py": "from app.services import manager\n\n\ndef handle():\n"
                             "    if manager.event_manager is None:\n        return 'down'\n",
    })
    replaced, kept = _placeholders(root)
    assert "event_manager" not in replaced
    assert "app/api/routes.py:5" in kept["event_manager"]


def test_a_placeholder_mentioned_only_in_comments_and_strings_is_replaced(tmp_path):
    root = write_project(tmp_path, {
        "app/__init__.py": "",
        "app/services/__init__.py": "",
        "app/services/manager.py": _MANAGER,
        "app/api/routes.py": "# if event_manager is None: the manager is down\n"
                             "HELP = 'not event_manager means no events'\n",
    })
    replaced, kept = _placeholders(root)
    assert "event_manager" in replaced and "event_manager" not in kept


def test_the_fix_refuses_an_analysis_without_its_facts(tmp_path):
    root = write_project(tmp_path, {"app/__init__.py": "", "app/manager.py": _MANAGER})
    with pytest.raises(ValueError, match="none_tests"):
        propose_fix(analyse_project(root, load_config(root)))


def test_a_plain_check_never_extracts_them(tmp_path):
    root = write_project(tmp_path, {"app/__init__.py": "", "app/manager.py": _MANAGER + "if event_manager is None:\n    pass\n"})
    checked = analyse_project(root, load_config(root))
    assert "none_tests" not in checked.fact_kinds
    assert all(file.none_tests == () for file in checked.index.files)
    fixing = analyse_project(root, load_config(root), extra_facts=FIX_FACTS)
    assert NoneTest("event_manager", 6) in next(f for f in fixing.index.files if f.relpath == "app/manager.py").none_tests


def test_a_long_operator_chain_is_read_without_recursion():
    chain: ast.expr = ast.Name("x", lineno=1)
    for _ in range(5000):  # deeper than Python's recursion limit, built without the parser's limit
        chain = ast.BinOp(chain, ast.Add(), ast.Name("x", lineno=1))
    tree = ast.Module([ast.If(chain, [ast.Pass()], [])], [])
    assert extract_none_tests(tree) == (NoneTest("x", 1),)


def test_every_placeholder_stays_while_a_file_python_runs_could_not_be_analysed(tmp_path, monkeypatch):
    """A file nested deeper than the analysis goes still runs, and may test any placeholder."""
    from plexilint.engine import facts

    def too_deep_in_deep_py(tree):
        if any(isinstance(node, ast.Name) and node.id == "deep" for node in ast.walk(tree)):
            raise RecursionError
        return extract_none_tests(tree)

    monkeypatch.setattr(facts, "extract_none_tests", too_deep_in_deep_py)
    root = write_project(tmp_path, {
        "app/__init__.py": "",
        "app/services/__init__.py": "",
        "app/services/manager.py": _MANAGER,
        "app/api/routes.py": "deep = 1\n",
    })
    replaced, kept = _placeholders(root)
    assert "event_manager" not in replaced
    assert "could not analyse app/api/routes.py" in kept["event_manager"]
