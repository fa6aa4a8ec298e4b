"""Application package."""

__author__ = None  # filled in by the release script
