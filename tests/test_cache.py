"""The on-disk cache (.plexilint_cache/): a warm run answers exactly as a cold one, a change
invalidates what it touches and nothing else, damaged or foreign entries are ignored and
rebuilt, and runs sharing the cache at the same time all answer correctly."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import plexilint
from conftest import SAMPLES
from stub_projects import stub
from plexilint.analysis.modules import distinct_module_names, module_name_for
from plexilint.config import load_config
from plexilint.engine import cache_store, fingerprint
from plexilint.engine.cache import CACHE_DIRECTORY, FactsCache, _file_slot
from plexilint.engine.cache_packs import PackSet, PackWriter
from plexilint.runner.project import analyse_project

STUB = "class EventManager:\n    pass\n"


pytestmark = pytest.mark.usefixtures("project_cache_location")


def copy_sample(name: str, destination: Path) -> Path:
    root = destination / name
    shutil.copytree(SAMPLES / name, root, ignore=shutil.ignore_patterns("__pycache__", CACHE_DIRECTORY))
    return root.resolve()


def analyse(root: Path, **options):
    """A fresh process's view: no in-process memo, a new cache object (its stats start at 0)."""
    cache = FactsCache(root)
    analysis = analyse_project(root, load_config(root), cache=cache, **options)
    return analysis, cache.stats


def all_findings(analysis) -> list:
    return [f for path in sorted(analysis.findings) for f in analysis.findings_for(Path(path))]


def entries(root: Path) -> dict[str, bytes]:
    """Every file of the cache: the packs of facts and the projects' findings."""
    return {p.name: p.read_bytes() for p in (root / CACHE_DIRECTORY).glob("*/*") if p.is_file()}


def packed_entries(root: Path) -> dict[str, list[bytes]]:
    """Each pack's file slots (the file and its fact kinds), oldest pack first."""
    directory = FactsCache(root).directory
    packs = PackSet(directory).packs
    try:
        return {pack.path.name: [record.file_slot for record in pack.records] for pack in packs}
    finally:
        for pack in packs:
            pack.close()


def damage_every_entry(root: Path, damage) -> None:
    """Each cache entry replaced by ``damage(entry bytes)``; the packs stay intact around them."""
    for path in (root / CACHE_DIRECTORY).glob("*/project-*.pickle"):
        path.write_bytes(damage(path.read_bytes()))
    directory = FactsCache(root).directory
    for pack in PackSet(directory).packs:
        writer = PackWriter(directory)
        for record in pack.records:
            data = pack.read(record)
            assert data is not None
            writer.add(record.file_slot, record.entry_slot, damage(data))
        pack.close()
        assert writer.finish() == len(pack.records)
        pack.path.unlink()


@pytest.fixture
def legacy(tmp_path: Path) -> Path:
    return copy_sample("plexichat_legacy", tmp_path)


def test_cold_then_warm_gives_the_same_findings_without_extracting(legacy):
    uncached = all_findings(analyse_project(legacy, load_config(legacy)))
    cold, cold_stats = analyse(legacy)
    files = len(cold.paths)
    assert (cold_stats.project_hit, cold_stats.facts_hits, cold_stats.facts_stored) == (False, 0, files)
    warm, warm_stats = analyse(legacy)
    assert warm_stats.project_hit and warm_stats.facts_hits == 0  # the findings alone were loaded
    assert all_findings(cold) == all_findings(warm) == uncached
    assert uncached  # the sample has findings to compare
    # The index of a warm run is built from the cached facts when something asks for it.
    assert warm.index.by_path.keys() == cold.index.by_path.keys()
    assert warm.index.files == cold.index.files


