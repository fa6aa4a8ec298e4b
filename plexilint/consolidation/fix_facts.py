"""The kinds of per-file facts the fix reads, beyond what the enabled rules read: whoever
analyses a project for `fix` or `report` asks for these (`analyse_project(extra_facts=...)`),
so a plain `check` never extracts them."""

from __future__ import annotations

from plexilint.runner.project import ProjectAnalysis

# The stubs to move, the imports to retarget, and where code tests a placeholder against None.
FIX_FACTS = frozenset({"fallbacks", "name_imports", "none_tests"})


def require_fix_facts(analysis: ProjectAnalysis) -> None:
    """Refuses an analysis without the facts the fix reads: planning without them would
    silently change code it must leave alone (a placeholder tested against None)."""
    missing = FIX_FACTS - analysis.fact_kinds
    if missing:
        raise ValueError(f"the fix needs the facts {sorted(missing)}: analyse the project with "
                         "extra_facts=FIX_FACTS (plexilint.consolidation.fix_facts)")
