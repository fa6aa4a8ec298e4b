"""Module names follow Python's import rules from the project's import roots, and two files
never share one (tests/functional/module_names runs the same tree through every family and,
in test_frontends, through every front-end)."""

from __future__ import annotations

import json
from pathlib import Path

from plexilint.analysis.modules import distinct_module_names, resolve_import
from plexilint.config import load_config
from plexilint.runner.project import analyse_project

CASE = Path(__file__).parent / "functional" / "module_names"


def _names(root: Path) -> dict[str, str]:
    paths = sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)
    return {p.relative_to(root).as_posix(): name for p, name in distinct_module_names(paths, root).items()}


def test_names_of_the_layouts_in_the_functional_case():
    assert _names(CASE) == {
        "src/shop/__init__.py": "shop",
        "src/shop/plugin_base.py": "shop.plugin_base",
        "src/shop/core/repositories/orders.py": "shop.core.repositories.orders",
        "src/shop/core/database/repositories/processing_repository.py":
            "shop.core.database.repositories.processing_repository",
        "plugins/alpha/main.py": "plugins.alpha.main",
        "plugins/beta/main.py": "plugins.beta.main",
        "app/main.py": "app.main",
        "app/routes/users.py": "app.routes.users",
    }


def test_files_that_would_share_a_name_are_named_by_their_path(project):
    root = project({
        "pkg/__init__.py": "", "pkg/tool.py": "", "pkg/tool/__init__.py": "",  # the package wins
        "tools/my-tool.py": "",  # not an identifier
        "scripts/a-b/main.py": "", "scripts/c-d/main.py": "",  # both `main` from their script folder
        "scripts/e-f/runner.py": "",  # alone: its dotted name from its script folder
        "src/lib/core.py": "", "lib/core.py": "",  # src/ is searched first
        "class/x.py": "",  # a keyword cannot be imported
    })
    assert _names(root) == {
        "pkg/__init__.py": "pkg",
        "pkg/tool/__init__.py": "pkg.tool",
        "pkg/tool.py": "pkg/tool.py",
        "tools/my-tool.py": "tools/my-tool.py",
        "scripts/a-b/main.py": "scripts/a-b/main.py",
        "scripts/c-d/main.py": "scripts/c-d/main.py",
        "scripts/e-f/runner.py": "runner",
        "src/lib/core.py": "lib.core",
        "lib/core.py": "lib/core.py",
        "class/x.py": "x",
    }


def test_a_file_named_by_its_path_is_still_analysed(project):
    root = project({
        "tools/my-tool.py": "def emit(*args, **kwargs):\n    pass\n",
        "tools/other-tool.py": "def send(*args, **kwargs):\n    pass\n",
    })
    analysis = analyse_project(root, load_config(root))
    codes = sorted((f.relpath, f.code) for findings in analysis.findings.values() for f in findings)
    assert codes == [("tools/my-tool.py", "PLX101"), ("tools/other-tool.py", "PLX101")]
    # A relative import in it resolves to nothing rather than to a wrong package.
    assert resolve_import("tools/my-tool.py", False, "helpers", 1) is None


def test_messages_name_the_module_python_would_import(cli):
    status, out, _ = cli("check", CASE, "--format", "json", "--select", "PLX101")
    assert status == 1
    messages = {f["message"] for f in json.loads(out)["findings"]}
    assert messages and all("`plugins.fallbacks`" in message for message in messages)
