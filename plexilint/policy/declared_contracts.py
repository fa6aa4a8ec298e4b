"""Which classes each contract covers, and what they implement (own or inherited)."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from plexilint.analysis.contracts import ClassFacts, Method, normalise_annotation
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex
from plexilint.policy.project_names import project_names


@dataclass(frozen=True)
class Covered:
    """A concrete class a contract applies to."""

    contract: dict[str, Any]
    file: FileFacts
    cls: ClassFacts
    dotted: str
    methods: dict[str, Method]  # own and inherited (first definition in the MRO wins)
    # Inherited methods written outside the contract's hierarchy (a mixin): name -> the class
    # that defines it. Nothing else judges them, so they are judged on each class inheriting them.
    from_mixins: dict[str, str] = field(default_factory=dict)

    def own(self, name: str) -> Method | None:
        return next((m for m in self.cls.methods if m.name == name), None)

    def judged(self, name: str) -> tuple[Method, str | None] | None:
        """The method a contract rule judges on this class: its own (owner None), or one it
        inherits from a mixin (with the mixin's name); None when neither."""
        own = self.own(name)
        if own is not None:
            return own, None
        if name in self.from_mixins:
            return self.methods[name], self.from_mixins[name]
        return None


class ContractModel:
    def __init__(self, index: ProjectIndex, config: Config) -> None:
        self.contracts: list[dict[str, Any]] = config["contracts"]
        self.classes: dict[str, tuple[FileFacts, ClassFacts]] = {}
        self.names = project_names(index)
        self.enums: dict[str, tuple[str, ...]] = {}
        for file in index.files:
            for cls in file.contracts.classes:
                self.classes[f"{file.module}.{cls.name}"] = (file, cls)
            for name, members in file.contracts.enums:
                self.enums[name] = members

    def canonical(self, dotted: str) -> str:
        return self.names.canonical(dotted, self.classes)

    def ancestors(self, dotted: str) -> list[str]:
        """Depth-first, left to right: close enough to the MRO for contract checks."""
        order: list[str] = []
        stack = [dotted]
        while stack:
            current = stack.pop(0)
            if current in order:
                continue
            order.append(current)
            known = self.classes.get(current)
            if known is not None:
                stack[0:0] = [self.canonical(base) for base in known[1].bases]
        return order[1:]

    @staticmethod
    def _is_base(dotted: str, pattern: str) -> bool:
        return fnmatch.fnmatchcase(dotted, pattern) or (
            "." not in pattern and dotted.rsplit(".", 1)[-1] == pattern)

    def covered(self, include_abstract: bool = False) -> Iterator[Covered]:
        """Concrete subclasses of each contract's base; with `include_abstract`, the abstract
        intermediate classes too (their own methods are still judged, once, where written)."""
        for contract in self.contracts:
            pattern = contract["base"]
            in_hierarchy: dict[str, bool] = {}  # class -> the base or a subclass of it
            for dotted, (file, cls) in sorted(self.classes.items()):
                if (cls.abstract and not include_abstract) or self._is_base(dotted, pattern):
                    continue
                lineage = self.ancestors(dotted)
                if any(self._is_base(a, pattern) for a in lineage):
                    methods, owners = self._provided_methods([dotted, *lineage])
                    for owner in set(owners.values()) - in_hierarchy.keys():
                        in_hierarchy[owner] = self._in_hierarchy(owner, pattern)
                    mixins = {name: owner for name, owner in owners.items()
                              if owner != dotted and not in_hierarchy[owner]}
                    yield Covered(contract, file, cls, dotted, methods, mixins)

    def _in_hierarchy(self, dotted: str, pattern: str) -> bool:
        """The contract's base or one of its subclasses (whose methods are judged where written)."""
        return any(self._is_base(a, pattern) for a in [dotted, *self.ancestors(dotted)])

    def _provided_methods(self, lineage: list[str]) -> tuple[dict[str, Method], dict[str, str]]:
        """Methods the lineage implements, the first definition winning, and the class each
        comes from; a method abstract or raising NotImplementedError where first defined is
        declared, not provided."""
        methods: dict[str, Method | None] = {}
        owners: dict[str, str] = {}
        for owner in lineage:
            known = self.classes.get(owner)
            if known is None:
                continue
            for method in known[1].methods:
                provided = not (method.abstract or method.not_implemented)
                if method.name not in methods:
                    methods[method.name] = method if provided else None
                    owners[method.name] = owner
        provided_methods = {k: v for k, v in methods.items() if v is not None}
        return provided_methods, {k: owners[k] for k in provided_methods}

    def capabilities(self, contract: dict[str, Any]) -> set[str] | None:
        """The capability enum's members: read from the project's source when it is there."""
        enum = contract.get("capabilities-enum")
        if not enum:
            return None
        members = self.enums.get(enum.rsplit(".", 1)[-1])
        if members:
            return set(members)
        return set(contract["capabilities"]) if contract.get("capabilities") else None


def inherited_from(mixin: str | None) -> str:
    """`` (inherited from `Mixin`)`` for a method judged on a class that inherits it."""
    return f" (inherited from `{mixin.rsplit('.', 1)[-1]}`)" if mixin else ""


def expected_signature(spec: dict[str, Any]) -> str:
    params = ", ".join(["self", *(spec.get("params") or [])])
    prefix = "async def" if spec.get("async") else "def"
    returns = f" -> {spec['returns']}" if spec.get("returns") else ""
    return f"{prefix} NAME({params}){returns}"


def same_annotation(actual: str | None, expected: str | None) -> bool:
    return expected is None or normalise_annotation(actual) == normalise_annotation(expected)


def contract_model(index: ProjectIndex, config: Config) -> ContractModel:
    """One model per analysis run, shared by the PLX3 rules and the compliance report."""
    return index.derived("contracts", config.digest, lambda: ContractModel(index, config))
