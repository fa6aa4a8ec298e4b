"""The behaviour check on hand-made changes: each unsafe change is caught, named and attributed
(to a stub, an import or the whole fix), and `fix` leaves out what it refuses."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from plexilint.config import load_config
from plexilint.consolidation import fixer
from plexilint.consolidation.behaviour_check import check_behaviour
from plexilint.runner.project import analyse_project
from plexilint.consolidation.fix_facts import FIX_FACTS

CENTRAL = "app.fallbacks"
GUARDED = '''
try:
    from app.real import emit
except ImportError:
    def emit(*args, **kwargs):
        return None
'''
CENTRAL_SOURCE = "def emit(*args, **kwargs):\n    return None\n"


def _project(tmp_path: Path, files: dict[str, str]) -> tuple[Path, object]:
    root = tmp_path / "proj"
    (root / "app").mkdir(parents=True)
    (root / "pyproject.toml").write_text(f'[tool.plexilint]\nfallbacks-module = "{CENTRAL}"\n')
    (root / "app" / "__init__.py").write_text("")
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"))
    return root, analyse_project(root, load_config(root)).index


def _check(root: Path, index, changes: dict[str, tuple[str | None, str]]):
    return check_behaviour(root, index, CENTRAL, {
        (root / path).resolve(): (None if before is None else before.encode(), after.encode())
        for path, (before, after) in changes.items()})


def _new_central(root: Path) -> dict[str, tuple[None, str]]:
    return {"app/fallbacks.py": (None, CENTRAL_SOURCE)}


def test_an_equivalent_stub_replaced_in_its_branch_passes(tmp_path):
    root, index = _project(tmp_path, {"app/events.py": GUARDED})
    after = GUARDED.replace("    def emit(*args, **kwargs):\n        return None\n",
                            "    from app.fallbacks import emit\n")
    report = _check(root, index, {"app/events.py": (GUARDED.lstrip("\n"), after.lstrip("\n")), **_new_central(root)})
    assert report.passed, report.failures
    verified = report.files["app/events.py"]
    assert verified.equivalent == ["emit"] and verified.conditional == 1
    assert "`app.fallbacks` imports nothing from `app` at import time" in report.central


def test_a_conditional_stub_hoisted_to_module_level_is_refused(tmp_path):
    root, index = _project(tmp_path, {"app/events.py": GUARDED})
    after = "from app.fallbacks import emit\n" + GUARDED.replace(
        "    def emit(*args, **kwargs):\n        return None\n", "    pass\n")
    report = _check(root, index, {"app/events.py": (GUARDED.lstrip("\n"), after), **_new_central(root)})
    [failure] = report.failures
    assert failure.name == "emit" and "`emit` would be bound at" in failure.reason


def test_a_stub_replaced_by_a_different_central_body_is_refused(tmp_path):
    source = GUARDED.replace("def emit", "async def emit")
    root, index = _project(tmp_path, {"app/events.py": source})
    after = source.replace("    async def emit(*args, **kwargs):\n        return None\n",
                           "    from app.fallbacks import emit\n")
    report = _check(root, index, {"app/events.py": (source.lstrip("\n"), after.lstrip("\n")), **_new_central(root)})
    [failure] = report.failures
    assert failure.name == "emit" and "async function" in failure.reason


def test_an_import_of_a_name_with_a_real_definition_is_never_retargeted_to_the_stub(tmp_path):
    user = "from app.events import emit\n"
    root, index = _project(tmp_path, {"app/events.py": GUARDED, "app/user.py": user})
    report = _check(root, index, {"app/user.py": (user, "from app.fallbacks import emit\n"), **_new_central(root)})
    [failure] = report.failures
    assert failure.import_line == 1 and failure.name is None
    assert "bound differently in a `try` and its `except`" in failure.reason


def test_an_import_replaced_by_an_assignment_is_refused_not_a_crash(tmp_path):
    user = "from app.config import settings\n"
    root, index = _project(tmp_path, {"app/config.py": "settings = {}\n", "app/user.py": user})
    report = _check(root, index, {"app/user.py": (user, "settings = {}\n")})
    [failure] = report.failures
    assert failure.import_line == 1 and failure.name is None
    assert failure.reason == ("`settings` would be bound in `app.user` itself instead of imported from `app.config`, "
                              "and plexilint cannot tell they hold the same object")


def test_a_name_that_disappears_is_refused(tmp_path):
    source = "import os\n\nVALUE = os.sep\n"
    root, index = _project(tmp_path, {"app/values.py": source})
    report = _check(root, index, {"app/values.py": (source, "import os\n")})
    [failure] = report.failures
    assert "`VALUE` would be bound at nowhere instead of `module level`" in failure.reason


def test_a_new_package_beside_a_module_and_a_central_importing_the_package_are_refused(tmp_path):
    root, index = _project(tmp_path, {"app/utils.py": "def slug(x):\n    return x\n", "app/config.py": "X = 1\n"})
    report = check_behaviour(root, index, "app.utils.fallbacks", {
        root / "app/utils/__init__.py": (None, b""),
        root / "app/utils/fallbacks.py": (None, b"from app.config import X\n")})
    reasons = " ".join(f.reason for f in report.failures)
    assert all(f.path == "" for f in report.failures)  # the whole fix
    assert "would hide the module `app/utils.py`" in reasons
    assert "would import `app.config` at import time" in reasons


def test_fix_leaves_out_what_the_check_refuses_and_keeps_the_rest(tmp_path, monkeypatch):
    """A rewrite that hoists a conditional stub's import (an unsafe change) is left out; the
    safe part of the same fix is still proposed."""
    other = GUARDED.replace("emit", "notify")
    root, _ = _project(tmp_path, {"app/a.py": GUARDED, "app/b.py": GUARDED, "app/c.py": other, "app/d.py": other})
    real_rewrite = fixer.rewrite_module

    def hoisting_rewrite(text, plan, central):
        rewritten = real_rewrite(text, plan, central)
        if any(stub.name == "emit" for stub in plan.moved):  # a careless rewrite, for this test
            rewritten = f"from {central} import emit\n" + rewritten.replace(
                f"    from {central} import emit\n", "    pass\n")
        return rewritten

    monkeypatch.setattr(fixer, "rewrite_module", hoisting_rewrite)
    fix = fixer.propose_fix(analyse_project(root, load_config(root), extra_facts=FIX_FACTS))
    assert {f.name for f in fix.refused} == {"emit"}
    assert fix.behaviour.passed
    changed = {p.relative_to(root.resolve()).as_posix() for p in fix.changes}
    assert {"app/c.py", "app/d.py", "app/fallbacks.py"} <= changed and not {"app/a.py", "app/b.py"} & changed
    assert any(c.name == "emit" and "behaviour check" in c.reason for c in fix.plan.conflicts)


@pytest.mark.parametrize("folder", ["my-app", "2pkg", "class"])
def test_a_package_folder_that_is_not_an_identifier_is_refused_not_a_crash(tmp_path, folder):
    root = tmp_path / "proj"
    for sub in ("a", "b"):
        (root / folder / sub).mkdir(parents=True)
        (root / folder / sub / "__init__.py").write_text(textwrap.dedent(GUARDED).lstrip("\n"))
    (root / folder / "__init__.py").write_text("")
    (root / "pyproject.toml").write_text("[tool.plexilint]\n")
    fix = fixer.propose_fix(analyse_project(root, load_config(root), extra_facts=FIX_FACTS))
    # `<folder>/__init__.py` makes `a` and `b` sub-packages of a folder no import can name:
    # they have no dotted name, and the fix leaves them alone, saying why.
    assert fix.changes == {}
    assert all("not made of Python identifiers" in why for _, why in fix.plan.skipped)
    assert len(fix.plan.skipped) == 2


def test_a_module_in_a_folder_without_init_is_left_alone(tmp_path):
    """`app/scripts/` has no `__init__.py`: its module is `tool`, run from another import root,
    where `app.fallbacks` may not import. Its copy of the stub stays; the package's move."""
    root, _ = _project(tmp_path, {"app/a.py": GUARDED, "app/b.py": GUARDED, "app/scripts/tool.py": GUARDED})
    fix = fixer.propose_fix(analyse_project(root, load_config(root), extra_facts=FIX_FACTS))
    assert [path for path, _ in fix.plan.skipped] == ["app/scripts/tool.py"]
    changed = {p.relative_to(root.resolve()).as_posix() for p in fix.changes}
    assert changed == {"app/a.py", "app/b.py", "app/fallbacks.py"}


