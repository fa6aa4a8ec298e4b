"""PLX5xx: imports through paths that the consolidation moved (kept working during the transition, then removed)."""
