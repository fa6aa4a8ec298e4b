"""Test code is out of the duplicated-fallback family unless `fallbacks-in-tests` says so."""

from __future__ import annotations

from plexilint.analysis.modules import is_test_file
from plexilint.config import load_config
from plexilint.runner.project import analyse_project

MOCK = "class FakeManager:\n    def __init__(self):\n        pass\n"


def _reported(root):
    analysis = analyse_project(root, load_config(root))
    return sorted((f.relpath, f.code) for findings in analysis.findings.values() for f in findings)


def test_test_paths():
    for path in ("tests/a.py", "pkg/test/a.py", "pkg/api_test/a.py", "pkg/unit_tests/a.py", "conftest.py",
                 "pkg/test_api.py", "pkg/api_test.py"):
        assert is_test_file(path), path
    for path in ("pkg/testing.py", "pkg/contest.py", "latest/a.py", "pkg/attestation/a.py"):
        assert not is_test_file(path), path


def test_mocks_in_test_folders_are_not_fallback_stubs(project):
    files = {"tests/test_a.py": MOCK, "tests/conftest.py": MOCK, "pkg/__init__.py": "", "pkg/api_test.py": MOCK}
    assert _reported(project(files)) == []


def test_the_option_brings_test_code_back(project):
    files = {"tests/test_a.py": MOCK, "tests/conftest.py": MOCK}
    assert _reported(project(files, "fallbacks-in-tests = true\n")) == [
        ("tests/conftest.py", "PLX101"), ("tests/test_a.py", "PLX101")]
