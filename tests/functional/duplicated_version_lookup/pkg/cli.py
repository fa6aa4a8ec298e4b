"""Command-line entry point."""

import sys

__version__ = "1.0"


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if "--version" in argv:
        print(__version__)
    return 0
