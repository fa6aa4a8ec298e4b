"""PLX1xx: duplicated fallback stubs that belong in one central fallbacks module."""
