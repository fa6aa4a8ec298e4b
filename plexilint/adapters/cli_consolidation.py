"""`plexilint report`, `fix`, `rollback` and `progress`: the consolidation commands."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from plexilint.config import find_project_root
from plexilint.engine.cache import cache_for
from plexilint.runner.codes import load_checked_config
from plexilint.runner.project import ProjectAnalysis
from plexilint.runner.session import Session
from plexilint.consolidation.backups import FixError, FixRefused, RollbackResult, list_runs, rollback
from plexilint.consolidation.fix_facts import FIX_FACTS
from plexilint.consolidation.history import HistoryError, history_path, load_history
from plexilint.consolidation.progress import FORMATS, render_progress

if TYPE_CHECKING:
    from plexilint.consolidation.apply import ApplyOutcome
    from plexilint.consolidation.fixer import ProposedFix

EXIT_OK, EXIT_ERROR = 0, 2
COMMANDS = ("report", "fix", "rollback", "progress")


def register(commands: Any) -> None:
    """Adds the subcommands to ``commands`` (the parser's ``add_subparsers()`` object)."""
    report = commands.add_parser("report", help="fix report against the centralized fallback spec")
    report.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="PATH")
    report.add_argument("--config", type=Path, help="read [tool.plexilint] from this file")
    report.add_argument("--format", choices=("markdown", "json"), default="markdown")
    report.add_argument("-o", "--output", type=Path, help="write the report to this file")

    fix = commands.add_parser("fix", help="consolidate the fallbacks: a diff by default, --apply to write",
                              description="Moves duplicated stubs into the central fallbacks module and "
                              "rewrites the modules that used them. Without --apply it prints a unified diff "
                              "(`git apply` accepts it, from the project root) and changes nothing.")
    fix.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="PATH")
    fix.add_argument("--config", type=Path, help="read [tool.plexilint] from this file")
    fix.add_argument("--apply", action="store_true", help="write the changes (backed up first)")
    fix.add_argument("--allow-dirty", action="store_true", help="also rewrite files with uncommitted changes")
    fix.add_argument("--phase", default="fallback consolidation", help="the phase name recorded in the history")
    fix.add_argument("--shims", action="store_true",
                     help="keep old import paths of moved names working, with a DeprecationWarning")
    fix.add_argument("-o", "--output", type=Path, help="write the diff to this file")
    undo = commands.add_parser("rollback", help="restore the files of a fix run (default: the latest)",
                               description="Restore the originals of a `plexilint fix --apply` run, byte "
                               "for byte. With one argument, an existing directory is the project, "
                               "anything else a run id (or a unique prefix of one).")
    undo.add_argument("arguments", nargs="*", metavar="[RUN_ID] [PATH]",
                      help="the run to roll back (default: the latest applied) and the project (default .)")
    undo.add_argument("--force", action="store_true",
                      help="restore files changed since the fix (their edits are kept in the run's backups)")
    undo.add_argument("--list", action="store_true", help="list the fix runs instead")

    progress = commands.add_parser("progress", help="consolidation progress recorded by `fix --apply`")
    progress.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="PATH")
    progress.add_argument("--format", choices=FORMATS, default="text")
    progress.add_argument("-o", "--output", type=Path, help="write the report to this file")


def _error(message: str) -> int:
    print(f"plexilint: {message}", file=sys.stderr)
    return EXIT_ERROR


def _split_rollback_arguments(arguments: list[str]) -> tuple[str | None, Path]:
    if len(arguments) > 2:
        raise ValueError("rollback takes at most a run id and a path")
    if len(arguments) == 2:
        return arguments[0], Path(arguments[1])
    if arguments and not Path(arguments[0]).is_dir():
        if "/" in arguments[0] or arguments[0].startswith((".", "~")):  # a path, never a run id
            raise FileNotFoundError(arguments[0])
        return arguments[0], Path(".")
    return None, Path(arguments[0]) if arguments else Path(".")


def _project(path: Path) -> Path:
    if not path.is_dir():
        raise FileNotFoundError(path)
    return find_project_root(path)


def _print_runs(root: Path) -> int:
    runs = list_runs(root)
    if not runs:
        print(f"No fix runs in {root}.")
        return EXIT_OK
    rows = [("RUN ID", "TIME (UTC)", "PHASE", "STATUS", "FILES")]
    rows += [(r.run_id, r.created_at[:19].replace("T", " "), r.phase, r.status, str(r.files)) for r in runs]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return EXIT_OK


def _print_rollback(result: RollbackResult) -> None:
    print(f"Rolled back run {result.run_id} ({result.phase}): {len(result.restored)} file(s) restored, "
          f"{len(result.deleted)} file(s) the fix had created deleted.")
    for label, paths in (("restored", result.restored), ("deleted", result.deleted),
                         ("already original", result.already_original), ("overwrote edits in", result.overwritten)):
        for path in paths:
            print(f"  {label} {path}")
    if result.saved_to is not None:
        print(f"The overwritten edits are kept under {result.saved_to}.")


def _run_rollback(args: argparse.Namespace) -> int:
    try:
        run_id, path = _split_rollback_arguments(args.arguments)
    except ValueError as error:
        return _error(str(error))
    if args.list and run_id is not None:  # `--list PATH`: the one argument is the project
        if len(args.arguments) == 1:
            raise FileNotFoundError(args.arguments[0])
        return _error("rollback --list takes a path, not a run id")
    root = _project(path)
    if args.list:
        return _print_runs(root)
    _print_rollback(rollback(root, run_id, force=args.force))
    return EXIT_OK


def _run_progress(args: argparse.Namespace) -> int:
    root = _project(args.path)
    history = load_history(root)
    if not history["steps"]:
        return _error(f"no progress recorded yet in {root} ({history_path(root)} has no steps); "
                      "`plexilint fix --apply` records a step each time it changes files")
    report = render_progress(history, args.format)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    return EXIT_OK


