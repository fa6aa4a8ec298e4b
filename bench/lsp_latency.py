"""Language-server latency: from a didChange of a 2,000-line module to its publishDiagnostics.

    python bench/lsp_latency.py [--lines 2000] [--repeat 15] [--debounce MS ...] [--keep]

Generates a project in a temporary directory (the big module plus small packages, two of which
repeat a stub of it, so cross-module analysis takes part), starts `plexilint server` and talks
to it over stdio as an editor does. Each change edits one line of the big module; the time is
measured until the diagnostics of that document version arrive. The debounce is the server's
wait after the last keystroke (300 ms by default); with 0 the figure is the server's own work
plus the protocol. Prints the median of the runs for each debounce given, and the same changes
analysed in-process without the server (the engine's share). Not a test: timings on a shared
machine vary.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY / "tests"))  # the LSP client the tests use

from lsp_client import LspClient  # noqa: E402

WARM_UP = 2  # changes not measured: the first ones after start-up pay for lazy imports
STUB = "class CacheManager:\n    def __init__(self, *args, **kwargs):\n        pass\n"
UNIT = textwrap.dedent('''\
    def handler_{n}(request, retries=3):
        """Handle request {n}."""
        value = CHANGED_{n}
        for attempt in range(retries):
            if request.get("kind") == "a{n}":
                value += attempt
            elif request.get("kind") == "b{n}":
                value -= attempt
            else:
                value = value * 2
        try:
            result = compute_{n}(value)
        except ValueError:
            result = None
        return result


    def compute_{n}(value):
        total = 0
        for item in range(value % 7):
            total += item if item % 2 else -item
        return total


    class Service{n}:
        def __init__(self, store):
            self.store = store
            self.count = 0

        def fetch(self, key):
            self.count += 1
            return self.store.get(key)


''')


def big_module(lines: int) -> str:
    """``lines`` lines: a repeated stub, then handlers, helpers and classes, then constants."""
    text = '"""A large module, generated for the latency benchmark."""\n\n' + STUB + "\n\n"
    unit = UNIT.count("\n") + 1  # with its CHANGED_n constant
    for n in range(max(1, (lines - text.count("\n")) // unit)):
        text += f"CHANGED_{n} = 0\n" + UNIT.format(n=n)
    return text + "".join(f"PADDING_{n} = {n}\n" for n in range(lines - text.count("\n")))


def write_project(root: Path, lines: int) -> Path:
    (root / "pyproject.toml").write_text("[tool.plexilint]\n", encoding="utf-8")
    package = root / "pkg"
    for name in ("", "cache", "events", "files", "users"):
        directory = package / name
        directory.mkdir(parents=True, exist_ok=True)
        body = STUB if name in ("cache", "events") else '"""A package."""\n'
        (directory / "__init__.py").write_text(body, encoding="utf-8")
    big = package / "big.py"
    big.write_text(big_module(lines), encoding="utf-8")
    return big


class Measurement:
    def __init__(self, client: LspClient, uri: str, text: str) -> None:
        self.client = client
        self.uri = uri
        self.text = text
        self.version = 1

    def open(self) -> float:
        started = time.perf_counter()
        self.client.notify("textDocument/didOpen", {"textDocument": {
            "uri": self.uri, "languageId": "python", "version": self.version, "text": self.text}})
        self.client.diagnostics_for(self.uri, timeout=300, version=self.version)
        return time.perf_counter() - started

    def change(self) -> float:
        """One edited line (a constant's value), until that version's diagnostics arrive."""
        self.version += 1
        self.text = self.text.replace(f"CHANGED_0 = {self.version - 2}\n", f"CHANGED_0 = {self.version - 1}\n", 1)
        started = time.perf_counter()
        self.client.notify("textDocument/didChange", {"textDocument": {"uri": self.uri, "version": self.version},
                                                      "contentChanges": [{"text": self.text}]})
        self.client.diagnostics_for(self.uri, timeout=300, version=self.version)
        return time.perf_counter() - started


def measure(big: Path, debounce: int, repeat: int) -> tuple[float, list[float]]:
    client = LspClient([sys.executable, "-m", "plexilint", "server", "--debounce", str(debounce)], big.parent.parent)
    try:
        client.request("initialize", {"processId": None, "rootUri": big.parent.parent.as_uri(), "capabilities": {}},
                       timeout=120)
        client.notify("initialized", {})
        session = Measurement(client, big.as_uri(), big.read_text(encoding="utf-8"))
        first = session.open()
        for _ in range(WARM_UP):
            session.change()
        times = [session.change() for _ in range(repeat)]
        client.request("shutdown")
        client.notify("exit")
        client.process.wait(timeout=60)
        return first, times
    finally:
        client.close()


def engine_alone(big: Path, repeat: int) -> list[float]:
    """The same changes analysed in this process, without the server: the engine's share."""
    from plexilint.adapters.lsp.engine_calls import findings_for_buffers
    from plexilint.adapters.lsp.projects import read_project_config

    root = big.parent.parent
    config = read_project_config(root)
    text = big.read_text(encoding="utf-8")
    findings_for_buffers(root, config, {big: text.encode("utf-8")})
    times = []
    for version in range(1, WARM_UP + repeat + 1):
        changed = text.replace("CHANGED_0 = 0\n", f"CHANGED_0 = {version}\n", 1).encode("utf-8")
        started = time.perf_counter()
        findings_for_buffers(root, config, {big: changed})
        times.append(time.perf_counter() - started)
    return times[WARM_UP:]


def summary(times: list[float]) -> str:
    milliseconds = sorted(t * 1000 for t in times)
    return (f"median {statistics.median(milliseconds):.1f} ms (min {milliseconds[0]:.1f}, "
            f"max {milliseconds[-1]:.1f}, {len(times)} changes)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2000, help="size of the edited module (2000)")
    parser.add_argument("--repeat", type=int, default=15, help="changes measured per debounce (15)")
    parser.add_argument("--debounce", type=int, nargs="+", default=[0, 300], metavar="MS",
                        help="server debounce settings to measure (0 300)")
    parser.add_argument("--keep", action="store_true", help="keep the generated project")
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="plexilint-lsp-latency-"))
    big = write_project(directory, args.lines)
    size = big.read_text(encoding="utf-8").count("\n")
    print(f"project: {directory} (edited module: {size} lines)")
    for debounce in args.debounce:
        first, times = measure(big, debounce, args.repeat)
        print(f"server, debounce {debounce:>3} ms: didChange -> publishDiagnostics {summary(times)}; "
              f"first didOpen {first * 1000:.0f} ms")
    print(f"engine alone, in-process:   {summary(engine_alone(big, args.repeat))}")
    if not args.keep:
        import shutil

        shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
