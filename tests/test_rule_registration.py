"""A rule exists as soon as its module does: every `Rule` subclass under plexilint/rules/ is
registered (no family `__init__` has to import it) and has its generated documentation page."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import plexilint.rules
from conftest import REPO
from plexilint.reporting.rule_docs import rule_markdown
from plexilint.rules import all_rules
from plexilint.rules.base import Rule


def _concrete_rule_classes() -> list[type[Rule]]:
    for module in pkgutil.walk_packages(plexilint.rules.__path__, prefix="plexilint.rules."):
        importlib.import_module(module.name)
    found, pending = [], list(Rule.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        # Classes other tests build on the fly live elsewhere; abstract bases register nothing.
        if cls.__module__.startswith("plexilint.rules.") and not (
                inspect.isabstract(cls) or cls.__dict__.get("abstract", False)):
            found.append(cls)
    return found


def _codes_registered_by_a_plain_import() -> set[str]:
    """What a front-end sees: `plexilint.rules` imported alone, in a fresh interpreter (here,
    this test has imported every rule module itself, which would register them all anyway)."""
    script = "from plexilint.rules import all_rules; print(' '.join(r.code for r in all_rules()))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_every_rule_class_is_registered_and_documented():
    classes = _concrete_rule_classes()
    assert len(classes) >= 30
    assert set(all_rules()) == set(classes)
    assert sorted({cls.code for cls in classes} - _codes_registered_by_a_plain_import()) == []
    pages = REPO / "docs" / "rules"
    missing = [cls.code for cls in classes
               if not (pages / f"{cls.code}.md").is_file()
               or (pages / f"{cls.code}.md").read_text(encoding="utf-8") != rule_markdown(cls)]
    assert missing == [], "run `python -m plexilint.reporting.generate_docs` and commit the result"


def test_a_new_rule_module_is_registered_without_touching_any_other_file(tmp_path: Path):
    """A module dropped into a family package registers its rule: the family's `__init__` is
    not edited (the package's search path is extended with a temporary directory)."""
    (tmp_path / "brand_new_rule.py").write_text(textwrap.dedent('''\
        from plexilint.rules.base import FileRule


        class BrandNewRule(FileRule):
            """## What it does
            x
            ## Why is this bad?
            x
            ## Example
            x
            Use instead:
            x
            ## Options
            None.
            ## Fix
            x
            """

            code = "PLX199"
            symbol = "brand-new-rule"
            summary = "A rule nobody imports"
            reads = frozenset({"fallbacks"})

            def check_file(self, file, config):
                return iter(())
        '''), encoding="utf-8")
    script = textwrap.dedent(f"""\
        import plexilint.rules.fallbacks
        plexilint.rules.fallbacks.__path__.append({str(tmp_path)!r})
        import plexilint.rules
        plexilint.rules._import_every_rule_module()
        print(plexilint.rules.rule_for("brand-new-rule").code)
        """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "PLX199"
