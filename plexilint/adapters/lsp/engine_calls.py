"""What the server asks the engine, run on the analysis thread (one at a time: the server's
session, with its memo of facts, is shared), and the consolidation fix (run in a process of its own:
fix_process.py)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from plexilint.config import Config
from plexilint.runner.baseline_run import without_baselined
from plexilint.engine.cache import cache_for
from plexilint.engine.facts import FACT_KINDS
from plexilint.runner.live_project import LiveProject
from plexilint.runner.project import analyse_project
from plexilint.runner.session import Session
from plexilint.model import Finding


def live_project(session: Session, root: Path, config: Config) -> LiveProject:
    return session.live_project(root, config)


def live_findings(project: LiveProject, buffers: dict[Path, bytes], paths: Iterable[Path],
                  local_only: bool = False) -> dict[Path, list[Finding]]:
    """Findings (``# noqa`` applied, the configured baseline's accepted ones left out) of
    ``paths``, analysed with the whole project; the buffers replace their files' saved
    contents. Only the buffers' facts are extracted again; see LiveProject.findings."""
    found = project.findings(buffers, paths, local_only)
    unsaved = {path.as_posix(): data for path, data in buffers.items()}
    return {path: without_baselined(project.root, project.config, path_findings, unsaved)
            for path, path_findings in found.items()}


def findings_for_buffers(root: Path, config: Config, buffers: dict[Path, bytes],
                         session: Session | None = None) -> dict[Path, list[Finding]]:
    """``live_findings`` of each buffer, the project read afresh (its facts from ``session``'s
    memo when given)."""
    return live_findings(live_project(session or Session(), root, config), buffers, buffers)


def proposed_changes(root: Path, config: Config) -> dict[Path, tuple[bytes | None, bytes]]:
    """`plexilint fix` for the project as saved: path -> (bytes before or None if new, after)."""
    from plexilint.consolidation.fixer import propose_fix  # LibCST loads on the first fix asked for

    analysis = analyse_project(root, config, extra_facts=FACT_KINDS, cache=cache_for(root, config))
    return propose_fix(analysis).changes
