"""The ``plexilint`` command. Exit status: 0 clean, 1 findings, 2 usage or configuration error."""

from __future__ import annotations

import argparse
import functools
import gc
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from plexilint import __version__
from plexilint.adapters import cli_baseline, cli_consolidation, cli_server
from plexilint.adapters.check_input import SourceLines, read_standard_input
from plexilint.adapters.check_narrowing import Narrowing, UsageError, add_check_options
from plexilint.adapters.terminal import COLOR_CHOICES, ProgressBar, is_terminal, terminal_width, use_colour
from plexilint.adapters.path_arguments import check_path_arguments
from plexilint.config import Config, ConfigError
from plexilint.config.options import CODE_PATTERN, InvalidValue, _codes, _globs
from plexilint.runner.hotspots import parse_since, rank_hotspots
from plexilint.engine.parallel import resolve_jobs
from plexilint.runner.codes import normalise_code, unknown_codes
from plexilint.runner.run import CheckResult, check_paths
from plexilint.runner.session import Session
from plexilint.engine.work_progress import PROGRESS
from plexilint.reporting import hotspots_format
from plexilint.reporting.contracts_report import class_reports, render_contracts
from plexilint.reporting.formats import FORMATS, FindingsReport, default_format, render_findings
from plexilint.reporting.hotspots_html import render_html
from plexilint.reporting.rule_docs import render_rule_list, rule_markdown
from plexilint.reporting.settings import SETTINGS_FORMATS, render_settings
from plexilint.reporting.statistics import STATISTICS_FORMATS, render_statistics
from plexilint.reporting.text import TextStyle
from plexilint.rules import all_rules, rule_for

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Subcommands living in their own modules: each has `register(commands)` and `run(args)`,
# which returns None for commands that are not its own.
COMMAND_MODULES = (cli_consolidation, cli_baseline, cli_server)
ALL_FILES = 10**9  # a `top` that keeps every file


def _code_list(text: str) -> list[str]:
    """Codes, prefixes (any case) or rule symbols, comma-separated, as codes."""
    typed = [c.strip() for c in text.split(",") if c.strip()]
    codes = [normalise_code(c) for c in typed]
    for original, code in zip(typed, codes):
        if not CODE_PATTERN.match(code):
            raise argparse.ArgumentTypeError(f"{original!r} is neither a rule code or prefix (PLX101, plx1) "
                                             "nor a rule symbol (`plexilint rules` lists them)")
    try:
        codes = _codes(codes)
    except InvalidValue as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    unknown = unknown_codes({"select": codes, "ignore": [], "per-file-ignores": {}})
    if unknown:  # said here, not as a problem of the pyproject.toml it did not come from
        raise argparse.ArgumentTypeError(unknown[0].replace("invalid value for 'select': ", ""))
    return codes


def _glob_list(text: str) -> list[str]:
    try:
        return _globs([g.strip() for g in text.split(",") if g.strip()])
    except InvalidValue as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plexilint",
        description="Find duplicated fallback stubs and other consolidation debris.",
    )
    parser.add_argument("--version", action="version", version=f"plexilint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _add_check_command(commands)

    contracts = commands.add_parser("contracts", help="compliance report of the classes covered by contracts")
    contracts.add_argument("paths", nargs="*", type=Path, default=[Path(".")], metavar="PATH")
    contracts.add_argument("--config", type=Path, help="read [tool.plexilint] from this file")
    contracts.add_argument("--format", choices=("text", "json"), default="text")
    contracts.add_argument("-o", "--output", type=Path, help="write the report to this file")
    _add_engine_options(contracts)

    hotspots = commands.add_parser("hotspots", help="rank files and functions by complexity × git churn")
    hotspots.add_argument("paths", nargs="*", type=Path, default=[Path(".")], metavar="PATH")
    hotspots.add_argument("--config", type=Path, help="read [tool.plexilint] from this file")
    hotspots.add_argument("--since", type=_since, default="90d",
                          help="history window: 90d, 12w, 6m, 1y or a date like 2026-01-31 (default 90d)")
    hotspots.add_argument("--top", type=_positive, default=20, help="how many files and functions to show (20)")
    hotspots.add_argument("--format", choices=("text", "json", "markdown", "html"), default="text",
                          help="html: one self-contained page with a churn × complexity scatter plot, "
                          "the ranked table and each file's functions")
    hotspots.add_argument("-o", "--output", type=Path, help="write the report to this file")
    _add_engine_options(hotspots)
    _add_colour_option(hotspots)

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", help="a code (PLX101), a symbol or a pylint message id; "
                         "a prefix (plx1) lists its rules")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def _add_check_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser("check", help="report findings for files and directories")
    check.add_argument("paths", nargs="*", type=Path, default=[Path(".")], metavar="PATH",
                       help="files and directories to report on (default: the current directory); "
                       "each is analysed with its whole project")
    check.add_argument("--config", type=Path, help="read [tool.plexilint] from this file")
    check.add_argument("--select", type=_code_list, help="comma-separated codes, prefixes or rule symbols "
                       "to enable, any case (replaces the configured `select`)")
    check.add_argument("--ignore", type=_code_list, help="comma-separated codes, prefixes or rule symbols "
                       "to disable, any case (added to the configured `ignore`)")
    check.add_argument("--exclude", type=_glob_list, metavar="GLOBS", help="comma-separated globs of files "
                       "and folders to leave out (replaces the configured `exclude`)")
    check.add_argument("--extend-exclude", type=_glob_list, metavar="GLOBS",
                       help="comma-separated globs to leave out besides the configured `exclude`")
    check.add_argument("--stdin-filename", type=Path, metavar="PATH",
                       help="with PATH `-`: the file standard input stands for; it is analysed as that "
                       "file inside its project (as editors and formatter runners need)")
    check.add_argument("--show-source", action="store_true",
                       help="text format: show the code line and a caret under the reported column")
    check.add_argument("--format", choices=sorted(FORMATS), help="findings format (default: github when "
                       "GITHUB_ACTIONS=true and the report goes to standard output, text otherwise)")
    check.add_argument("-o", "--output", type=Path, help="write the report to this file")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--statistics", action="store_true",
                       help="print how many findings of each rule instead of the findings (text or json)")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="no summary line, warning or progress bar: only the findings (nothing at all "
                       "when there are none)")
    check.add_argument("--show-settings", action="store_true",
                       help="print the effective configuration and the database model (the fallback manager "
                       "found, guarded modules, raw access) instead of the findings (text or json)")
    add_check_options(check)  # --baseline FILE, --diff REF
    _add_engine_options(check)
    _add_colour_option(check)


