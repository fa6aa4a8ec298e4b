"""A snapshot of everything plexilint answers on one project: the outputs of `check` (text,
JSON, SARIF), `report` (Markdown, JSON) and `fix` (the dry-run diff), their exit statuses and
error output, and the facts extracted from every file, as plain data.

Outputs come from ``python -m plexilint`` in a subprocess (the same interpreter, so the code
of the checkout that runs this); facts from the engine, in this process. Absolute paths of the
temporary directory the project was copied to are replaced by ``<TMP>``, so two snapshots taken
in different places compare equal.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import os
import subprocess
import sys
from pathlib import Path, PurePath
from typing import Any

TMP = "<TMP>"

# (output file, plexilint arguments); each runs with the project root as working directory.
COMMANDS = (
    ("check.txt", ["check", ".", "--format", "text"]),
    ("check.json", ["check", ".", "--format", "json"]),
    ("check.sarif", ["check", ".", "--format", "sarif"]),
    ("report.md", ["report", ".", "--format", "markdown"]),
    ("report.json", ["report", ".", "--format", "json"]),
    ("fix.diff", ["fix", "."]),
)
STATUSES = "commands.json"  # exit status and error output of each command
FACTS = "facts.jsonl"  # one line per file: {"relpath": ..., "facts": ...}


def snapshot_project(root: Path, out: Path, temporary: Path) -> None:
    """Writes the snapshot of the project at ``root`` (inside ``temporary``, whose path is
    normalised away) to the directory ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "PLEXILINT_CACHE_DIR": str(temporary / "cache"), "PYTHONIOENCODING": "utf-8",
                   "NO_COLOR": "1", "COLUMNS": "100"}
    statuses = {}
    for name, arguments in COMMANDS:
        completed = subprocess.run([sys.executable, "-m", "plexilint", *arguments], cwd=root, env=environment,
                                   capture_output=True, check=False)
        (out / name).write_text(normalised(completed.stdout.decode("utf-8", "replace"), temporary), encoding="utf-8")
        statuses[" ".join(arguments)] = {"exit": completed.returncode,
                                         "stderr": normalised(completed.stderr.decode("utf-8", "replace"), temporary)}
    (out / STATUSES).write_text(json.dumps(statuses, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    with (out / FACTS).open("w", encoding="utf-8") as facts_file:
        for facts in sorted(project_facts(root), key=lambda f: f.relpath):
            line = json.dumps({"relpath": facts.relpath, "facts": plain(facts)}, sort_keys=True, ensure_ascii=False)
            facts_file.write(normalised(line, temporary) + "\n")


def normalised(text: str, temporary: Path) -> str:
    return text.replace(str(temporary), TMP)


def project_facts(root: Path) -> list[Any]:
    """The facts of every file of the project, every kind of fact, as a `check` run computes
    them (module names given by the project), from no cache."""
    from plexilint.config import load_config
    from plexilint.engine.facts import FACT_KINDS

    try:  # where the engine's entry point lives (it moved: runner/ above the rules)
        from plexilint.runner.project import analyse_project
    except ImportError:
        from plexilint.engine.project import analyse_project
    analysis = analyse_project(root, load_config(root), extra_facts=FACT_KINDS)
    return list(analysis.index.files)


def plain(value: Any) -> Any:
    """``value`` as JSON data: a dataclass as its fields (its class name left out, so a renamed
    class with the same fields is the same data), tuples and lists as lists, sets sorted,
    mapping keys as strings, enums as their value, paths as posix strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, PurePath):
        return value.as_posix()
    if isinstance(value, dict):
        return {str(plain(key)): plain(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((plain(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"facts hold a {type(value).__name__}, which has no plain form: {value!r}")
