"""plexilint: find the debris that consolidation refactors leave behind."""

__version__ = "0.1.0"
