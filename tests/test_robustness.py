"""Never crash: the standard library (its deliberately broken test files included), odd
encodings and line endings, huge and deeply nested modules, symlinks and unreadable files all
come back as findings (or documented skips), never as tracebacks. See docs/robustness.md.

The whole standard library runs with ``PLEXILINT_FULL_SWEEP=1``; CI runs a fixed sample of it."""

from __future__ import annotations

import dataclasses
import fnmatch
import hashlib
import json
import os
import shutil
import sysconfig
from pathlib import Path

import pytest
from conftest import SAMPLES
from robustness_support import check_failures_match_python, python_parses, sweep_config

from plexilint.engine.cache import cache_for
from plexilint.engine.discovery import discover_files
from plexilint.engine.facts import FACT_KINDS, extract_facts
from plexilint.runner.project import analyse_project

STDLIB = Path(sysconfig.get_paths()["stdlib"])
FULL_SWEEP = os.environ.get("PLEXILINT_FULL_SWEEP") == "1"
SAMPLE_SIZE = 200
# CPython's deliberately broken files (Python 2 code, bad encodings, bad syntax); where they live
# depends on the version, so every pattern is tried.
KNOWN_BROKEN = ("lib2to3/tests/data/*", "test/bad*", "test/tokenizedata/*", "test/*/bad*")


def stdlib_files() -> list[str]:
    return [path.relative_to(STDLIB).as_posix() for path in discover_files(STDLIB, [])]


def bounded_sample(relpaths: list[str], size: int = SAMPLE_SIZE) -> list[str]:
    """The known-broken files plus a fixed sample: the first ``size`` paths ordered by the
    hash of their name (the same files on every run of the same Python)."""
    broken = {p for p in relpaths if any(fnmatch.fnmatch(p, pattern) for pattern in KNOWN_BROKEN)}
    by_hash = sorted(relpaths, key=lambda p: hashlib.sha256(p.encode()).hexdigest())
    return sorted(broken | set(by_hash[:size]))


def copy_with_packages(relpaths: list[str], destination: Path) -> dict[str, bytes]:
    """Copies the files, and the ``__init__.py`` of each package above them (so every module
    keeps its dotted name); returns relpath -> bytes of everything copied."""
    wanted = set(relpaths)
    for relpath in relpaths:
        for parent in Path(relpath).parents:
            if parent != Path(".") and (STDLIB / parent / "__init__.py").is_file():
                wanted.add((parent / "__init__.py").as_posix())
    contents = {}
    for relpath in sorted(wanted):
        target = destination / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        contents[relpath] = (STDLIB / relpath).read_bytes()
        target.write_bytes(contents[relpath])
    return contents


@pytest.mark.slow  # a stress test, seconds of analysis
def test_bounded_standard_library_sweep(tmp_path, cli):
    """Every rule (every fact kind) over a fixed sample of the standard library and its tests,
    cold then from the cache; the CLI renders every format of the result."""
    sample = bounded_sample(stdlib_files())
    assert any(not python_parses((STDLIB / p).read_bytes()) for p in sample)  # broken files are in it
    root = tmp_path / "stdlib"
    root.mkdir()
    config = sweep_config(root)
    contents = copy_with_packages(sample, root)

    cold = analyse_project(root, config, extra_facts=FACT_KINDS, cache=cache_for(root, config))
    assert {f.relpath for f in cold.index.files} == set(contents)
    check_failures_match_python(cold, contents)
    codes = {f.code for fs in cold.findings.values() for f in fs}
    assert {"PLX001", "PLX301", "PLX401", "PLX501"} <= codes

    warm = analyse_project(root, config, extra_facts=FACT_KINDS, cache=cache_for(root, config))
    assert warm.findings == cold.findings

    status, out, err = cli("check", root, "--format", "json")
    assert (status, err) == (1, "")
    report = json.loads(out)
    assert report["summary"]["files_checked"] == len(contents)
    broken = {f.relpath for fs in cold.findings.values() for f in fs if f.code == "PLX001"}
    assert {f["path"] for f in report["findings"] if f["code"] == "PLX001"} == broken
    for format_name in ("text", "sarif", "github", "gitlab"):
        status, out, err = cli("check", root, "--format", format_name)
        assert (status, err) == (1, "") and out


@pytest.mark.skipif(not FULL_SWEEP, reason="the whole standard library: set PLEXILINT_FULL_SWEEP=1")
def test_full_standard_library_sweep(tmp_path):
    """Every file of the standard library, its test suite included, through every rule."""
    config = sweep_config(tmp_path)
    analysis = analyse_project(STDLIB, config, extra_facts=FACT_KINDS)
    assert len(analysis.index.files) > 1500
    contents = {f.relpath: Path(f.path).read_bytes() for f in analysis.index.files}
    check_failures_match_python(analysis, contents)
    # CPython ships deliberately broken files in its tests (lib2to3 data, bad encodings).
    assert any(not python_parses(data) for data in contents.values())