def test_modifying_one_file_invalidates_only_its_facts(legacy):
    analyse(legacy)
    before = packed_entries(legacy)
    assert len(before) == 1  # one pack for the whole run
    changed = legacy / "src/plexichat/core/events/__init__.py"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\n" + STUB.replace("EventManager", "Extra"),
                       encoding="utf-8")
    analysis, stats = analyse(legacy)
    assert not stats.project_hit
    assert (stats.facts_hits, stats.facts_stored) == (len(analysis.paths) - 1, 1)
    after = packed_entries(legacy)
    # The first pack is untouched; the new one holds the changed file's facts alone.
    assert list(after.items())[0] == list(before.items())[0]
    assert list(after.values())[1] == [_file_slot(changed.as_posix(), _kinds(analysis))]
    assert all_findings(analysis) == all_findings(analyse_project(legacy, load_config(legacy)))


def _kinds(analysis) -> frozenset[str]:
    from plexilint.runner.project import fact_kinds

    return fact_kinds(analysis.config)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "flipped byte", "other key", "foreign class",
                                    "code"])
def test_damaged_entries_are_ignored_and_rebuilt(legacy, tmp_path, damage):
    expected = all_findings(analyse(legacy)[0])
    marker = tmp_path / "executed"
    damage_every_entry(legacy, lambda data: _damaged(data, damage, marker))
    analysis, stats = analyse(legacy)
    assert all_findings(analysis) == expected
    assert not stats.project_hit and stats.facts_hits == 0 and stats.facts_stored == len(analysis.paths)
    assert not marker.exists()  # loading an entry never runs code
    analysis, stats = analyse(legacy)  # rebuilt
    assert stats.project_hit and all_findings(analysis) == expected


def test_a_flipped_byte_that_still_unpickles_is_caught_by_the_checksum(legacy):
    # One letter of a path changed: the pickle still loads, only the checksum can tell.
    expected = all_findings(analyse(legacy)[0])
    damaged = []

    def rename(data: bytes) -> bytes:
        damaged.append(b"plexichat" in data[cache_store._PREFIX:])
        return data.replace(b"plexichat", b"plexichbt")

    damage_every_entry(legacy, rename)
    assert any(damaged)
    analysis, stats = analyse(legacy)
    assert all_findings(analysis) == expected and not stats.project_hit and stats.facts_hits == 0


class _RunsCode:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def _sealed(pickled: bytes) -> bytes:
    """A crafted entry with a valid checksum: only the unpickler's own checks stand in its way."""
    return cache_store._HEADER + hashlib.sha256(pickled).digest() + pickled


