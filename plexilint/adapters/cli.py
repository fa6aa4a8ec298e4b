"""The ``plexilint`` command. Exit status: 0 clean, 1 findings, 2 usage or configuration error."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from plexilint import __version__
from plexilint.adapters import cli_baseline, cli_consolidation, cli_server
from plexilint.adapters.check_narrowing import Narrowing, UsageError, add_check_options
from plexilint.adapters.path_arguments import check_path_arguments
from plexilint.config import Config, ConfigError
from plexilint.config.options import InvalidValue, _codes, unknown_codes
from plexilint.engine.hotspots import parse_since, rank_hotspots
from plexilint.engine.parallel import resolve_jobs
from plexilint.engine.run import CheckResult, check_paths
from plexilint.reporting import hotspots_format
from plexilint.reporting.contracts_report import class_reports, render_contracts
from plexilint.reporting.formats import FORMATS, FindingsReport, default_format, render_findings
from plexilint.reporting.rule_docs import render_rule_list, rule_markdown
from plexilint.reporting.statistics import STATISTICS_FORMATS, render_statistics
from plexilint.rules import all_rules, rule_for

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Subcommands living in their own modules: each has `register(commands)` and `run(args)`,
# which returns None for commands that are not its own.
COMMAND_MODULES = (cli_consolidation, cli_baseline, cli_server)


def _code_list(text: str) -> list[str]:
    try:
        codes = _codes([c.strip() for c in text.split(",") if c.strip()])
    except InvalidValue as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    unknown = unknown_codes({"select": codes, "ignore": [], "per-file-ignores": {}})
    if unknown:  # said here, not as a problem of the pyproject.toml it did not come from
        raise argparse.ArgumentTypeError(unknown[0].replace("invalid value for 'select': ", ""))
    return codes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plexilint",
        description="Find duplicated fallback stubs and other consolidation debris.",
    )
    parser.add_argument("--version", action="version", version=f"plexilint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="report findings for files and directories")
    check.add_argument("paths", nargs="*", type=Path, default=[Path(".")], metavar="PATH",
                       help="files and directories to report on (default: the current directory); "
                       "each is analysed with its whole project")
    check.add_argument("--config", type=Path, help="read [tool.plexilint] from this file")
    check.add_argument("--select", type=_code_list, help="comma-separated codes or prefixes to enable "
                       "(replaces the configured `select`)")
    check.add_argument("--ignore", type=_code_list, help="comma-separated codes or prefixes to "
                       "disable (added to the configured `ignore`)")
    check.add_argument("--format", choices=sorted(FORMATS), help="findings format (default: github when "
                       "GITHUB_ACTIONS=true and the report goes to standard output, text otherwise)")
    check.add_argument("-o", "--output", type=Path, help="write the report to this file")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--statistics", action="store_true",
                       help="print how many findings of each rule instead of the findings (text or json)")
    check.add_argument("-q", "--quiet", action="store_true",
                       help="no summary line: only the findings (nothing at all when there are none)")
    add_check_options(check)  # --baseline FILE, --diff REF
    _add_engine_options(check)

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
    hotspots.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    hotspots.add_argument("-o", "--output", type=Path, help="write the report to this file")
    _add_engine_options(hotspots)

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")

    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", help="a code (PLX101), a symbol or a pylint message id")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def _add_engine_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--no-cache", dest="use_cache", action="store_false",
                         help="neither read nor write .plexilint_cache/ (see `cache` in the configuration)")
    command.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                         help="processes extracting facts: a number or 'auto', one per CPU (default 1)")


def _check(args: argparse.Namespace, **options) -> CheckResult:
    result = check_paths(args.paths, args.config, use_cache=args.use_cache, jobs=args.jobs, **options)
    # The facts live until the process exits: the collector need not rescan them (three full
    # passes otherwise, 0.4 s on the standard library) while the report is rendered.
    gc.freeze()
    return result


def _jobs(text: str) -> int:
    try:
        return resolve_jobs(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _since(text: str):
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
    report = rank_hotspots(result.analyses, result.scopes, args.since, args.top)
    if args.format == "json":
        text = hotspots_format.render_json(report)
    elif args.format == "markdown":
        text = hotspots_format.render_markdown(report)
    else:
        colour = args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        text = hotspots_format.render_text(report, colour)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_CLEAN


def _run_check(args: argparse.Namespace) -> int:
    def adjust(config: Config) -> Config:
        if args.select is not None:
            config = config.replace(select=args.select)
        if args.ignore:
            config = config.replace(ignore=[*config["ignore"], *args.ignore])
        return config

    if args.statistics and args.format not in (None, *STATISTICS_FORMATS):
        raise UsageError(f"--statistics prints text or json, not {args.format}")
    narrowing = Narrowing.from_args(args)  # before the analysis: a bad baseline or --diff REF fails fast
    result = _check(args, adjust=adjust)
    findings, baselined = narrowing.apply(result)
    if args.statistics:
        report = render_statistics(args.format or "text", findings, result.files_checked, not args.quiet)
    else:
        fmt = args.format or default_format(to_stdout=args.output is None)
        report = render_findings(fmt, FindingsReport(
            findings, result.files_checked, result.roots, os.getcwd(), baselined, summary=not args.quiet,
            skipped=result.skipped))
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    return EXIT_FINDINGS if findings and not args.exit_zero else EXIT_CLEAN


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
        print(f"plexilint: no such file or directory: {error}", file=sys.stderr)
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
        print(f"plexilint: unknown rule {args.rule!r}; `plexilint rules` lists them", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(rule_markdown(rule))
    return EXIT_CLEAN


def _os_error_message(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"