def _add_engine_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--no-cache", dest="use_cache", action="store_false",
                         help="neither read nor write .plexilint_cache/ (see `cache` in the configuration)")
    command.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                         help="processes extracting facts: a number or 'auto', one per CPU (default 1)")


def _add_colour_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                         help="colour the text output: auto (on a terminal, unless NO_COLOR is set), "
                         "always or never")


def _check(args: argparse.Namespace, **options: Any) -> CheckResult:
    options["session"] = Session()  # the command's
    # The facts live until the process exits: the collector is kept off until they are frozen
    # out of its way. Switched on as soon as the analysis returns, it would scan all of them in
    # its next collections (0.06 s on the standard library, 0.8 s on 1.17M lines) while the
    # report is made, and rescan them in full ones (three passes, 0.4 s on the standard library).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        if not getattr(args, "quiet", False) and is_terminal(sys.stderr):
            with PROGRESS.listening(ProgressBar(sys.stderr)):
                result = check_paths(args.paths, args.config, use_cache=args.use_cache, jobs=args.jobs, **options)
        else:
            result = check_paths(args.paths, args.config, use_cache=args.use_cache, jobs=args.jobs, **options)
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()
    return result


def _jobs(text: str) -> int:
    try:
        return resolve_jobs(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _since(text: str) -> date:
    try:
        return parse_since(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return int(text)


def _run_hotspots(args: argparse.Namespace) -> int:
    result = _check(args, extra_facts=frozenset({"complexity"}))
    # The page plots every file (and drills down to every function of the table's files).
    ranked = ALL_FILES if args.format == "html" else args.top
    report = rank_hotspots(result.analyses, result.scopes, args.since, ranked)
    if args.format == "json":
        text = hotspots_format.render_json(report)
    elif args.format == "markdown":
        text = hotspots_format.render_markdown(report)
    elif args.format == "html":
        text = render_html(report, args.top, [str(p) for p in args.paths])
    else:
        colour = args.output is None and use_colour(args.color, sys.stdout) or args.color == "always"
        text = hotspots_format.render_text(report, colour)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_CLEAN


def _command_line_config(args: argparse.Namespace, config: Config) -> Config:
    """A project's configuration with --select, --ignore, --exclude and --extend-exclude applied."""
    if args.select is not None:
        config = config.replace(select=args.select)
    if args.ignore:
        config = config.replace(ignore=[*config["ignore"], *args.ignore])
    if args.exclude is not None:
        config = config.replace(exclude=args.exclude)
    if args.extend_exclude:
        config = config.replace(exclude=[*config["exclude"], *args.extend_exclude])
    return config


def _text_style(args: argparse.Namespace, standard_input: dict[Path, bytes] | None) -> TextStyle:
    to_terminal = args.output is None
    return TextStyle(colour=args.color == "always" or (to_terminal and use_colour(args.color, sys.stdout)),
                     width=terminal_width(sys.stdout) if to_terminal else None,
                     show_source=args.show_source,
                     source_lines=SourceLines(standard_input))


def _warn_nothing_checked(paths: list[Path], standard_input: dict[Path, bytes] | None) -> None:
    """As ruff does: a warning, and exit 0 (nothing was found, nothing failed)."""
    files = [p for p in paths if standard_input or p.is_file()]
    if files:  # named files that the configuration (or --exclude) leaves out
        named = ", ".join(str(p) for p in files)  # as the user named them
        print(f"plexilint: warning: {named} excluded by `exclude` (or --exclude): nothing checked",
              file=sys.stderr)
        return
    named = ", ".join(str(p) for p in paths)
    print(f"plexilint: warning: No Python files found under {named}", file=sys.stderr)


def _run_check(args: argparse.Namespace) -> int:
    if args.statistics and args.format not in (None, *STATISTICS_FORMATS):
        raise UsageError(f"--statistics prints text or json, not {args.format}")
    if args.show_settings:
        return _show_settings(args, functools.partial(_command_line_config, args))
    standard_input = read_standard_input(args)  # `-`: the text stands for --stdin-filename
    narrowing = Narrowing.from_args(args)  # before the analysis: a bad baseline or --diff REF fails fast
    result = _check(args, adjust=functools.partial(_command_line_config, args), overrides=standard_input)
    findings, baselined = narrowing.apply(result)
    if not result.files_checked and not args.quiet:
        _warn_nothing_checked(args.paths, standard_input)
    if args.statistics:
        report = render_statistics(args.format or "text", findings, result.files_checked, not args.quiet,
                                   result.notes)
    else:
        fmt = args.format or default_format(to_stdout=args.output is None)
        report = render_findings(fmt, FindingsReport(
            findings, result.files_checked, result.roots, os.getcwd(), baselined, summary=not args.quiet,
            notes=result.notes, skipped=result.skipped, text_style=_text_style(args, standard_input)))
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    return EXIT_FINDINGS if findings and not args.exit_zero else EXIT_CLEAN


def _show_settings(args: argparse.Namespace, adjust: Callable[[Config], Config]) -> int:
    if args.format not in (None, *SETTINGS_FORMATS):
        raise UsageError(f"--show-settings prints text or json, not {args.format}")
    result = _check(args, adjust=adjust, extra_facts=frozenset({"database"}))
    report = render_settings(result.analyses, args.format or "text")
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    return EXIT_CLEAN


def _run_contracts(args: argparse.Namespace) -> int:
    result = _check(args)
    reports = class_reports(result.analyses, result.scopes)
    report = render_contracts(reports, args.format)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    return EXIT_FINDINGS if any(not r["is_valid"] for r in reports) else EXIT_CLEAN


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_ERROR if exit_.code not in (0, None) else EXIT_CLEAN
    try:
        check_path_arguments(args)
        for module in COMMAND_MODULES:
            handled = module.run(args)
            if handled is not None:
                return handled
        if args.command == "check":
            return _run_check(args)
        if args.command == "contracts":
            return _run_contracts(args)
        if args.command == "hotspots":
            return _run_hotspots(args)
        if args.command == "rules":
            sys.stdout.write(render_rule_list(all_rules(), args.format))
            return EXIT_CLEAN
        return _run_explain(args)
    except ConfigError as error:
        print(f"plexilint: configuration error\n{error}", file=sys.stderr)
        return EXIT_ERROR
    except FileNotFoundError as error:
        # Raised with the path alone by the engine, or by the system (errno set) for, e.g.,
        # an `-o FILE` whose folder does not exist: said once, with the path, either way.
        missing = error.filename if error.errno is not None else error
        print(f"plexilint: no such file or directory: {missing}", file=sys.stderr)
        return EXIT_ERROR
    except UsageError as error:
        print(f"plexilint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # e.g. `plexilint check | head`
        return EXIT_FINDINGS
    except OSError as error:  # a report that cannot be written (disk full, no permission), ...
        print(f"plexilint: {_os_error_message(error)}", file=sys.stderr)
        return EXIT_ERROR


def _run_explain(args: argparse.Namespace) -> int:
    rule = rule_for(args.rule)
    if rule is None:
        prefix = normalise_code(args.rule)
        covered = [r for r in all_rules() if r.code.startswith(prefix)] if CODE_PATTERN.match(prefix) else []
        if covered:  # a prefix (`plx1`, as --select takes it): its rules, each one explainable
            sys.stdout.write(f"{prefix} covers {len(covered)} rule{'s' if len(covered) != 1 else ''}; "
                             f"`plexilint explain {covered[0].code}` tells about one:\n\n")
            sys.stdout.write(render_rule_list(covered))
            return EXIT_CLEAN
        print(f"plexilint: unknown rule {args.rule!r}; `plexilint rules` lists them", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(rule_markdown(rule))
    return EXIT_CLEAN


def _os_error_message(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"
