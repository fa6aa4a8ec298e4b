"""The real exception hierarchy and its severities."""


class ErrorSeverity:
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class TrapsError(Exception):
    severity = ErrorSeverity.MEDIUM
