"""Language-server latency as an editor sees it, measured by Neovim's own LSP client.

    python bench/lsp_latency.py [--changes 40] [--actions 5] [--sessions 2] [--debounce MS ...]
                                [--json PATH]

Neovim headless drives `plexilint server` over stdio on a copy of the standard library
(bench/corpus.py).

Neovim (0.7 or later: `apt-get install neovim`) runs bench/lsp_latency.lua, which starts the
server with `vim.lsp.start_client`, opens the ~2,000-line module nearest that size, edits one
line of it again and again (each edit waits for the diagnostics of that buffer version), asks
for code actions on one of its diagnostics, then opens further modules. Every time is taken
in the editor, from the moment it sends to the moment it has the answer (`initialize`: from
starting the server). The first session runs with an empty cache (the project is indexed from
scratch), the next ones with the cache the first one left, as an editor restarted on the same
project would. Prints the figures and the machine's load, and writes them as JSON.

Not a test: timings on a shared machine vary; the load average is recorded with them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from bench.corpus import build, source_files, stdlib_root  # noqa: E402

LUA = Path(__file__).with_suffix(".lua")
EDITED_SIZE = 2000  # lines of the edited module
OTHER_OPENS = 8  # modules opened once the project is indexed
TARGETS = {"change p50": 100, "change p95": 250, "first code action": 300, "initialize": 300}


def line_count(path: Path) -> int:
    return path.read_bytes().count(b"\n")


def pick_files(root: Path, files: list[str]) -> tuple[Path, list[Path]]:
    """The module nearest EDITED_SIZE lines, and OTHER_OPENS modules of 500 to 1,500 lines."""
    sizes = {name: line_count(root / name) for name in files}
    edited = min(files, key=lambda name: abs(sizes[name] - EDITED_SIZE))
    others = [name for name in files if 500 <= sizes[name] <= 1500 and name != edited][:OTHER_OPENS]
    return root / edited, [root / name for name in others]


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 40 values is the 38th smallest)."""
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def summary(values: list[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(values), 1), "p95": round(percentile(values, 0.95), 1),
            "min": round(min(values), 1), "max": round(max(values), 1), "count": len(values)}


def run_session(nvim: str, root: Path, edited: Path, others: list[Path], changes: int, actions: int,
                cache: Path, debounce: int) -> dict:
    out = Path(tempfile.mkstemp(prefix="plexilint-lsp-bench-", suffix=".json")[1])
    script = Path(sys.executable).with_name("plexilint")  # what an editor runs
    launcher = [str(script)] if script.is_file() else [sys.executable, "-m", "plexilint"]
    command = [*launcher, "server", "--debounce", str(debounce)]
    environment = {**os.environ, "PLEXILINT_CACHE_DIR": str(cache), "PLX_BENCH_CMD": json.dumps(command),
                   "PLX_BENCH_ROOT": str(root), "PLX_BENCH_FILE": str(edited),
                   "PLX_BENCH_OPEN": json.dumps([str(p) for p in others]), "PLX_BENCH_CHANGES": str(changes),
                   "PLX_BENCH_ACTIONS": str(actions), "PLX_BENCH_OUT": str(out)}
    load_before = os.getloadavg()
    started = time.perf_counter()
    subprocess.run([nvim, "--headless", "--clean", "-n", "-c", f"luafile {LUA}"], cwd=root, env=environment,
                   check=True, timeout=3600, stdin=subprocess.DEVNULL)
    result = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    result["wall_s"] = round(time.perf_counter() - started, 1)
    result["load_before"] = [round(x, 2) for x in load_before]
    result["load_after"] = [round(x, 2) for x in os.getloadavg()]
    return result


def machine() -> dict:
    nvim_version = subprocess.run(["nvim", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "neovim": nvim_version,
            "niceness": os.nice(0), "platform": platform.platform()}


def print_report(report: dict) -> None:
    print(f"project: {report['project']['files']} modules, {report['project']['lines']:,} lines; "
          f"edited {report['project']['edited']} ({report['project']['edited_lines']} lines)")
    print(f"machine: {report['machine']['cpus']} cpus, {report['machine']['neovim']}, "
          f"python {report['machine']['python']}")
    for number, session in enumerate(report["sessions"], 1):
        print(f"session {number} ({session['cache']} cache, debounce {session.get('debounce_ms', report['server_debounce_ms'])} ms; "
              f"load {session['load_before']} -> {session['load_after']}):")
        indexed = session["indexed_ms"]
        print(f"  initialize {session['initialize_ms']:.0f} ms; first didOpen -> diagnostics "
              f"{session['first_open_ms']:.0f} ms ({session['first_open_diagnostics']} one-file findings), "
              f"indexed after {'?' if indexed is None else round(indexed)} ms, "
              f"complete {session['first_open_complete_ms']:.0f} ms")
        for name in ("change", "open", "code_action"):
            figures = session[f"{name}_summary"]
            print(f"  {name:<11} p50 {figures['p50']:6.1f} ms  p95 {figures['p95']:6.1f} ms  "
                  f"(min {figures['min']:.1f}, max {figures['max']:.1f}, n={figures['count']})")
        print(f"  first code action {session['code_actions'][0]:.0f} ms (on {session['code_action_diagnostic']})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", "--repeat", type=int, default=40, help="edits measured per session (40)")
    parser.add_argument("--actions", type=int, default=5, help="code-action requests per session (5)")
    parser.add_argument("--sessions", type=int, default=2, help="editor sessions: the first with an empty cache (2)")
    parser.add_argument("--debounce", type=int, nargs="+", default=None, metavar="MS",
                        help="the server's --debounce, sessions for each value (default: the server's default)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    nvim = shutil.which("nvim")
    if nvim is None:
        print("Neovim is needed (apt-get install neovim)", file=sys.stderr)
        return 2
    from plexilint.adapters.cli_server import DEFAULT_DEBOUNCE_MS

    debounces = [DEFAULT_DEBOUNCE_MS] if args.debounce is None else args.debounce
    # An installed package has its bytecode compiled; a source checkout may not (and
    # PYTHONDONTWRITEBYTECODE keeps it that way): compile it so start-up is measured as installed.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPOSITORY / "plexilint")], check=True)
    work = Path(tempfile.mkdtemp(prefix="plexilint-lsp-latency-"))
    try:
        source = stdlib_root()
        corpus = build(source, source_files(source), work / "stdlib", "the standard library")
        edited, others = pick_files(corpus.root, list(corpus.files))
        sessions = []
        for debounce in debounces:
            for number in range(args.sessions):
                cache = work / f"cache-{debounce}"
                session = run_session(nvim, corpus.root, edited, others, args.changes, args.actions, cache, debounce)
                session["cache"] = "empty" if number == 0 else "warm"
                session["debounce_ms"] = debounce
                session["change_summary"] = summary(session["changes"])
                session["open_summary"] = summary(session["opens"])
                session["code_action_summary"] = summary(session["code_actions"])
                sessions.append(session)
        report = {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "client": "Neovim headless, vim.lsp.start_client (bench/lsp_latency.lua)",
            "server_debounce_ms": debounces[0] if len(debounces) == 1 else debounces,
            "machine": machine(),
            "project": {"files": len(corpus.files), "lines": corpus.lines,
                        "edited": edited.relative_to(corpus.root).as_posix(), "edited_lines": line_count(edited)},
            "targets_ms": TARGETS,
            "sessions": sessions,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_report(report)
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