# -- one odd file in a small project, through the CLI ------------------------------------------

STUB = b"def emit(*args, **kwargs):\n    pass\n"


def _findings(cli, root: Path, *extra: str) -> tuple[int, list[tuple[str, str, int]], list[dict]]:
    status, out, err = cli("check", root, "--format", "json", *extra)
    assert err == ""
    findings = json.loads(out)["findings"]
    return status, [(f["path"], f["code"], f["line"]) for f in findings], findings


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"def broken(:\n    pass\n", "invalid syntax"),
        (b"x = '\xff\xfe'\n", "cannot decode"),
        (b"# -*- coding: klingon -*-\nx = 1\n", "cannot decode"),
        (b"x = 1\x00\n", "null"),
        (b"(" * 300 + b")" * 300 + b"\n", "nest"),
        ("def emit(*args, **kwargs):\n    '''caf\xe9'''\n".encode("latin-1"), "cannot decode"),  # no cookie
        (b"\xef\xbb\xbf# -*- coding: latin-1 -*-\n" + STUB, "cannot decode"),  # a BOM says UTF-8
        (STUB.decode().encode("utf-16"), "cannot decode"),
        (b"def emit(*args, **kwargs):\n    if x:\n\tpass\n", "inconsistent use of tabs"),
        (b"".join(b" " * i + b"if x:\n" for i in range(101)) + b" " * 101 + b"pass\n", "indentation"),
    ],
)
def test_bad_files_are_plx001_findings(project, cli, content, reason):
    root = project({"pkg/__init__.py": ""})
    (root / "pkg" / "bad.py").write_bytes(content)
    status, found, findings = _findings(cli, root)
    assert status == 1
    assert [(path, code) for path, code, _ in found] == [("pkg/bad.py", "PLX001")]
    assert reason in findings[0]["message"].lower()
    assert "fix it so Python can parse it" in findings[0]["message"]


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (b"\xef\xbb\xbf" + STUB, 1),  # BOM
        (b"\xef\xbb\xbf# -*- coding: utf-8 -*-\n" + STUB, 2),  # BOM and a cookie that agrees
        (STUB.replace(b"\n", b"\r\n"), 1),  # CRLF
        (STUB.replace(b"\n", b"\r"), 1),  # lone CR (classic Mac OS)
        (b"x = 1\r\ny = 2\r" + STUB, 3),  # mixed line endings
        (b"def emit(*args, **kwargs):\n\tpass\n", 1),  # tabs
        (b"if True:\n\tdef emit(*args, **kwargs):\n\t        pass\n", 2),  # tab then spaces, consistently
        (b"# -*- coding: latin-1 -*-\ndef emit(*args, **kwargs):\n    '''caf\xe9'''\n    pass\n", 2),
        (b"\x0c\n" + STUB, 2),  # a form feed line, as in GNU-style sources
        ("x = '\u2028\x85'\n".encode() + STUB, 2),  # line separators inside a string
    ],
)
def test_odd_but_valid_files_are_analysed(project, cli, content, line):
    root = project({"pkg/__init__.py": "", "pkg/b.py": "def send(*args, **kwargs):\n    pass\n"})
    (root / "pkg" / "a.py").write_bytes(content)
    assert _findings(cli, root)[1] == [("pkg/a.py", "PLX101", line), ("pkg/b.py", "PLX101", 1)]


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
@pytest.mark.parametrize("separator", [b"", b"\x0c\n", "x = '\u2028'\n".encode(), b"x = '\x1c'\n"])
def test_noqa_lines_are_python_lines(project, cli, newline, separator):
    """`# noqa` applies to the line Python numbers: only \\n, \\r\\n and \\r end a line (form
    feeds and Unicode line separators do not), whatever the line endings."""
    source = (separator + b"def emit(*args, **kwargs):  # noqa: PLX101\n    pass\n"
              b"x = 1  # noqa: PLX101\n").replace(b"\n", newline)
    root = project({"pkg/__init__.py": "", "pkg/b.py": "def send(*args, **kwargs):\n    pass\n"})
    (root / "pkg" / "a.py").write_bytes(source)
    line = 2 if separator else 1
    # The stub is suppressed where it is; the noqa on `x = 1` is reported unused, at its line.
    assert _findings(cli, root)[1] == [("pkg/a.py", "PLX002", line + 2), ("pkg/b.py", "PLX101", 1)]


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["CRLF", "CR"])
def test_facts_do_not_depend_on_line_endings(newline):
    """Stub shapes, database and contract facts, complexity and maintainability: the same for
    a file whatever its line endings (the maintainability index of lone-CR files was 99.7
    instead of 66 when the raw-metrics scan saw them as one line)."""
    for path in sorted((SAMPLES / "plexichat_legacy").rglob("*.py")):
        data = path.read_bytes()
        same = extract_facts(path, "m.py", data)
        other = extract_facts(path, "m.py", data.replace(b"\n", newline))
        assert dataclasses.replace(other, digest=same.digest) == same, path


