"""The shape the per-function limits share (PLX401, PLX406, PLX409): one number per function,
compared with one option, reported on the `def` with the block's noqa lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from plexilint.analysis.complexity import FunctionMetrics
from plexilint.config import Config
from plexilint.engine.facts import FileFacts
from plexilint.model import Finding, Measure
from plexilint.rules.base import FileRule


class FunctionLimitRule(FileRule):
    """Subclasses name their option first in `options` and say what they measure."""

    abstract = True
    reads = frozenset({"complexity"})
    measured: ClassVar[str]  # the number's name in a baseline's "got worse" message

    def measure(self, function: FunctionMetrics) -> int:
        raise NotImplementedError

    def message(self, function: FunctionMetrics, value: int, limit: int) -> str:
        raise NotImplementedError

    def message_in(self, file: FileFacts, function: FunctionMetrics, value: int, limit: int) -> str:
        """The message, for rules that also look at the rest of the file."""
        return self.message(function, value, limit)

    def reports(self, function: FunctionMetrics) -> bool:
        """Whether ``function`` is reported on its own (a nested one may be measured through
        the function holding it)."""
        return True

    def check_file(self, file: FileFacts, config: Config) -> Iterator[Finding]:
        limit = config[self.options[0]]
        for function in file.complexity.functions:
            if not self.reports(function):
                continue
            value = self.measure(function)
            if value > limit:
                yield self.finding(file, function.span, self.message_in(file, function, value, limit),
                                   key=function.qualname, noqa_lines=function.noqa_lines,
                                   measures=[Measure(self.measured, value)])
