"""Rules declare what they read: the kinds of facts (`Rule.reads`), and the project files
(`Rule.project_files`). The runner extracts the facts the enabled rules read and nothing else,
hands the declared files to the rules through the index, and keys the cached findings on the
bytes of the files the enabled rules read."""

from __future__ import annotations

import pytest

from plexilint.analysis.database import DatabaseFacts
from plexilint.analysis.fallbacks import FallbackFacts
from plexilint.config import Config
from plexilint.engine.cache import FactsCache
from plexilint.engine.facts import FACT_KINDS
from plexilint.engine.index import DeclaredFiles, ProjectIndex
from plexilint.policy.history import HISTORY_PATH
from plexilint.rules import all_rules
from plexilint.rules.base import Rule
from plexilint.rules.consolidation.moved_import import MovedImport
from plexilint.runner.project import analyse_project

DOC = "## What it does\nx\n## Why is this bad?\nx\n## Example\nx\nUse instead:\nx\n## Options\nNone.\n## Fix\nx\n"
FILES = {
    "pkg/__init__.py": "",
    "pkg/new.py": "class EventManager:\n    pass\n",
    "pkg/user.py": "from pkg.old import EventManager\n\n\ndef use():\n    return EventManager()\n",
}
HISTORY = ('{"steps": [], "mapping": [{"name": "EventManager", "kind": "class", "old_module": "pkg.old", '
           '"new_module": "pkg.new", "import": "from pkg.new import EventManager"}]}')


def test_every_rule_declares_the_facts_it_reads():
    for rule in all_rules():
        assert isinstance(rule.reads, frozenset) and rule.reads <= FACT_KINDS, rule.code
    with pytest.raises(TypeError, match="reads must be a frozenset of fact kinds"):
        type("Undeclared", (Rule,), {"__doc__": DOC, "code": "PLX199", "symbol": "undeclared-rule", "summary": "x"})
    with pytest.raises(TypeError, match="reads must be a frozenset of fact kinds"):
        type("Unknown", (Rule,), {"__doc__": DOC, "code": "PLX199", "symbol": "unknown-facts-rule", "summary": "x",
                                  "reads": frozenset({"weather"})})


def test_the_facts_a_rule_declares_are_extracted_and_no_others(project, monkeypatch):
    root = project(FILES, 'select = ["PLX501"]\n')
    user = (root / "pkg/user.py").resolve().as_posix()
    facts = analyse_project(root, Config().replace(select=["PLX501"])).index.by_path[user]
    assert facts.name_imports and not facts.complexity.functions

    monkeypatch.setattr(MovedImport, "reads", frozenset({"complexity"}))
    facts = analyse_project(root, Config().replace(select=["PLX501"])).index.by_path[user]
    assert [f.qualname for f in facts.complexity.functions] == ["use"]
    assert facts.name_imports == ()  # no enabled rule reads them now
    assert facts.fallbacks == FallbackFacts() and facts.database == DatabaseFacts()


def test_a_rule_reads_its_project_files_through_the_index_never_the_disk(tmp_path):
    config = Config().replace(select=["PLX501"])
    analysis = analyse_project(tmp_path, config)  # an empty project: nothing on disk
    assert analysis.index.project_files.read(HISTORY_PATH) is None
    user = analyse_project(_write(tmp_path), config).index.files
    handed = ProjectIndex(tmp_path, list(user), DeclaredFiles({HISTORY_PATH: HISTORY.encode()}))
    assert [f.code for f in MovedImport().check(handed, config)] == ["PLX501"]
    with pytest.raises(KeyError, match="declare it"):
        handed.project_files.read("setup.cfg")


def _write(root):
    for relative, source in FILES.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(source, encoding="utf-8")
    return root


def _warm_run_hits(root, config: Config) -> bool:
    cache = FactsCache(root)
    analyse_project(root, config, cache=cache)
    return cache.stats.project_hit


def test_the_cached_findings_follow_the_bytes_of_the_files_the_enabled_rules_declare(project, monkeypatch):
    root = project(FILES).resolve()
    monkeypatch.setattr(MovedImport, "project_files", (HISTORY_PATH, "moves.txt"))
    plx5, plx1 = Config().replace(select=["PLX5"]), Config().replace(select=["PLX1"])
    for config in (plx5, plx1):
        _warm_run_hits(root, config)
        assert _warm_run_hits(root, config)
    (root / "moves.txt").write_text("anything", encoding="utf-8")  # a file PLX501 declares appears
    assert not _warm_run_hits(root, plx5)
    assert _warm_run_hits(root, plx1)  # no enabled rule reads it: the findings stand
    (root / "moves.txt").write_text("something else", encoding="utf-8")
    assert not _warm_run_hits(root, plx5) and _warm_run_hits(root, plx5)
    assert _warm_run_hits(root, plx1)


def test_moved_import_follows_an_edit_of_the_history_with_a_warm_cache(project):
    root = project(FILES).resolve()
    config = Config()

    def codes() -> list[str]:
        analysis = analyse_project(root, config, cache=FactsCache(root))
        return [f.code for path in analysis.paths for f in analysis.findings_at(path)]

    assert codes() == [] and codes() == []
    (root / ".plexilint").mkdir()
    (root / HISTORY_PATH).write_text(HISTORY, encoding="utf-8")
    assert codes() == ["PLX501"]
    (root / HISTORY_PATH).write_text('{"steps": [], "mapping": []}', encoding="utf-8")
    assert codes() == []
