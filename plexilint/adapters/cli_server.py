"""`plexilint server`: the language server, over stdin and stdout."""

from __future__ import annotations

import argparse
import sys
from typing import Any

EXIT_ERROR = 2
# A change is analysed at once: an analysis takes tens of milliseconds (only the changed
# buffer is analysed again) and changes made meanwhile are coalesced into one more run.
DEFAULT_DEBOUNCE_MS = 0


def register(commands: Any) -> None:
    """Adds the subcommand to ``commands`` (the parser's ``add_subparsers()`` object)."""
    server = commands.add_parser(
        "server", help="language server (LSP over stdio) for editor diagnostics",
        description="Speaks the Language Server Protocol on stdin and stdout: diagnostics of the open "
        "buffers as you type, quick fixes, configuration reloads. See docs/editors.md.")
    server.add_argument("--debounce", type=_milliseconds, default=DEFAULT_DEBOUNCE_MS, metavar="MS",
                        help=f"wait this long after the last change before analysing ({DEFAULT_DEBOUNCE_MS})")
    # Editor clients (vscode-languageclient among them) append --stdio; stdio is the only transport.
    server.add_argument("--stdio", action="store_true", help=argparse.SUPPRESS)


def main(argv: list[str]) -> int:
    """`plexilint server ...` on its own (entry.py): the same options as through cli.main."""
    parser = argparse.ArgumentParser(prog="plexilint")
    register(parser.add_subparsers(dest="command"))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_ERROR if exit_.code not in (0, None) else 0
    result = run(args)
    return EXIT_ERROR if result is None else result


def _milliseconds(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected milliseconds (a whole number), got {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int | None:
    """Runs the server if the command is ours; None otherwise (cli.main carries on)."""
    if args.command != "server":
        return None
    from plexilint.adapters.lsp.fast_start import answer_initialize

    try:
        import pygls  # noqa: F401  (only checked here: loading it all takes a while)
    except ImportError as error:
        print(f"plexilint: the language server needs pygls ({error}); `pip install 'pygls>=2.0'`",
              file=sys.stderr)
        return EXIT_ERROR
    early = answer_initialize(sys.stdin.buffer, sys.stdout.buffer)  # before pygls loads
    from plexilint.adapters.lsp.server import serve  # pygls loads here only: no other command pays for it

    return serve(args.debounce / 1000, early)
