"""Fuzzing the engine: programs generated from Python's grammar (hypothesmith) and byte-level
mutations of the sample projects never crash it; each file is analysed, or reported as PLX001
exactly when Python itself cannot parse it. Bounded and deterministic (fixed seeds,
``derandomize``), so CI runs the same examples every time. See docs/robustness.md."""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from pathlib import Path

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robustness_support import SWEEP_CONFIG, check_failures_match_python, python_parses

from conftest import SAMPLES
from plexilint.config import load_config
from plexilint.engine.cache import cache_for
from plexilint.engine.facts import FACT_KINDS
from plexilint.runner.project import analyse_project

FUZZ_SETTINGS = settings(
    max_examples=40,
    derandomize=True,  # the same examples on every run
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
# Two copies of one stub in fixed modules beside the generated ones: the cross-module rules
# must still find them, whatever the generated modules contain.
STUBS = {"pkg/stubs_a.py": b"def emit(*args, **kwargs):\n    pass\n",
         "pkg/stubs_b.py": b"def send(*args, **kwargs):\n    pass\n"}


def _analyse_generated(modules: list[str]) -> None:
    """The generated sources as a package's ``__init__`` and modules (one in a sub-package),
    beside two duplicated stubs, analysed with every rule enabled, cold and from the cache."""
    names = ["pkg/__init__.py", "pkg/generated.py", "pkg/sub/__init__.py", "pkg/sub/generated.py"]
    contents = {name: source.encode("utf-8", "surrogatepass") for name, source in zip(names, modules)}
    contents.setdefault("pkg/__init__.py", b"")
    if "pkg/sub/generated.py" in contents:
        contents.setdefault("pkg/sub/__init__.py", b"")
    contents.update(STUBS)
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        (root / "pyproject.toml").write_text(SWEEP_CONFIG, encoding="utf-8")
        for relpath, data in contents.items():
            (root / relpath).parent.mkdir(parents=True, exist_ok=True)
            (root / relpath).write_bytes(data)
        config = load_config(root)
        results = []
        for _ in range(2):
            analysis = analyse_project(root, config, extra_facts=FACT_KINDS, cache=cache_for(root, config))
            check_failures_match_python(analysis, contents)
            duplicates = {f.relpath for fs in analysis.findings.values() for f in fs if f.code == "PLX101"}
            assert set(STUBS) <= duplicates
            results.append(analysis.findings)
        assert results[0] == results[1]


@pytest.mark.filterwarnings("ignore::SyntaxWarning")  # hypothesmith compiles what it generates
@FUZZ_SETTINGS
@given(st.lists(hypothesmith.from_grammar(), min_size=1, max_size=4))
def test_programs_from_the_grammar_never_crash_the_engine(modules):
    _analyse_generated(modules)


@pytest.mark.filterwarnings("ignore::SyntaxWarning")
@settings(FUZZ_SETTINGS, max_examples=20)
@given(hypothesmith.from_node(), st.integers(min_value=1, max_value=4))
def test_programs_from_syntax_trees_never_crash_the_engine(source, copies):
    """``from_node`` builds LibCST trees (classes, functions, decorators, comprehensions); it
    draws one program per example, analysed as several modules at once."""
    assert python_parses(source.encode("utf-8", "surrogatepass"))
    _analyse_generated([source] * copies)


# -- byte mutations of the sample projects --------------------------------------------------

# Inserted as a whole: fragments that break or bend the syntax in interesting places.
FRAGMENTS = [
    b"(", b")", b"[", b"]", b"{", b"}", b":", b",", b"\\", b"'", b'"', b'"""', b"#", b"@", b"*", b"**",
    b"\t", b"\r", b"\r\n", b"\x0c", b"\x00", b"\xff", b"\xef\xbb\xbf", b"\xe2\x80\xa8", b" ",
    b"# -*- coding: latin-1 -*-\n", b"# noqa\n", b"  # noqa: PLX101", b"lambda: ", b"async ", b"await ",
    b"yield ", b"not ", b" if x else ", b"\n    ", b"\n        pass\n", b"\ndef f(*args, **kwargs):\n    pass\n",
    b"\nclass C(BaseModule):\n    pass\n", b"return None\n", b"global x\n", b"nonlocal x\n",
    b"from . import *\n", b"import sqlite3\n", b"__version__ = get_config('system.version', '0.0.0')\n",
    b"try:\n    import x\nexcept ImportError:\n    x = None\n", b"except Exception:\n    pass\n",
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to three random edits: flip a bit, delete a run, insert a fragment or random bytes,
    copy a run elsewhere, or truncate."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(buffer) + 1)
        operation = rng.choice(["flip", "delete", "insert", "insert", "random", "copy", "truncate"])
        if operation == "flip" and at < len(buffer):
            buffer[at] ^= 1 << rng.randrange(8)
        elif operation == "delete":
            del buffer[at:at + rng.randint(1, 40)]
        elif operation == "insert":
            buffer[at:at] = rng.choice(FRAGMENTS)
        elif operation == "random":
            buffer[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif operation == "copy" and buffer:
            start = rng.randrange(len(buffer))
            buffer[at:at] = buffer[start:start + rng.randint(1, 200)]
        elif operation == "truncate":
            del buffer[at:]
    return bytes(buffer)


# The quick run mutates each of the two samples three times; the slow run 24 times in all.
QUICK_SEEDS = 6


@pytest.mark.parametrize("seed", [pytest.param(seed, marks=() if seed < QUICK_SEEDS else pytest.mark.slow)
                                  for seed in range(24)])
def test_mutated_sample_files_are_analysed_or_reported(tmp_path, cli, seed):
    rng = random.Random(seed)
    sample = ["plexichat_legacy", "plexichat_refactored"][seed % 2]
    root = tmp_path / sample
    shutil.copytree(SAMPLES / sample, root, ignore=shutil.ignore_patterns(".plexilint_cache", "__pycache__"))
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.py*") if p.suffix in (".py", ".pyi"))
    contents = {relpath: (root / relpath).read_bytes() for relpath in files}
    for relpath in rng.sample(files, k=len(files) // 2):
        contents[relpath] = mutate(contents[relpath], rng)
        (root / relpath).write_bytes(contents[relpath])
    assert any(not python_parses(data) for data in contents.values())

    config = load_config(root)
    analysis = analyse_project(root, config, extra_facts=FACT_KINDS, cache=cache_for(root, config))
    check_failures_match_python(analysis, contents)

    status, out, err = cli("check", root, "--format", "json")
    assert (status, err) == (1, "")
    report = json.loads(out)
    assert report["summary"]["files_checked"] == len(files)
    # As the CLI reports them: a mutation may leave a `# noqa` on the line (seed 6 does).
    unparsable = {f.relpath for path in analysis.findings for f in analysis.findings_for(Path(path))
                  if f.code == "PLX001"}
    assert {f["path"] for f in report["findings"] if f["code"] == "PLX001"} == unparsable
