"""`fix --apply` against a user who keeps editing: every edit ends up in the final file, or the
run refuses and leaves the file as the user last wrote it. The edits are made through the
writer's hook at the exact moments of a compare-and-swap (never with a sleep)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import write_project
from plexilint.consolidation import atomic
from plexilint.consolidation.apply import apply_fix
from plexilint.consolidation.backups import FAILED, FixFailed, FixRefused, apply_changes, list_runs, rollback
from plexilint.consolidation.fixer import propose_fix
from plexilint.runner.project import analyse_project
from plexilint.consolidation.fix_facts import FIX_FACTS
from plexilint.config import load_config
from stub_projects import DUPLICATED_STUBS

FILES = {"pkg/a.py": b"A = 1\n", "pkg/b.py": b"B = 1\n", "pkg/c.py": b"C = 1\n"}
EDIT = b"# the user's edit\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    project = tmp_path / "proj"
    (project / "pkg").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[tool.plexilint]\n", encoding="utf-8")
    for relative, data in FILES.items():
        (project / relative).write_bytes(data)
    return project.resolve()


def new_content(root: Path) -> dict[Path, bytes]:
    return {root / relative: data + b"NEW = 2\n" for relative, data in FILES.items()}


def append(path: Path) -> None:
    with open(path, "ab") as stream:  # in place, as `echo >>` or a logging editor does
        stream.write(EDIT)


def overwrite_same_size(path: Path) -> None:
    data = path.read_bytes()
    with open(path, "r+b") as stream:  # same length: only the bytes differ
        stream.write(b"#" + data[1:])


def save_by_rename(path: Path) -> None:
    temporary = path.with_name(path.name + ".editor-swap")
    temporary.write_bytes(path.read_bytes() + EDIT)  # how most editors save: new file, rename over
    os.replace(temporary, path)


EDITS = {"append": append, "overwrite": overwrite_same_size, "save-by-rename": save_by_rename}


@pytest.fixture
def hook(monkeypatch):
    """Installs an edit to make when the writer reaches ``stage`` for ``target``, once."""

    def install(stage: str, target: Path, edit) -> list[bytes]:
        made: list[bytes] = []

        def on_step(current_stage: str, path: Path) -> None:
            if current_stage == stage and path == target and not made:
                edit(path)
                made.append(path.read_bytes())  # what the user last wrote

        monkeypatch.setattr(atomic, "write_hook", on_step)
        return made

    return install


@pytest.mark.parametrize("edit", sorted(EDITS))
@pytest.mark.parametrize("stage", ["before-check", "before-replace"])
@pytest.mark.parametrize("target", sorted(FILES))
def test_an_edit_at_any_moment_of_the_write_is_never_lost(root, hook, stage, target, edit):
    made = hook(stage, root / target, EDITS[edit])
    with pytest.raises(FixFailed) as failed:
        apply_changes(root, new_content(root), "fallbacks")
    assert made, "the hook never ran"
    assert target in str(failed.value) and "every file it wrote was put back" in str(failed.value)
    # The edited file holds exactly what the user last wrote; every other file is back as it was.
    for relative, original in FILES.items():
        assert (root / relative).read_bytes() == (made[0] if relative == target else original), relative
    (run,) = list_runs(root)
    assert run.status == FAILED
    assert not list(root.rglob(f"*{atomic.TEMPORARY_SUFFIX}"))


def test_an_edit_to_a_file_the_run_already_wrote_is_kept_when_a_later_file_stops_it(root, monkeypatch):
    written_first = root / "pkg/a.py"

    def on_step(stage: str, path: Path) -> None:
        if stage == "before-check" and path == root / "pkg/c.py":
            append(written_first)  # the fix's output, edited by the user
            append(path)  # and the file about to be written

    monkeypatch.setattr(atomic, "write_hook", on_step)
    with pytest.raises(FixFailed) as failed:
        apply_changes(root, new_content(root), "fallbacks")
    assert "pkg/a.py: edited after the fix wrote it" in str(failed.value)
    assert written_first.read_bytes() == FILES["pkg/a.py"] + b"NEW = 2\n" + EDIT  # the edit is in the file
    assert (root / "pkg/b.py").read_bytes() == FILES["pkg/b.py"]
    assert (root / "pkg/c.py").read_bytes() == FILES["pkg/c.py"] + EDIT


def test_an_edit_after_the_swap_lands_in_the_new_file(root, monkeypatch):
    # After the rename, the user edits the new file: that edit is simply part of the result.
    def on_step(stage: str, path: Path) -> None:
        if stage == "before-check" and path == root / "pkg/b.py":
            append(root / "pkg/a.py")

    monkeypatch.setattr(atomic, "write_hook", on_step)
    run = apply_changes(root, new_content(root), "fallbacks")
    assert run is not None
    assert (root / "pkg/a.py").read_bytes() == FILES["pkg/a.py"] + b"NEW = 2\n" + EDIT


def test_a_file_created_by_the_user_while_the_fix_creates_it_is_kept(root, hook):
    target = root / "pkg/new.py"
    made = hook("before-check", target, lambda path: path.write_bytes(EDIT))
    with pytest.raises(FixFailed):
        apply_changes(root, {target: b"X = 1\n"}, "fallbacks")
    assert made and target.read_bytes() == EDIT


def test_content_other_than_what_the_fix_was_computed_from_is_refused_before_any_write(root):
    append(root / "pkg/b.py")
    with pytest.raises(FixRefused) as refused:
        apply_changes(root, new_content(root), "fallbacks",
                      expected={root / relative: data for relative, data in FILES.items()})
    assert "pkg/b.py" in str(refused.value)
    assert (root / "pkg/a.py").read_bytes() == FILES["pkg/a.py"]
    assert (root / "pkg/b.py").read_bytes() == FILES["pkg/b.py"] + EDIT
    assert list_runs(root) == []


def fix_project(tmp_path: Path) -> Path:
    root = write_project(tmp_path / "stubs", DUPLICATED_STUBS, "")
    return root.resolve()


def test_with_allow_dirty_an_edit_made_during_analysis_is_not_lost(tmp_path):
    root = fix_project(tmp_path)
    config = load_config(root)
    analysis = analyse_project(root, config, extra_facts=FIX_FACTS)
    edited = root / "pkg/events/__init__.py"
    append(edited)  # after the analysis read the file, before the fix reads it
    fix = propose_fix(analysis)
    assert edited in fix.changes, "the fix must touch the edited file for this test to mean anything"
    with pytest.raises(FixRefused) as refused:
        apply_fix(analysis, fix, "fallbacks", allow_dirty=True)
    assert "pkg/events/__init__.py" in str(refused.value)
    assert edited.read_bytes().endswith(EDIT)


def test_with_allow_dirty_an_edit_made_between_the_fix_and_the_write_is_not_lost(tmp_path):
    root = fix_project(tmp_path)
    analysis = analyse_project(root, load_config(root), extra_facts=FIX_FACTS)
    fix = propose_fix(analysis)
    edited = root / "pkg/files/__init__.py"
    assert edited in fix.changes
    append(edited)
    with pytest.raises(FixRefused):
        apply_fix(analysis, fix, "fallbacks", allow_dirty=True)
    assert edited.read_bytes() == (DUPLICATED_STUBS["pkg/files/__init__.py"]).encode() + EDIT
    assert list_runs(root) == []


def test_a_script_appending_all_the_time_never_loses_a_line(root):
    # The attack as reported: a script appends a line every fraction of a millisecond while fixes run.
    import threading
    import time

    target, stop, lines = root / "pkg/b.py", threading.Event(), []

    def keep_appending() -> None:
        while not stop.is_set():
            line = f"# edit {len(lines)}\n".encode()
            with open(target, "ab") as stream:
                stream.write(line)
            lines.append(line)
            time.sleep(0.0002)

    writer = threading.Thread(target=keep_appending)
    writer.start()
    try:
        for _ in range(20):
            current = {root / relative: (root / relative).read_bytes() for relative in FILES}
            try:
                apply_changes(root, {path: data + b"NEW = 2\n" for path, data in current.items()}, "fallbacks",
                              expected=current)
            except (FixFailed, FixRefused):
                pass
    finally:
        stop.set()
        writer.join()
    final = target.read_bytes()
    assert lines and all(line in final for line in lines)


def test_an_edit_displaced_by_a_second_edit_during_the_swap_is_saved(root, monkeypatch):
    target, calls, edits = root / "pkg/b.py", [], []

    def on_step(stage: str, path: Path) -> None:
        if path != target:
            return
        calls.append(stage)
        if len(calls) == 2:  # before the rename: an in-place edit the checks cannot see
            overwrite_same_size(path)
            edits.append(path.read_bytes())
        elif len(calls) == 3:  # while that edit is being put back: a second one
            append(path)

    monkeypatch.setattr(atomic, "write_hook", on_step)
    with pytest.raises(FixFailed) as failed:
        apply_changes(root, new_content(root), "fallbacks")
    assert "the earlier edit is saved in" in str(failed.value)
    (run,) = list_runs(root)
    saved = root / ".plexilint" / "backups" / run.run_id / "overwritten" / "pkg/b.py"
    assert saved.read_bytes() == edits[0]  # the first edit, kept
    assert target.read_bytes().endswith(EDIT)  # the second, in the file


def test_an_edit_made_while_rollback_restores_is_kept(root, hook):
    apply_changes(root, new_content(root), "fallbacks")
    made = hook("before-replace", root / "pkg/b.py", append)
    with pytest.raises(FixFailed, match="rollback stopped"):
        rollback(root)
    assert made and (root / "pkg/b.py").read_bytes() == made[0]
    assert [run.status for run in list_runs(root)] == ["applied"]  # `rollback --force` can finish later
