"""Findings as LSP diagnostics: code, rule link, severity, range and the related places."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types
from pygls.workspace import PositionCodec

from plexilint.adapters.lsp.documents import uri_of
from plexilint.adapters.lsp.rule_links import rule_doc_uri
from plexilint.adapters.lsp.text import character_column
from plexilint.model import Finding, Related, Span
from plexilint.rules import rule_for

SOURCE = "plexilint"
# pylint's categories: error and fatal, warning, refactor and convention.
SEVERITIES = {
    "F": types.DiagnosticSeverity.Error,
    "E": types.DiagnosticSeverity.Error,
    "W": types.DiagnosticSeverity.Warning,
    "R": types.DiagnosticSeverity.Information,
    "C": types.DiagnosticSeverity.Information,
}


def severity_of(code: str) -> types.DiagnosticSeverity:
    rule = rule_for(code)
    return SEVERITIES[rule.category] if rule is not None else types.DiagnosticSeverity.Warning


def span_range(span: Span, lines: Sequence[str], codec: PositionCodec) -> types.Range:
    """The span in the client's position units; without an end, up to the end of its line."""
    start_line = min(max(span.line - 1, 0), len(lines) - 1)
    text = lines[start_line]
    start = types.Position(start_line, character_column(text, span.column))
    if span.end_line is None or span.end_column is None:
        end = types.Position(start_line, max(len(text.rstrip()), start.character))
    else:
        end_line = min(max(span.end_line - 1, start_line), len(lines) - 1)
        end = types.Position(end_line, character_column(lines[end_line], span.end_column))
    return types.Range(codec.position_to_client_units(lines, start), codec.position_to_client_units(lines, end))


def related_information(root: Path, related: Related) -> types.DiagnosticRelatedInformation:
    line = max(related.line - 1, 0)
    place = types.Range(types.Position(line, 0), types.Position(line + 1, 0))  # the whole line
    location = types.Location(uri=uri_of(root / related.path), range=place)
    return types.DiagnosticRelatedInformation(location=location, message="also defined here")


def diagnostic_for(finding: Finding, root: Path, lines: Sequence[str], codec: PositionCodec) -> types.Diagnostic:
    href = rule_doc_uri(finding.code)
    return types.Diagnostic(
        range=span_range(finding.span, lines, codec),
        message=finding.message,
        severity=severity_of(finding.code),
        code=finding.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        related_information=[related_information(root, r) for r in finding.related] or None,
        data={"fingerprint": finding.fingerprint, "symbol": finding.symbol},
    )
