"""`plexilint hotspots`: complexity × churn from a real git history built in a temp dir."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from plexilint.runner.hotspots import parse_since
from plexilint.vcs.git import lines_touched_per_commit


def _branchy(name: str, branches: int) -> str:
    body = "".join(f"    if x == {i}:\n        y = {i}\n" for i in range(branches))
    return f"def {name}(x):\n    y = 0\n{body}    return y\n"


class Repository:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._git("init", "-q")

    def _git(self, *arguments: str, when: str | None = None) -> None:
        env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
        if when:
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
        subprocess.run(["git", *arguments], cwd=self.root, env=env, check=True, capture_output=True)

    def commit(self, files: dict[str, str], when: str | None = None) -> None:
        for relative, text in files.items():
            path = self.root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        self._git("add", "-A")
        self._git("commit", "-q", "-m", "change", when=when)


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """complex_often.py: complex and changed in 5 commits; complex_rare.py: more complex, 1
    commit; simple_often.py: trivial, 6 commits (and 21 more before the window)."""
    root = tmp_path / "repo"
    root.mkdir()
    repo = Repository(root)
    old = "2020-01-01T12:00:00"  # before any window the tests use
    repo.commit({"pyproject.toml": "", "app/__init__.py": "", "app/complex_rare.py": "",
                 "app/complex_often.py": "", "app/simple_often.py": "X = -1\n"}, when=old)
    for i in range(20):
        repo.commit({"app/simple_often.py": f"X = {i}\n"}, when=old)
    repo.commit({"app/complex_rare.py": _branchy("rare", 14)})
    for i in range(1, 6):
        repo.commit({"app/complex_often.py": _branchy("often", i * 2) + f"\n\ndef helper():\n    return {i}\n"})
    for i in range(6):
        repo.commit({"app/simple_often.py": f"X = {i + 100}\n"})
    return root


def test_the_complex_and_often_changed_file_ranks_first(history, cli):
    status, out, _ = cli("hotspots", history, "--format", "json")
    assert status == 0
    report = json.loads(out)
    assert report["has_history"] is True
    files = {f["path"]: f for f in report["files"]}
    assert [f["path"] for f in report["files"]][:3] == [
        "app/complex_often.py", "app/complex_rare.py", "app/simple_often.py"]
    often = files["app/complex_often.py"]
    assert (often["commits"], often["complexity"], often["worst_function"], often["worst_cyclomatic"]) == (
        5, 11, "often", 11)
    assert often["score"] == often["complexity"] * often["commits"]
    # Commits before the window (2020) do not count.
    assert files["app/simple_often.py"]["commits"] == 6
    assert report["functions"][0] == {"path": "app/complex_often.py", "qualname": "often", "line": 1,
                                      "cyclomatic": 11, "churn": 5, "score": 55}
    # `helper` was rewritten in every commit too, but it is simple: it ranks below `rare`.
    names = [f["qualname"] for f in report["functions"]]
    assert names.index("rare") < names.index("helper")


def test_a_longer_window_counts_the_older_commits(history, cli):
    report = json.loads(cli("hotspots", history, "--since", "2019-06-01", "--format", "json")[1])
    commits = {f["path"]: f["commits"] for f in report["files"]}
    assert commits["app/simple_often.py"] == 27
    assert commits["app/complex_often.py"] == 6  # the empty file of the first commit, then 5 changes


def test_plx4_findings_are_listed_per_file_in_markdown(history, cli):
    out = cli("hotspots", history, "--format", "markdown", "--top", "2")[1]
    assert out.startswith("# Hotspots\n")
    assert "| 1 | app/complex_often.py |" in out
    assert "### `app/complex_rare.py`" in out
    assert "**PLX401** `rare` has cyclomatic complexity 15 (limit 8)" in out
    assert "simple_often" not in out  # --top 2


def test_without_git_churn_is_one_and_the_output_says_so(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "plain"
    (root / "app").mkdir(parents=True)
    (root / "pyproject.toml").write_text("")
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "a.py").write_text(_branchy("a", 3))
    (root / "app" / "b.py").write_text(_branchy("b", 9))
    status, out, _ = cli("hotspots", root)
    assert status == 0
    assert "no git history here: churn is 1 for every file" in out
    rows = [line.split() for line in out.splitlines() if line[:1].isdigit()]
    assert rows[0][:2] == ["1", "app/b.py"] and rows[1][:2] == ["2", "app/a.py"]
    assert "\033[" not in out  # no colour when not a terminal
    report = json.loads(cli("hotspots", root, "--format", "json")[1])
    assert [(f["commits"], f["score"]) for f in report["files"][:2]] == [(1, 10), (1, 4)]


def test_text_columns_are_aligned(history, cli):
    lines = cli("hotspots", history)[1].splitlines()
    header = next(line for line in lines if line.startswith("#  file"))
    rows = [line for line in lines[lines.index(header) + 1:] if line[:1].isdigit()]
    start = header.index("file")
    assert rows and all(row[start - 2:start] == "  " and row[start] != " " for row in rows)


@pytest.mark.parametrize(("text", "expected"), [
    ("90d", date(2026, 8, 24)), ("2w", date(2026, 11, 8)), ("6m", date(2026, 5, 26)), ("1y", date(2025, 11, 22)),
    ("2026-01-31", date(2026, 1, 31)),
])
def test_since_accepts_spans_and_dates(text, expected):
    assert parse_since(text, today=date(2026, 11, 22)) == expected


def test_a_bad_since_is_a_usage_error(history, cli):
    status, _, err = cli("hotspots", history, "--since", "lately")
    assert status == 2
    assert "expected a span like 90d" in err


def _function_churn(cli, root: Path, *extra: str) -> dict[str, int]:
    report = json.loads(cli("hotspots", root, "--format", "json", "--top", "50", *extra)[1])
    return {f["qualname"]: f["churn"] for f in report["functions"]}


def _three_functions(middle_body: str, gap: str = "") -> str:
    return (f"def first(x):\n    return x\n\n\ndef middle(x):\n{middle_body}\n\n{gap}"
            "def last(x):\n    if x:\n        return 1\n    return 0\n")


def test_a_repository_with_one_commit_gives_every_function_churn_one(tmp_path, cli):
    root = tmp_path / "repo"
    root.mkdir()
    Repository(root).commit({"pyproject.toml": "", "app/__init__.py": "",
                             "app/mod.py": _three_functions("    return x + 1\n")})
    assert _function_churn(cli, root) == {"first": 1, "middle": 1, "last": 1}


def test_churn_counts_every_commit_that_touched_a_functions_lines(tmp_path, cli):
    root = tmp_path / "repo"
    root.mkdir()
    repo = Repository(root)
    repo.commit({"pyproject.toml": "", "app/__init__.py": "", "app/mod.py": _three_functions("    return x + 1\n")})
    # Two more commits rewrite the same line of `middle` (blame would credit only the last),
    # and the third also adds lines above `last`, which moves it without touching it.
    repo.commit({"app/mod.py": _three_functions("    return x + 2\n")})
    repo.commit({"app/mod.py": _three_functions("    return x + 3\n", gap="LIMIT = 3\n\n\n")})
    assert _function_churn(cli, root) == {"first": 1, "middle": 3, "last": 1}


def test_a_removed_line_counts_for_the_function_that_lost_it(tmp_path, cli):
    root = tmp_path / "repo"
    root.mkdir()
    repo = Repository(root)
    repo.commit({"pyproject.toml": "", "app/__init__.py": "",
                 "app/mod.py": _three_functions("    y = x\n    y += 1\n    return y\n")})
    repo.commit({"app/mod.py": _three_functions("    y = x\n    return y\n")})
    assert _function_churn(cli, root) == {"first": 1, "middle": 2, "last": 1}


def test_commits_before_the_window_do_not_count_for_functions(tmp_path, cli):
    root = tmp_path / "repo"
    root.mkdir()
    repo = Repository(root)
    old = "2020-01-01T12:00:00"
    repo.commit({"pyproject.toml": "", "app/__init__.py": "", "app/mod.py": _three_functions("    return 1\n")},
                when=old)
    repo.commit({"app/mod.py": _three_functions("    return 2\n")}, when=old)
    repo.commit({"app/mod.py": _three_functions("    return 3\n")})
    assert _function_churn(cli, root) == {"first": 0, "middle": 1, "last": 0}
    assert _function_churn(cli, root, "--since", "2019-06-01") == {"first": 1, "middle": 3, "last": 1}


def test_uncommitted_edits_do_not_shift_function_churn(tmp_path, cli):
    root = tmp_path / "repo"
    root.mkdir()
    repo = Repository(root)
    repo.commit({"pyproject.toml": "", "app/__init__.py": "", "app/mod.py": _three_functions("    return 1\n")})
    repo.commit({"app/mod.py": _three_functions("    return 2\n")})
    # Lines inserted at the top of the file on disk, not committed: `middle` is still the
    # function the second commit changed.
    (root / "app" / "mod.py").write_text("import os\n\n\n" + _three_functions("    return 2\n"))
    assert _function_churn(cli, root) == {"first": 1, "middle": 2, "last": 1}


def test_long_names_are_cut_with_an_ellipsis_in_the_text_table_only(tmp_path, cli):
    root = tmp_path / "repo"
    root.mkdir()
    long_name = "compute_the_quarterly_reconciliation_report_for_every_region"
    Repository(root).commit({"pyproject.toml": "", "app/__init__.py": "",
                             "app/mod.py": _branchy(long_name, 3)})
    text = cli("hotspots", root)[1]
    row = next(line for line in text.splitlines() if "reconciliation" in line and "app/mod.py:" in line)
    shown = row.split()[1]
    assert shown.startswith("…") and long_name.endswith(shown[1:]) and len(shown) == 40
    assert long_name in cli("hotspots", root, "--format", "markdown")[1]
    assert long_name in cli("hotspots", root, "--format", "json")[1]


def test_churn_after_a_merge_puts_each_branch_commit_on_its_function(tmp_path, cli):
    root = tmp_path / "repo"
    root.mkdir()
    repo = Repository(root)
    base = _three_functions("    return 1\n")
    repo.commit({"pyproject.toml": "", "app/__init__.py": "", "app/mod.py": base})
    repo._git("checkout", "-q", "-b", "side")
    # The side branch grows `middle`, which moves `last` down...
    repo.commit({"app/mod.py": _three_functions("    y = x\n    y += 1\n    return y\n")})
    repo._git("checkout", "-q", "-")
    # ...while the main line changes `last` where it was: after the merge, that change must
    # still be on `last`, not on the lines `middle` gained.
    repo.commit({"app/mod.py": base.replace("def last(x):", "def last(x, y=None):")})
    repo._git("merge", "-q", "--no-edit", "side")
    merged = (root / "app" / "mod.py").read_text()
    assert "y=None" in merged and "y += 1" in merged
    assert _function_churn(cli, root) == {"first": 1, "middle": 2, "last": 2}
    # Line by line: the side commit's three lines of `middle`, the main line's `def last`.
    touched = lines_touched_per_commit(root, root / "app" / "mod.py", date(2000, 1, 1))
    assert sorted(sorted(lines) for lines in touched.values()) == [list(range(1, 15)), [6, 7, 8], [11]]
