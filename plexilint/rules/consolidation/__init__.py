"""PLX5xx: imports through paths that the consolidation moved (kept working during the transition, then removed)."""

from plexilint.rules.consolidation import moved_import  # noqa: F401  (registration)
