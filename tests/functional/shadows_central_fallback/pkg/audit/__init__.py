"""Audit trail.  Its health stub duplicates the notifications one; the central module has
no such stub, so this is plain duplication (PLX101), not shadowing."""

__all__ = ["audit_health"]


def audit_health(request):  # [duplicated-fallback-stub]
    return {"status": "ok", "component": "audit"}
