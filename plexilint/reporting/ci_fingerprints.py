"""Fingerprints unique within one report, for CI systems that track findings across runs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from plexilint.model import Finding


class Tracked(NamedTuple):
    finding: Finding
    fingerprint: str  # unique within the report
    baselined: bool


def occurrence_fingerprints(findings: Sequence[Finding]) -> list[str]:
    """``<fingerprint>:<n>``, n counting earlier findings with the same fingerprint (the
    fingerprint ignores line numbers, so two findings of one rule in one file may share it).
    The findings must be in report order, so that n survives unrelated edits."""
    seen: Counter[str] = Counter()
    unique = []
    for finding in findings:
        unique.append(f"{finding.fingerprint}:{seen[finding.fingerprint]}")
        seen[finding.fingerprint] += 1
    return unique


def tracked_findings(findings: Sequence[Finding], baselined: Sequence[Finding]) -> list[Tracked]:
    """Reported and baselined findings in one report order: a finding's fingerprint does not
    depend on whether its neighbours are in the baseline."""
    flagged = sorted([(f, False) for f in findings] + [(f, True) for f in baselined],
                     key=lambda pair: pair[0].sort_key())
    unique = occurrence_fingerprints([finding for finding, _ in flagged])
    return [Tracked(finding, fingerprint, is_baselined)
            for (finding, is_baselined), fingerprint in zip(flagged, unique)]
