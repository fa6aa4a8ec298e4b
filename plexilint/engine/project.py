"""Analysing one project: facts for every file (memoised by content), then every rule."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from plexilint.config import Config, find_project_root, load_config
from plexilint.config.options import CODE_PATTERN
from plexilint.engine.discovery import discover_files, is_excluded
from plexilint.engine.facts import FileFacts, ParseFailure, content_digest, extract_facts, facts_for_codes
from plexilint.engine.index import ProjectIndex
from plexilint.engine.selection import Selection
from plexilint.engine.suppressions import NoqaMode, is_finding_suppressed
from plexilint.model import Finding
from plexilint.rules import all_rules
from plexilint.rules.base import AfterFindingsRule

# (path, content digest, fact kinds) -> facts: a file whose bytes did not change is never
# re-analysed for the same kinds of facts.
_FACTS_MEMO: dict[tuple[str, str, frozenset[str]], FileFacts] = {}


def _facts_for(path: Path, root: Path, data: bytes, kinds: frozenset[str]) -> FileFacts:
    key = (path.as_posix(), content_digest(data), kinds)
    facts = _FACTS_MEMO.get(key)
    if facts is None:
        facts = extract_facts(path, path.relative_to(root).as_posix(), data, kinds=kinds)
        _FACTS_MEMO[key] = facts
    return facts


def _read(path: Path, root: Path, kinds: frozenset[str]) -> FileFacts | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = f"cannot read the file: {error.strerror or error}"
        return FileFacts(path.as_posix(), path.relative_to(root).as_posix(), path.stem, False, "",
                         parse_failure=ParseFailure(1, 0, reason))
    return _facts_for(path, root, data, kinds)


@dataclass
class ProjectAnalysis:
    root: Path
    config: Config
    index: ProjectIndex
    findings: dict[str, list[Finding]] = field(default_factory=dict)  # posix path -> sorted

    def findings_for(self, path: Path, noqa: NoqaMode = NoqaMode.ALL) -> list[Finding]:
        key = path.resolve().as_posix()
        findings = self.findings.get(key, [])
        facts = self.index.by_path.get(key)
        if facts is None or not facts.suppressions or noqa is NoqaMode.NONE:
            return findings
        return [f for f in findings if not is_finding_suppressed(facts.suppressions, f, noqa)]

    def contains(self, path: Path) -> bool:
        return path.resolve().as_posix() in self.index.by_path


def analyse_project(root: Path, config: Config, overrides: dict[Path, bytes] | None = None,
                    extra_facts: frozenset[str] = frozenset()) -> ProjectAnalysis:
    """Facts for every file under ``root`` (``overrides`` replace on-disk contents, as an
    editor's unsaved buffer does), then every enabled rule, then selection filters. The facts
    computed are those the enabled rules read, plus ``extra_facts`` (hotspots, fixes)."""
    # Syntax trees and facts hold no reference cycles; the cyclic collector would only rescan
    # millions of live nodes (a third of the run time on the standard library).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _analyse(root, config, overrides, extra_facts)
    finally:
        if was_enabled:
            gc.enable()


def _analyse(root: Path, config: Config, overrides: dict[Path, bytes] | None,
             extra_facts: frozenset[str]) -> ProjectAnalysis:
    root = root.resolve()
    overrides = {p.resolve(): data for p, data in (overrides or {}).items()}
    selection = Selection.from_config(config)
    kinds = facts_for_codes(r.code for r in all_rules() if selection.enables(r.code)) | extra_facts
    index = ProjectIndex(root, _project_files(root, config, overrides, kinds))
    findings = _run_rules(index, config, selection)
    for path_findings in findings.values():
        path_findings.sort(key=Finding.sort_key)
    return ProjectAnalysis(root, config, index, findings)


def _project_files(root: Path, config: Config, overrides: dict[Path, bytes], kinds: frozenset[str]) -> list[FileFacts]:
    paths = discover_files(root, config["exclude"])
    # An editor's buffer for a file not saved yet still belongs to the project.
    paths += sorted(p for p in overrides if p not in paths and is_project_file(p, root, config))
    files: list[FileFacts | None] = []
    for path in paths:
        data = overrides.get(path)
        files.append(_facts_for(path, root, data, kinds) if data is not None else _read(path, root, kinds))
    return [f for f in files if f is not None]


def _run_rules(index: ProjectIndex, config: Config, selection: Selection) -> dict[str, list[Finding]]:
    findings: dict[str, list[Finding]] = {}
    later: list[AfterFindingsRule] = []
    for rule_class in all_rules():
        if not selection.enables(rule_class.code):
            continue
        rule = rule_class()
        if isinstance(rule, AfterFindingsRule):
            later.append(rule)  # judged once every other finding is known
            continue
        _keep_reported(findings, rule.check(index, config), selection)
    for rule in later:
        for file in index.files:
            _keep_reported(findings, rule.check_findings(file, findings.get(file.path, []), selection), selection,
                           file.path)
    return findings


def _keep_reported(findings: dict[str, list[Finding]], found: Iterable[Finding], selection: Selection,
                   path: str | None = None) -> None:
    """Adds the findings the selection reports, under their own path or ``path``. Each is added
    as soon as it is found: a rule judging findings may see the ones it adds."""
    for finding in found:
        if selection.reports(finding.code, finding.relpath):
            findings.setdefault(path or finding.path, []).append(finding)


# (root, config digest) -> analysis, for the plugins that are called once per file.
_PROJECTS: dict[tuple[str, str], ProjectAnalysis] = {}


def project_analysis_for(path: Path, explicit_config: Path | None = None) -> ProjectAnalysis:
    """The (memoised) analysis of the project a file belongs to. flake8 and pylint call this
    once per file; the whole project is analysed once per process."""
    root = find_project_root(path)
    config = load_config(root, explicit_config)
    key = (root.as_posix(), config.digest)
    analysis = _PROJECTS.get(key)
    if analysis is None:
        analysis = analyse_project(root, config)
        _PROJECTS[key] = analysis
    return analysis


def findings_for_source(path: Path, source: bytes, explicit_config: Path | None = None,
                        noqa: NoqaMode = NoqaMode.ALL) -> list[Finding]:
    """Findings for one file whose content may differ from the disk (stdin, an editor)."""
    analysis = project_analysis_for(path, explicit_config)
    resolved = path.resolve()
    facts = analysis.index.by_path.get(resolved.as_posix())
    if facts is not None and facts.digest == content_digest(source):
        return analysis.findings_for(resolved, noqa)
    if facts is None and not is_project_file(resolved, analysis.root, analysis.config):
        return []
    changed = analyse_project(analysis.root, analysis.config, {resolved: source})
    return changed.findings_for(resolved, noqa)


def clear_memo() -> None:
    """Forget every analysed project (tests, and long-running servers after a config change)."""
    _PROJECTS.clear()
    _FACTS_MEMO.clear()


def is_project_file(path: Path, root: Path, config: Config) -> bool:
    relative = os.path.relpath(path.resolve(), root)
    return not relative.startswith("..") and not is_excluded(Path(relative).as_posix(), config["exclude"])


def validate_selection(config: Config) -> list[str]:
    """Selected/ignored codes that match no rule (typos must not silently select nothing)."""
    from plexilint.rules import REGISTRY

    problems = []
    for key in ("select", "ignore"):
        for code in config[key]:
            if CODE_PATTERN.match(code) and not any(known.startswith(code) for known in REGISTRY):
                problems.append(f"invalid value for '{key}': {code!r} matches no rule (see `plexilint rules`)")
    for glob, codes in config["per-file-ignores"].items():
        for code in codes:
            if not any(known.startswith(code) for known in REGISTRY):
                problems.append(f"invalid value for 'per-file-ignores' {glob!r}: {code!r} matches no rule")
    return problems
