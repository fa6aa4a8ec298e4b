"""The command line: output shapes, exit statuses, rules and explain."""

from __future__ import annotations

import json
import os

import pytest

from plexilint.rules import all_rules
from stub_projects import DUPLICATED_STUBS, stub

DUPLICATES = DUPLICATED_STUBS


def test_text_output_has_flake8_shape_and_exit_1(project, cli, monkeypatch):
    root = project(DUPLICATES)
    monkeypatch.chdir(root)
    status, out, _ = cli("check", ".")
    lines = out.splitlines()
    assert status == 1
    assert lines[0].startswith("pkg/events/__init__.py:1:7: PLX101 Fallback stub `EventManager` (empty class)")
    assert "pkg/files/__init__.py:1" in lines[0]
    assert lines[1].startswith("pkg/files/__init__.py:1:7: PLX101 ")
    assert lines[-1].startswith("Found 2 findings in 2 files (3 checked).")


def test_json_output(project, cli):
    root = project(DUPLICATES)
    status, out, _ = cli("check", root, "--format", "json")
    report = json.loads(out)
    assert status == 1
    first = report["findings"][0]
    assert set(first) == {"code", "symbol", "path", "line", "column", "end_line", "end_column",
                          "message", "fingerprint", "related"}
    assert (first["code"], first["symbol"], first["path"], first["line"], first["column"]) == (
        "PLX101", "duplicated-fallback-stub", "pkg/events/__init__.py", 1, 7)
    assert (first["end_line"], first["end_column"]) == (1, 19)
    assert first["related"] == [{"path": "pkg/files/__init__.py", "line": 1}]
    assert report["summary"]["findings"] == 2
    assert report["summary"]["by_code"] == {"PLX101": 2}


def test_fingerprints_survive_line_shifts(project, cli):
    root = project(DUPLICATES)
    before = json.loads(cli("check", root, "--format", "json")[1])["findings"]
    path = root / "pkg" / "events" / "__init__.py"
    path.write_text('"""Events."""\n\nimport os\n\n' + path.read_text())
    after = json.loads(cli("check", root, "--format", "json")[1])["findings"]
    assert [f["line"] for f in after] != [f["line"] for f in before]
    assert [f["fingerprint"] for f in after] == [f["fingerprint"] for f in before]


def test_clean_project_exits_0(project, cli):
    root = project({"pkg/__init__.py": "VALUE = 1\n"})
    status, out, _ = cli("check", root)
    assert status == 0
    assert out.startswith("All checks passed (1 file checked)")


def test_exit_zero_and_output_file(project, cli, tmp_path):
    root = project(DUPLICATES)
    report = tmp_path / "report.json"
    status, out, _ = cli("check", root, "--format", "json", "--exit-zero", "-o", report)
    assert status == 0 and out == ""
    assert json.loads(report.read_text())["summary"]["findings"] == 2


def test_checking_one_file_uses_the_whole_project(project, cli):
    root = project(DUPLICATES)
    status, out, _ = cli("check", root / "pkg" / "files" / "__init__.py", "--format", "json")
    report = json.loads(out)
    assert status == 1
    assert [f["path"] for f in report["findings"]] == ["pkg/files/__init__.py"]
    assert report["findings"][0]["related"] == [{"path": "pkg/events/__init__.py", "line": 1}]


def test_missing_path_is_a_usage_error(cli, tmp_path):
    status, _, err = cli("check", tmp_path / "nowhere")
    assert status == 2 and "nowhere" in err


@pytest.mark.parametrize("command", [("check",), ("report",), ("fix",), ("fix", "--apply"), ("hotspots",),
                                     ("contracts",), ("progress",), ("baseline", "create")])
def test_every_command_says_a_missing_path_is_missing(cli, tmp_path, command):
    # `report` and `fix` used to print an empty plan (exit 0) for a mistyped path.
    status, out, err = cli(*command, tmp_path / "nowhere")
    assert status == 2 and out == ""
    assert err == f"plexilint: no such file or directory: {tmp_path / 'nowhere'}\n"


def test_an_output_file_in_a_missing_folder_is_named_once(project, cli, tmp_path):
    root = project(DUPLICATES)
    target = tmp_path / "no-such-folder" / "report.txt"
    status, _, err = cli("check", root, "-o", target)
    assert status == 2
    assert err == f"plexilint: no such file or directory: {target}\n"


def test_unknown_option_is_a_usage_error(cli):
    assert cli("check", "--frobnicate")[0] == 2


def test_rules_lists_every_rule(cli):
    status, out, _ = cli("rules")
    assert status == 0
    for rule in all_rules():
        assert f"{rule.code}  {rule.symbol}" in out
    listed = json.loads(cli("rules", "--format", "json")[1])
    assert [r["code"] for r in listed] == [r.code for r in all_rules()]


def test_explain_by_code_symbol_or_pylint_id(cli):
    for name in ("PLX101", "plx101", "duplicated-fallback-stub", "R5101"):
        status, out, _ = cli("explain", name)
        assert status == 0
        assert out.startswith("# PLX101 `duplicated-fallback-stub`")
        assert "## Why is this bad?" in out
    status, _, err = cli("explain", "PLX999")
    assert status == 2 and "PLX999" in err


def test_nested_projects_use_their_own_configuration(tmp_path, cli):
    from conftest import write_project

    outer = write_project(tmp_path / "outer", {"mod.py": "X = 1\n"}, "")
    write_project(outer / "inner", DUPLICATES, 'ignore = ["PLX101"]\n')
    write_project(outer / "other", DUPLICATES, "")
    report = json.loads(cli("check", outer, "--format", "json")[1])
    assert {f["path"] for f in report["findings"]} == {"pkg/events/__init__.py", "pkg/files/__init__.py"}
    assert len(report["summary"]["roots"]) == 3
    assert report["summary"]["files_checked"] == 7


