"""SARIF locations: URIs relative to a named base (``uriBaseId``), never absolute, so
that GitHub code scanning matches them to the repository's files and tracks them across runs.

``%SRCROOT%`` is the working directory (the repository root in CI); a project root outside
it gets its own base, ``ROOT<n>`` (n its position among the report's roots)."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import quote

from plexilint.model import Finding, Related, Span
from plexilint.reporting.source_columns import CharacterColumns

SRCROOT = "%SRCROOT%"


def directory_uri(directory: str) -> str:
    """A ``file:`` URI ending in a slash, as SARIF requires of a base."""
    uri = PurePosixPath(directory).as_uri()
    return uri if uri.endswith("/") else uri + "/"


class Locations:
    def __init__(self, cwd: str, roots: list[str]) -> None:
        self.bases = [(SRCROOT, PurePosixPath(cwd))]
        self.bases += [(f"ROOT{n}", PurePosixPath(root)) for n, root in enumerate(roots, start=1)
                       if not PurePosixPath(root).is_relative_to(cwd)]
        self.columns = CharacterColumns()

    def original_uri_base_ids(self) -> dict:
        return {name: {"uri": directory_uri(str(base))} for name, base in self.bases}

    def artifact(self, path: str) -> dict:
        absolute = PurePosixPath(path)
        for name, base in self.bases:
            if absolute.is_relative_to(base):
                return {"uri": quote(absolute.relative_to(base).as_posix()), "uriBaseId": name}
        return {"uri": absolute.as_uri()}  # under no base: cannot happen for a file of a root

    def of_finding(self, finding: Finding) -> dict:
        return {"physicalLocation": {"artifactLocation": self.artifact(finding.path),
                                     "region": self.region(finding.path, finding.span)}}

    def related(self, finding: Finding, related: Related, number: int) -> dict:
        """``related.path`` is relative to the finding's project root."""
        path = PurePosixPath(finding.path)
        root = path.parents[len(PurePosixPath(finding.relpath).parts) - 1]
        return {"id": number, "physicalLocation": {
            "artifactLocation": self.artifact(str(root / related.path)),
            "region": {"startLine": related.line}}}

    def region(self, path: str, span: Span) -> dict:
        region = {"startLine": span.line, "startColumn": self.columns.column(path, span.line, span.column) + 1}
        if span.end_line is not None:
            region["endLine"] = span.end_line
            if span.end_column is not None:
                region["endColumn"] = self.columns.column(path, span.end_line, span.end_column) + 1
        return region
