"""Shared test helpers: tiny projects on disk, and the CLI run in-process."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from plexilint.adapters.cli import main
from plexilint.engine.cache import CACHE_DIR_VARIABLE

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_projects"
FUNCTIONAL = REPO / "tests" / "functional"


@pytest.fixture(scope="session")
def checked_in_answers():
    """flake8's and pylint's answers on the samples and the functional cases, once a session."""
    from frontends import CheckedInAnswers

    return CheckedInAnswers(SAMPLES, FUNCTIONAL)


@pytest.fixture(scope="session")
def _session_cache_directory(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("plexilint-cache")


@pytest.fixture(autouse=True)
def _cache_outside_the_checkout(monkeypatch, _session_cache_directory):
    """Runs on the checked-in samples and functional cases keep their cache in a temporary
    directory, not in the source tree (subprocesses inherit it). The cache's own tests use
    `project_cache_location` to test the default place."""
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(_session_cache_directory))


@pytest.fixture
def project_cache_location(monkeypatch):
    """The cache in its default place, `.plexilint_cache/` at the project root."""
    monkeypatch.delenv(CACHE_DIR_VARIABLE, raising=False)


def write_project(root: Path, files: dict[str, str], config: str | None = None) -> Path:
    """Writes ``files`` (relative path -> dedented source) and a pyproject.toml under root."""
    root.mkdir(parents=True, exist_ok=True)
    if config is not None:
        (root / "pyproject.toml").write_text("[tool.plexilint]\n" + textwrap.dedent(config), encoding="utf-8")
    for relative, source in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path):
    def make(files: dict[str, str], config: str | None = "") -> Path:
        return write_project(tmp_path / "proj", files, config)

    return make


@pytest.fixture
def cli(capsys):
    """Runs ``plexilint ARGS`` in-process; returns (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


def spy_on(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str,
           record: Callable[..., Any] = lambda first, *args, **kwargs: first) -> list[Any]:
    """Replaces ``owner.name`` by a wrapper that calls through and records what ``record``
    makes of each call's arguments (by default its first argument); returns the records."""
    calls: list[Any] = []
    real = getattr(owner, name)

    def recording(*args: Any, **kwargs: Any) -> Any:
        calls.append(record(*args, **kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, recording)
    return calls