# Beyond what the enabled rules read: the fix's facts (FIX_FACTS); the report also ranks
# hotspots (complexity) and scores contracts.
_REPORT_FACTS = FIX_FACTS | {"complexity"}


def _analysis(args: argparse.Namespace, extra_facts: frozenset[str] = FIX_FACTS) -> ProjectAnalysis:
    root = _project(args.path if args.path.is_dir() else args.path.parent)
    config = load_checked_config(root, args.config)
    if extra_facts is _REPORT_FACTS and config["contracts"]:
        extra_facts = extra_facts | {"contracts"}  # the report scores the declared contracts
    # The facts cache, as `check` uses it: `--apply` re-checks the project after writing, and
    # only the rewritten files need new facts then.
    return Session().analyse(root, config, extra_facts=extra_facts, cache=cache_for(root, config))  # the command's


def _write(text: bytes, output: Path | None) -> None:
    if output:
        output.write_bytes(text)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()


def _run_report(args: argparse.Namespace) -> int:
    # LibCST and the fix machinery load only for the commands that use them: `plexilint check`
    # (a pre-commit hook, an editor) starts without them.
    from plexilint.consolidation.fixer import propose_fix
    from plexilint.reporting import fix_report

    analysis = _analysis(args, _REPORT_FACTS)
    document = fix_report.build_report(analysis, propose_fix(analysis))
    text = fix_report.render_json(document) if args.format == "json" else fix_report.render_markdown(document)
    _write(text.encode("utf-8"), args.output)
    return EXIT_OK


def _run_fix(args: argparse.Namespace) -> int:
    from plexilint.consolidation.apply import apply_fix
    from plexilint.consolidation.diff import describe_counts, line_counts, unified_diff
    from plexilint.consolidation.fixer import propose_fix

    analysis = _analysis(args)
    fix = propose_fix(analysis, shims=args.shims)
    if fix.plan.refused:
        _print_check(fix, sys.stderr)
        return _error(f"fix refused, nothing {'written' if args.apply else 'proposed'}: {fix.plan.refused}")
    if not args.apply:
        # Bytes decoded one-to-one in the diff: written back the same way, any encoding survives.
        _write(unified_diff(analysis.root, fix.changes).encode("latin-1"), args.output)
        _print_check(fix, sys.stderr)
        if fix.changes:
            print(f"plexilint fix: {len(fix.changes)} file(s), {describe_counts(*line_counts(fix.changes))}; "
                  "nothing written (`--apply` writes it, with backups).", file=sys.stderr)
        return EXIT_OK
    _print_check(fix, sys.stdout)
    _print_outcome(apply_fix(analysis, fix, args.phase, args.allow_dirty), analysis.root)
    return EXIT_OK


def _print_check(fix: ProposedFix, stream: TextIO) -> None:
    """What the behaviour check left out (and why), and the files the fix leaves alone."""
    for failure in fix.refused:
        what = f"`{failure.name}`" if failure.name else f"the import on line {failure.import_line}" \
            if failure.import_line else "the file"
        print(f"  left out by the behaviour check: {failure.path or 'the fix'}: {what}: {failure.reason}", file=stream)
    for path, reason in fix.plan.skipped:
        print(f"  skipped {path}: {reason}", file=stream)
    if not fix.changes and not fix.plan.refused:
        print("Nothing to fix: no duplicated stub, placeholder or version lookup is left to move "
              "(`plexilint report` lists what is left and why).", file=stream)


def _rollback_command(run_id: str, root: Path) -> str:
    """The rollback command as it works from the current directory."""
    try:
        here = Path.cwd().resolve() == root.resolve() or root.resolve() in Path.cwd().resolve().parents
    except OSError:
        here = False
    return f"plexilint rollback {run_id}" + ("" if here else f" {shlex.quote(str(root))}")


def _print_outcome(outcome: ApplyOutcome, root: Path) -> None:
    from plexilint.consolidation.diff import describe_counts

    families = sorted(set(outcome.before) | set(outcome.after))
    trend = ", ".join(f"{f} {outcome.before.get(f, 0)} -> {outcome.after.get(f, 0)}" for f in families)
    if outcome.run is None:
        print(f"Nothing written. Findings: {trend or 'none'}.")
    else:
        created = sum(record.created for record in outcome.run.files)
        print(f"Applied run {outcome.run.run_id} ({outcome.run.phase}): {len(outcome.run.files)} file(s) written, "
              f"{created} created; {describe_counts(outcome.lines_removed, outcome.lines_added)}.")
        print(f"Findings before -> after: {trend}.")
        print(f"Backups and manifest: {outcome.run.directory}. "
              f"Undo with `{_rollback_command(outcome.run.run_id, root)}`.")
    for finding in outcome.left:
        print(f"  left: {finding.relpath}:{finding.line}: {finding.code} {finding.message}")
    for conflict in outcome.conflicts:
        print(f"  conflict, left in place: `{conflict.name}`: {conflict.reason}")
    if outcome.left or outcome.conflicts:
        print("`plexilint report` explains what is left and why.")


_HANDLERS = {"report": _run_report, "fix": _run_fix, "rollback": _run_rollback, "progress": _run_progress}


def run(args: argparse.Namespace) -> int | None:
    """Runs the command if it is one of ours; None otherwise (cli.main carries on)."""
    if args.command not in COMMANDS:
        return None
    try:
        return _HANDLERS[args.command](args)
    except FixError as error:
        return _error(f"{args.command} {'refused' if isinstance(error, FixRefused) else 'failed'}: {error}")
    except HistoryError as error:
        return _error(str(error))
