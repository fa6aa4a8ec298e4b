"""The `plexilint` command: `plexilint server` starts without loading the other commands (an
editor waits for the server's first answer, and the rest of the command line takes a few
hundred milliseconds to load); every other command goes to cli.main."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["server"]:
        from plexilint.adapters.cli_server import main as server_main

        return server_main(arguments)
    from plexilint.adapters.cli import main as cli_main

    return cli_main(argv)
