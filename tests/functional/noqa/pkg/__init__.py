"""Application package; some known duplicates are acknowledged with ``# noqa``."""
