"""`plexilint check --diff REF`: only findings on code changed since a git revision, found with
the whole project."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from plexilint.vcs.unified_diff import changed_lines, unquote_path

SERVICE = """\
    import sqlite3


    def load():
        conn = sqlite3.connect("x.db")
        conn.execute("select 1")
        return conn
    """


def stub(name: str) -> str:
    return f"class {name}:\n    def __init__(self):\n        pass\n"


class Repository:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.git("init", "-q")

    def git(self, *arguments: str) -> None:
        env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
        subprocess.run(["git", "-c", "commit.gpgsign=false", *arguments], cwd=self.root, env=env,
                       check=True, capture_output=True)

    def commit(self) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "change")

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


# The database rules need a fallback manager to point to; this one lives outside the project.
DATABASE_MANAGER = '[tool.plexilint.database]\nfallback-manager = ["get_fallback_manager"]\n'


@pytest.fixture
def repository(project, monkeypatch):
    def make(files: dict[str, str], config: str = "") -> Repository:
        root = project(files, config)
        monkeypatch.chdir(root)
        repository = Repository(root)
        repository.commit()
        return repository

    return make


def reported(out: str) -> list[tuple[str, int, str]]:
    """(path, line, code) of each finding in text output."""
    rows = [line.split(":", 3) for line in out.splitlines() if ": PLX" in line]
    return [(path, int(line), rest.split()[0]) for path, line, _, rest in rows]


def test_only_findings_on_changed_lines_are_reported(repository, cli):
    repo = repository({"app/__init__.py": "", "app/services/__init__.py": "", "app/services/store.py": SERVICE},
                      DATABASE_MANAGER)
    assert cli("check", "--diff", "HEAD")[0] == 0  # nothing changed
    path = repo.root / "app" / "services" / "store.py"
    path.write_text(path.read_text().replace("    return conn\n", '    conn.execute("select 2")\n    return conn\n'))
    status, out, _ = cli("check", "--diff", "HEAD")
    assert status == 1
    assert reported(out) == [("app/services/store.py", 7, "PLX201")]
    # Without --diff, the unchanged lines' findings are there too.
    assert {(line, code) for _, line, code in reported(cli("check")[1])} == {
        (1, "PLX202"), (5, "PLX201"), (6, "PLX201"), (7, "PLX201")}


def test_a_new_duplicate_is_found_with_its_twin_in_an_unchanged_file(repository, cli):
    repo = repository({"pkg/__init__.py": "", "pkg/events/__init__.py": stub("EventManager")})
    repo.write("pkg/files/__init__.py", stub("FileManager"))  # untracked: every line is new
    status, out, _ = cli("check", "--diff", "HEAD", "pkg/files")
    assert status == 1
    assert reported(out) == [("pkg/files/__init__.py", 1, "PLX101")]
    assert "pkg/events/__init__.py:1" in out  # the twin, named in the message
    # The twin's own finding is on an unchanged line: not reported, even when its file is checked.
    status, out, _ = cli("check", "--diff", "HEAD")
    assert reported(out) == [("pkg/files/__init__.py", 1, "PLX101")]


def test_changes_are_taken_against_the_named_revision(repository, cli):
    repo = repository({"app/__init__.py": "", "app/services/__init__.py": "", "app/services/store.py": SERVICE},
                      DATABASE_MANAGER)
    path = repo.root / "app" / "services" / "store.py"
    path.write_text(path.read_text().replace("    return conn\n", '    conn.execute("select 2")\n    return conn\n'))
    repo.commit()
    assert cli("check", "--diff", "HEAD")[0] == 0
    status, out, _ = cli("check", "--diff", "HEAD~1")
    assert (status, reported(out)) == (1, [("app/services/store.py", 7, "PLX201")])
    repo.write("app/services/other.py", "import sqlite3\n")
    repo.git("add", "app/services/other.py")  # staged, not committed
    assert reported(cli("check", "--diff", "HEAD")[1]) == [("app/services/other.py", 1, "PLX202")]


def test_a_complexity_finding_counts_when_its_body_changes(repository, cli):
    repo = repository({"app/__init__.py": "", "app/calc.py": """\
        def price(kind, amount):
            if kind == "a":
                return 1
            if kind == "b":
                return 2
            if kind == "c":
                return 3
            return amount


        def other():
            return 0
        """}, 'select = ["PLX401"]\n[tool.plexilint.complexity]\nmax-cyclomatic = 3\n')
    path = repo.root / "app" / "calc.py"
    source = path.read_text()
    path.write_text(source.replace("return 0", "return 1"))
    assert cli("check", "--diff", "HEAD")[0] == 0
    path.write_text(source.replace("return 2", "return 22"))
    status, out, _ = cli("check", "--diff", "HEAD")
    assert (status, reported(out)) == (1, [("app/calc.py", 1, "PLX401")])


def test_diff_and_baseline_together_report_only_new_findings_on_changed_code(repository, cli):
    repo = repository({"pkg/__init__.py": "", "pkg/events/__init__.py": stub("EventManager"),
                       "pkg/files/__init__.py": stub("FileManager")})
    assert cli("baseline", "create")[0] == 0
    repo.commit()
    repo.write("pkg/queue/__init__.py", stub("QueueManager"))
    status, out, _ = cli("check", "--diff", "HEAD", "--baseline", ".plexilint-baseline.json")
    assert (status, reported(out)) == (1, [("pkg/queue/__init__.py", 1, "PLX101")])


def test_outside_a_git_repository_it_is_a_usage_error(project, cli, monkeypatch, tmp_path):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = project({"pkg/__init__.py": "", "pkg/a.py": stub("A")})
    status, out, err = cli("check", root, "--diff", "HEAD")
    assert (status, out) == (2, "")
    assert "--diff needs a git repository" in err


@pytest.mark.parametrize("ref", ["no-such-branch", "--output=x", "HEAD~5"])
def test_an_unknown_revision_is_a_usage_error(repository, cli, ref):
    repository({"pkg/__init__.py": ""})
    status, out, err = cli("check", f"--diff={ref}")
    assert (status, out) == (2, "")
    assert f"unknown revision {ref!r}" in err


def test_changed_lines_reads_hunks_renames_deletions_and_quoted_names():
    diff = textwrap.dedent("""\
        diff --git a/pkg/a.py b/pkg/a.py
        index 1..2 100644
        --- a/pkg/a.py
        +++ b/pkg/a.py
        @@ -3 +3,2 @@ def f():
        -    return 1
        +    return 2
        +++ this added line starts with two pluses
        @@ -10,2 +11,0 @@
        -gone
        -gone too
        diff --git a/old.py b/new.py
        similarity index 90%
        rename from old.py
        rename to new.py
        --- a/old.py
        +++ b/new.py
        @@ -1 +1 @@
        -x = 1
        +x = 2
        diff --git a/dead.py b/dead.py
        deleted file mode 100644
        --- a/dead.py
        +++ /dev/null
        @@ -1 +0,0 @@
        -y = 1
        diff --git "a/caf\\303\\251 \\"q\\".py" "b/caf\\303\\251 \\"q\\".py"
        --- "a/caf\\303\\251 \\"q\\".py"
        +++ "b/caf\\303\\251 \\"q\\".py"
        @@ -0,0 +1,3 @@
        +a
        +b
        +c
        """)
    assert changed_lines(diff) == {"pkg/a.py": {3, 4, 11, 12}, "new.py": {1}, 'café "q".py': {1, 2, 3}}
    assert unquote_path("b/plain.py") == "b/plain.py"
    assert unquote_path('"b/tab\\there.py"') == "b/tab\there.py"
