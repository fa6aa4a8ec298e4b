"""The shared policy (plexilint/policy): what the rules and the fix decide the same way, and the
structured fix data (`Finding.fix`) the rules hand to the fix plan and the fix report."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from plexilint.analysis.fallbacks import ImportFailureGap, NonePlaceholder
from plexilint.config import load_config
from plexilint.consolidation.fixer import propose_fix
from plexilint.engine.cache import FactsCache
from plexilint.runner.project import analyse_project
from plexilint.consolidation.fix_facts import FIX_FACTS
from plexilint.model import DATABASE_ACCESS, PLACEHOLDER, UNBOUND_NAME, VERSION_LOOKUP, Finding, Replacement, Span
from plexilint.policy.layout import invalid_parts, shadowing_problem
from plexilint.policy.moved import merge_moves
from plexilint.policy.replacements import gap_binding, gap_fallback_helper, placeholder_replacement
from plexilint.reporting.fix_report import build_report, render_markdown
from plexilint.reporting.json_format import finding_to_dict

SAMPLES = Path(__file__).resolve().parent.parent / "sample_projects"


# -- what replaces the debris --------------------------------------------------------------------

@pytest.mark.parametrize(("name", "hint", "expected"), [
    ("SimpleQueue", None, ("get_fallback_class", "SimpleQueue")),  # a class placeholder
    ("event_manager", "EventManager", ("get_fallback_instance", "EventManager")),  # named after a class
    ("task_scheduler", None, ("get_fallback_instance", "TaskScheduler")),  # exported, no class in sight
])
def test_a_placeholder_gets_the_helper_its_name_asks_for(name, hint, expected):
    assert placeholder_replacement(NonePlaceholder(name, Span(3), True, hint)) == expected


def test_a_name_left_unbound_gets_a_class_or_an_instance():
    assert gap_fallback_helper("RedisBackend") == "get_fallback_class"
    assert gap_fallback_helper("make_backend") == "get_fallback_instance"
    gap = ImportFailureGap("RedisBackend", "app.backends", Span(2, 4), used_line=9, exported=False)
    assert gap_binding(gap).replacement == 'RedisBackend = get_fallback_class("RedisBackend")'


# -- which names moved ---------------------------------------------------------------------------

def test_moves_skip_conditional_fallbacks_and_the_configured_table_wins():
    recorded = [
        {"name": "Event", "old_module": "app.events", "new_module": "app.fallbacks"},
        {"name": "Queue", "old_module": "app.tasks", "new_module": "app.fallbacks", "conditional": True},
        {"name": "Job", "old_module": "app.jobs", "new_module": "app.fallbacks"},
    ]
    configured = {"app.jobs:Job": "app.core.jobs:Job"}
    history = json.dumps({"steps": [], "mapping": recorded}).encode()
    assert merge_moves(history, configured) == {
        "app.events:Event": "app.fallbacks:Event",
        "app.jobs:Job": "app.core.jobs:Job",
    }


# -- whether a module can exist under its name ----------------------------------------------------

def test_invalid_parts_of_a_dotted_name():
    assert invalid_parts("my-app.utils.2fa.class.ok") == ["my-app", "2fa", "class"]
    assert invalid_parts("app.utils.fallbacks") == []


def test_a_new_package_beside_a_module_of_its_name_is_refused(tmp_path):
    (tmp_path / "utils.py").write_text("def slugify(text):\n    return text\n")
    problem = shadowing_problem(tmp_path, tmp_path / "utils" / "__init__.py")
    assert problem is not None and "would hide the module `utils.py`" in problem
    assert shadowing_problem(tmp_path, tmp_path / "helpers" / "__init__.py") is None


def test_a_new_module_beside_a_package_of_its_name_is_refused(tmp_path):
    (tmp_path / "fallbacks").mkdir()
    (tmp_path / "fallbacks" / "__init__.py").write_text("")
    problem = shadowing_problem(tmp_path, tmp_path / "fallbacks.py")
    assert problem is not None and "would be hidden by the package" in problem


# -- the structured fix data ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def legacy(tmp_path_factory):
    """A copy of the legacy sample (every PLX1 kind of debris, and direct database access)."""
    root = tmp_path_factory.mktemp("policy") / "plexichat_legacy"
    shutil.copytree(SAMPLES / "plexichat_legacy", root)
    return root


def _analysis(root: Path):
    return analyse_project(root, load_config(root), extra_facts=FIX_FACTS)


def _all(analysis) -> list[Finding]:
    return [f for path in sorted(analysis.findings) for f in analysis.findings[path]]


def test_the_rules_the_fix_acts_on_say_what_to_replace(legacy):
    findings = _all(_analysis(legacy))
    by_code: dict[str, list[Finding]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    central = "plexichat.core.utils.fallbacks"
    for code in ("PLX101", "PLX102"):
        for finding in by_code[code]:
            assert finding.fix is not None and finding.fix.span == finding.span
            assert finding.fix.replacement == f"from {central} import {finding.fix.name}"
    assert {f.fix.kind for f in by_code["PLX103"]} == {VERSION_LOOKUP}
    assert {f.fix.replacement for f in by_code["PLX103"]} == {"__version__ = get_module_version()"}
    assert {f.fix.kind for f in by_code["PLX104"]} == {PLACEHOLDER}
    assert all(f.fix.replacement.startswith(f"{f.fix.name} = get_fallback_") for f in by_code["PLX104"])
    assert {f.fix.kind for f in by_code["PLX105"]} == {UNBOUND_NAME}
    assert {f.fix.kind for f in by_code["PLX201"]} == {DATABASE_ACCESS}
    assert all("get_fallback_manager()" in f.fix.replacement for f in by_code["PLX201"])
    assert all(f.fix is None for f in findings if f.code not in ("PLX101", "PLX102", "PLX103", "PLX104", "PLX105",
                                                                  "PLX201"))


def test_the_fix_data_is_no_part_of_a_findings_identity_or_output():
    finding = Finding("PLX104", "placeholder-instance", "/p/a.py", "a.py", Span(1), "m", key="x")
    with_fix = replace(finding, fix=Replacement("x", PLACEHOLDER, Span(1)))
    assert with_fix == finding and hash(with_fix) == hash(finding)
    assert finding_to_dict(with_fix) == finding_to_dict(finding)


def test_findings_read_back_from_the_cache_keep_their_fix_data(legacy):
    """A warm run answers from the project cache: its findings must still tell the fix what to do."""
    def analyse():
        cache = FactsCache(legacy)
        return analyse_project(legacy, load_config(legacy), cache=cache, extra_facts=FIX_FACTS), cache.stats

    cold, _ = analyse()
    warm, stats = analyse()
    assert stats.project_hit
    assert [f.fix for f in _all(warm)] == [f.fix for f in _all(cold)]
    assert any(f.fix is not None for f in _all(warm))
    assert propose_fix(warm).changes == propose_fix(cold).changes


def _without_messages(document: dict) -> dict:
    """The report with every finding's message left out (the rest must not depend on them)."""
    document = json.loads(json.dumps(document))
    for entry in document["findings"] + document["database"]:
        entry.pop("message")
    return document


