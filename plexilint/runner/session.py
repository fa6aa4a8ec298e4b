"""A session: what one front-end keeps between the analyses it asks for, instead of caches
that live as long as the process. The CLI has one per command, the flake8 and pylint plugins
one per run of their host, the language server one for as long as it serves.

A session remembers the facts it extracted (by file content) and each project it analysed (by
root and configuration), so that a plugin asked about one file at a time analyses the project
once, and an editor's change extracts the changed buffer's facts alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from plexilint.config import Config, find_project_root
from plexilint.engine.cache import FactsCache, cache_for
from plexilint.engine.extraction import FactsMemo
from plexilint.engine.facts import content_digest
from plexilint.engine.suppressions import NoqaMode
from plexilint.model import Finding
from plexilint.runner.codes import load_checked_config
from plexilint.runner.live_project import LiveProject
from plexilint.runner.project import ProjectAnalysis, analyse_project, is_project_file

# What a front-end changes in a project's configuration (flake8: the codes it reports).
ConfigAdjustment = Callable[[Config], Config]


class Session:
    def __init__(self) -> None:
        self.facts = FactsMemo()
        self._projects: dict[tuple[str, str], ProjectAnalysis] = {}  # (root, config digest) -> analysis

    def analyse(self, root: Path, config: Config, overrides: dict[Path, bytes] | None = None,
                extra_facts: frozenset[str] = frozenset(), cache: FactsCache | None = None,
                jobs: int = 1) -> ProjectAnalysis:
        """`analyse_project`, with the facts this session has already extracted."""
        return analyse_project(root, config, overrides, extra_facts, cache, jobs, memo=self.facts)

    def project_analysis_for(self, path: Path, explicit_config: Path | None = None, jobs: int = 1,
                             adjust: ConfigAdjustment | None = None) -> ProjectAnalysis:
        """The analysis of the project a file belongs to, done once per session: flake8 and
        pylint call this once per file (``jobs``: processes extracting facts when it is
        analysed here; ``adjust``: what the front-end changes in the configuration). Raises
        ConfigError for a configuration that cannot be used."""
        root = find_project_root(path)
        config = load_checked_config(root, explicit_config)
        if adjust is not None:
            config = adjust(config)
        key = (root.as_posix(), config.digest)
        analysis = self._projects.get(key)
        if analysis is None:
            analysis = self.analyse(root, config, cache=cache_for(root, config), jobs=jobs)
            self._projects[key] = analysis
        return analysis

    def findings_for_source(self, path: Path, source: bytes, explicit_config: Path | None = None,
                            noqa: NoqaMode = NoqaMode.ALL, adjust: ConfigAdjustment | None = None) -> list[Finding]:
        """Findings for one file whose content may differ from the disk (stdin, an editor)."""
        return self.findings_in(self.project_analysis_for(path, explicit_config, adjust=adjust), path, source, noqa)

    def findings_in(self, analysis: ProjectAnalysis, path: Path, source: bytes,
                    noqa: NoqaMode = NoqaMode.ALL) -> list[Finding]:
        """`findings_for_source` with the analysis of the file's project (`project_analysis_for`)
        already in hand: flake8 asks for both at every file."""
        resolved = path.resolve()
        digest = analysis.files.digests.get(resolved.as_posix())
        if digest is not None and digest == content_digest(source):
            return analysis.findings_at(resolved.as_posix(), noqa)
        if digest is None and not is_project_file(resolved, analysis.root, analysis.config):
            return []
        changed = self.analyse(analysis.root, analysis.config, {resolved: source},
                               cache=cache_for(analysis.root, analysis.config))
        return changed.findings_for(resolved, noqa)

    def live_project(self, root: Path, config: Config) -> LiveProject:
        """A project kept in memory for an editor, its facts in this session's memo."""
        return LiveProject(root, config, cache_for(root, config), self.facts)
