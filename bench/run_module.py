"""``python run_module.py MODULE ARGS...``: ``python -P -m MODULE ARGS...`` for Pythons before
3.11, which lack ``-P``. Without it the current directory (a copy of the stdlib, when
benchmarking) would shadow the standard library."""

import runpy
import sys

if __name__ == "__main__":
    del sys.path[0]  # this script's directory; `-m` would have put the current directory here
    module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