def test_the_fix_and_its_report_do_not_depend_on_the_messages(legacy):
    analysis = _analysis(legacy)
    fix = propose_fix(analysis)
    report = build_report(analysis, fix)
    assert fix.changes and any(entry["instead"] for entry in report["database"])

    analysis.findings = {path: [replace(f, message=f"reworded {f.code}") for f in found]
                         for path, found in analysis.findings.items()}
    reworded_fix = propose_fix(analysis)
    reworded = build_report(analysis, reworded_fix)
    assert reworded_fix.changes == fix.changes
    assert _without_messages(reworded) == _without_messages(report)
    assert {f["message"] for f in reworded["database"]} <= {f"reworded PLX{n}" for n in range(200, 210)}
    markdown = render_markdown(reworded)
    assert "## File-by-file changes" in markdown and "get_fallback_manager()" in markdown
    # The database table's "what" of a PLX201 finding comes from the rule's fix data, not from
    # cutting its message (other database findings show their message, as it is).
    assert _direct_access_rows(markdown) == _direct_access_rows(render_markdown(report))
    assert "opens raw database access" in _direct_access_rows(markdown)
    assert "reworded" not in _direct_access_rows(markdown)


def _direct_access_rows(markdown: str) -> str:
    table = markdown.partition("## Database access")[2].partition("\n## ")[0]
    return "\n".join(line for line in table.splitlines() if "| PLX201 |" in line)


def test_the_fix_plan_follows_the_fix_data_not_the_finding_codes(legacy):
    """A placeholder whose finding carries no fix data is left alone."""
    analysis = _analysis(legacy)
    placeholders = {f.fix.name for f in _all(analysis) if f.code == "PLX104"}
    planned = {p.fact.name for file in propose_fix(analysis).plan.files for p in file.placeholders}
    assert planned and planned <= placeholders
    analysis.findings = {path: [replace(f, fix=None) if f.code == "PLX104" else f for f in found]
                         for path, found in analysis.findings.items()}
    assert not [p for file in propose_fix(analysis).plan.files for p in file.placeholders]
