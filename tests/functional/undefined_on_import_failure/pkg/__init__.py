"""Application package with optional dependencies."""
