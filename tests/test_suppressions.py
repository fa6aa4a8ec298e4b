"""`# noqa` in the CLI (read like flake8 reads it); pylint's own disable comments are
exercised in test_frontends."""

from __future__ import annotations

import json

import pytest

from plexilint.analysis.comments import SCAN_IS_EXACT, scanned_comments, tokenized_comments
from plexilint.engine.suppressions import (
    NOQA_INLINE,
    is_suppressed,
    noqa_comment_lines,
    read_noqa_comments,
)


@pytest.mark.parametrize(
    ("line", "code", "suppressed"),
    [
        ("x = 1  # noqa", "PLX101", True),
        ("x = 1  # noqa: PLX101", "PLX101", True),
        ("x = 1  # noqa:PLX101,PLX104", "PLX104", True),
        ("x = 1  # NOQA: plx1", "PLX101", True),
        ("x = 1  # noqa: PLX1", "PLX104", True),
        ("x = 1  # noqa: PLX104", "PLX101", False),
        ("x = 1  # noqa: E501", "PLX101", False),
        ("x = 1", "PLX101", False),
    ],
)
def test_noqa_comments(line, code, suppressed):
    assert is_suppressed(read_noqa_comments(line + "\n"), 1, code) is suppressed


def test_noqa_suppresses_only_its_line_in_the_cli(project, cli):
    root = project({
        "pkg/__init__.py": "",
        "pkg/a.py": "def emit(*args, **kwargs):  # noqa: PLX101\n    pass\n",
        "pkg/b.py": "def send(*args, **kwargs):  # noqa: PLX104\n    pass\n",
        "pkg/c.py": "def post(*args, **kwargs):  # noqa\n    pass\n",
    })
    findings = json.loads(cli("check", root, "--format", "json")[1])["findings"]
    # b.py's comment names the wrong code: the finding stays and the comment is reported.
    assert [(f["path"], f["code"]) for f in findings] == [("pkg/b.py", "PLX101"), ("pkg/b.py", "PLX002")]
    unused = findings[1]
    assert (unused["column"], unused["end_column"]) == (29, 43)  # the comment, 1-based in JSON
    # The suppressed copies still count as copies: b.py is told about both.
    assert len(findings[0]["related"]) == 2


def test_file_level_flake8_noqa(project, cli):
    root = project({
        "pkg/__init__.py": "",
        "pkg/a.py": "# flake8: noqa\ndef emit(*args, **kwargs):\n    pass\n",
        "pkg/b.py": "def send(*args, **kwargs):\n    pass\n",
    })
    findings = json.loads(cli("check", root, "--format", "json")[1])["findings"]
    assert [f["path"] for f in findings] == ["pkg/b.py"]


def test_unused_noqa_ignores_strings_and_other_tools(project, cli):
    root = project({
        "pkg/__init__.py": "",
        "pkg/a.py": 'EXAMPLE = "x = 1  # noqa: PLX101"\nY = 2  # noqa: E501\nZ = 3  # noqa\nW = 4  # noqa: PLX104\n',
    })
    findings = json.loads(cli("check", root, "--format", "json")[1])["findings"]
    assert [(f["line"], f["code"]) for f in findings] == [(4, "PLX002")]
    assert "remove PLX104" in findings[0]["message"]


def test_unused_noqa_for_a_disabled_rule_is_not_reported(project, cli):
    root = project({"pkg/__init__.py": "", "pkg/a.py": "W = 4  # noqa: PLX104\n"}, 'ignore = ["PLX104"]\n')
    assert cli("check", root)[0] == 0


def test_noqa_above_a_block_counts_as_used_and_a_stale_one_is_reported(project, cli):
    branchy = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(9)) + "    return x\n"
    root = project({
        "pkg/__init__.py": "",
        "pkg/a.py": "# noqa: PLX401\ndef complex_one(x):\n" + branchy
                    + "\n\n# noqa: PLX401\ndef simple_one(x):\n    return x\n",
    })
    findings = json.loads(cli("check", root, "--format", "json")[1])["findings"]
    assert [(f["line"], f["code"]) for f in findings] == [(24, "PLX002")]


def test_flake8_disable_noqa_also_ignores_block_comments(tmp_path):
    import subprocess
    import sys

    (tmp_path / "pyproject.toml").write_text("[tool.plexilint.complexity]\nmax-cyclomatic = 1\n")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "a.py").write_text("# noqa: PLX401\ndef f(x):\n    return 1 if x else 2\n")
    command = [sys.executable, "-m", "flake8", "--select", "PLX401", "pkg/a.py"]
    quiet = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    loud = subprocess.run(command + ["--disable-noqa"], cwd=tmp_path, capture_output=True, text=True)
    assert quiet.stdout == ""
    assert loud.stdout.startswith("pkg/a.py:2:5: PLX401 `f` has cyclomatic complexity 2")


def test_a_noqa_on_the_first_line_of_a_multi_line_import_covers_each_name(project, cli):
    """Each imported name is reported on its own line and columns; a `# noqa` on the import's
    first line (where people put it) still covers them, as one on the name's own line does."""
    root = project({
        "app/__init__.py": "",
        "app/database.py": "def get_fallback_manager():\n    return None\n",
        "app/services/__init__.py": "",
        "app/services/users.py": (
            "from sqlite3 import (  # noqa: PLX202\n    connect,\n    Connection,\n)\n"
            "from sqlite3 import (\n    Row,  # noqa: PLX202\n    Cursor,\n)\n"),
    }, 'select = ["PLX202"]\n[tool.plexilint.database]\nfallback-manager = ["app.database.get_fallback_manager"]\n')
    findings = json.loads(cli("check", root, "--format", "json")[1])["findings"]
    assert [(f["line"], f["column"], f["message"].split("`")[1]) for f in findings] == [(7, 5, "Cursor")]


_TRICKY_NOQA_SOURCE = """\
x = "# noqa: PLX101"  # noqa: PLX102
y = r'it\\'s # noqa' + b"\\"# noqa"  # noqa
z = '''
# noqa: PLX104 inside a docstring
''' ; w = f"{x!r:>10} # noqa"  # NOQA:PLX1
é = "ü"  # noqa: PLX401
v = (1,  # noqa: PLX105
     \"\"\"a " b "" c\"\"\", 2)
"""


def test_noqa_comment_lines_finds_real_comments_only():
    """(line, start, end) in UTF-8 bytes; `# noqa` inside any kind of string is not a comment."""
    found = noqa_comment_lines(_TRICKY_NOQA_SOURCE)
    lines = _TRICKY_NOQA_SOURCE.splitlines()
    assert [line for line, _, _ in found] == [1, 2, 5, 6, 7]
    for line, start, end in found:
        assert lines[line - 1].encode()[start:end].decode().lower().startswith("# noqa")


@pytest.mark.skipif(not SCAN_IS_EXACT, reason="from Python 3.12 the tokenizer finds comments")
def test_the_comment_scan_agrees_with_the_tokenizer():
    """The regex scan (before Python 3.12, where the tokenizer is pure Python) finds the
    tokenizer's comments, and leaves to it a quote that closes nothing."""
    assert scanned_comments(_TRICKY_NOQA_SOURCE) == tokenized_comments(_TRICKY_NOQA_SOURCE)[0]
    assert scanned_comments(_TRICKY_NOQA_SOURCE, NOQA_INLINE) == tokenized_comments(_TRICKY_NOQA_SOURCE, NOQA_INLINE)[0]
    assert scanned_comments("x = 'open  # noqa\n") is None

