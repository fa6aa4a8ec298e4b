"""The CLI, flake8 and pylint give the same answer on the same tree, cross-module findings
included: also when flake8 is handed one file (as pre-commit does) and with `-j 2` (flake8 on
every tree, pylint on the largest sample: each pylint worker analyses the project again).

flake8 and pylint do not run plugins on a file that does not parse; they report it with their
own E999 / syntax-error instead of PLX001, on the same file."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import FUNCTIONAL, SAMPLES
from frontends import via_cli, via_flake8, via_pylint

TREES = sorted(p for p in [*SAMPLES.iterdir(), *FUNCTIONAL.iterdir()] if (p / "pyproject.toml").is_file())
# Every front-end runs the same engine, so the quick run checks parity where the hosts differ
# most: the samples (every family at once), a file that does not parse (E999 / syntax-error),
# noqa comments (each host suppresses its own way), cross-module findings through inheritance,
# a fix history read from the project, and module names in namespace folders. The `slow` run
# checks every other tree too.
TRICKY = {"unparsable_file", "noqa", "contracts_inheritance", "moved_import",
          "duplicated_fallback_stub_fallback_context", "module_names"}


def _parity_param(tree: Path):
    quick = tree.parent == SAMPLES or tree.name in TRICKY
    return pytest.param(tree, id=f"{tree.parent.name}/{tree.name}", marks=() if quick else pytest.mark.slow)


def _split_unparsable(findings):
    return ({f for f in findings if f[2] != "PLX001"}, {f[0] for f in findings if f[2] == "PLX001"})


def test_tricky_trees_exist():
    assert TRICKY <= {tree.name for tree in TREES}


@pytest.mark.parametrize("tree", [_parity_param(tree) for tree in TREES])
def test_cli_flake8_and_pylint_agree(tree: Path, checked_in_answers):
    cli, unparsable = _split_unparsable(via_cli(tree))
    flake8, flake8_syntax = checked_in_answers.flake8(tree, jobs="2")
    pylint, pylint_syntax = checked_in_answers.pylint(tree, jobs="1")
    assert flake8 == cli
    assert pylint == cli
    assert {path for path, *_ in flake8_syntax} == unparsable
    assert {path for path, *_ in pylint_syntax} == unparsable


def test_flake8_given_some_files_still_sees_the_whole_project():
    """One file alone, then five at once (pre-commit hands over the staged files): each gets
    its cross-module findings, which come from the files flake8 was not given."""
    tree = SAMPLES / "plexichat_legacy"
    cli, _ = _split_unparsable(via_cli(tree))
    by_file: dict[str, set] = {}
    for finding in cli:
        by_file.setdefault(finding[0], set()).add(finding)
    assert len(by_file) >= 10
    first, *others = sorted(by_file)[:6]
    for paths in ([first], others):
        flake8, _ = via_flake8(tree, [Path(path) for path in paths], jobs="1")
        assert flake8 == set().union(*(by_file[path] for path in paths)), paths


def test_pylint_jobs_do_not_change_the_answer(checked_in_answers):
    tree = SAMPLES / "plexichat_legacy"
    assert via_pylint(tree, jobs="2") == checked_in_answers.pylint(tree, jobs="1")


def test_pylint_disable_comment(tmp_path: Path):
    from conftest import write_project

    root = write_project(tmp_path / "proj", {
        "pkg/__init__.py": "",
        "pkg/a.py": "def emit(*args, **kwargs):  # pylint: disable=duplicated-fallback-stub\n    pass\n",
        "pkg/b.py": "def send(*args, **kwargs):\n    pass\n",
        "pkg/c.py": "def post(*args, **kwargs):  # noqa: PLX101\n    pass\n",
    }, "")
    findings, _ = via_pylint(root, jobs="1")
    assert {(Path(p).name, code) for p, _, code in findings} == {("b.py", "PLX101")}


def test_flake8_reads_unsaved_content_through_stdin_display_name(tmp_path: Path):
    """An editor piping a buffer to flake8 gets findings for the buffer, not the disk."""
    import subprocess
    import sys

    from conftest import write_project

    root = write_project(tmp_path / "proj", {
        "pkg/__init__.py": "",
        "pkg/a.py": "def emit(*args, **kwargs):\n    pass\n",
        "pkg/b.py": "VALUE = 1\n",
    }, "")
    buffer = textwrap.dedent("""\
        VALUE = 1


        def send(*args, **kwargs):
            pass
        """)
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "PLX", "--stdin-display-name",
         str(root / "pkg" / "b.py"), "-"],
        input=buffer, capture_output=True, text=True, cwd=root)
    assert result.returncode == 1, result.stderr
    assert ":4:5: PLX101 " in result.stdout


def test_undecodable_file_is_plx001_for_the_cli_and_flake8(tmp_path: Path):
    """flake8 decodes a bad file as latin-1 and parses it; the plugin must still judge the
    bytes on disk, as the CLI does."""
    from conftest import write_project

    root = write_project(tmp_path / "proj", {
        "pkg/__init__.py": "",
        "pkg/a.py": "def emit(*args, **kwargs):\n    pass\n",
        "pkg/b.py": "def send(*args, **kwargs):\n    pass\n",
    }, "")
    (root / "pkg" / "c.py").write_bytes(b"# caf\xe9\ndef encode(*args, **kwargs):\n    pass\n")
    cli = via_cli(root)
    flake8, _ = via_flake8(root)
    assert flake8 == cli
    assert {(Path(p).name, code) for p, _, code in cli} == {("a.py", "PLX101"), ("b.py", "PLX101"), ("c.py", "PLX001")}


def test_flake8_stdin_for_a_file_not_saved_yet(tmp_path: Path):
    import subprocess
    import sys

    from conftest import write_project

    root = write_project(tmp_path / "proj", {"pkg/__init__.py": "", "pkg/a.py": "def emit(*args, **kwargs):\n    pass\n"}, "")
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "PLX", "--stdin-display-name",
         str(root / "pkg" / "new.py"), "-"],
        input="def send(*args, **kwargs):\n    pass\n", capture_output=True, text=True, cwd=root)
    assert result.returncode == 1, result.stderr
    assert "new.py:1:5: PLX101 " in result.stdout
    assert "pkg/a.py:1" in result.stdout


@pytest.mark.parametrize("host", ["flake8", "pylint"])
def test_bad_configuration_stops_the_host_with_the_key_named(tmp_path: Path, host: str):
    """Never a hang in a worker pool, never a traceback: exit 2 and the key, value, expectation."""
    import subprocess
    import sys

    from conftest import write_project

    root = write_project(tmp_path / "proj", {"pkg/__init__.py": "", "pkg/a.py": "X = 1\n"},
                         "min-duplicates = 1\n")
    if host == "flake8":
        command = [sys.executable, "-m", "flake8", "--isolated", "--select", "PLX", "--jobs", "2", "."]
    else:
        command = [sys.executable, "-m", "pylint", "--load-plugins=plexilint.pylint", "--jobs=2", "pkg"]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "min-duplicates" in result.stderr and "expected an integer >= 2" in result.stderr
    assert "Traceback" not in result.stderr
