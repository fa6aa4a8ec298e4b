"""`plexilint check` options as ruff and flake8 users expect them: rule symbols and any case in
--select/--ignore, --exclude/--extend-exclude, standard input with --stdin-filename,
--show-source, paths relative to one base, and a clear line when there is nothing to check."""

from __future__ import annotations

import io
import json
import sys

import pytest

from plexilint.model import Finding, Span
from plexilint.reporting import text as text_format
from plexilint.reporting.text import TextStyle
from stub_projects import DUPLICATED_STUBS, stub

GLOBAL_STATE = {"pkg/state.py": "_seen = []\n\n\ndef see(x):\n    _seen.append(x)\n"}


def _codes(out: str) -> list[str]:
    return sorted(f["code"] for f in json.loads(out)["findings"])


@pytest.mark.parametrize("selected", ["duplicated-fallback-stub", "plx101", "Plx1", "R5101"])
def test_select_accepts_symbols_any_case_and_pylint_ids(project, cli, selected):
    root = project({**DUPLICATED_STUBS, **GLOBAL_STATE})
    status, out, _ = cli("check", root, "--format", "json", "--select", selected)
    assert status == 1
    assert _codes(out) == ["PLX101", "PLX101"]


def test_ignore_accepts_symbols_and_lower_case(project, cli):
    root = project({**DUPLICATED_STUBS, **GLOBAL_STATE})
    assert _codes(cli("check", root, "--format", "json", "--ignore", "mutable-global-state")[1]) == ["PLX101"] * 2
    assert _codes(cli("check", root, "--format", "json", "--ignore", "plx1,plx408")[1]) == []


def test_an_unknown_symbol_is_a_usage_error_naming_it(project, cli):
    status, _, err = cli("check", project(DUPLICATED_STUBS), "--select", "no-such-rule")
    assert status == 2
    assert "argument --select: 'no-such-rule' is neither a rule code" in err


def test_exclude_replaces_and_extend_exclude_adds_to_the_configured_list(project, cli):
    files = {"pkg/__init__.py": "", "pkg/a.py": stub("A"), "pkg/b.py": stub("B"),
             "vendor/c.py": stub("C"), "gen/d.py": stub("D")}
    root = project(files, 'exclude = ["vendor"]\n')

    def paths(*options: str) -> list[str]:
        out = cli("check", root, "--format", "json", *options)[1]
        return sorted(f["path"] for f in json.loads(out)["findings"])

    assert paths() == ["gen/d.py", "pkg/a.py", "pkg/b.py"]
    assert paths("--extend-exclude", "gen") == ["pkg/a.py", "pkg/b.py"]
    assert paths("--exclude", "gen,pkg/b.py") == ["pkg/a.py", "vendor/c.py"]  # vendor is back
    assert paths("--exclude", "") == ["gen/d.py", "pkg/a.py", "pkg/b.py", "vendor/c.py"]
    status, _, err = cli("check", root, "--exclude", "pkg/[ab")
    assert status == 2 and "--exclude" in err and "unbalanced brackets" in err


def test_extend_exclude_also_skips_nested_projects(tmp_path, cli):
    from conftest import write_project

    outer = write_project(tmp_path / "outer", {"mod.py": "X = 1\n"}, "")
    write_project(outer / "inner", DUPLICATED_STUBS, "")
    assert json.loads(cli("check", outer, "--format", "json")[1])["summary"]["findings"] == 2
    report = json.loads(cli("check", outer, "--format", "json", "--extend-exclude", "inner")[1])
    assert report["summary"]["findings"] == 0 and report["summary"]["files_checked"] == 1


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


def test_stdin_is_analysed_as_the_named_file_inside_its_project(project, cli, monkeypatch):
    root = project(DUPLICATED_STUBS)
    monkeypatch.chdir(root)
    # The unsaved text differs from the disk: the disk's copy is not a duplicate any more.
    _stdin(monkeypatch, "class FileManager:\n    def __init__(self):\n        pass\n\n\nVALUE = 1\n")
    status, out, _ = cli("check", "-", "--stdin-filename", "pkg/files/__init__.py", "--format", "json")
    report = json.loads(out)
    assert status == 1
    assert [(f["path"], f["related"]) for f in report["findings"]] == [
        ("pkg/files/__init__.py", [{"path": "pkg/events/__init__.py", "line": 1}])]
    assert report["summary"]["files_checked"] == 1
    _stdin(monkeypatch, "VALUE = 1\n")
    status, out, _ = cli("check", "-", "--stdin-filename", "pkg/files/__init__.py")
    assert status == 0 and out == "All checks passed (1 file checked).\n"
    # A file not on disk yet still belongs to the project.
    _stdin(monkeypatch, stub("Fresh"))
    status, out, _ = cli("check", "-", "--stdin-filename", "pkg/new.py", "--show-source")
    assert status == 1
    assert out.splitlines()[:4] == [
        "pkg/new.py:1:7: PLX101 Fallback stub `Fresh` (empty class) has the same shape as 2 other "
        "definitions in 2 other modules (pkg/events/__init__.py:1, pkg/files/__init__.py:1): define it "
        "once in `pkg.fallbacks` and import it from there",
        "  |", "1 | class Fresh:", "  |       ^^^^^"]


