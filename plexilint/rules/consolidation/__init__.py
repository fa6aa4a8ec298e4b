"""PLX5xx: imports through paths that the consolidation moved (seed 004's compatibility concern)."""

from plexilint.rules.consolidation import moved_import  # noqa: F401  (registration)
