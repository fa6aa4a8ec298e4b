"""What the server asks the engine, run on the analysis thread (one at a time: the engine's
memo of facts is shared)."""

from __future__ import annotations

from pathlib import Path

from plexilint.config import Config
from plexilint.engine.baseline_run import without_baselined
from plexilint.engine.cache import cache_for
from plexilint.engine.facts import FACT_KINDS
from plexilint.engine.project import analyse_project
from plexilint.model import Finding


def findings_for_buffers(root: Path, config: Config, buffers: dict[Path, bytes]) -> dict[Path, list[Finding]]:
    """Findings (``# noqa`` applied, the configured baseline's accepted ones left out) of each
    buffer, analysed with the whole project; the buffers replace their files' saved contents.
    Unchanged files' facts come from the memo."""
    analysis = analyse_project(root, config, overrides=buffers, cache=cache_for(root, config))
    unsaved = {path.as_posix(): data for path, data in buffers.items()}
    return {path: without_baselined(root, config, analysis.findings_for(path), unsaved) for path in buffers}


def proposed_changes(root: Path, config: Config) -> dict[Path, tuple[bytes | None, bytes]]:
    """`plexilint fix` for the project as saved: path -> (bytes before or None if new, after)."""
    from plexilint.consolidation.fixer import propose_fix  # LibCST loads on the first fix asked for

    analysis = analyse_project(root, config, extra_facts=FACT_KINDS, cache=cache_for(root, config))
    return propose_fix(analysis).changes
