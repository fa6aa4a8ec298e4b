"""What a covered class declares in its permissions method, and what it really uses."""

from __future__ import annotations

from plexilint.model import Span
from plexilint.policy.declared_contracts import ContractModel, Covered

USAGE_WORDS = {
    "network": "uses the network",
    "file_system": "touches the file system",
    "database": "opens a database",
    "subprocess": "runs subprocesses",
    "external_api": "calls an external API",
}


def declared_flags(covered: Covered) -> tuple[dict[str, str], Span | None]:
    """(flag -> literal value, where) from the call the permissions method returns."""
    name = covered.contract.get("permissions-method")
    method = covered.methods.get(name) if name else None
    if method is None or method.returned_call is None:
        return {}, None
    return dict(method.returned_call.keywords), method.returned_call.span


def used_categories(covered: Covered) -> dict[str, tuple[Span, str]]:
    """category -> (first place, evidence)."""
    used: dict[str, tuple[Span, str]] = {}
    for category, where, evidence in covered.cls.usage:
        first = used.get(category)
        if first is None or (where.line, where.column) < (first[0].line, first[0].column):
            used[category] = (where, evidence)
    return used


def capability_members(covered: Covered) -> set[str]:
    enum = (covered.contract.get("capabilities-enum") or "").rsplit(".", 1)[-1]
    return {member for name, member, _ in covered.cls.capability_refs if name == enum}


def lineage_usage(covered: Covered, model: ContractModel) -> set[str]:
    """Resources used by the class or the project classes it inherits from."""
    used = set(used_categories(covered))
    for ancestor in model.ancestors(covered.dotted):
        known = model.classes.get(ancestor)
        if known is not None:
            used.update(category for category, _, _ in known[1].usage)
    if used & {"network", "external_api"}:
        used.update({"network", "external_api"})  # an external API is reached over the network
    return used


def lineage_capabilities(covered: Covered, model: ContractModel) -> set[str]:
    enum = (covered.contract.get("capabilities-enum") or "").rsplit(".", 1)[-1]
    members = capability_members(covered)
    for ancestor in model.ancestors(covered.dotted):
        known = model.classes.get(ancestor)
        if known is not None:
            members.update(member for name, member, _ in known[1].capability_refs if name == enum)
    return members
