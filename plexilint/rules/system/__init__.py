"""PLX0xx: problems with the input itself and with suppressions."""
