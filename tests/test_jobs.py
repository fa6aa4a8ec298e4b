"""`--jobs`: facts extracted in worker processes, the same output byte for byte."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest

from conftest import SAMPLES, spy_on
from plexilint.config import load_config
from plexilint.engine import extraction, parallel
from plexilint.engine.cache import CACHE_DIRECTORY, FactsCache
from plexilint.engine.facts import FACT_KINDS, extract_facts
from plexilint.runner.project import analyse_project
from plexilint.analysis.modules import distinct_module_names
from plexilint.engine.sources import read_source

SAMPLE_NAMES = ("plexichat_legacy", "plexichat_refactored")


@pytest.fixture
def pool_calls(monkeypatch) -> list[int]:
    """Every project is worth a pool (the samples are smaller than the real threshold); records
    the number of files each pool extracted."""
    monkeypatch.setattr(parallel, "POOL_MIN_BYTES", 0)
    return spy_on(monkeypatch, extraction, "extract_in_pool", lambda tasks, *args, **kwargs: len(tasks))


pytestmark = pytest.mark.usefixtures("project_cache_location")


def copy_sample(name: str, destination: Path) -> Path:
    root = destination / name
    shutil.copytree(SAMPLES / name, root, ignore=shutil.ignore_patterns("__pycache__", CACHE_DIRECTORY))
    return root


@pytest.mark.parametrize("name", SAMPLE_NAMES)
@pytest.mark.parametrize("output_format", ["text", "json"])
def test_jobs_2_prints_what_jobs_1_prints(name, output_format, cli, pool_calls, tmp_path):
    root = copy_sample(name, tmp_path)
    serial = cli("check", root, "--no-cache", "--format", output_format, "--jobs", "1")
    assert pool_calls == []
    parallel_run = cli("check", root, "--no-cache", "--format", output_format, "--jobs", "2")
    assert pool_calls and pool_calls[0] > 1
    assert parallel_run == serial
    assert serial[1]  # a report (the refactored sample is clean: exit 0)


def test_workers_fill_the_cache(cli, pool_calls, tmp_path):
    root = copy_sample("plexichat_legacy", tmp_path).resolve()
    cold = cli("check", root, "-j", "2", "--format", "json")
    cache = FactsCache(root)
    analysis = analyse_project(root, load_config(root), cache=cache)
    # Without the project entry, every file's facts come from what the workers stored.
    assert cache.stats.project_hit
    for path in (root / CACHE_DIRECTORY).glob("*/project-*.pickle"):
        path.unlink()
    cache = FactsCache(root)
    analysis = analyse_project(root, load_config(root), cache=cache)
    assert cache.stats.facts_stored == 0 and cache.stats.facts_hits == len(analysis.paths)
    assert cli("check", root, "--format", "json") == cold


def test_spawned_workers_extract_the_same_facts(tmp_path):
    """What macOS and Windows use (and forkserver, Python 3.14's default): nothing inherited."""
    root = (SAMPLES / "plexichat_legacy").resolve()
    paths = [p for p in sorted(root.rglob("*.py")) if "__pycache__" not in p.parts]
    modules = distinct_module_names(paths, root)
    sources = [read_source(p, root, modules[p]) for p in paths]
    tasks = [(s.posix, s.relpath, s.module, s.digest, s.data) for s in sources]
    spawned = parallel.extract_in_pool(tasks, FACT_KINDS, 2, None, multiprocessing.get_context("spawn"))
    assert spawned == [extract_facts(s.path, s.relpath, s.data, kinds=FACT_KINDS, module=s.module) for s in sources]


def test_facts_sent_as_their_cache_entries_are_the_facts(tmp_path):
    """With a cache, a worker hands over the facts as the entry the cache stores: they are not pickled again."""
    root = tmp_path / "plexichat_legacy"
    shutil.copytree(SAMPLES / "plexichat_legacy", root, ignore=shutil.ignore_patterns("__pycache__", CACHE_DIRECTORY))
    paths = [p for p in sorted(root.rglob("*.py")) if "__pycache__" not in p.parts]
    modules = distinct_module_names(paths, root)
    sources = [read_source(p, root, modules[p]) for p in paths]
    tasks = [(s.posix, s.relpath, s.module, s.digest, s.data) for s in sources]
    cache = FactsCache(root)
    pooled = parallel.extract_in_pool(tasks, FACT_KINDS, 2, cache)
    cache.flush()
    assert pooled == [extract_facts(s.path, s.relpath, s.data, kinds=FACT_KINDS, module=s.module) for s in sources]
    assert cache.stats.facts_stored == len(sources)
    assert [cache.load_facts(s.posix, s.module, s.digest, FACT_KINDS) for s in sources] == pooled


def test_a_pool_that_cannot_start_falls_back_to_one_process(cli, pool_calls, monkeypatch, tmp_path):
    import concurrent.futures

    def cannot_fork(*args, **kwargs):
        raise OSError("Resource temporarily unavailable")

    root = copy_sample("plexichat_legacy", tmp_path)
    expected = cli("check", root, "--no-cache", "--format", "json")
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", cannot_fork)
    assert cli("check", root, "--no-cache", "--format", "json", "-j", "2") == expected
    assert pool_calls  # it was tried


def test_small_projects_do_not_start_a_pool(project, cli, monkeypatch):
    monkeypatch.setattr("plexilint.engine.extraction.extract_in_pool", lambda *args, **kwargs: pytest.fail("pool"))
    root = project({"pkg/__init__.py": "", "pkg/a.py": "x = 1\n"})
    assert cli("check", root, "-j", "2")[0] == 0


def test_chunks_cover_every_file_once_in_balanced_sizes():
    tasks = [(f"/p/{n}.py", f"{n}.py", str(n), "", b"x" * size) for n, size in enumerate([900, 50, 40, 300, 10] * 20)]
    chunks = parallel._chunks(tasks, 8)
    assert sorted(task[0] for chunk in chunks for task in chunk) == sorted(task[0] for task in tasks)
    sizes = [sum(len(task[4]) for task in chunk) for chunk in chunks]
    assert 6 <= len(chunks) <= 10 and max(sizes) < 2 * sum(sizes) / 8


def test_jobs_values():
    assert parallel.resolve_jobs("1") == 1 and parallel.resolve_jobs("3") == 3
    assert 1 <= parallel.resolve_jobs("auto") <= multiprocessing.cpu_count()


@pytest.mark.parametrize("value", ["0", "-1", "two", ""])
def test_bad_jobs_values_are_usage_errors(value, cli, project):
    root = project({"a.py": "x = 1\n"})
    status, _, error = cli("check", root, "--jobs", value)
    assert status == 2 and "--jobs" in error
