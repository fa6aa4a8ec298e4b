"""PLX0xx: problems with the input itself."""

from plexilint.rules.system import unparsable_file  # noqa: F401
