"""Baselines: `plexilint baseline create|update` and `plexilint check --baseline FILE`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plexilint.reporting.formats import FORMATS
from stub_projects import DUPLICATED_STUBS, stub

BASELINE = ".plexilint-baseline.json"


STUBS = {**DUPLICATED_STUBS, "pkg/cache/__init__.py": stub("CacheManager")}

SERVICE = {
    "app/__init__.py": "",
    "app/services/__init__.py": "",
    "app/services/store.py": """\
        import sqlite3


        def load():
            conn = sqlite3.connect("x.db")
            conn.execute("select 1")
            conn.execute("select 1")
        """,
}

COMPLEX = {
    "app/__init__.py": "",
    "app/calc.py": """\
        def price(kind, amount):
            if kind == "a":
                return 1
            if kind == "b":
                return 2
            if kind == "c":
                return 3
            return amount
        """,
}
# The database rules need a fallback manager to point to; this one lives outside the project.
DATABASE_MANAGER = '[tool.plexilint.database]\nfallback-manager = ["get_fallback_manager"]\n'
LOW_CYCLOMATIC = 'select = ["PLX401"]\n[tool.plexilint.complexity]\nmax-cyclomatic = 3\n'


@pytest.fixture
def project(project, monkeypatch):
    """The shared fixture, run from the project root: text output shows project paths."""

    def make(files: dict[str, str], config: str | None = "") -> Path:
        root = project(files, config)
        monkeypatch.chdir(root)
        return root

    return make


def entries(root) -> list[dict]:
    return json.loads((root / BASELINE).read_text(encoding="utf-8"))["entries"]


def reported(out: str) -> list[tuple[str, str]]:
    """(path, code) of each finding in text output."""
    return [(line.split(":")[0], line.split()[1]) for line in out.splitlines() if ": PLX" in line]


def test_create_writes_a_sorted_versioned_file(project, cli, monkeypatch):
    root = project(STUBS)
    monkeypatch.chdir(root)
    status, out, _ = cli("baseline", "create")
    assert status == 0
    assert "3 finding(s) accepted" in out
    document = json.loads((root / BASELINE).read_text(encoding="utf-8"))
    assert (document["tool"], document["version"]) == ("plexilint", 1)
    assert document["entries"][0] == {"path": "pkg/cache/__init__.py", "code": "PLX101", "symbol": "CacheManager",
                                      "source": "class CacheManager:", "count": 1}
    assert [e["path"] for e in document["entries"]] == sorted(e["path"] for e in document["entries"])


def test_create_is_deterministic_and_refuses_to_overwrite(project, cli):
    root = project(STUBS)
    assert cli("baseline", "create", root)[0] == 0
    first = (root / BASELINE).read_bytes()
    status, _, err = cli("baseline", "create", root)
    assert status == 2
    assert "already exists" in err and "--force" in err
    assert cli("baseline", "create", root, "--force")[0] == 0
    assert (root / BASELINE).read_bytes() == first


def test_check_with_baseline_reports_nothing_known(project, cli):
    root = project(STUBS)
    assert cli("check", root)[0] == 1
    cli("baseline", "create", root)
    status, out, err = cli("check", root, "--baseline", root / BASELINE)
    assert status == 0
    assert reported(out) == []
    assert "3 known finding(s) accepted" in err


def test_baselined_findings_reach_the_report(project, cli, monkeypatch):
    """Formats that show suppressed results (SARIF) get the accepted findings."""
    root = project(STUBS)
    cli("baseline", "create", root)
    seen = {}

    def probe(report):
        seen["findings"], seen["baselined"] = report.findings, report.baselined
        return ""

    monkeypatch.setitem(FORMATS, "probe", probe)
    from plexilint.adapters.cli import main
    assert main(["check", str(root), "--baseline", str(root / BASELINE), "--format", "probe"]) == 0
    assert seen["findings"] == []
    assert sorted(f.relpath for f in seen["baselined"]) == [
        "pkg/cache/__init__.py", "pkg/events/__init__.py", "pkg/files/__init__.py"]


def test_editing_lines_above_a_finding_does_not_resurface_it(project, cli):
    root = project(STUBS)
    cli("baseline", "create", root)
    path = root / "pkg" / "events" / "__init__.py"
    path.write_text('"""Events."""\n\nimport os\n\nDEBUG = os.environ.get("DEBUG")\n\n\n'
                    + path.read_text().replace("class EventManager:", "class   EventManager :"))
    status, out, _ = cli("check", root, "--baseline", root / BASELINE)
    assert (status, reported(out)) == (0, [])


def test_swapping_one_violation_for_another_is_caught(project, cli):
    """One stub removed and a different one added: the count is the same, the finding is new."""
    root = project(STUBS)
    cli("baseline", "create", root)
    (root / "pkg" / "cache" / "__init__.py").write_text("")
    (root / "pkg" / "queue").mkdir()
    (root / "pkg" / "queue" / "__init__.py").write_text(stub("QueueManager"))
    status, out, err = cli("check", root, "--baseline", root / BASELINE)
    assert status == 1
    assert reported(out) == [("pkg/queue/__init__.py", "PLX101")]
    assert "1 baselined finding(s) no longer occur" in err
    assert "pkg/cache/__init__.py: PLX101 in `CacheManager`: class CacheManager:" in err
    assert "`plexilint baseline update`" in err


def test_the_same_finding_is_counted(project, cli):
    root = project(SERVICE, DATABASE_MANAGER)
    cli("baseline", "create", root)
    execute = [e for e in entries(root) if e["source"] == 'conn.execute("select 1")']
    assert execute == [{"path": "app/services/store.py", "code": "PLX201", "symbol": "load",
                        "source": 'conn.execute("select 1")', "count": 2}]
    path = root / "app" / "services" / "store.py"
    path.write_text(path.read_text() + '    conn.execute("select 1")\n')
    status, out, _ = cli("check", root, "--baseline", root / BASELINE)
    assert status == 1
    assert out.splitlines()[0].startswith("app/services/store.py:8:5: PLX201 ")
    assert len(reported(out)) == 1


def test_stale_entries_are_a_note_not_a_failure(project, cli):
    root = project(SERVICE, DATABASE_MANAGER)
    cli("baseline", "create", root)
    path = root / "app" / "services" / "store.py"
    path.write_text(path.read_text().replace('    conn.execute("select 1")\n', "", 1))
    status, out, err = cli("check", root, "--baseline", root / BASELINE)
    assert (status, reported(out)) == (0, [])
    assert "note: 1 baselined finding(s) no longer occur" in err
    assert 'app/services/store.py: PLX201 in `load`: conn.execute("select 1")' in err


def test_update_shrinks_the_baseline(project, cli):
    root = project(SERVICE, DATABASE_MANAGER)
    cli("baseline", "create", root)
    path = root / "app" / "services" / "store.py"
    path.write_text(path.read_text().replace('    conn.execute("select 1")\n', "", 1))
    status, out, _ = cli("baseline", "update", root)
    assert status == 0
    assert "1 fixed finding(s) removed" in out
    assert [e["count"] for e in entries(root) if e["code"] == "PLX201" and "execute" in e["source"]] == [1]
    status, _, err = cli("check", root, "--baseline", root / BASELINE)
    assert status == 0 and "no longer occur" not in err


def test_update_refuses_to_grow_without_the_flag(project, cli):
    root = project(STUBS)
    cli("baseline", "create", root)
    before = (root / BASELINE).read_bytes()
    (root / "pkg" / "queue").mkdir()
    (root / "pkg" / "queue" / "__init__.py").write_text(stub("QueueManager"))
    status, _, err = cli("baseline", "update", root)
    assert status == 2
    assert "1 finding(s) are not in the baseline" in err and "--allow-grow" in err
    assert "pkg/queue/__init__.py:1:7: PLX101" in err
    assert (root / BASELINE).read_bytes() == before
    status, out, _ = cli("baseline", "update", root, "--allow-grow")
    assert status == 0 and "1 new or worse accepted" in out
    assert "pkg/queue/__init__.py" in [e["path"] for e in entries(root)]
    assert cli("check", root, "--baseline", root / BASELINE)[0] == 0


def test_update_without_a_baseline_is_an_error(project, cli):
    root = project(STUBS)
    status, _, err = cli("baseline", "update", root)
    assert status == 2
    assert "no baseline file" in err and "baseline create" in err


def test_a_baselined_function_that_gets_more_complex_fails_again(project, cli):
    root = project(COMPLEX, LOW_CYCLOMATIC)
    cli("baseline", "create", root)
    assert entries(root)[0]["measures"] == {"cyclomatic complexity": 4}
    path = root / "app" / "calc.py"
    source = path.read_text()
    # A body edit that keeps the complexity stays accepted.
    path.write_text(source.replace("return amount", "return amount * 2"))
    assert cli("check", root, "--baseline", root / BASELINE)[0] == 0
    path.write_text(source.replace("    return amount\n", '    if kind == "d":\n        return 4\n    return amount\n'))
    status, out, _ = cli("check", root, "--baseline", root / BASELINE)
    assert status == 1
    assert "app/calc.py:1:5: PLX401 `price` has cyclomatic complexity 5" in out
    assert "worse than the baseline: cyclomatic complexity from 4 to 5" in out
    status, _, err = cli("baseline", "update", root)
    assert status == 2 and "1 of them baselined but worse" in err


def test_update_tightens_an_improved_measure(project, cli):
    root = project(COMPLEX, LOW_CYCLOMATIC.replace("3", "2"))
    cli("baseline", "create", root)
    assert entries(root)[0]["measures"] == {"cyclomatic complexity": 4}
    path = root / "app" / "calc.py"
    path.write_text(path.read_text().replace('    if kind == "c":\n        return 3\n', ""))
    assert cli("baseline", "update", root)[0] == 0
    assert entries(root)[0]["measures"] == {"cyclomatic complexity": 3}


def test_the_configured_baseline_is_used_by_check(project, cli):
    root = project(STUBS, 'baseline = "lint/accepted.json"\n')
    (root / "lint").mkdir()
    status, out, _ = cli("baseline", "create", root)
    assert status == 0 and "accepted.json" in out
    assert (root / "lint" / "accepted.json").is_file()
    assert not (root / BASELINE).exists()
    assert entries_at(root / "lint" / "accepted.json")[0]["path"] == "../pkg/cache/__init__.py"
    assert cli("check", root)[0] == 0
    (root / "pkg" / "queue").mkdir()
    (root / "pkg" / "queue" / "__init__.py").write_text(stub("QueueManager"))
    status, out, _ = cli("check", root)
    assert (status, reported(out)) == (1, [("pkg/queue/__init__.py", "PLX101")])
    assert len(reported(cli("check", root, "--no-baseline")[1])) == 4


def entries_at(path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["entries"]


def test_a_bad_baseline_option_or_file_is_a_usage_error(project, cli):
    root = project(STUBS, "baseline = 3\n")
    status, _, err = cli("check", root)
    assert status == 2 and "'baseline'" in err and "expected the path of a file" in err
    root = project(STUBS)
    (root / "broken.json").write_text("{")
    status, _, err = cli("check", root, "--baseline", root / "broken.json")
    assert status == 2 and "not valid JSON" in err
    status, _, err = cli("check", root, "--baseline", root / "missing.json")
    assert status == 2 and "no baseline file" in err


def test_entries_outside_the_checked_scope_are_neither_stale_nor_dropped(project, cli):
    root = project({**STUBS, **SERVICE})
    cli("baseline", "create", root)
    # Only one directory, then only one family: the other entries were not checked.
    status, out, err = cli("check", root / "pkg", "--baseline", root / BASELINE)
    assert (status, reported(out), "no longer occur" in err) == (0, [], False)
    status, out, err = cli("check", root, "--select", "PLX2", "--baseline", root / BASELINE)
    assert (status, reported(out), "no longer occur" in err) == (0, [], False)
    before = entries(root)
    (root / "pkg" / "cache" / "__init__.py").write_text("")
    assert cli("baseline", "update", root / "pkg")[0] == 0
    after = entries(root)
    assert [e for e in before if e["path"] != "pkg/cache/__init__.py"] == after


def test_the_plugins_and_the_editor_read_the_configured_baseline_too(project, cli):
    """flake8, pylint and the language server report what `check` reports: only the findings
    the configured baseline does not accept (an unsaved buffer keyed by its own text)."""
    from frontends import via_flake8, via_pylint
    from plexilint.adapters.lsp.engine_calls import findings_for_buffers
    from plexilint.config import load_config

    root = project(STUBS, f'baseline = "{BASELINE}"\n')
    assert cli("baseline", "create", root)[0] == 0
    (root / "pkg" / "queue").mkdir()
    (root / "pkg" / "queue" / "__init__.py").write_text(stub("QueueManager"))
    new = {((root / "pkg/queue/__init__.py").resolve().as_posix(), 1, "PLX101")}
    assert via_flake8(root, jobs="1")[0] == new
    assert via_pylint(root, jobs="1")[0] == new
    events = (root / "pkg" / "events" / "__init__.py").resolve()
    unsaved = {events: b"\n\n" + events.read_bytes()}  # moved down: still the baselined finding
    assert findings_for_buffers(root.resolve(), load_config(root), unsaved)[events] == []
    unsaved = {events: events.read_bytes() + b"\n\n" + stub("EventBus").encode()}  # a new copy
    found = findings_for_buffers(root.resolve(), load_config(root), unsaved)[events]
    assert [(f.line, f.code) for f in found] == [(6, "PLX101")]
