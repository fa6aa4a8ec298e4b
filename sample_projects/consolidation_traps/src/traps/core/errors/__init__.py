"""Errors: real severities of the error handling, not a fallback."""

from traps.core.errors.exceptions import ErrorSeverity

__all__ = ["ErrorSeverity"]