def test_stdin_needs_its_filename_and_no_other_path(project, cli, monkeypatch):
    root = project(DUPLICATED_STUBS)
    _stdin(monkeypatch, "X = 1\n")
    status, _, err = cli("check", "-")
    assert status == 2 and "`-` needs --stdin-filename PATH" in err
    status, _, err = cli("check", "-", root, "--stdin-filename", root / "pkg" / "x.py")
    assert status == 2 and "cannot be combined" in err
    status, _, err = cli("check", root, "--stdin-filename", root / "pkg" / "x.py")
    assert status == 2 and "give `-` as the PATH" in err


def test_show_source_prints_the_line_and_a_caret_under_the_columns(project, cli, monkeypatch):
    root = project({"pkg/__init__.py": "", "pkg/a.py": "# é\n" + stub("Émile"), "pkg/b.py": stub("Other")})
    monkeypatch.chdir(root)
    status, out, _ = cli("check", ".", "--show-source")
    assert status == 1
    lines = out.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("pkg/a.py:2:7: PLX101")))
    # ast's columns count UTF-8 bytes: the caret still goes under `Émile`, one per character.
    assert lines[start + 1:start + 5] == ["  |", "2 | class Émile:", "  |       ^^^^^", ""]
    plain = cli("check", ".")[1]
    assert "  |" not in plain and len(plain.splitlines()) == 3


def test_related_places_are_relative_to_the_current_directory_like_the_reported_path(project, cli, monkeypatch):
    root = project({**DUPLICATED_STUBS, "pkg/events/more.py": stub("Again")})
    monkeypatch.chdir(root / "pkg" / "events")
    status, out, _ = cli("check", "..")
    first = out.splitlines()[0]
    assert first.startswith("__init__.py:1:7: PLX101 ")
    # Every place in the line opens from here, as the reported path does: relative below the
    # current directory, absolute outside it (as ruff prints paths).
    assert f"(more.py:1, {root}/pkg/files/__init__.py:1)" in first
    monkeypatch.chdir(root.parent)
    first = cli("check", root)[1].splitlines()[0]
    assert first.startswith("proj/pkg/events/__init__.py:1:7: PLX101 ")
    assert "(proj/pkg/events/more.py:1, proj/pkg/files/__init__.py:1)" in first
    # Machine formats keep the project-relative form their documents declare.
    report = json.loads(cli("check", root, "--format", "json")[1])
    assert report["findings"][0]["related"][0]["path"].startswith("pkg/")


def test_places_in_the_reported_file_are_its_line_numbers(project, cli, monkeypatch):
    root = project({"pkg/__init__.py": "", "pkg/a.py": stub("A") + "\n\n" + stub("B")})
    monkeypatch.chdir(root)
    out = cli("check", ".")[1]
    assert "in this module (line 6)" in out.splitlines()[0]


def test_a_folder_without_python_files_says_so_and_exits_0(tmp_path, cli):
    empty = tmp_path / "docs"
    empty.mkdir()
    (empty / "readme.txt").write_text("no code here\n")
    status, out, err = cli("check", empty)
    assert status == 0
    assert "All checks passed" not in out
    assert out == "No Python files checked.\n"
    assert err == f"plexilint: warning: No Python files found under {empty}\n"
    status, out, err = cli("check", empty, "-q")
    assert status == 0 and out == "" and err == ""
    report = json.loads(cli("check", empty, "--format", "json")[1])
    assert report["summary"]["files_checked"] == 0 and report["findings"] == []


def test_a_named_file_that_is_excluded_says_so(project, cli, monkeypatch):
    root = project({**DUPLICATED_STUBS, "vendor/x.py": stub("X")}, 'exclude = ["vendor"]\n')
    monkeypatch.chdir(root)
    status, out, err = cli("check", "vendor/x.py")
    assert status == 0 and out == "No Python files checked.\n"
    assert "plexilint: warning: vendor/x.py excluded by `exclude` (or --exclude): nothing checked" in err
    _stdin(monkeypatch, stub("Y"))
    status, _, err = cli("check", "-", "--stdin-filename", "pkg/gen.py", "--extend-exclude", "gen.py")
    assert status == 0 and "pkg/gen.py excluded" in err


def test_show_source_underlines_a_span_over_several_lines_to_the_end_of_its_first(tmp_path):
    source = ["    except AllDatabasesUnavailableError:  ", "        return {}"]
    finding = Finding("PLX205", "swallowed-outage", f"{tmp_path}/a.py", "a.py", Span(1, 4, 2, 17), "hidden")
    style = TextStyle(show_source=True, source_lines=lambda path: source)
    lines = text_format._finding_lines(finding, str(tmp_path), style)
    assert lines[2:4] == ["1 |     except AllDatabasesUnavailableError:  ", "  |     " + "^" * 36]
