"""`plexilint baseline create` and `plexilint baseline update`: accepting today's findings so
that only new ones fail, then shrinking the baseline as they get fixed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from plexilint.adapters.check_narrowing import display_path as _display
from plexilint.config import find_project_root, load_config
from plexilint.engine.baseline_file import BaselineError, read_baseline, write_baseline
from plexilint.runner.baseline_run import baseline_location, baseline_of, compare_with_baseline, updated_baseline
from plexilint.runner.run import CheckResult, check_paths

EXIT_OK, EXIT_ERROR = 0, 2
COMMAND = "baseline"
_NEW_SHOWN = 20


def register(commands: Any) -> None:
    """Adds the subcommands to ``commands`` (the parser's ``add_subparsers()`` object)."""
    baseline = commands.add_parser(COMMAND, help="accept today's findings so that only new ones fail",
                                   description="A baseline lists the findings a project accepts for now. "
                                   "`plexilint check --baseline FILE` then reports only the others. See "
                                   "docs/baseline.md.")
    actions = baseline.add_subparsers(dest="baseline_action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="write a baseline of every current finding")
    create.add_argument("--force", action="store_true", help="replace an existing baseline")
    update = actions.add_parser("update", help="drop the entries of fixed findings (never adds any unless "
                                "--allow-grow)")
    update.add_argument("--allow-grow", action="store_true",
                        help="also accept findings that are new or got worse")
    for action in (create, update):
        action.add_argument("path", nargs="?", type=Path, default=Path("."), metavar="PATH")
        action.add_argument("--config", type=Path, help="read [tool.plexilint] from this file")
        action.add_argument("--file", type=Path, help="the baseline file (default: the `baseline` option, "
                            "else .plexilint-baseline.json at the project root)")


def _error(message: str) -> int:
    print(f"plexilint: {message}", file=sys.stderr)
    return EXIT_ERROR


def _checked(args: argparse.Namespace) -> tuple[CheckResult, Path]:
    """The findings `plexilint check PATH` reports, and where the baseline lives."""
    if not args.path.exists():
        raise FileNotFoundError(str(args.path))
    root = find_project_root(args.path.resolve())
    location = baseline_location(root, load_config(root, args.config), args.file)
    return check_paths([args.path], args.config), location


def _run_create(args: argparse.Namespace) -> int:
    result, location = _checked(args)
    if location.exists() and not args.force:
        return _error(f"{_display(location)} already exists: `plexilint baseline update` shrinks it as findings "
                      "get fixed; --force replaces it")
    baseline = baseline_of(result, location)
    write_baseline(location, baseline)
    print(f"Wrote {_display(location)}: {baseline.findings_count} finding(s) accepted ({len(baseline.entries)} "
          f"entries). Commit it, then run `plexilint check --baseline {_display(location)}` in CI.")
    return EXIT_OK


def _run_update(args: argparse.Namespace) -> int:
    result, location = _checked(args)
    old = read_baseline(location)
    comparison = compare_with_baseline(result, old, location)
    if comparison.new and not args.allow_grow:
        worse = f", {comparison.worse} of them baselined but worse" if comparison.worse else ""
        print(f"plexilint: baseline update refused: {len(comparison.new)} finding(s) are not in the baseline"
              f"{worse}. Fix them, or pass --allow-grow to accept them too:", file=sys.stderr)
        for finding in comparison.new[:_NEW_SHOWN]:
            print(f"  {_display(Path(finding.path))}:{finding.line}:{finding.column + 1}: {finding.code} "
                  f"{finding.message}", file=sys.stderr)
        if len(comparison.new) > _NEW_SHOWN:
            print(f"  and {len(comparison.new) - _NEW_SHOWN} more", file=sys.stderr)
        return EXIT_ERROR
    updated = updated_baseline(result, old, location)
    write_baseline(location, updated)
    added = f"; {len(comparison.new)} new or worse accepted" if comparison.new else ""
    print(f"Updated {_display(location)}: {updated.findings_count} finding(s) accepted; "
          f"{comparison.stale_count} fixed finding(s) removed{added}.")
    return EXIT_OK


def run(args: argparse.Namespace) -> int | None:
    """Runs the command if it is ours; None otherwise (cli.main carries on)."""
    if args.command != COMMAND:
        return None
    try:
        return _run_create(args) if args.baseline_action == "create" else _run_update(args)
    except BaselineError as error:
        return _error(str(error))
