"""PLX0xx: problems with the input itself and with suppressions."""

from plexilint.rules.system import unparsable_file, unusable_fallbacks_module, unused_noqa  # noqa: F401
