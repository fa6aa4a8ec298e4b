"""The flake8 plugin analyses each named project once per flake8 run, in flake8's main process
before it starts its workers, and keeps that analysis out of the garbage collector's scans."""

from __future__ import annotations

import argparse
import gc
import shutil
from pathlib import Path

import pytest
from flake8.main.options import JobsArgument

from conftest import SAMPLES, spy_on
from frontends import via_cli
from plexilint.adapters.flake8 import PlexilintChecker
from plexilint.runner import session as session_module


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "legacy"
    shutil.copytree(SAMPLES / "plexichat_legacy", root)
    monkeypatch.chdir(root)
    monkeypatch.setenv("PLEXILINT_CACHE_DIR", str(tmp_path / "cache"))
    yield root
    gc.unfreeze()


def _options(*names: str, jobs: str = "2") -> argparse.Namespace:
    return argparse.Namespace(filenames=list(names), jobs=JobsArgument(jobs), disable_noqa=False)


def _count_analyses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    return spy_on(monkeypatch, session_module, "analyse_project")


def test_named_project_is_analysed_once_before_any_file(sample: Path, monkeypatch: pytest.MonkeyPatch):
    analysed = _count_analyses(monkeypatch)
    PlexilintChecker.parse_options(_options("."))
    assert analysed == [sample]
    assert gc.get_freeze_count() > 0  # the analysis is out of the collector's way

    reported = set()
    for path in sorted(sample.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for line, _, message, _ in PlexilintChecker(None, str(path), lines).run():
            reported.add((path.resolve().as_posix(), line, message.split()[0]))
    assert analysed == [sample]  # every file answered from that one analysis
    assert reported == via_cli(sample)


def test_paths_outside_a_declared_project_are_left_to_the_files(tmp_path: Path, sample: Path,
                                                                  monkeypatch: pytest.MonkeyPatch):
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "script.py").write_text("x = 1\n", encoding="utf-8")
    analysed = _count_analyses(monkeypatch)
    PlexilintChecker.parse_options(_options(str(loose), "-", str(tmp_path / "missing.py"), jobs="1"))
    assert analysed == []
