"""The differences between two snapshots (bench/output_snapshot.py), said readably: for JSON,
where in the document and what changed (findings by code, path, line and column; items of a
list that only one side has); for text, a unified diff; for facts, per file."""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.output_snapshot import FACTS

MAX_PER_FILE = 12  # differences shown for one snapshot file
MAX_TEXT = 240  # characters of one value shown
JSON_SUFFIXES = (".json", ".sarif")


def snapshot_files(directory: Path) -> set[str]:
    """The files of each project's snapshot; the files beside them (snapshot.json, notes such
    as a README.txt) describe the snapshot and are not compared."""
    return {p.relative_to(directory).as_posix() for p in directory.glob("*/**/*") if p.is_file()}


def file_differences(old: Path, new: Path, relative: str) -> list[str]:
    """What differs between the two versions of one snapshot file (empty when identical)."""
    old_text, new_text = old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8")
    if old_text == new_text:
        return []
    if relative.endswith(FACTS) or relative.endswith(".jsonl"):
        return list(_facts_differences(old_text, new_text))
    if relative.endswith(JSON_SUFFIXES):
        try:
            old_data, new_data = json.loads(old_text), json.loads(new_text)
        except ValueError:
            return _text_differences(old_text, new_text)
        return list(differences(old_data, new_data, "")) or ["the same data, written differently"]
    return _text_differences(old_text, new_text)


def _text_differences(old: str, new: str) -> list[str]:
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), "OLD", "NEW", lineterm="", n=1)
    return [_short(line) for line in lines]


def _facts_differences(old: str, new: str) -> Iterator[str]:
    old_files, new_files = _facts_by_file(old), _facts_by_file(new)
    for relpath in sorted(old_files.keys() - new_files.keys()):
        yield f"{relpath}: facts only in OLD"
    for relpath in sorted(new_files.keys() - old_files.keys()):
        yield f"{relpath}: facts only in NEW"
    for relpath in sorted(old_files.keys() & new_files.keys()):
        for difference in differences(old_files[relpath], new_files[relpath], ""):
            yield f"{relpath}: {difference}"


def _facts_by_file(text: str) -> dict[str, Any]:
    entries = (json.loads(line) for line in text.splitlines() if line.strip())
    return {entry["relpath"]: entry["facts"] for entry in entries}


def differences(old: Any, new: Any, where: str) -> Iterator[str]:
    """Each difference as ``where: what``; ``where`` is a path into the data (``a.b[3]``)."""
    if isinstance(old, dict) and isinstance(new, dict):
        yield from _dict_differences(old, new, where)
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) == len(new) and _same_items(old, new):
            for number, (old_item, new_item) in enumerate(zip(old, new)):
                yield from differences(old_item, new_item, f"{where}[{number}]")
        else:
            yield from _list_differences(old, new, where)
    elif old != new or type(old) is not type(new):
        yield f"{where or 'the value'}: {_short(old)} -> {_short(new)}"


def _dict_differences(old: dict, new: dict, where: str) -> Iterator[str]:
    for key in [k for k in old if k not in new]:
        yield f"{_join(where, key)}: only in OLD: {_short(old[key])}"
    for key in [k for k in new if k not in old]:
        yield f"{_join(where, key)}: only in NEW: {_short(new[key])}"
    for key in [k for k in old if k in new]:
        yield from differences(old[key], new[key], _join(where, key))


def _same_items(old: list, new: list) -> bool:
    """Whether the lists hold the same things in the same places (then each place is compared
    in depth); findings are matched by where they are, other items by position."""
    return all(_identity(a) == _identity(b) for a, b in zip(old, new))


def _identity(item: Any) -> Any:
    if isinstance(item, dict) and {"code", "path", "line"} <= item.keys():
        return item["code"], item["path"], item["line"], item.get("column")
    return None


def _list_differences(old: list, new: list, where: str) -> Iterator[str]:
    """Items one side has and the other has not (as many times as it has them more)."""
    old_counts = Counter(json.dumps(item, sort_keys=True) for item in old)
    new_counts = Counter(json.dumps(item, sort_keys=True) for item in new)
    yield f"{where or 'the list'}: {len(old)} items -> {len(new)}"
    for side, mine, theirs in (("OLD", old_counts, new_counts), ("NEW", new_counts, old_counts)):
        for item, count in mine.items():
            for _ in range(count - theirs.get(item, 0)):
                yield f"{where or 'the list'}: only in {side}: {_describe(json.loads(item))}"


def _describe(item: Any) -> str:
    if isinstance(item, dict) and {"code", "path", "line"} <= item.keys():
        column = f":{item['column']}" if "column" in item else ""
        return _short(f"{item['code']} {item['path']}:{item['line']}{column} {item.get('message', '')}".rstrip())
    return _short(item)


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else str(key)


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + " ..."


def compare_snapshots(old: Path, new: Path, corpora: set[str]) -> list[str]:
    """The summary of the differences in the ``corpora`` (top directories), empty when the
    snapshots are identical there."""
    old_files, new_files = ({f for f in snapshot_files(d) if f.split("/", 1)[0] in corpora} for d in (old, new))
    lines = [f"{relative}: only in OLD" for relative in sorted(old_files - new_files)]
    lines += [f"{relative}: only in NEW" for relative in sorted(new_files - old_files)]
    for relative in sorted(old_files & new_files):
        found = file_differences(old / relative, new / relative, relative)
        if found:
            lines.append(f"{relative}: differs")
            lines += [f"  {line}" for line in found[:MAX_PER_FILE]]
            if len(found) > MAX_PER_FILE:
                lines.append(f"  ... and {len(found) - MAX_PER_FILE} more")
    return lines