def _damaged(data: bytes, damage: str, marker: Path) -> bytes:
    key, payload = pickle.loads(data[cache_store._PREFIX:])
    flipped = bytearray(data)
    flipped[len(flipped) * 2 // 3] ^= 0x01
    return {
        "garbage": os.urandom(len(data)),
        "truncated": data[: len(data) // 2],
        "empty": b"",
        "flipped byte": bytes(flipped),
        "other key": _sealed(pickle.dumps((("facts", "elsewhere"), payload))),
        "foreign class": _sealed(pickle.dumps((key, pathlib_object()))),
        "code": _sealed(pickle.dumps((key, _RunsCode(marker)))),
    }[damage]


def pathlib_object():
    return Path("/")  # a class from outside plexilint: refused by the loader


def test_configuration_change_reuses_facts_but_not_findings(legacy):
    analyse(legacy)
    pyproject = legacy / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace("min-duplicates = 2", "min-duplicates = 3"),
                         encoding="utf-8")
    analysis, stats = analyse(legacy)
    # Facts never depend on the configuration; findings do.
    assert not stats.project_hit and stats.facts_stored == 0 and stats.facts_hits == len(analysis.paths)
    assert all_findings(analysis) == all_findings(analyse_project(legacy, load_config(legacy)))


def test_another_plexilint_version_uses_its_own_entries(legacy, monkeypatch):
    analyse(legacy)
    old = FactsCache(legacy).directory
    monkeypatch.setattr(plexilint, "__version__", "99.0")
    fingerprint.code_fingerprint.cache_clear()
    try:
        analysis, stats = analyse(legacy)
        assert FactsCache(legacy).directory != old
    finally:
        fingerprint.code_fingerprint.cache_clear()
    assert not stats.project_hit and stats.facts_hits == 0 and stats.facts_stored == len(analysis.paths)
    assert old.is_dir()  # used a moment ago: not stale yet


def test_stale_fingerprint_directories_are_removed(legacy):
    stale = legacy / CACHE_DIRECTORY / "0123456789abcdef0123"
    stale.mkdir(parents=True)
    (stale / "facts-x.pickle").write_bytes(b"old")
    os.utime(stale, (0, 0))
    analyse(legacy)
    assert not stale.exists()


def test_fix_history_change_invalidates_findings(project):
    root = project({"pkg/__init__.py": "", "pkg/new.py": STUB, "pkg/user.py": "from pkg.old import EventManager\n"})
    root = root.resolve()
    assert all_findings(analyse(root)[0]) == []
    state = root / ".plexilint"
    state.mkdir()
    (state / "history.json").write_text(
        '{"steps": [], "mapping": [{"name": "EventManager", "kind": "class", "old_module": "pkg.old", '
        '"new_module": "pkg.new", "import": "from pkg.new import EventManager"}]}', encoding="utf-8")
    analysis, stats = analyse(root)
    assert not stats.project_hit
    assert [f.code for f in all_findings(analysis)] == ["PLX501"]


def test_a_new_init_file_changes_module_names_and_so_the_key(project):
    root = project({"pkg/sub.py": "import os\n"}).resolve()
    assert analyse(root)[0].index.by_path[(root / "pkg/sub.py").as_posix()].module == "pkg.sub"
    # Python now imports the package `pkg.sub`, not the module: the module is named by its path.
    (root / "pkg/sub/__init__.py").parent.mkdir()
    (root / "pkg/sub/__init__.py").write_text("", encoding="utf-8")
    analysis, stats = analyse(root)
    assert analysis.index.by_path[(root / "pkg/sub.py").as_posix()].module == "pkg/sub.py"
    assert analysis.index.by_path[(root / "pkg/sub/__init__.py").as_posix()].module == "pkg.sub"
    assert stats.facts_stored == 2  # sub.py again (new module name) and the new __init__.py


def test_the_cache_directory_is_ignored_by_git_and_tagged(legacy):
    analyse(legacy)
    directory = legacy / CACHE_DIRECTORY
    assert (directory / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (directory / "CACHEDIR.TAG").read_bytes().startswith(b"Signature: 8a477f597d28d172789f06886806bc55")


def test_an_unusable_cache_directory_only_costs_the_cache(legacy):
    (legacy / CACHE_DIRECTORY).write_text("not a directory", encoding="utf-8")
    expected = all_findings(analyse_project(legacy, load_config(legacy)))
    for _ in range(2):
        analysis, stats = analyse(legacy)
        assert all_findings(analysis) == expected and stats.facts_stored == 0


def test_editor_buffers_are_never_cached(legacy):
    analyse(legacy)
    before = entries(legacy)
    path = legacy / "src/plexichat/core/events/__init__.py"
    analyse_project(legacy, load_config(legacy), {path: b"x = 1\n"}, cache=FactsCache(legacy))
    assert entries(legacy) == before


def test_module_names_match_the_analysis_definition():
    """A project's files get, from the project's root, the names one file gets alone."""
    for root in (SAMPLES / "plexichat_legacy", SAMPLES / "plexichat_refactored"):
        paths = [p for p in root.rglob("*.py") if "__pycache__" not in p.parts]
        names = distinct_module_names(paths, root)
        assert paths and all(names[p] == module_name_for(p, root) for p in paths)


# The command line.

def test_no_cache_writes_nothing(legacy, cli):
    status, output, _ = cli("check", legacy, "--no-cache", "--format", "json")
    assert status == 1 and '"findings"' in output
    assert not (legacy / CACHE_DIRECTORY).exists()


def test_cache_false_in_the_configuration_writes_nothing(project, cli):
    root = project({"pkg/__init__.py": "", "pkg/a.py": STUB}, config="cache = false\n")
    cli("check", root)
    assert not (root / CACHE_DIRECTORY).exists()


def test_cli_output_is_the_same_cold_warm_and_uncached(legacy, cli):
    for output_format in ("text", "json"):
        uncached = cli("check", legacy, "--no-cache", "--format", output_format)
        shutil.rmtree(legacy / CACHE_DIRECTORY, ignore_errors=True)
        cold = cli("check", legacy, "--format", output_format)
        warm = cli("check", legacy, "--format", output_format)
        assert uncached == cold == warm


def test_contracts_and_hotspots_read_facts_through_a_warm_cache(legacy, cli):
    for command in (["contracts", "--format", "json"], ["hotspots", "--format", "json", "--since", "2000-01-01"]):
        uncached = cli(*command, legacy, "--no-cache")
        cli(*command, legacy)
        assert cli(*command, legacy) == uncached


def _run_check(root: Path, output: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "plexilint", "check", str(root), "--format", "json",
                             "-o", str(output)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_concurrent_runs_sharing_the_cache_all_answer_correctly(legacy, tmp_path):
    """Two processes at once (pre-commit and an editor), cold, warm, and after an edit."""
    edited = legacy / "src/plexichat/core/events/__init__.py"
    for round_number in range(4):
        if round_number == 2:
            edited.write_text(edited.read_text(encoding="utf-8") + "\n" + STUB.replace("EventManager", "Late"),
                              encoding="utf-8")
        if round_number in (0, 2):  # the files changed: the answer without a cache, once
            reference = subprocess.run([sys.executable, "-m", "plexilint", "check", str(legacy), "--no-cache",
                                        "--format", "json"], capture_output=True, check=False).stdout
            assert reference.startswith(b"{")
        if round_number == 0:
            shutil.rmtree(legacy / CACHE_DIRECTORY, ignore_errors=True)
        outputs = [tmp_path / f"out-{round_number}-{n}.json" for n in range(2)]
        runs = [_run_check(legacy, output) for output in outputs]
        for run, output in zip(runs, outputs):
            _, stderr = run.communicate(timeout=120)
            assert run.returncode == 1 and output.is_file(), stderr.decode()
        assert [output.read_bytes() for output in outputs] == [reference, reference], round_number


def test_plexilint_cache_dir_moves_the_cache_out_of_the_project(project, tmp_path, monkeypatch, cli):
    """`PLEXILINT_CACHE_DIR`: nothing is written in the project; one directory serves two
    projects without mixing them (each project's facts hold its own relative paths)."""
    shared = tmp_path / "shared-cache"
    monkeypatch.setenv("PLEXILINT_CACHE_DIR", str(shared))
    outer = project({"sub/pkg/__init__.py": "", "sub/pkg/a.py": stub("EventManager"), "sub/pkg/b.py": stub("FileManager")})
    status, first, _ = cli("check", outer, "--format", "json")
    assert status == 1 and not (outer / CACHE_DIRECTORY).exists()
    assert [p.name.startswith(f"{outer.name}-") for p in shared.iterdir()] == [True]  # one project, named
    _, warm, _ = cli("check", outer, "--format", "json")
    assert warm == first
    # The same files as another project (`sub` gets its own pyproject.toml): their own entries,
    # reported relative to the new root.
    (outer / "sub" / "pyproject.toml").write_text("", encoding="utf-8")
    report = json.loads(cli("check", outer / "sub", "--format", "json")[1])
    assert sorted(f["path"] for f in report["findings"]) == ["pkg/a.py", "pkg/b.py"]
    assert len(list(shared.iterdir())) == 2 and not (outer / "sub" / CACHE_DIRECTORY).exists()
