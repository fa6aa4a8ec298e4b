"""The sample projects: the CLI output must equal the checked-in expected findings.

Regenerate after an intended change with ``PLEXILINT_UPDATE_EXPECTED=1 pytest tests/test_samples.py``
and review the diff."""

from __future__ import annotations

import os
import re

import pytest

from conftest import SAMPLES
from plexilint.adapters.cli import main

PROJECTS = sorted(p for p in SAMPLES.iterdir() if (p / "pyproject.toml").is_file())
EXPECTED_NAME = "expected-findings.txt"


def cli_output(root, capsys, monkeypatch) -> tuple[int, str]:
    monkeypatch.chdir(root)
    status = main(["check", "."])
    return status, capsys.readouterr().out


@pytest.mark.parametrize("root", PROJECTS, ids=[p.name for p in PROJECTS])
def test_cli_output_matches_expected_findings(root, capsys, monkeypatch):
    status, output = cli_output(root, capsys, monkeypatch)
    expected_path = root / EXPECTED_NAME
    if os.environ.get("PLEXILINT_UPDATE_EXPECTED"):
        expected_path.write_text(output, encoding="utf-8")
    assert output == expected_path.read_text(encoding="utf-8")
    assert status == (1 if "Found " in output else 0)


def _codes(output: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for code in re.findall(r"^\S+:\d+:\d+: (PLX\d+) ", output, re.MULTILINE):
        counts[code] = counts.get(code, 0) + 1
    return counts


def test_legacy_sample_shows_every_stub_kind_with_related_locations(capsys, monkeypatch):
    root = SAMPLES / "plexichat_legacy"
    monkeypatch.chdir(root)
    assert main(["check", ".", "--format", "json"]) == 1
    import json

    findings = json.loads(capsys.readouterr().out)["findings"]
    kinds = {re.search(r"\((.*?)\) has the same shape", f["message"]).group(1)
             for f in findings if f["code"] == "PLX101"}
    # Its constant holders (`EventPriority`, `AlertSeverity`, ...) share a member count, not
    # their members: different classes, which its maintainers also kept apart.
    assert kinds == {
        "empty class", "kwargs-bag class", "no-op function", "identity function or decorator",
        "exception class differing only in literals", "handler returning a literal dict",
    }
    for code in ("PLX101", "PLX102", "PLX103", "PLX104", "PLX105"):
        assert any(f["code"] == code for f in findings), code
    for finding in findings:
        if finding["code"] in ("PLX101", "PLX103"):
            assert finding["related"], finding
    events = [f for f in findings if f["path"] == "src/plexichat/core/events/__init__.py"]
    assert {f["code"] for f in events} >= {"PLX101", "PLX103", "PLX104"}


def test_refactored_sample_has_no_fallback_or_database_findings(capsys, monkeypatch):
    _, output = cli_output(SAMPLES / "plexichat_refactored", capsys, monkeypatch)
    assert not [code for code in _codes(output) if code.startswith(("PLX1", "PLX2"))], output


def test_legacy_sample_shows_every_database_violation_with_what_to_call(capsys, monkeypatch):
    _, output = cli_output(SAMPLES / "plexichat_legacy", capsys, monkeypatch)
    codes = _codes(output)
    for code in ("PLX201", "PLX202", "PLX203", "PLX204", "PLX205", "PLX206"):
        assert codes.get(code), code
    for line in output.splitlines():
        if " PLX201 " in line or " PLX203 " in line:
            assert "get_fallback_manager()" in line, line
        if " PLX205 " in line:
            assert "503" in line, line


def test_no_manager_sample_gets_one_made_up_answer_and_one_note(capsys, monkeypatch):
    _, output = cli_output(SAMPLES / "fastapi_no_manager", capsys, monkeypatch)
    assert {code: n for code, n in _codes(output).items() if code.startswith("PLX2")} == {"PLX204": 1}
    notes = [line for line in output.splitlines() if line.startswith("note: ")]
    assert len(notes) == 1 and "no database fallback manager was found" in notes[0]


def test_legacy_sample_database_precision_cases(capsys, monkeypatch):
    """Cleanup in an except, a broad except after the outage handler and an error payload are
    not reported; a logger in the manager's except, a mock adapter in the manager's package, a
    client set by a base class, a factory's static method and Depends() of a factory are."""
    _, output = cli_output(SAMPLES / "plexichat_legacy", capsys, monkeypatch)
    found = set(re.findall(r"^(\S+):(\d+):\d+: (PLX\d+) ", output, re.MULTILINE))
    moderation, stats = "src/plexichat/services/moderation_service.py", "src/plexichat/api/v1/stats.py"
    factories = "src/plexichat/core/database/factories.py"
    assert (moderation, "37", "PLX203") not in found  # `await session.rollback()` then raise
    assert not {f for f in found if f[0] == stats and int(f[1]) > 93 and f[2] in ("PLX204", "PLX205")}
    assert (factories, "143", "PLX206") in found  # count_users: logs, then no fallback
    assert (factories, "210", "PLX204") in found  # MockSQLAdapter() from a factory's except
    assert (moderation, "27", "PLX201") in found  # self.vector_db set by the base class
    assert ("src/plexichat/core/services/base.py", "96", "PLX201") in found  # DatabaseFactory.create_vector_db()
    assert (stats, "90", "PLX201") in found  # Depends(get_vector_db_dependency)


def test_fallback_copies_sample_shows_each_signal_and_leaves_real_code_alone(capsys, monkeypatch):
    """Copies in package `__init__` files (marked by comments, log calls, `# type: ignore`),
    first-party `except ImportError:` copies, an exception family, stub accessors, names left
    unbound; the same weak shapes in modules that hold no fallbacks stay silent."""
    import json

    monkeypatch.chdir(SAMPLES / "fallback_copies")
    assert main(["check", ".", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    by_file: dict[str, set[str]] = {}
    for finding in findings:
        by_file.setdefault(finding["path"], set()).add(finding["code"])
    assert by_file == {
        "src/chatserver/app.py": {"PLX107"},
        "src/chatserver/errors/__init__.py": {"PLX107"},
        "src/chatserver/monitoring/__init__.py": {"PLX101", "PLX107"},
        "src/chatserver/realtime/__init__.py": {"PLX101"},
        "src/chatserver/routers/__init__.py": {"PLX105"},
    }
    copies = [f["message"] for f in findings if f["code"] == "PLX107"]
    assert any("simplified copy of `chatserver.errors.exceptions.RateLimitError`" in m for m in copies)
    assert any("importing it from `chatserver.errors.handlers` fails" in m for m in copies)
