"""The consolidation fix computed in a process of its own, for the language server: the
editor's diagnostics go on while it runs (no lock shared with them, a lower priority), and
it cannot write to the editor's channel.

    python -m plexilint.adapters.lsp.fix_process < pickled (root, config) > pickled result
"""

from __future__ import annotations

import asyncio
import os
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plexilint.adapters.lsp.fix_edit import Changes
    from plexilint.config import Config

FIX_NICENESS = 5


class FixFailed(Exception):
    """The fix process ended without a fix (its error, as it told it)."""


async def compute_fix(root: Path, config: Config) -> Changes:
    """`plexilint fix` for the project as saved, from a child process; FixFailed if it fails."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", __name__, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL, start_new_session=True)
    try:
        output, _ = await process.communicate(pickle.dumps((root, config)))
    except asyncio.CancelledError:
        process.kill()
        raise
    try:
        ok, result = pickle.loads(output)
    except Exception as error:  # the process died (killed, out of memory)
        raise FixFailed(f"the fix process ended with status {process.returncode}") from error
    if not ok:
        raise FixFailed(result)
    return result


def main() -> int:
    try:
        os.nice(FIX_NICENESS)
    except OSError:
        pass
    root, config = pickle.loads(sys.stdin.buffer.read())
    try:
        from plexilint.adapters.lsp.engine_calls import proposed_changes

        reply: tuple[bool, Changes | str] = (True, proposed_changes(root, config))
    except Exception as error:  # told to the server, which logs it
        reply = (False, f"{type(error).__name__}: {error}")
    sys.stdout.buffer.write(pickle.dumps(reply))
    return 0


if __name__ == "__main__":
    sys.exit(main())
