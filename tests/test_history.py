"""Consolidation history: steps, the moved-name mapping, progress reports, dirty files in git."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from plexilint.consolidation.backups import apply_changes, rollback
from plexilint.consolidation.history import (
    HistoryError, findings_by_family, history_path, load_history, record_step,
)
from plexilint.consolidation.progress import render_progress
from plexilint.vcs.git import uncommitted_files


def mapping(name: str, old: str, new: str = "pkg.utils.fallbacks", kind: str = "class") -> dict:
    return {"name": name, "kind": kind, "old_module": old, "new_module": new, "import": f"from {new} import {name}"}


def moved_names(root: Path) -> dict[str, str]:
    """``"old.module:Name" -> "new.module:Name"`` for every name the live steps moved."""
    return {f"{e['old_module']}:{e['name']}": f"{e['new_module']}:{e['name']}"
            for e in load_history(root)["mapping"]}


def step(run_id: str, moved: list[dict], **overrides) -> dict:
    values = {"run_id": run_id, "phase": "fallbacks", "files_before": 10, "files_after": 11,
              "findings_before": {"PLX1": 12, "PLX3": 2}, "findings_after": {"PLX1": 0, "PLX3": 2},
              "lines_before": 900, "lines_after": 840, "mapping": moved}
    return {**values, **overrides}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "proj"
    (project / "pkg").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[tool.plexilint]\n", encoding="utf-8")
    return project.resolve()


def test_missing_history_is_empty_and_record_step_creates_it(root):
    assert load_history(root) == {"steps": [], "mapping": []}
    stored = record_step(root, step("r1", [mapping("EventManager", "pkg.events")]))
    assert stored["lines_removed"] == 60 and stored["status"] == "applied" and stored["time"]
    history = json.loads(history_path(root).read_text(encoding="utf-8"))
    assert history == load_history(root)
    assert history["steps"] == [stored]
    assert history["mapping"] == [{**mapping("EventManager", "pkg.events"), "run_id": "r1"}]
    assert (root / ".plexilint" / ".gitignore").is_file()


def test_invalid_steps_are_rejected(root):
    with pytest.raises(ValueError, match="findings_after"):
        record_step(root, {k: v for k, v in step("r1", []).items() if k != "findings_after"})
    with pytest.raises(ValueError, match="import"):
        record_step(root, step("r1", [{k: v for k, v in mapping("X", "pkg.a").items() if k != "import"}]))
    record_step(root, step("r1", []))
    with pytest.raises(ValueError, match="already recorded"):
        record_step(root, step("r1", []))


def test_a_corrupt_history_is_an_error_naming_the_file_and_is_never_overwritten(root):
    path = history_path(root)
    path.parent.mkdir()
    path.write_bytes(b'{"steps": [')
    with pytest.raises(HistoryError, match="history.json"):
        load_history(root)
    with pytest.raises(HistoryError):
        record_step(root, step("r1", []))
    assert path.read_bytes() == b'{"steps": ['


def test_a_later_step_overrides_the_mapping(root):
    record_step(root, step("r1", [mapping("EventManager", "pkg.events"), mapping("get_version", "pkg.a", kind="function")]))
    record_step(root, step("r2", [mapping("EventManager", "pkg.events", new="pkg.core.fallbacks")]))
    assert moved_names(root) == {
        "pkg.a:get_version": "pkg.utils.fallbacks:get_version",
        "pkg.events:EventManager": "pkg.core.fallbacks:EventManager",
    }


def apply_and_record(root: Path, name: str, moved: list[dict]) -> str:
    run = apply_changes(root, {root / "pkg" / f"{name}.py": f"{name} = 1\n".encode()}, "fallbacks")
    record_step(root, step(run.run_id, moved))
    return run.run_id


def test_rollback_marks_the_step_and_drops_its_mapping(root):
    first = apply_and_record(root, "a", [mapping("EventManager", "pkg.events")])
    second = apply_and_record(root, "b", [mapping("EventManager", "pkg.events", new="pkg.core"),
                                          mapping("FileManager", "pkg.files")])
    rollback(root)
    history = load_history(root)
    assert [s["status"] for s in history["steps"]] == ["applied", "rolled-back"]
    assert history["steps"][1]["run_id"] == second and history["steps"][1]["rolled_back_at"]
    assert moved_names(root) == {"pkg.events:EventManager": "pkg.utils.fallbacks:EventManager"}
    assert history["mapping"][0]["run_id"] == first


def test_rolling_back_a_step_keeps_names_a_later_step_re_adds(root):
    first = apply_and_record(root, "a", [mapping("EventManager", "pkg.events"), mapping("Old", "pkg.old")])
    apply_and_record(root, "b", [mapping("EventManager", "pkg.events")])
    rollback(root, first, force=True)
    assert moved_names(root) == {"pkg.events:EventManager": "pkg.utils.fallbacks:EventManager"}


def test_findings_by_family():
    assert findings_by_family(["PLX101", "PLX305", "PLX102", "PLX001"]) == {"PLX0": 1, "PLX1": 2, "PLX3": 1}


def recorded_history(root: Path) -> dict:
    record_step(root, step("r1", [mapping("EventManager", "pkg.events")]))
    record_step(root, step("r2", [], phase="versions", findings_before={"PLX1": 0, "PLX3": 2},
                           findings_after={"PLX1": 0, "PLX3": 0}, lines_before=840, lines_after=800))
    return load_history(root)


def test_progress_markdown_has_the_table_the_charts_and_the_mapping(root):
    report = render_progress(recorded_history(root), "markdown")
    assert "| Step | Phase | Date | Files | PLX1 | PLX3 | Lines removed | Lines added | Net change |" in report
    assert "| 1 | fallbacks |" in report and "| 10 → 11 | 12 → 0 | 2 → 2 | 60 | 0 | -60 |" in report
    assert "| 0 → 0 | 2 → 0 | 40 | 0 | -100 |" in report
    assert "```mermaid\nxychart-beta\n" in report
    assert 'x-axis ["start", "step 1", "step 2"]' in report
    assert "line [14, 2, 0]" in report and "line [900, 840, 800]" in report
    assert "| `EventManager` | class | `pkg.events` → `pkg.utils.fallbacks` | " \
           "`from pkg.utils.fallbacks import EventManager` |" in report


def test_progress_text_is_aligned_and_json_is_the_history(root):
    history = recorded_history(root)
    lines = render_progress(history, "text").splitlines()
    header = next(line for line in lines if line.startswith("Step"))
    row = next(line for line in lines if line.startswith("2 "))
    assert row.index("versions") == header.index("Phase")
    assert json.loads(render_progress(history, "json")) == history


def test_cli_progress(root, cli, tmp_path):
    status, _, err = cli("progress", root)
    assert status == 2 and "no progress recorded" in err
    recorded_history(root)
    status, out, _ = cli("progress", root, "--format", "markdown")
    assert status == 0 and out.startswith("# Consolidation progress")
    output = tmp_path / "progress.json"
    status, out, _ = cli("progress", root, "--format", "json", "-o", output)
    assert status == 0 and out == ""
    assert json.loads(output.read_text(encoding="utf-8")) == load_history(root)
    history_path(root).write_text("not json", encoding="utf-8")
    status, _, err = cli("progress", root)
    assert status == 2 and "history.json" in err


def git(repository: Path, *arguments: str) -> None:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", "-C", str(repository), *arguments], check=True, capture_output=True, env=environment)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_uncommitted_files(tmp_path):
    repository = tmp_path / "repo"
    (repository / "pkg").mkdir(parents=True)
    for name in ("clean.py", "modified.py", "staged.py", "renamed.py"):
        (repository / "pkg" / name).write_text(f"{name[:-3]} = 1\n", encoding="utf-8")
    git(repository, "init", "-q")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "initial")
    (repository / "pkg" / "modified.py").write_text("changed = 1\n", encoding="utf-8")
    (repository / "pkg" / "staged.py").write_text("staged = 2\n", encoding="utf-8")
    git(repository, "add", "pkg/staged.py")
    git(repository, "mv", "pkg/renamed.py", "pkg/moved name.py")
    (repository / "pkg" / "new.py").write_text("new = 1\n", encoding="utf-8")
    package = (repository / "pkg").resolve()
    dirty = uncommitted_files(repository / "pkg", [repository / "pkg"])
    assert dirty == {package / "modified.py", package / "staged.py", package / "new.py",
                     package / "moved name.py", package / "renamed.py"}
    assert uncommitted_files(repository, [repository / "pkg" / "clean.py"]) == set()
    assert uncommitted_files(repository, [repository / "pkg" / "clean.py", repository / "pkg" / "new.py"]) == {
        package / "new.py"}
    assert uncommitted_files(repository, []) == set()
