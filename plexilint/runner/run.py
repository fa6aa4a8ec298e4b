"""Checking the paths a user names: each file is analysed within its own project."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from plexilint.config import Config, ConfigError, find_project_root, load_config
from plexilint.config.loader import PROJECT_MARKER
from plexilint.engine.cache import cache_for
from plexilint.engine.discovery import SkippedFolder, _is_file, _is_skipped_directory, exclude_globs
from plexilint.runner.codes import load_checked_config, validate_selection
from plexilint.runner.project import ProjectAnalysis
from plexilint.runner.session import Session
from plexilint.model import Finding, Note
from plexilint.vcs.git import ignored_paths


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    roots: list[str] = field(default_factory=list)
    analyses: list[ProjectAnalysis] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)  # the named paths, resolved, posix
    notes: list[Note] = field(default_factory=list)  # of every project checked, one of each
    skipped: list[SkippedFolder] = field(default_factory=list)  # folders not searched; absolute posix paths


def _project_roots_within(directory: Path, root: Path, config: Config) -> list[Path]:
    """Projects nested under a directory the user named (each has its own pyproject.toml),
    minus those the enclosing project excludes or git ignores; nested projects' own nesting is
    followed."""
    roots = []
    globs = exclude_globs(config["exclude"])
    ignored = (ignored_paths(directory) if config["respect-gitignore"] else None) or frozenset()
    for current, subdirectories, _ in os.walk(directory):
        here = Path(current)
        kept = []
        for name in sorted(subdirectories):
            child = here / name
            if _is_skipped_directory(here, name) or globs.excludes(child.relative_to(root).as_posix()):
                continue
            if child.relative_to(directory).as_posix() + "/" in ignored:
                continue
            if _is_file(child / PROJECT_MARKER):
                roots.append(child)
                roots.extend(_project_roots_within(child, child, load_config(child)))
                continue
            kept.append(name)
        subdirectories[:] = kept
    return roots


def _skipped_in_scope(root: Path, analysis: ProjectAnalysis, scopes: dict[Path, list[Path]]) -> list[SkippedFolder]:
    """The project's skipped folders under a named path, or holding one (a path named inside a
    virtual environment is not searched either: say so); nested projects checked on their own
    are not skipped."""
    named = [scope.as_posix() for scope in scopes[root]]
    kept = []
    for folder in analysis.files.skipped:
        path = root / folder.path
        if path in scopes:
            continue
        posix = path.as_posix()
        if is_within_scopes(posix, named) or any(is_within_scopes(scope, [posix]) for scope in named):
            kept.append(SkippedFolder(posix, folder.reason))
    return kept


def is_within_scopes(path: str, scopes: list[str]) -> bool:
    """Whether a file (absolute posix path) is one of the named paths or under one of them."""
    return any(path == scope or path.startswith(scope.rstrip("/") + "/") for scope in scopes)


def _scopes_per_project(paths: list[Path], explicit_config: Path | None, configure: Callable[[Config], Config],
                        overrides: dict[Path, bytes]) -> dict[Path, list[Path]]:
    """The named paths (resolved) grouped by the project they belong to, nested projects under
    a named directory included. Raises FileNotFoundError."""
    scopes: dict[Path, list[Path]] = {}
    for path in paths:
        resolved = path.resolve()
        if not path.exists() and resolved not in overrides:
            raise FileNotFoundError(str(path))
        root = find_project_root(resolved)
        scopes.setdefault(root, []).append(resolved)
        if resolved.is_dir():
            for nested in _project_roots_within(resolved, root, configure(load_config(root, explicit_config))):
                scopes.setdefault(nested, []).append(nested)
    return scopes


def _checked_config(root: Path, explicit_config: Path | None, configure: Callable[[Config], Config]) -> Config:
    """The project's configuration, then the command line's changes: every selected or
    ignored code names a rule in both. Raises ConfigError."""
    config = configure(load_checked_config(root, explicit_config))
    problems = validate_selection(config)
    if problems:
        raise ConfigError(problems, config.source)
    return config


def check_paths(paths: list[Path], explicit_config: Path | None = None,
                adjust: Callable[[Config], Config] | None = None,
                extra_facts: frozenset[str] = frozenset(), use_cache: bool = False, jobs: int = 1,
                overrides: dict[Path, bytes] | None = None, session: Session | None = None) -> CheckResult:
    """Findings (noqa applied) for the files under ``paths``, each analysed with the whole
    index of the project it belongs to. ``adjust`` may rewrite each project's config (CLI
    overrides). ``use_cache``: each project's cache, unless its configuration turns it off;
    ``jobs``: processes extracting facts; ``overrides``: contents that replace (or stand for)
    files on disk, e.g. standard input; ``session``: the caller's (a new one by default).
    Raises ConfigError and FileNotFoundError."""
    session = session or Session()
    overrides = {path.resolve(): data for path, data in (overrides or {}).items()}
    configure: Callable[[Config], Config] = adjust or (lambda config: config)
    scopes = _scopes_per_project(paths, explicit_config, configure, overrides)
    result = CheckResult()
    seen: set[str] = set()
    for root in sorted(scopes):
        config = _checked_config(root, explicit_config, configure)
        analysis: ProjectAnalysis = session.analyse(root, config, extra_facts=extra_facts,
                                                    cache=cache_for(root, config, use_cache), jobs=jobs,
                                                    overrides={p: d for p, d in overrides.items() if
                                                               find_project_root(p) == root})
        result.roots.append(root.as_posix())
        result.analyses.append(analysis)
        result.scopes.extend(scope.as_posix() for scope in scopes[root])
        result.notes.extend(n for n in analysis.notes if n not in result.notes)
        result.skipped.extend(_skipped_in_scope(root, analysis, scopes))
        for path in analysis.paths:
            if path in seen or not is_within_scopes(path, [s.as_posix() for s in scopes[root]]):
                continue
            seen.add(path)
            result.files_checked += 1
            result.findings.extend(analysis.findings_at(path))
    result.findings.sort(key=Finding.sort_key)
    return result
