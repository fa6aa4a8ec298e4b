"""PLX0xx: problems with the input itself and with suppressions."""

from plexilint.rules.system import unparsable_file, unused_noqa  # noqa: F401
