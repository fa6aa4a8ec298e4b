"""Machine-readable findings: paths relative to the project root, posix form."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from plexilint import __version__
from plexilint.model import Finding


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
                skipped: Sequence[dict] = ()) -> str:
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
            "skipped": list(skipped),  # folders not searched: {"path", "reason"}
        },
    }
    return json.dumps(document, indent=2) + "\n"
