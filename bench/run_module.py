"""``python -P run_module.py MODULE ARGS...``: runs ``python -m MODULE ARGS...`` and, when
``BENCH_RUSAGE`` names a file, writes to it at exit the peak resident memory of this process
and the largest of its children (``getrusage``: ``RUSAGE_SELF`` and ``RUSAGE_CHILDREN``), so
the benchmark can tell a tool's main process from its workers. Every Python tool the benchmark
measures runs through it, in either environment (it imports nothing but the standard library).

Before 3.11 (no ``-P``) the script's own directory is removed from ``sys.path``: with ``-m``
the current directory, a copy of the standard library when benchmarking, would shadow it.
"""

import atexit
import json
import os
import resource
import runpy
import sys


def _write_rusage(path: str, pid: int) -> None:
    if os.getpid() != pid:  # a forked worker that exits through atexit: not the tool itself
        return
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # only children waited for
    with open(path, "w", encoding="utf-8") as out:  # Linux reports ru_maxrss in KiB
        json.dump({"main_rss_kib": own.ru_maxrss, "children_rss_kib": children.ru_maxrss}, out)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.path and os.path.abspath(sys.path[0] or ".") == here:
        del sys.path[0]
    target = os.environ.pop("BENCH_RUSAGE", None)  # not inherited by what the tool starts
    if target:
        atexit.register(_write_rusage, target, os.getpid())
    module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