@pytest.mark.slow  # a stress test, seconds of analysis
def test_five_megabyte_generated_module(project, cli):
    """A generated module (a data table and thousands of small classes and functions) is
    analysed like any other, cold and from the cache."""
    parts = ['"""Generated."""\n\nimport os\n\nTABLE = {\n']
    parts += [f"    {i}: ('entry-{i}', {i * 7 % 1000}, {i / 3:.3f}),\n" for i in range(100_000)]
    parts.append("}\n\n\n")
    for i in range(3_000):
        parts.append(
            f"class Handler{i}:\n    def __init__(self, value):\n        self.value = value\n\n"
            f"    def handle(self, kind):\n        if kind == 'a':\n            return self.value + {i}\n"
            f"        return os.path.join(str(self.value), 'b{i}')\n\n\n"
            f"def helper_{i}(x, y=None):\n    total = 0\n    for item in range(x):\n"
            f"        if item % 3 == 0 and y:\n            total += item\n    return total\n\n\n")
    source = "".join(parts).encode()
    assert len(source) >= 5 * 2**20
    root = project({"pkg/__init__.py": ""})
    (root / "pkg" / "big.py").write_bytes(source)
    for _ in range(2):  # cold, then warm
        status, found, findings = _findings(cli, root)
        assert status == 1
        assert ("pkg/big.py", "PLX403", 1) in found
        assert "PLX001" not in {code for _, code, _ in found}
    code_lines = sum(1 for line in source.split(b"\n") if line.strip())
    assert f"This module has {code_lines} lines of code" in [f for f in findings if f["code"] == "PLX403"][0]["message"]


N = 10_000
DEEP = {
    "parentheses": b"x = " + b"(" * N + b"1" + b")" * N + b"\n",
    "unary minus": b"x = " + b"-" * N + b"1\n",
    "not": b"x = " + b"not " * N + b"y\n",
    "lambdas": b"x = " + b"lambda: " * N + b"0\n",
    "conditional expressions": b"x = " + b"a if b else " * N + b"c\n",
    "binary operators": b"x = " + b" + ".join([b"a"] * (10 * N)) + b"\n",
    "binary operators in a function": b"def f(a):\n    return " + b" + ".join([b"a"] * 2_000) + b"\n",
    "attribute chain": b"def f(a):\n    return a" + b".b" * 1_000 + b"\n",
    "call chain": b"def f(a):\n    return a" + b"()" * 2_000 + b"\n",
    "subscript chain": b"def f(a):\n    return a" + b"[0]" * 2_000 + b"\n",
    "elif chain": b"def f(a):\n    if a == 0:\n        return 0\n"
                  + b"".join(b"    elif a == %d:\n        return %d\n" % (i, i) for i in range(1, 1_500)),
    "boolean operators": b"def f(a):\n    return " + b" and ".join([b"a"] * (10 * N)) + b"\n",
    "comparisons": b"x = " + b" < ".join([b"a"] * (10 * N)) + b"\n",
    "string concatenation": b"x = " + b" ".join([b"'a'"] * (10 * N)) + b"\n",
    "nested functions": b"".join(b" " * i + b"def f():\n" for i in range(99)) + b" " * 99 + b"pass\n",
    "decorators": b"@d\n" * N + b"def f():\n    pass\n",
}


@pytest.mark.parametrize("content", list(DEEP.values()), ids=list(DEEP))
def test_deep_nesting_is_analysed_or_reported(project, cli, content):
    """Deep expressions either parse and are analysed, or come back as PLX001 whose message
    says why: Python cannot parse them, or they nest deeper than plexilint's analysis goes."""
    root = project({"pkg/__init__.py": ""})
    (root / "pkg" / "deep.py").write_bytes(content)
    status, found, findings = _findings(cli, root)
    unparsable = [f for f in findings if f["code"] == "PLX001"]
    if not python_parses(content):
        assert status == 1 and len(unparsable) == 1
        assert "fix it so Python can parse it" in unparsable[0]["message"]
        assert "()" not in unparsable[0]["message"]  # a reason is always given
    elif unparsable:
        assert status == 1 and "Python parses it, but it nests deeper" in unparsable[0]["message"]
    else:
        assert status == (1 if found else 0)


# -- the file tree: symlinks and files that cannot be read -------------------------------------


