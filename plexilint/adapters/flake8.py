"""flake8 plugin: ``flake8 --select PLX``. flake8 hands over one file at a time; the
project index answers the cross-module questions. It is built once per flake8 run: in flake8's
main process before it starts its workers (which inherit it, or read it from the cache where
workers are spawned), for the projects of the paths flake8 was given."""

from __future__ import annotations

import ast
import gc
from collections.abc import Iterator
from pathlib import Path

from flake8.exceptions import ExecutionError

from plexilint import __version__
from plexilint.adapters.notes import announce_flake8_notes
from plexilint.adapters.startup import check_configuration_or_exit
from plexilint.adapters.flake8_selection import codes_flake8_reports, narrowed_config, narrowing
from plexilint.config import Config, ConfigError, find_project_root
from plexilint.config.loader import PROJECT_MARKER
from plexilint.engine.facts import decode_source
from plexilint.engine.baseline_file import BaselineError
from plexilint.runner.baseline_run import without_baselined
from plexilint.engine.parallel import resolve_jobs
from plexilint.runner.project import ProjectAnalysis
from plexilint.runner.session import Session
from plexilint.engine.suppressions import NoqaMode


class PlexilintChecker:
    name = "plexilint"
    version = __version__
    disable_noqa = False  # flake8's --disable-noqa, read in parse_options
    session = Session()  # a new one for each flake8 run, in parse_options
    # The codes computed (those flake8 reports, see flake8_selection.narrowing); None: every
    # code the configuration enables. Set in parse_options, inherited by flake8's workers.
    computed_codes: frozenset[str] | None = None

    @classmethod
    def parse_options(cls, options: object) -> None:
        """Runs once, in flake8's main process: a bad configuration stops the run before any
        worker starts, with the message naming the key (exit status 2)."""
        cls.disable_noqa = bool(getattr(options, "disable_noqa", False))
        cls.session = Session()
        cls.computed_codes = narrowing(codes_flake8_reports(options))
        check_configuration_or_exit(Path.cwd())
        if cls.computed_codes == frozenset():
            return  # flake8 reports no plexilint code (`--select E,W,F`): nothing to analyse
        _analyse_named_projects(options, cls.session)
        announce_flake8_notes(options, cls.session, adjust=_computed_config)

    def __init__(self, tree: ast.AST, filename: str, lines: list[str]) -> None:
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        if self.filename in ("stdin", "-", None):
            return  # no path: no project to place the file in
        if self.computed_codes == frozenset():
            return  # flake8 would filter out whatever plexilint found
        path = Path(self.filename).resolve()
        source = self._source_bytes(path)
        # flake8 applies `# noqa` on the reported line itself, exactly as the CLI does; a noqa
        # above a block is plexilint's to apply.
        noqa = NoqaMode.NONE if self.disable_noqa else NoqaMode.BLOCK_LINES
        try:
            analysis = self.session.project_analysis_for(path, adjust=_computed_config)
            findings = self.session.findings_in(analysis, path, source, noqa=noqa)
            _keep_out_of_the_collector(analysis)
            buffer = {path.as_posix(): source}
            findings = without_baselined(analysis.root, analysis.config, findings, buffer)
        except BaselineError as error:
            raise ExecutionError(f"plexilint: baseline error\n{error}") from None
        except ConfigError as error:
            # A project other than the current directory's has a bad configuration: flake8
            # stops with the message (ExecutionError is what it reports without a traceback,
            # also from a worker process); never SystemExit, which would leave flake8's worker
            # pool waiting forever.
            raise ExecutionError(f"plexilint: configuration error\n{error}") from None
        for finding in findings:
            yield finding.line, finding.column, f"{finding.code} {finding.message}", type(self)

    def _source_bytes(self, path: Path) -> bytes:
        """The file's bytes when flake8's lines are what is on disk (so an undecodable file is
        PLX001 as in the CLI), else the lines flake8 was given (stdin, an editor buffer)."""
        given = "".join(self.lines)
        try:
            data = path.read_bytes()
        except OSError:
            return given.encode("utf-8")
        if given.encode("utf-8") == data:  # the usual case, without decoding the file again
            return data
        try:
            on_disk = decode_source(data)
        except (UnicodeDecodeError, LookupError, SyntaxError):
            on_disk = data.decode("latin-1")  # what flake8 itself falls back to
        normalise = lambda text: text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")  # noqa: E731
        return data if normalise(on_disk) == normalise(given) else given.encode("utf-8")


def _analyse_named_projects(options: object, session: Session) -> None:
    """Each declared project (a directory with a pyproject.toml) holding a path flake8 was
    given, analysed now, once: with ``-j N`` flake8's workers would otherwise each analyse the
    whole project at their first file. It uses as many processes as flake8's ``--jobs``. A
    problem is left for the file that meets it, which reports it as flake8 expects."""
    names = [name for name in getattr(options, "filenames", None) or [] if name != "-"]
    jobs = _flake8_jobs(options)
    roots = set()
    for name in names:
        path = Path(name)
        if path.exists():
            root = find_project_root(path)
            if (root / PROJECT_MARKER).is_file():
                roots.add(root)
    for root in sorted(roots):
        try:
            _keep_out_of_the_collector(session.project_analysis_for(root, jobs=jobs, adjust=_computed_config))
        except (ConfigError, BaselineError, OSError):
            continue


def _computed_config(config: Config) -> Config:
    """The configuration computing only what flake8 reports (see `PlexilintChecker.computed_codes`)."""
    return narrowed_config(config, PlexilintChecker.computed_codes)


def _flake8_jobs(options: object) -> int:
    jobs = getattr(options, "jobs", None)
    if jobs is None or getattr(options, "filenames", None) in (None, ["-"]):
        return 1
    if getattr(jobs, "is_auto", False):
        return resolve_jobs("auto")
    return max(getattr(jobs, "n_jobs", 1), 1)


_FROZEN: set[int] = set()  # ids of the analyses already moved out of the collector's way


def _keep_out_of_the_collector(analysis: ProjectAnalysis) -> None:
    """A project's analysis (millions of objects, no reference cycles) lives as long as the
    process: moved to the collector's permanent generation once it exists, flake8's own
    garbage collections stop rescanning it at every full collection (a tenth of flake8's time
    on the standard library otherwise)."""
    if id(analysis) not in _FROZEN:
        _FROZEN.add(id(analysis))
        gc.freeze()
