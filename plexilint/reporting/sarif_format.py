"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (docs/ci.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from plexilint import __version__
from plexilint.reporting.ci_fingerprints import Tracked, tracked_findings
from plexilint.reporting.ci_levels import SARIF_LEVELS, category_of
from plexilint.reporting.rule_links import PROJECT_URL
from plexilint.reporting.sarif_locations import Locations, directory_uri
from plexilint.reporting.sarif_rules import rule_descriptor
from plexilint.rules import REGISTRY

if TYPE_CHECKING:
    from plexilint.reporting.findings_report import FindingsReport

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# Versioned, as SARIF asks of partialFingerprints keys: a new scheme gets a new key.
FINGERPRINT_KEY = "plexilintFingerprint/v1"
BASELINE_SUPPRESSION = {"kind": "external", "status": "accepted",
                        "justification": "Accepted by the plexilint baseline."}


def sarif_result(tracked: Tracked, rule_index: dict[str, int], locations: Locations) -> dict:
    finding = tracked.finding
    result: dict = {"ruleId": finding.code}
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    result.update({
        "level": SARIF_LEVELS[category_of(finding)],
        "message": {"text": finding.message},
        "locations": [locations.of_finding(finding)],
        "partialFingerprints": {FINGERPRINT_KEY: tracked.fingerprint},
    })
    if finding.related:
        result["relatedLocations"] = [locations.related(finding, related, number)
                                      for number, related in enumerate(finding.related, start=1)]
    if tracked.baselined:
        result["suppressions"] = [dict(BASELINE_SUPPRESSION)]
    return result


def render_sarif(report: FindingsReport) -> str:
    tracked = tracked_findings(report.findings, report.baselined)
    # Metadata of the rules that fired only: every rule's documentation would weigh more
    # than the results of most runs.
    rules = [REGISTRY[code] for code in sorted({t.finding.code for t in tracked}) if code in REGISTRY]
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    locations = Locations(report.cwd, report.roots)
    results = [sarif_result(t, rule_index, locations) for t in tracked]
    run = {
        "tool": {"driver": {
            "name": "plexilint",
            "fullName": f"plexilint {__version__}",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": PROJECT_URL,
            "rules": [rule_descriptor(rule) for rule in rules],
        }},
        "invocations": [{"executionSuccessful": True,
                         "workingDirectory": {"uri": directory_uri(report.cwd)}}],
        "originalUriBaseIds": locations.original_uri_base_ids(),
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2) + "\n"
