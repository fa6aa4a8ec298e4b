"""bench/compare_outputs.py: two snapshots of plexilint's outputs and facts compare equal when
nothing changed, and a changed finding or fact is named; a snapshot of a real project holds
every output, its facts as plain data and no temporary path."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import REPO, write_project

sys.path.insert(0, str(REPO))

from bench.compare_outputs import main  # noqa: E402
from bench import output_snapshot  # noqa: E402
from bench.output_snapshot import FACTS, STATUSES, TMP, plain, snapshot_project  # noqa: E402

FINDING = {"code": "PLX101", "path": "pkg/a.py", "line": 1, "column": 4, "message": "Fallback stub `emit`"}
OTHER = {"code": "PLX104", "path": "pkg/b.py", "line": 3, "column": 0, "message": "`manager = None`"}


def _tiny_snapshot(directory: Path, findings: list[dict], module: str = "pkg.a",
                   corpora: tuple[str, ...] = ("samples",)) -> Path:
    project = directory / "samples" / "tiny"
    project.mkdir(parents=True)
    metadata = {"corpora": list(corpora), "python": "3.11.7"}
    (directory / "snapshot.json").write_text(json.dumps(metadata), encoding="utf-8")
    report = {"findings": findings, "summary": {"findings": len(findings)}}
    (project / "check.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    (project / "check.txt").write_text("".join(f"{f['path']}:{f['line']}: {f['code']}\n" for f in findings),
                                       encoding="utf-8")
    (project / FACTS).write_text(json.dumps({"relpath": "pkg/a.py", "facts": {"module": module, "names": [1, 2]}})
                                 + "\n", encoding="utf-8")
    return directory


def test_identical_snapshots_compare_equal(tmp_path, capsys):
    old = _tiny_snapshot(tmp_path / "old", [FINDING, OTHER])
    new = _tiny_snapshot(tmp_path / "new", [FINDING, OTHER])
    (old / "README.txt").write_text("which commit, which command", encoding="utf-8")  # notes beside it
    assert main(["compare", str(old), str(new)]) == 0
    assert capsys.readouterr().out.startswith("identical (samples): ")


def test_a_corpus_only_one_snapshot_has_is_said_and_not_compared(tmp_path, capsys):
    old = _tiny_snapshot(tmp_path / "old", [FINDING], corpora=("samples", "stdlib"))
    (old / "stdlib").mkdir()
    (old / "stdlib" / "check.txt").write_text("stdlib.py:1: PLX101\n", encoding="utf-8")
    new = _tiny_snapshot(tmp_path / "new", [FINDING])
    assert main(["compare", str(old), str(new)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "note: only OLD has the stdlib corpus: not compared"


def test_a_changed_finding_is_named(tmp_path, capsys):
    old = _tiny_snapshot(tmp_path / "old", [FINDING, OTHER])
    new = _tiny_snapshot(tmp_path / "new", [FINDING, {**OTHER, "line": 4}])
    assert main(["compare", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "samples/tiny/check.json: differs" in out
    assert "findings: only in OLD: PLX104 pkg/b.py:3:0 `manager = None`" in out
    assert "findings: only in NEW: PLX104 pkg/b.py:4:0 `manager = None`" in out
    assert "-pkg/b.py:3: PLX104\n  +pkg/b.py:4: PLX104" in out  # the text output, as a diff
    assert "facts" not in out


def test_a_changed_message_and_fact_are_named_where_they_are(tmp_path, capsys):
    old = _tiny_snapshot(tmp_path / "old", [FINDING])
    new = _tiny_snapshot(tmp_path / "new", [{**FINDING, "message": "reworded"}], module="pkg.b")
    assert main(["compare", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "findings[0].message: Fallback stub `emit` -> reworded" in out
    assert f"samples/tiny/{FACTS}: differs\n  pkg/a.py: module: pkg.a -> pkg.b" in out


def test_a_missing_output_and_a_directory_that_is_no_snapshot(tmp_path, capsys):
    old = _tiny_snapshot(tmp_path / "old", [FINDING])
    new = _tiny_snapshot(tmp_path / "new", [FINDING])
    (new / "samples" / "tiny" / "check.txt").unlink()
    assert main(["compare", str(old), str(new)]) == 1
    assert "samples/tiny/check.txt: only in OLD" in capsys.readouterr().out
    assert main(["compare", str(old), str(tmp_path)]) == 2
    assert "not a snapshot" in capsys.readouterr().err


def test_plain_data_leaves_class_names_out_and_sorts_sets():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Stub:
        name: str
        lines: tuple[int, ...]
        bases: frozenset[str]

    @dataclass(frozen=True)
    class RenamedStub:
        name: str
        lines: tuple[int, ...]
        bases: frozenset[str]

    assert plain(Stub("emit", (1, 2), frozenset({"b", "a"}))) == {"name": "emit", "lines": [1, 2], "bases": ["a", "b"]}
    assert plain(Stub("emit", (1,), frozenset())) == plain(RenamedStub("emit", (1,), frozenset()))
    assert plain({3: Path("a/b")}) == {"3": "a/b"}
    with pytest.raises(TypeError):
        plain(object())


def test_a_snapshot_of_a_project_has_its_outputs_and_facts(tmp_path, monkeypatch):
    """Also keeps the tool working while the engine's modules move. One command of the six
    (each is a `python -m plexilint` run like this one)."""
    monkeypatch.setattr(output_snapshot, "COMMANDS", [("check.json", ["check", ".", "--format", "json"])])
    temporary = tmp_path / "work"
    root = write_project(temporary / "proj", {
        "pkg/__init__.py": "",
        "pkg/a.py": "def emit(*args, **kwargs):\n    pass\n",
        "pkg/b.py": "def send(*args, **kwargs):\n    pass\n",
    }, "")
    out = tmp_path / "snapshot"
    snapshot_project(root, out, temporary)
    assert {p.name for p in out.iterdir()} == {"check.json", STATUSES, FACTS}
    statuses = json.loads((out / STATUSES).read_text(encoding="utf-8"))
    assert statuses == {"check . --format json": {"exit": 1, "stderr": ""}}
    report = json.loads((out / "check.json").read_text(encoding="utf-8"))
    assert {(f["path"], f["code"]) for f in report["findings"]} == {("pkg/a.py", "PLX101"), ("pkg/b.py", "PLX101")}
    assert report["summary"]["roots"] == [f"{TMP}/proj"]
    facts = [json.loads(line) for line in (out / FACTS).read_text(encoding="utf-8").splitlines()]
    assert [entry["relpath"] for entry in facts] == ["pkg/__init__.py", "pkg/a.py", "pkg/b.py"]
    assert facts[1]["facts"]["path"] == f"{TMP}/proj/pkg/a.py"
    assert "emit" in json.dumps(facts[1]["facts"]["fallbacks"])
    assert not any(str(temporary) in p.read_text(encoding="utf-8") for p in out.iterdir())
    shutil.rmtree(out)
