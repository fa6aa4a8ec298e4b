"""Machine-readable findings: paths relative to the project root, posix form. The document's
JSON Schema ships with the package (`check_json_schema()`)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from plexilint import __version__
from plexilint.model import Finding, Note


SCHEMA_RESOURCE = "schemas/check-json.schema.json"


def check_json_schema() -> dict:
    """The JSON Schema (draft 2020-12) that `plexilint check --format json` output follows."""
    from importlib.resources import files

    return json.loads(files("plexilint.reporting").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8"))


def finding_to_dict(finding: Finding) -> dict:
    span = finding.span
    return {
        "code": finding.code,
        "symbol": finding.symbol,
        "path": finding.relpath,
        "line": span.line,
        "column": span.column + 1,
        "end_line": span.end_line if span.end_line is not None else span.line,
        "end_column": (span.end_column if span.end_column is not None else span.column) + 1,
        "message": finding.message,
        "fingerprint": finding.fingerprint,
        "related": [{"path": r.path, "line": r.line} for r in finding.related],
    }


def render_json(findings: Sequence[Finding], files_checked: int, roots: Sequence[str],
                notes: Sequence[Note] = (), skipped: Sequence[dict] = ()) -> str:
    by_code = Counter(f.code for f in findings)
    document = {
        "findings": [finding_to_dict(f) for f in findings],
        "summary": {
            "version": __version__,
            "roots": list(roots),
            "files_checked": files_checked,
            "files_with_findings": len({f.path for f in findings}),
            "findings": len(findings),
            "by_code": dict(sorted(by_code.items())),
            # What the run tells besides findings (a rule family that found nothing to check).
            "notes": [{"source": n.source, "message": n.message, "detail": n.detail} for n in notes],
            "skipped": list(skipped),  # folders not searched: {"path", "reason"}
        },
    }
    return json.dumps(document, indent=2) + "\n"
