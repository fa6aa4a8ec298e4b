"""The baseline file: sorted, indented JSON with a format version, so that it diffs cleanly in
review; read back with every problem named."""

from __future__ import annotations

import json
import os
from pathlib import Path

from plexilint.engine.baseline import Baseline, Entry, EntryKey

FORMAT_VERSION = 1


class BaselineError(Exception):
    """The baseline file is missing, unreadable or not a plexilint baseline."""


def baseline_to_json(baseline: Baseline) -> str:
    entries = []
    for key in sorted(baseline.entries):
        entry = baseline.entries[key]
        item: dict = {"path": key.path, "code": key.code, "symbol": key.symbol, "source": key.source,
                      "count": entry.count}
        if entry.measures:
            item["measures"] = dict(sorted(entry.measures.items()))
        entries.append(item)
    document = {"tool": "plexilint", "version": FORMAT_VERSION, "entries": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def baseline_from_json(text: str) -> Baseline:
    """Raises BaselineError naming what is wrong."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BaselineError(f"not valid JSON: {error}") from None
    if not isinstance(document, dict) or document.get("tool") != "plexilint":
        raise BaselineError("not a plexilint baseline (no \"tool\": \"plexilint\")")
    if document.get("version") != FORMAT_VERSION:
        raise BaselineError(f"format version {document.get('version')!r} is not supported "
                            f"(this plexilint reads version {FORMAT_VERSION})")
    items = document.get("entries", [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise BaselineError("\"entries\" must be a list of objects")
    baseline = Baseline()
    for number, item in enumerate(items, 1):
        try:
            key = EntryKey(*(_text(item, name) for name in ("path", "code", "symbol", "source")))
            entry = Entry(_count(item), _measures(item))
        except ValueError as error:
            raise BaselineError(f"entry {number}: {error}") from None
        if key in baseline.entries:  # a hand-merged file may list a key twice
            entry.count += baseline.entries[key].count
        baseline.entries[key] = entry
    return baseline


def _text(item: dict, name: str) -> str:
    value = item.get(name)
    if not isinstance(value, str):
        raise ValueError(f"{name!r} must be a string")
    return value


def _count(item: dict) -> int:
    value = item.get("count")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("'count' must be a positive integer")
    return value


def _measures(item: dict) -> dict[str, int | float]:
    value = item.get("measures", {})
    if not isinstance(value, dict) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in value.values()):
        raise ValueError("'measures' must map names to numbers")
    return dict(value)


def read_baseline(path: Path) -> Baseline:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"no baseline file at {path}; `plexilint baseline create` writes one") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"cannot read the baseline {path}: {error}") from None
    try:
        return baseline_from_json(text)
    except BaselineError as error:
        raise BaselineError(f"{path}: {error}") from None


def write_baseline(path: Path, baseline: Baseline) -> None:
    """Written whole, through a temporary file: an interrupted run leaves the old baseline."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(baseline_to_json(baseline), encoding="utf-8")
    os.replace(temporary, path)