def test_python_dash_m_entry_point(project):
    import subprocess
    import sys

    root = project(DUPLICATES)
    result = subprocess.run([sys.executable, "-m", "plexilint", "check", str(root)],
                            capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 1
    assert "PLX101" in result.stdout


def test_discovery_skips_tool_and_environment_directories(project, cli):
    stub = "def emit(*args, **kwargs):\n    pass\n"
    files = {"pkg/__init__.py": "", "pkg/a.py": stub}
    for skipped in (".git/hooks/x.py", ".venv/lib/x.py", "env/lib/x.py", "build/lib/x.py", "dist/x.py",
                    "pkg/__pycache__/x.py", "node_modules/x/x.py", ".tox/py/x.py", "site-packages/x.py",
                    "pkg.egg-info/x.py", ".plexilint_cache/x.py"):
        files[skipped] = stub
    root = project(files)
    (root / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n")  # a virtual environment by any name
    (root / "env" / "bin").mkdir()
    (root / "env" / "bin" / "python3").write_text("")  # (its configuration and its interpreter)
    report = json.loads(cli("check", root, "--format", "json")[1])
    assert report["summary"]["files_checked"] == 2
    assert report["findings"] == []  # the only copies live in skipped directories


def test_output_is_deterministic_and_sorted(project, cli):
    files = {"pkg/__init__.py": ""}
    for name in "zyxabc":
        files[f"pkg/{name}.py"] = "def emit(*args, **kwargs):\n    pass\n\n\ndef send(*args, **kwargs):\n    return None\n"
    root = project(files)
    first = cli("check", root, "--format", "json")[1]
    assert first == cli("check", root, "--format", "json")[1]
    findings = json.loads(first)["findings"]
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in findings]
    assert keys == sorted(keys) and len(keys) == 12


def test_a_package_named_venv_is_code_not_an_environment(project, cli):
    stub = "def emit(*args, **kwargs):\n    pass\n"
    root = project({"pkg/__init__.py": "", "pkg/a.py": stub, "venv/__init__.py": stub, "venv/lib/x.py": stub})
    report = json.loads(cli("check", root, "--format", "json")[1])
    assert sorted({f["path"] for f in report["findings"]}) == ["pkg/a.py", "venv/__init__.py", "venv/lib/x.py"]


def test_a_loose_script_in_the_home_directory_does_not_make_home_a_project(tmp_path, cli, monkeypatch):
    """`~/notes.py` outside any project: its neighbours count (two stubs there are still
    duplicates), the home directory's sub-directories do not: they are not scanned."""
    home = tmp_path / "home"
    for relative, text in {"notes.py": stub("Notes"), "scratch.py": stub("Scratch"),
                           "work/app/a.py": stub("A"), "work/app/b.py": stub("B")}.items():
        (home / relative).parent.mkdir(parents=True, exist_ok=True)
        (home / relative).write_text(text, encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    status, out, _ = cli("check", home / "notes.py", "--format", "json", "--no-cache")
    report = json.loads(out)
    assert status == 1
    assert [(f["path"], f["related"]) for f in report["findings"]] == [("notes.py", [{"path": "scratch.py", "line": 1}])]
    report = json.loads(cli("check", home, "--format", "json", "--no-cache")[1])
    assert report["summary"]["files_checked"] == 2  # notes.py and scratch.py; nothing under work/
    # A project under the home directory is still a whole project.
    (home / "work" / "pyproject.toml").write_text("", encoding="utf-8")
    report = json.loads(cli("check", home / "work" / "app" / "a.py", "--format", "json", "--no-cache")[1])
    assert [f["related"] for f in report["findings"]] == [[{"path": "app/b.py", "line": 1}]]


def test_statistics_count_findings_per_rule(project, cli):
    root = project({**DUPLICATES, "pkg/state.py": "_seen = []\n\n\ndef see(x):\n    _seen.append(x)\n"})
    status, out, _ = cli("check", root, "--statistics")
    assert status == 1
    assert out.splitlines() == [
        "2  PLX101  duplicated-fallback-stub",
        "1  PLX408  mutable-global-state",
        "Found 3 findings in 3 files (4 checked). `plexilint explain CODE` tells what each code means and what to do.",
    ]
    status, out, _ = cli("check", root, "--statistics", "--format", "json")
    assert json.loads(out) == [{"code": "PLX101", "symbol": "duplicated-fallback-stub", "count": 2},
                               {"code": "PLX408", "symbol": "mutable-global-state", "count": 1}]
    status, _, err = cli("check", root, "--statistics", "--format", "sarif")
    assert status == 2 and "--statistics prints text or json" in err


def test_quiet_prints_only_the_findings(project, cli):
    root = project(DUPLICATES)
    status, out, _ = cli("check", root, "-q")
    assert status == 1 and len(out.splitlines()) == 2 and "Found" not in out
    status, out, _ = cli("check", root, "-q", "--select", "PLX2")
    assert status == 0 and out == ""


def test_an_unknown_code_on_the_command_line_is_a_usage_error_naming_the_option(project, cli):
    status, _, err = cli("check", project(DUPLICATES), "--select", "PLX999")
    assert status == 2 and "argument --select: 'PLX999' matches no rule" in err


def test_explain_a_prefix_lists_the_rules_it_covers(cli):
    status, out, err = cli("explain", "plx1")
    codes = [line.split()[0] for line in out.splitlines()[2:]]
    assert status == 0 and err == ""
    assert out.startswith("PLX1 covers ")
    assert codes == sorted(r.code for r in all_rules() if r.code.startswith("PLX1"))
    status, _, err = cli("explain", "PLX9")
    assert status == 2 and "unknown rule 'PLX9'" in err