def test_the_proposed_central_module_avoids_a_folder_in_its_way(tmp_path):
    """Unconfigured, `app.fallbacks` would be proposed; `app/fallbacks/` (no `__init__.py`)
    stands there, so a free name is proposed instead and created."""
    root = tmp_path / "proj"
    (root / "app" / "fallbacks").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[tool.plexilint]\n")
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "fallbacks" / "data.py").write_text("X = 1\n")
    for name in ("a", "b"):
        (root / "app" / f"{name}.py").write_text(textwrap.dedent(GUARDED).lstrip("\n"))
    fix = fixer.propose_fix(analyse_project(root, load_config(root), extra_facts=FIX_FACTS))
    assert fix.plan.central_module == "app.fallbacks_central" and fix.plan.refused is None
    assert (root / "app" / "fallbacks_central.py").resolve() in fix.changes


def test_a_move_an_old_history_recorded_wrongly_is_not_trusted(tmp_path):
    """An earlier version recorded a fallback of an `except` branch as moved: the import of the
    real function through that module is still not retargeted."""
    import json

    user = "from app.events import emit\n"
    root, _ = _project(tmp_path, {"app/events.py": GUARDED, "app/user.py": user,
                                  "app/fallbacks.py": CENTRAL_SOURCE})
    (root / ".plexilint").mkdir()
    entry = {"name": "emit", "kind": "no-op function", "old_module": "app.events", "new_module": CENTRAL,
             "import": f"from {CENTRAL} import emit", "conditional": False}
    (root / ".plexilint" / "history.json").write_text(json.dumps({"steps": [], "mapping": [entry]}))
    fix = fixer.propose_fix(analyse_project(root, load_config(root), extra_facts=FIX_FACTS))
    assert (root / "app/user.py").resolve() not in fix.changes
    assert any(f.import_line == 1 and "bound differently" in f.reason for f in fix.refused)
