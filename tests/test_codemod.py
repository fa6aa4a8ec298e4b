"""The consolidation codemod on small projects: what moves, what stays, what the result reads."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from plexilint.config import load_config
from plexilint.consolidation.fixer import propose_fix
from plexilint.runner.project import analyse_project
from plexilint.consolidation.fix_facts import FIX_FACTS

CONFIG = '[tool.plexilint]\nfallbacks-module = "app.utils.fallbacks"\n'


def _project(tmp_path: Path, files: dict[str, str], config: str = CONFIG) -> Path:
    root = tmp_path / "proj"
    (root / "app" / "utils").mkdir(parents=True)
    (root / "pyproject.toml").write_text(config)
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "utils" / "__init__.py").write_text("")
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"))
    return root


def _fix(root: Path):
    return propose_fix(analyse_project(root, load_config(root), extra_facts=FIX_FACTS))


def _after(fix, root: Path, relative: str) -> str:
    return fix.changes[(root / relative).resolve()][1].decode()


GUARDED = '''
    """Events."""
    import logging
    from typing import Any

    # A comment that must survive.
    logger = logging.getLogger(__name__)

    try:
        from .manager import Event, EventManager, Priority, emit_event, event_manager
    except ImportError:
        logger.warning("fallback")

        class EventManager:  # type: ignore
            def __init__(self):
                pass

        class Priority:
            LOW = 1
            HIGH = 2

        event_manager = None

        def emit_event(*args: Any, **kwargs: Any) -> None:  # type: ignore
            pass


    def untouched(x):  # keeps its comment
        return x


    __all__ = ["EventManager", "Priority", "emit_event", "event_manager", "untouched"]
'''

TWIN = GUARDED.replace('"""Events."""', '"""Files."""').replace("Event", "FileEvent").replace("event", "file_event")


def test_stubs_in_an_except_branch_become_one_import_in_that_branch(tmp_path):
    root = _project(tmp_path, {"app/events/__init__.py": GUARDED, "app/files/__init__.py": GUARDED})
    fix = _fix(root)
    text = _after(fix, root, "app/events/__init__.py")
    assert "    from app.utils.fallbacks import EventManager, Priority, emit_event\n" in text
    assert 'event_manager = get_fallback_instance("EventManager")' in text
    assert "class EventManager" not in text and "def emit_event" not in text
    # Everything else is byte for byte what it was, comments included.
    assert "# A comment that must survive.\nlogger = logging.getLogger(__name__)" in text
    assert "def untouched(x):  # keeps its comment\n    return x" in text
    assert '__all__ = ["EventManager", "Priority", "emit_event", "event_manager", "untouched"]' in text
    # `Any` was only needed by the stub that moved: its import goes, `logging` stays.
    assert "from typing import Any" not in text and "import logging" in text
    assert "from app.utils.fallbacks import get_fallback_instance\n" in text


def test_the_central_module_gets_one_definition_per_stub_and_its_helpers(tmp_path):
    root = _project(tmp_path, {"app/events/__init__.py": GUARDED, "app/files/__init__.py": GUARDED})
    fix = _fix(root)
    central = _after(fix, root, "app/utils/fallbacks.py")
    tree = ast.parse(central)
    defined = [n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))]
    assert defined.count("EventManager") == 1 and defined.count("emit_event") == 1
    assert {"get_fallback_class", "get_fallback_instance", "get_module_version"} <= set(defined)
    assert "from typing import Any" in central  # what `emit_event` needs comes along
    assert "type: ignore" not in central
    assert not any(isinstance(n, (ast.Import, ast.ImportFrom)) and (getattr(n, "module", "") or "").startswith("app")
                   for n in tree.body)


def test_module_level_stubs_are_imported_at_the_top(tmp_path):
    stub = "import os\n\n\ndef helper():\n    return os.sep\n\n\ndef get_code(*args, **kwargs):\n    return 0\n"
    root = _project(tmp_path, {"app/a.py": stub, "app/b.py": stub})
    text = _after(_fix(root), root, "app/a.py")
    # Nothing in the module uses it: an explicit re-export, which flake8 does not report (F401).
    assert text == ("import os\nfrom app.utils.fallbacks import get_code as get_code  # noqa: F401\n\n\n"
                    "def helper():\n    return os.sep\n")


def test_same_name_with_different_bodies_is_a_conflict_left_in_place(tmp_path):
    guard = "try:\n    from .real import push, send\nexcept ImportError:\n"
    one = guard + '    def send(*args, **kwargs):\n        return {"error": "a"}\n\n    def push(*args, **kwargs):\n        return None\n'
    two = one.replace('"a"', '"b"')
    root = _project(tmp_path, {"app/a.py": one, "app/b.py": two})
    fix = _fix(root)
    assert [(c.name, c.reason) for c in fix.plan.conflicts] == [
        ("send", "2 different bodies share this name (its body differs from another one's)")]
    assert "def send" in _after(fix, root, "app/a.py") and "def push" not in _after(fix, root, "app/a.py")
    assert "def send" not in _after(fix, root, "app/utils/fallbacks.py")


def test_a_stub_that_needs_a_package_name_stays(tmp_path):
    text = """
        try:
            from .real import ping
        except ImportError:
            from app.settings import DEFAULT_TIMEOUT

            def ping(*args, timeout=DEFAULT_TIMEOUT, **kwargs):
                pass
    """
    root = _project(tmp_path, {"app/settings.py": "DEFAULT_TIMEOUT = 3\n", "app/a.py": text, "app/b.py": text})
    fix = _fix(root)
    assert [(c.name, c.reason) for c in fix.plan.conflicts] == [
        ("ping", "it uses `DEFAULT_TIMEOUT`, defined in `app.a` and not a stub that can move")]
    assert (root / "app" / "a.py").resolve() not in fix.changes


def test_retained_copies_beside_a_central_import_collapse_into_the_import(tmp_path):
    central = "class TaskScheduler:\n    def __init__(self):\n        pass\n"
    retained = '''
        try:
            from app.utils.fallbacks import TaskScheduler
        except ImportError:
            # Local copy kept until the central module exists.
            class TaskScheduler:
                def __init__(self):
                    pass
    '''
    root = _project(tmp_path, {"app/utils/fallbacks.py": central, "app/a.py": retained})
    text = _after(_fix(root), root, "app/a.py")
    assert text == "from app.utils.fallbacks import TaskScheduler as TaskScheduler  # noqa: F401\n"


def test_names_left_unbound_by_a_failed_import_get_a_fallback(tmp_path):
    gap = '''
        try:
            from .backends import RedisBackend, connect
        except ImportError:
            pass

        __all__ = ["RedisBackend", "connect"]
    '''
    root = _project(tmp_path, {"app/a.py": gap})
    text = _after(_fix(root), root, "app/a.py")
    assert "except ImportError:\n    RedisBackend = get_fallback_class(\"RedisBackend\")\n" \
           "    connect = get_fallback_instance(\"connect\")\n" in text
    assert "pass" not in text


def test_an_existing_central_module_is_completed_not_rewritten(tmp_path):
    central = '"""Ours."""\n\nimport logging\n\n\nclass Keep:  # ours\n    pass\n\n\n__all__ = ["Keep"]\n'
    stub = "def ping(*args, **kwargs):\n    pass\n"
    root = _project(tmp_path, {"app/utils/fallbacks.py": central, "app/a.py": stub, "app/b.py": stub})
    text = _after(_fix(root), root, "app/utils/fallbacks.py")
    assert text.startswith('"""Ours."""\n\nimport logging\n\n\nclass Keep:  # ours\n    pass\n')
    assert "def ping(*args, **kwargs):" in text and "def get_fallback_instance(" in text
    # Grown past 88 columns: one name per line.
    assert '__all__ = [\n    "Keep",\n    "ping",\n    "get_fallback_class",\n    "get_fallback_instance",\n' \
           '    "get_module_version",\n]\n' in text
    assert text.index("def ping") < text.index("__all__")


def test_an_all_list_holding_bytes_is_extended_not_rewritten_as_strings(tmp_path):
    """Only string literals are names: a bytes element is never turned into the string "b'Odd'"."""
    central = '"""Ours."""\n\n\nclass Keep:\n    pass\n\n\n__all__ = ["Keep", b"Odd"]\n'
    stub = "def ping(*args, **kwargs):\n    pass\n"
    root = _project(tmp_path, {"app/utils/fallbacks.py": central, "app/a.py": stub, "app/b.py": stub})
    text = _after(_fix(root), root, "app/utils/fallbacks.py")
    assert '__all__ = ["Keep", b"Odd", "ping", "get_fallback_class", "get_fallback_instance", ' \
           '"get_module_version"]\n' in text


def test_the_version_getter_repeats_the_lookup_lazily(tmp_path):
    version = 'from app.config import get_config\n\n__version__ = get_config("system.version", "0.0.0")\n'
    root = _project(tmp_path, {"app/config.py": "def get_config(key, default=None):\n    return '1.2.3'\n",
                               "app/a.py": version, "app/b.py": version})
    fix = _fix(root)
    assert _after(fix, root, "app/a.py") == \
        "from app.utils.fallbacks import get_module_version\n\n__version__ = get_module_version()\n"
    central = _after(fix, root, "app/utils/fallbacks.py")
    getter = central[central.index("def get_module_version"):]
    assert "        from app.config import get_config\n" in getter
    assert 'return str(get_config("system.version", "0.0.0"))' in getter


def test_non_utf8_and_crlf_files_keep_their_encoding_and_line_endings(tmp_path):
    latin = '# -*- coding: latin-1 -*-\r\n"""Caf\xe9."""\r\n\r\n\r\ndef ping(*args, **kwargs):\r\n    pass\r\n'
    root = _project(tmp_path, {"app/b.py": "def ping(*args, **kwargs):\n    pass\n"})
    (root / "app" / "a.py").write_bytes(latin.encode("latin-1"))
    fix = _fix(root)
    after = fix.changes[(root / "app" / "a.py").resolve()][1]
    assert after.startswith(b'# -*- coding: latin-1 -*-\r\n"""Caf\xe9."""\r\n')
    assert b"from app.utils.fallbacks import ping as ping  # noqa: F401\r\n" in after and b"\n\n" not in after.replace(b"\r\n", b"")


def test_imports_through_a_moved_path_are_retargeted(tmp_path):
    config = CONFIG + '\n[tool.plexilint.moved]\n"app.old:Thing" = "app.new:Thing"\n'
    root = _project(tmp_path, {"app/old.py": "Thing = 1\nother = 2\n", "app/new.py": "Thing = 1\n",
                               "app/user.py": "from app.old import Thing, other as o  # why\n\nprint(Thing, o)\n",
                               "app/aliased.py": "from .old import Thing as T\n"}, config)
    analysis = analyse_project(root, load_config(root), extra_facts=FIX_FACTS)
    assert [(f.relpath, f.code) for p in sorted(analysis.findings) for f in analysis.findings_for(Path(p))] == [
        ("app/aliased.py", "PLX501"), ("app/user.py", "PLX501")]
    fix = propose_fix(analysis)
    assert _after(fix, root, "app/user.py") == \
        "from app.old import other as o  # why\nfrom app.new import Thing\n\nprint(Thing, o)\n"
    assert _after(fix, root, "app/aliased.py") == "from app.new import Thing as T\n"


def test_importers_of_a_module_level_stub_follow_it_in_the_same_run(tmp_path):
    stub = "def get_code(*args, **kwargs):\n    return 0\n"
    root = _project(tmp_path, {"app/a.py": stub, "app/b.py": stub, "app/user.py": "from app.a import get_code\n"})
    fix = _fix(root)
    assert _after(fix, root, "app/user.py") == "from app.utils.fallbacks import get_code\n"
    for path, (_, after) in fix.changes.items():
        path.write_bytes(after)
    assert _fix(root).changes == {}


def test_shims_keep_old_paths_importable_with_a_deprecation_warning(tmp_path, cli):
    import subprocess
    import sys

    config = CONFIG + '\n[tool.plexilint.moved]\n"app.gone:Thing" = "app.new:Thing"\n"app.kept:Other" = "app.new:Other"\n'
    root = _project(tmp_path, {"app/new.py": "Thing = 1\nOther = 2\n", "app/kept.py": "STAYS = 3\n"}, config)
    status, _, err = cli("fix", root, "--shims", "--apply")
    assert status == 0, err
    assert (root / "app" / "gone.py").exists()
    assert (root / "app" / "kept.py").read_text().startswith("STAYS = 3\n\n\n_PLEXILINT_MOVED = ")
    for statement in ("from app.gone import Thing", "from app.kept import Other"):
        quiet = subprocess.run([sys.executable, "-c", f"{statement}; print({statement.split()[-1]})"],
                               cwd=root, capture_output=True, text=True)
        assert quiet.returncode == 0 and quiet.stdout.strip() in ("1", "2"), quiet.stderr
        strict = subprocess.run([sys.executable, "-W", "error::DeprecationWarning", "-c", statement],
                                cwd=root, capture_output=True, text=True)
        assert "DeprecationWarning" in strict.stderr and "app.new" in strict.stderr
    # Idempotent: the shims exist, nothing more to write.
    status, out, _ = cli("fix", root, "--shims")
    assert (status, out) == (0, "")


def test_apply_refuses_files_with_uncommitted_changes_unless_allowed(tmp_path, cli):
    import os
    import subprocess

    stub = "def ping(*args, **kwargs):\n    pass\n"
    root = _project(tmp_path, {"app/a.py": stub, "app/b.py": stub})
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "x"]):
        subprocess.run(command, cwd=root, check=True, env=env, capture_output=True)
    (root / "app" / "a.py").write_text(stub + "\n# work in progress\n")
    status, _, err = cli("fix", root, "--apply")
    assert status == 2
    assert "uncommitted changes" in err and "app/a.py" in err and "--allow-dirty" in err
    assert (root / "app" / "b.py").read_text() == stub  # nothing written
    status, out, err = cli("fix", root, "--apply", "--allow-dirty")
    assert status == 0, err
    assert "# work in progress" in (root / "app" / "a.py").read_text()
    assert "def ping" not in (root / "app" / "a.py").read_text()


def test_the_report_warns_of_a_cycle_when_the_central_module_imports_its_package(tmp_path):
    from plexilint.reporting.fix_report import build_report

    central = "from app.models import Model\n\n\nclass Keep:\n    pass\n"
    stub = "def ping(*args, **kwargs):\n    pass\n"
    files = {"app/models.py": "class Model:\n    pass\n", "app/a.py": stub, "app/b.py": stub}
    clean = _project(tmp_path / "clean", files)
    cyclic = _project(tmp_path / "cyclic", {**files, "app/utils/fallbacks.py": central})
    for root, expected in ((clean, "no import cycle is added"), (cyclic, "can close an import cycle")):
        analysis = analyse_project(root, load_config(root), extra_facts=FIX_FACTS)
        report = build_report(analysis, propose_fix(analysis))
        notes = " ".join(n for f in report["files"] for n in f["mitigation"])
        assert expected in notes


def test_missing_packages_of_the_central_module_are_created(tmp_path, cli):
    root = _project(tmp_path, {"app/events/__init__.py": GUARDED, "app/files/__init__.py": GUARDED},
                    config='[tool.plexilint]\nfallbacks-module = "app.core.shared.fallbacks"\n')
    fix = _fix(root)
    assert (root / "app/core/shared/fallbacks.py").resolve() in fix.changes
    for package in ("app/core/__init__.py", "app/core/shared/__init__.py"):
        assert fix.changes[(root / package).resolve()][0] is None  # created
    assert not (root / "fallbacks.py").resolve() in fix.changes
    cli("fix", root, "--apply", "--allow-dirty")
    status, out, _ = cli("check", root, "--select", "PLX1", "--format", "json")
    assert status == 0, out  # the moved stubs resolve to the new module: nothing left to report
    cli("rollback", root)
    assert not (root / "app" / "core").exists()  # created files and directories are removed


def test_a_placeholder_the_code_tests_against_none_stays(tmp_path):
    """The standard library's queue.py: `SimpleQueue = None` when `_queue` is missing, then
    `if SimpleQueue is None: SimpleQueue = _PySimpleQueue`. A fallback object there would skip
    the pure-Python class."""
    text = """
        try:
            from _queue import SimpleQueue
        except ImportError:
            SimpleQueue = None

        __all__ = ["SimpleQueue"]


        class _PySimpleQueue:
            pass


        if SimpleQueue is None:
            SimpleQueue = _PySimpleQueue
    """
    plain = text.replace("if SimpleQueue is None:\n            SimpleQueue = _PySimpleQueue\n", "")
    root = _project(tmp_path, {"app/queue.py": text, "app/other.py": plain.replace("SimpleQueue", "LifoQueue")})
    fix = _fix(root)
    assert (root / "app/queue.py").resolve() not in fix.changes
    assert 'LifoQueue = get_fallback_class("LifoQueue")' in _after(fix, root, "app/other.py")
    # PLX104 itself no longer reports a placeholder its own module replaces under `if X is None:`;
    # the fix keeps any other placeholder the project's code tests against None (and says so).
    assert not [c for c in fix.plan.conflicts if c.name == "SimpleQueue"]
