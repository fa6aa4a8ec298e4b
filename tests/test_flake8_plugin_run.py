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
from plexilint.config import load_config
from plexilint.runner import session as session_module
from plexilint.runner.project import fact_kinds


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


def _flake8_run(sample: Path, monkeypatch: pytest.MonkeyPatch, *arguments: str) -> set[tuple[str, int, str]]:
    """flake8's own option parsing (which calls the plugin's parse_options), then the plugin on
    every file: the plexilint findings flake8 would report with these options."""
    from flake8.options.parse_args import parse_args
    from flake8.style_guide import Decision, DecisionEngine

    monkeypatch.setattr(PlexilintChecker, "computed_codes", None)  # restored after the test
    _, options = parse_args(["--isolated", "--jobs", "1", *arguments, "."])
    decisions = DecisionEngine(options)
    reported = set()
    for path in sorted(sample.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for line, _, message, _ in PlexilintChecker(None, str(path), lines).run():
            code = message.split()[0]
            if decisions.decision_for(code) is Decision.Selected:
                reported.add((path.resolve().as_posix(), line, code))
    return reported


def test_a_run_reporting_no_plexilint_code_analyses_nothing(sample: Path, monkeypatch: pytest.MonkeyPatch):
    analysed = _count_analyses(monkeypatch)
    assert _flake8_run(sample, monkeypatch, "--select", "E,W,F") == set()
    assert analysed == []
    assert not (sample.parent / "cache").exists()  # nothing computed, nothing cached


def test_only_the_facts_of_the_codes_flake8_reports_are_computed(sample: Path, monkeypatch: pytest.MonkeyPatch):
    configs = spy_on(monkeypatch, session_module, "analyse_project", lambda root, config, *args, **kwargs: config)
    reported = _flake8_run(sample, monkeypatch, "--select", "PLX4,E")
    assert [fact_kinds(config) for config in configs] == [frozenset({"complexity"})]
    expected = {finding for finding in via_cli(sample) if finding[2].startswith("PLX4")}
    assert expected and reported == expected  # the same findings as `plexilint check`


def test_codes_ignored_through_flake8_are_not_computed(sample: Path, monkeypatch: pytest.MonkeyPatch):
    configs = spy_on(monkeypatch, session_module, "analyse_project", lambda root, config, *args, **kwargs: config)
    # PLX5 reads the fallback facts too (PLX502: moved names defined again).
    reported = _flake8_run(sample, monkeypatch, "--extend-ignore", "PLX1,PLX002,PLX5")
    assert "fallbacks" not in fact_kinds(configs[0])
    expected = {f for f in via_cli(sample) if not f[2].startswith(("PLX1", "PLX5")) and f[2] != "PLX002"}
    assert reported == expected


def test_with_unused_suppressions_reported_every_rule_runs(sample: Path, monkeypatch: pytest.MonkeyPatch):
    """Whether a `# noqa: PLX401` is unused depends on PLX401's findings: all rules run, and
    flake8 reports PLX002 exactly as `plexilint check` does."""
    configs = spy_on(monkeypatch, session_module, "analyse_project", lambda root, config, *args, **kwargs: config)
    reported = _flake8_run(sample, monkeypatch, "--select", "PLX002,PLX4")
    assert fact_kinds(configs[0]) == fact_kinds(load_config(sample))
    assert reported == {f for f in via_cli(sample) if f[2] == "PLX002" or f[2].startswith("PLX4")}
