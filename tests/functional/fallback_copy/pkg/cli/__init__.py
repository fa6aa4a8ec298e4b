"""The command line, which needs an optional extra."""

import sys

try:
    from pkg.cli.main import main
except ImportError:
    # Not a second implementation: it says what is missing and fails.
    def main() -> None:
        print("The command line needs the `cli` extra: pip install 'pkg[cli]'")
        sys.exit(1)


try:
    from pkg.cli.main import serve
except ImportError:

    def serve(*args, **kwargs):
        raise RuntimeError("the server needs the `cli` extra")


__all__ = ["main", "serve"]