def test_unreadable_file(project, cli, monkeypatch):
    """Permission errors are a finding. chmod cannot stop root (CI runs as root), so the read
    itself is made to fail."""
    root = project({"pkg/__init__.py": "", "pkg/secret.py": "x = 1\n"})
    real_read = Path.read_bytes

    def read_bytes(path):
        if path.name == "secret.py":
            raise PermissionError(13, "Permission denied")
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    status, found, findings = _findings(cli, root)
    assert (status, [(path, code) for path, code, _ in found]) == (1, [("pkg/secret.py", "PLX001")])
    assert "permission denied" in findings[0]["message"].lower()
    assert "make it a regular file plexilint can read" in findings[0]["message"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_file_without_read_permission(project, cli):
    root = project({"pkg/__init__.py": "", "pkg/secret.py": "x = 1\n"})
    (root / "pkg" / "secret.py").chmod(0)
    try:
        status, found, findings = _findings(cli, root, "--no-cache")
    finally:
        (root / "pkg" / "secret.py").chmod(0o644)
    assert (status, [(path, code) for path, code, _ in found]) == (1, [("pkg/secret.py", "PLX001")])
    assert "permission denied" in findings[0]["message"].lower()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
@pytest.mark.parametrize("format_name", ["json", "sarif", "github"])
def test_fifo_named_like_a_module_is_reported_not_read(project, cli, format_name):
    """Reading a FIFO blocks until something writes to it: it is reported without a read,
    also by the formats that read source lines to compute columns."""
    root = project({"pkg/__init__.py": "", "pkg/a.py": "x = 1\n"})
    os.mkfifo(root / "pkg" / "pipe.py")
    status, out, err = cli("check", root, "--format", format_name)
    assert (status, err) == (1, "")
    assert "pipe.py" in out and "not a regular file" in out


def test_unlistable_directory_is_skipped(project, cli, monkeypatch):
    """A directory that cannot be listed (no read permission) is skipped and the rest of the
    project analysed. Root lists anything, so the listing itself is made to fail."""
    root = project({"pkg/__init__.py": "", "pkg/a.py": "x = 1\n", "pkg/locked/b.py": "y = 2\n"})
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    status, out, err = cli("check", root, "--format", "json")
    assert (status, err) == (0, "")
    assert json.loads(out)["summary"]["files_checked"] == 2


def test_symlink_loops_are_not_followed(project, cli):
    root = project({"pkg/__init__.py": "", "pkg/a.py": "x = 1\n"})
    (root / "pkg" / "loop").symlink_to(root / "pkg", target_is_directory=True)
    (root / "pkg" / "self.py").symlink_to(root / "pkg" / "self.py")  # a file link to itself
    (root / "pkg" / "dangling.py").symlink_to(root / "pkg" / "missing.py")
    status, out, _ = cli("check", root, "--format", "json")
    assert status == 0
    assert json.loads(out)["summary"]["files_checked"] == 2


def test_symlinks_out_of_the_project_are_not_followed(project, cli, tmp_path):
    """Links to files or directories outside the root are not part of the project; a link to
    a project file does not make it a second module (no duplicate of itself)."""
    outside = tmp_path / "outside"
    (outside / "lib").mkdir(parents=True)
    (outside / "ext.py").write_bytes(STUB)
    (outside / "lib" / "more.py").write_bytes(STUB)
    root = project({"pkg/__init__.py": "", "pkg/a.py": STUB.decode()})
    (root / "pkg" / "ext.py").symlink_to(outside / "ext.py")
    (root / "pkg" / "lib").symlink_to(outside / "lib", target_is_directory=True)
    (root / "pkg" / "alias.py").symlink_to(root / "pkg" / "a.py")
    status, out, _ = cli("check", root, "--format", "json")
    report = json.loads(out)
    assert (status, report["findings"], report["summary"]["files_checked"]) == (0, [], 2)
    shutil.rmtree(outside)


def test_syntax_error_columns_are_bytes_like_every_other_span():
    from plexilint.engine.facts import parse_source

    failure = parse_source('x = "éééé" + )\n', "f.py")
    assert (failure.line, failure.column) == (1, 17)  # the `)`: 13 characters, 17 UTF-8 bytes in


@pytest.mark.parametrize("separator", [
    pytest.param(b"", id="none"),
    pytest.param(b"\x0c\n", id="form feed"),
    pytest.param("x = '\u2028'\n".encode(), id="line separator"),
])
def test_noqa_above_a_function_after_a_form_feed(project, cli, separator):
    """A `# noqa` on the comment line above a `def` covers the complexity findings about it,
    wherever the file has form feeds or Unicode line separators before it."""
    body = b"".join(b"    x%d = %d\n" % (i, i) for i in range(70))
    root = project({"pkg/__init__.py": ""})
    (root / "pkg" / "long.py").write_bytes(separator + b"# noqa: PLX406\ndef f():\n" + body)
    assert _findings(cli, root)[1] == []
