"""Never crash: the whole standard library (its deliberately broken test files included),
odd encodings and unreadable files all come back as findings, not tracebacks."""

from __future__ import annotations

import json
import sysconfig
from pathlib import Path

import pytest

from plexilint.config import Config
from plexilint.engine.project import analyse_project

STDLIB = Path(sysconfig.get_paths()["stdlib"])


def test_standard_library_including_its_tests():
    analysis = analyse_project(STDLIB, Config())
    assert len(analysis.index.files) > 600
    unparsable = {f.relpath for f in analysis.index.files if f.parse_failure is not None}
    reported = {f.relpath for fs in analysis.findings.values() for f in fs if f.code == "PLX001"}
    assert reported == unparsable
    # CPython ships deliberately broken files in its tests (lib2to3 data, bad encodings).
    assert any("test" in path for path in unparsable)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"def broken(:\n    pass\n", "invalid syntax"),
        (b"x = '\xff\xfe'\n", "cannot decode"),
        (b"# -*- coding: klingon -*-\nx = 1\n", "cannot decode"),
        (b"x = 1\x00\n", "null"),
        (b"(" * 300 + b")" * 300 + b"\n", "nest"),
    ],
)
def test_bad_files_are_plx001_findings(project, cli, content, reason):
    root = project({"pkg/__init__.py": ""})
    (root / "pkg" / "bad.py").write_bytes(content)
    status, out, _ = cli("check", root, "--format", "json")
    findings = json.loads(out)["findings"]
    assert status == 1
    assert [(f["path"], f["code"]) for f in findings] == [("pkg/bad.py", "PLX001")]
    assert reason in findings[0]["message"].lower()


@pytest.mark.parametrize(
    "content",
    [
        b"\xef\xbb\xbfdef emit(*args, **kwargs):\n    pass\n",  # BOM
        b"def emit(*args, **kwargs):\r\n    pass\r\n",  # CRLF
        b"def emit(*args, **kwargs):\n\tpass\n",  # tabs
        b"# -*- coding: latin-1 -*-\ndef emit(*args, **kwargs):\n    '''caf\xe9'''\n    pass\n",
    ],
)
def test_odd_but_valid_files_are_analysed(project, cli, content):
    root = project({"pkg/__init__.py": "", "pkg/b.py": "def send(*args, **kwargs):\n    pass\n"})
    (root / "pkg" / "a.py").write_bytes(content)
    findings = json.loads(cli("check", root, "--format", "json")[1])["findings"]
    assert [(f["path"], f["code"], f["line"]) for f in findings] == [
        ("pkg/a.py", "PLX101", 1 if not content.startswith(b"#") else 2), ("pkg/b.py", "PLX101", 1)]


def test_unreadable_file(project, cli, monkeypatch):
    """Permission errors are a finding. chmod cannot stop root (CI runs as root), so the read
    itself is made to fail."""
    from pathlib import Path

    root = project({"pkg/__init__.py": "", "pkg/secret.py": "x = 1\n"})
    real_read = Path.read_bytes

    def read_bytes(path):
        if path.name == "secret.py":
            raise PermissionError(13, "Permission denied")
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    findings = json.loads(cli("check", root, "--format", "json")[1])["findings"]
    assert [(f["path"], f["code"]) for f in findings] == [("pkg/secret.py", "PLX001")]
    assert "permission denied" in findings[0]["message"].lower()


def test_symlink_loops_are_not_followed(project, cli):
    root = project({"pkg/__init__.py": "", "pkg/a.py": "x = 1\n"})
    (root / "pkg" / "loop").symlink_to(root / "pkg", target_is_directory=True)
    status, out, _ = cli("check", root, "--format", "json")
    assert status == 0
    assert json.loads(out)["summary"]["files_checked"] == 2
