"""The shape every contract rule shares: iterate the covered classes, yield findings."""

from __future__ import annotations

from collections.abc import Iterator

from plexilint.config import Config
from plexilint.engine.index import ProjectIndex
from plexilint.model import Finding, Span
from plexilint.policy.declared_contracts import ContractModel, Covered, contract_model
from plexilint.rules.base import Rule

CONTRACT_OPTIONS = ("contracts",)


class ContractRule(Rule):
    abstract = True
    # Contracts resolve names through the imports table the database facts carry.
    reads = frozenset({"contracts", "database"})
    options = CONTRACT_OPTIONS
    # Rules about a class's own methods also judge abstract intermediate classes: a wrong
    # `start` written there would otherwise reach every concrete child unreported.
    judges_abstract_classes = True

    @classmethod
    def can_report(cls, config: Config) -> bool:
        return bool(config["contracts"])  # contract rules judge only the declared contracts

    def check(self, index: ProjectIndex, config: Config) -> Iterator[Finding]:
        if not config["contracts"]:
            return
        model = contract_model(index, config)
        for covered in model.covered(include_abstract=self.judges_abstract_classes):
            yield from self.check_class(covered, model)

    def check_class(self, covered: Covered, model: ContractModel) -> Iterator[Finding]:
        raise NotImplementedError

    def report(self, covered: Covered, span: Span, message: str, key: str) -> Finding:
        return self.finding(covered.file, span, message, key=f"{covered.dotted}:{key}")
