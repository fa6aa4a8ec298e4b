"""pylint checkers, one per rule family (pylint wants one checker id per checker).

Each module's findings are emitted while pylint visits that module, so
``# pylint: disable=<symbol>`` works as for any pylint message, and ``-j N`` cannot change the
answer: every worker reads the same project index.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from astroid import nodes
from pylint.checkers import BaseChecker
from pylint.constants import WarningScope

from plexilint.adapters.notes import PylintNotes
from plexilint.adapters.startup import check_configuration_or_exit
from plexilint.config import ConfigError
from plexilint.model import Note
from plexilint.engine.baseline_file import BaselineError
from plexilint.runner.baseline_run import without_baselined
from plexilint.runner.session import Session
from plexilint.rules import all_rules
from plexilint.rules.base import CATEGORIES
from plexilint.families import family_named, family_prefix, in_family

if TYPE_CHECKING:
    from pylint.lint import PyLinter


class PylintRun:
    """What the family checkers of one pylint run share: the session that analyses each
    project once, the notes written, and the modules whose project's bad configuration was
    reported (once, not once per family checker)."""

    def __init__(self) -> None:
        self.session = Session()
        self.notes_written: set[Note] = set()
        self.config_errors_reported: set[str] = set()

    def first_report(self, module_file: str) -> bool:
        """Whether a configuration problem met at this module is to be reported now."""
        if module_file in self.config_errors_reported:
            return False
        self.config_errors_reported.add(module_file)
        return True


class _FamilyChecker(PylintNotes, BaseChecker):
    family = ""

    def __init__(self, linter: PyLinter, run: PylintRun) -> None:
        super().__init__(linter)
        self.run = run
        self.written_notes = run.notes_written

    def visit_module(self, node: nodes.Module) -> None:
        if not node.file or not node.file.endswith((".py", ".pyi")):
            return
        path = Path(node.file)
        try:
            analysis = self.run.session.project_analysis_for(path)
        except ConfigError as error:
            # A project other than the current directory's (that one stops pylint at start-up):
            # pylint's own message for a configuration it cannot use. Raised, the error would
            # be reported as a crash of pylint itself.
            if self.run.first_report(node.file):
                self.linter.add_message("config-parse-error", line=0, args=f"plexilint: {error}")
            return
        self.announce_notes(analysis)
        try:
            findings = without_baselined(analysis.root, analysis.config, analysis.findings_for(path))
        except BaselineError as error:
            if self.run.first_report(node.file):
                self.linter.add_message("config-parse-error", line=0, args=f"plexilint: {error}")
            return
        for finding in findings:
            if not in_family(finding.code, self.family):
                continue
            span = finding.span
            self.add_message(
                finding.symbol,
                line=span.line,
                col_offset=span.column,
                end_lineno=span.end_line,
                end_col_offset=span.end_column,
                args=(finding.message,),
            )


def _checker_class(family: str) -> type[_FamilyChecker]:
    rules = [r for r in all_rules() if in_family(r.code, family)]
    msgs = {
        # Line-scoped: findings come from the engine's facts, not from an astroid node.
        rule.pylint_msgid(): ("%s", rule.symbol, f"{rule.summary}. See `plexilint explain {rule.code}`.",
                              {"scope": WarningScope.LINE})
        for rule in rules
    }
    name = f"plexilint-{family_named(family).title.lower().replace(' ', '-')}"
    return type(f"Plexilint{family_named(family).digit}Checker", (_FamilyChecker,), {"name": name, "msgs": msgs, "family": family})


def register(linter: PyLinter) -> None:
    check_configuration_or_exit(Path.cwd())
    assert all(rule.category in CATEGORIES for rule in all_rules())
    run = PylintRun()  # pylint's -j workers register the plugin again: one each
    for family in sorted({family_prefix(rule.code) for rule in all_rules()}):
        linter.register_checker(_checker_class(family)(linter, run))
